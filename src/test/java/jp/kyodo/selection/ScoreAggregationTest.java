package jp.kyodo.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import jp.kyodo.selection.ScoreAggregation.Result;
import jp.kyodo.selection.ScoreAggregation.Review;
import org.junit.jupiter.api.Test;

class ScoreAggregationTest {

  static final List<Criterion> CRITERIA = List.of(
      new Criterion("effect", "事業の効果", 50), new Criterion("feasibility", "実現性", 30), new Criterion("cost", "経費の妥当性", 20));

  static Review review(String application, String reviewer, int effect, int feasibility, int cost) {
    return new Review(application, reviewer, Map.of("effect", effect, "feasibility", feasibility, "cost", cost));
  }

  static Set<String> applications(String... ids) {
    return new LinkedHashSet<>(List.of(ids));
  }

  @Test
  void theWeightedMeanOverTheReviewersDecidesTheRank() {
    List<Result> results = ScoreAggregation.rank(CRITERIA, applications("A", "B"), List.of(
        review("A", "r1", 5, 4, 3), review("A", "r2", 4, 4, 3),
        review("B", "r1", 3, 5, 5), review("B", "r2", 3, 5, 5)), 2);
    assertThat(results).extracting(Result::applicationId).containsExactly("A", "B");
    assertThat(results.get(0).weightedScore()).isEqualTo(4.05);   // 4.5*0.5 + 4*0.3 + 3*0.2
    assertThat(results.get(1).weightedScore()).isEqualTo(4.0);    // 3*0.5 + 5*0.3 + 5*0.2
    assertThat(results).extracting(Result::rank).containsExactly(1, 2);
    assertThat(results).noneMatch(Result::tied);
  }

  @Test
  void aConflictedReviewerHasNoScoreSoOnlyTheOthersCount() {
    // r2 declared a conflict on B: B is scored by r1 and r3 only.
    List<Result> results = ScoreAggregation.rank(CRITERIA, applications("B"), List.of(
        review("B", "r1", 4, 4, 4), review("B", "r3", 2, 2, 2)), 2);
    assertThat(results.get(0).reviews()).isEqualTo(2);
    assertThat(results.get(0).weightedScore()).isEqualTo(3.0);
  }

  @Test
  void applicationsBelowTheQuorumAreListedWithoutARank() {
    List<Result> results = ScoreAggregation.rank(CRITERIA, applications("A", "C"), List.of(
        review("A", "r1", 3, 3, 3), review("A", "r2", 3, 3, 3), review("C", "r1", 5, 5, 5)), 2);
    assertThat(results).extracting(Result::applicationId).containsExactly("A", "C");
    assertThat(results.get(1).quorumMet()).isFalse();
    assertThat(results.get(1).rank()).isZero();
  }

  @Test
  void equalTotalsAreOrderedByTheHeaviestCriterionThenMarkedTiedIfStillEqual() {
    List<Result> tieBroken = ScoreAggregation.rank(CRITERIA, applications("X", "Y"), List.of(
        review("X", "r1", 4, 2, 3), review("Y", "r1", 3, 3, 4)), 1);
    // Both total 3.2; X scores higher on the heaviest criterion (事業の効果, 50).
    assertThat(tieBroken.get(0).weightedScore()).isEqualTo(tieBroken.get(1).weightedScore());
    assertThat(tieBroken).extracting(Result::applicationId).containsExactly("X", "Y");
    assertThat(tieBroken).extracting(Result::rank).containsExactly(1, 2);
    assertThat(tieBroken).noneMatch(Result::tied);

    List<Result> tied = ScoreAggregation.rank(CRITERIA, applications("P", "Q", "R"), List.of(
        review("P", "r1", 4, 4, 4), review("Q", "r1", 4, 4, 4), review("R", "r1", 2, 2, 2)), 1);
    assertThat(tied).extracting(Result::rank).containsExactly(1, 1, 3);
    assertThat(tied).extracting(Result::tied).containsExactly(true, true, false);
  }

  @Test
  void criteriaMustBePositiveAndAddUpTo100() {
    assertThatThrownBy(() -> ScoreAggregation.checkCriteria(List.of(new Criterion("a", "効果", 60), new Criterion("b", "実現性", 30))))
        .hasMessageContaining("合計を100").hasMessageContaining("90");
    assertThatThrownBy(() -> ScoreAggregation.checkCriteria(List.of(new Criterion("a", "効果", 100), new Criterion("b", "実現性", 0))))
        .hasMessageContaining("1以上");
    assertThatThrownBy(() -> ScoreAggregation.checkCriteria(List.of())).hasMessageContaining("一つ以上");
  }

  @Test
  void aScoreOutsideOneToFiveIsRefused() {
    assertThatThrownBy(() -> ScoreAggregation.rank(CRITERIA, applications("A"), List.of(review("A", "r1", 6, 3, 3)), 1))
        .hasMessageContaining("1〜5");
    assertThatThrownBy(() -> ScoreAggregation.rank(CRITERIA, applications("A"),
        List.of(new Review("A", "r1", Map.of("effect", 3))), 1)).hasMessageContaining("実現性");
  }
}
