package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.GoalAchievement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The figures the grade is decided on: goal achievement, 行政効率 (旭川 Q64) and the sheet score. */
class OutcomeFiguresTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = ';', value = {
      "YES;ALL", "YES,YES,YES;ALL", "NO;NONE", "NO,NO;NONE", "YES,NO;PARTLY", "PARTLY;PARTLY", "YES,PARTLY,YES;PARTLY",
      "NO,PARTLY;PARTLY"})
  void goalsTakenTogether(String results, GoalAchievement expected) {
    assertThat(ComputeOutcomeFiguresListener.achievement(Arrays.asList(results.split(",")))).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void everyGoalNeedsItsResult() {
    assertThatThrownBy(() -> ComputeOutcomeFiguresListener.achievement(Arrays.asList("YES", null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ComputeOutcomeFiguresListener.achievement(List.of())).isInstanceOf(IllegalStateException.class);
  }

  /** Effect per yen of the year against the plan's: more effect for the same cost, or the same for less, is above 100. */
  @ParameterizedTest(name = "planned {0} for {2}, got {1} for {3} → {4}%")
  @CsvSource(nullValues = "null", value = {
      "100,100,1000000,1000000,100",
      "100,120,1000000,1000000,120",
      "100,100,1000000,800000,125",
      "100,150,1000000,1500000,100",
      "100,90,1000000,1200000,75",
      "3,1,1000,1000,33",
      "3,2,1000,1000,67",
      "100,0,1000000,1000000,0",
      "1000000000,1000000000,100000000000,1,10000000000000",
      "100,100,0,1000000,null",
      "100,100,1000000,0,null",
      "100,100,0,0,null"})
  void administrativeEfficiencyAgainstThePlan(long plannedEffect, long actualEffect, long plannedCost, long actualCost,
      Long expected) {
    assertThat(ComputeOutcomeFiguresListener.efficiencyPercent(plannedEffect, actualEffect, plannedCost, actualCost))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void theEfficiencyIsExplainedPerTenThousandYen() {
    assertThat(ComputeOutcomeFiguresListener.efficiencyLabel(125L, 100, 100, 1_000_000, 800_000, "人"))
        .isEqualTo("1万円あたりの効果: 実績 1.3人（計画 1.0人）、計画比 125%");
    assertThat(ComputeOutcomeFiguresListener.efficiencyLabel(null, 100, 100, 0, 0, "人")).contains("算出していません");
  }

  @ParameterizedTest(name = "{0} points → {1}%")
  @CsvSource({"40,100", "39,98", "20,50", "0,0", "1,3", "30,75", "32,80"})
  void theSheetScoreCountsAPartlyAsHalfAYes(int points, long expected) {
    assertThat(RecordJointReviewListener.sheetScore(points)).isEqualTo(expected);
  }
}
