package jp.kyodo.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the selection committee's scores become a ranking (関市 ルール4 公正な選定, 旭川 Q43): for each
 * application, the weighted mean over the reviewers who scored it (a reviewer with a declared
 * conflict of interest has no score for it), the number of reviews against the quorum, and a
 * ranking with an explicit tie rule — equal totals are ordered by the score on the heaviest
 * criterion, then the next heaviest; applications still equal share a rank and are marked tied, so
 * the committee decides between them and records why.
 */
public final class ScoreAggregation {

  /** A criterion of the published call; weights of a call add up to 100. */
  public record Criterion(String id, String label, int weight) {}

  /** One reviewer's scores for one application, criterion id → score. */
  public record Review(String applicationId, String reviewerId, Map<String, Integer> scores) {}

  /** An application's place in the ranking. */
  public record Result(String applicationId, double weightedScore, int reviews, boolean quorumMet, int rank,
      boolean tied, Map<String, Double> meanByCriterion) {}

  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;

  private ScoreAggregation() {}

  /** Refuses criteria whose weights are not positive or do not add up to 100. */
  public static void checkCriteria(List<Criterion> criteria) {
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("審査基準を一つ以上設定してください。");
    }
    int sum = 0;
    for (Criterion criterion : criteria) {
      if (criterion.weight() <= 0) {
        throw new IllegalArgumentException("審査基準「" + criterion.label() + "」の配点は1以上にしてください。");
      }
      sum += criterion.weight();
    }
    if (sum != 100) {
      throw new IllegalArgumentException("審査基準の配点の合計を100にしてください（いま" + sum + "）。");
    }
  }

  /**
   * Ranks the applications. Applications that miss the quorum are listed after those that meet it
   * and get no rank (0): too few independent reviews to compare them fairly.
   */
  public static List<Result> rank(List<Criterion> criteria, Set<String> applicationIds, List<Review> reviews, int quorum) {
    checkCriteria(criteria);
    List<Result> unranked = new ArrayList<>();
    for (String application : applicationIds) {
      List<Review> own = reviews.stream().filter(r -> r.applicationId().equals(application)).toList();
      Map<String, Double> means = new LinkedHashMap<>();
      double total = 0;
      for (Criterion criterion : criteria) {
        double mean = own.stream().mapToInt(r -> score(r, criterion)).average().orElse(0);
        means.put(criterion.id(), mean);
        total += mean * criterion.weight() / 100.0;
      }
      unranked.add(new Result(application, round(total), own.size(), own.size() >= quorum, 0, false, means));
    }
    List<Criterion> heaviestFirst = criteria.stream()
        .sorted(Comparator.comparingInt(Criterion::weight).reversed()).toList();
    Comparator<Result> order = Comparator.comparing(Result::weightedScore).reversed();
    for (Criterion criterion : heaviestFirst) {
      order = order.thenComparing(r -> r.meanByCriterion().get(criterion.id()), Comparator.reverseOrder());
    }
    List<Result> qualified = unranked.stream().filter(Result::quorumMet).sorted(order).toList();
    List<Result> ranked = new ArrayList<>();
    for (int i = 0; i < qualified.size(); i++) {
      Result current = qualified.get(i);
      boolean tiedWithPrevious = i > 0 && order.compare(qualified.get(i - 1), current) == 0;
      boolean tiedWithNext = i + 1 < qualified.size() && order.compare(current, qualified.get(i + 1)) == 0;
      int rank = tiedWithPrevious ? ranked.get(i - 1).rank() : i + 1;
      ranked.add(new Result(current.applicationId(), current.weightedScore(), current.reviews(), true, rank,
          tiedWithPrevious || tiedWithNext, current.meanByCriterion()));
    }
    unranked.stream().filter(r -> !r.quorumMet())
        .sorted(Comparator.comparing(Result::applicationId)).forEach(ranked::add);
    return ranked;
  }

  private static int score(Review review, Criterion criterion) {
    Integer score = review.scores().get(criterion.id());
    if (score == null || score < MIN_SCORE || score > MAX_SCORE) {
      throw new IllegalArgumentException("審査委員 " + review.reviewerId() + " の「" + criterion.label() + "」の点数は"
          + MIN_SCORE + "〜" + MAX_SCORE + "で入力してください。");
    }
    return score;
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
