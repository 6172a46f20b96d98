package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.GoalAchievement;
import jp.kyodo.evaluation.EvaluationChoices.GoalResult;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Turns the department's outcome figures into what the grade is decided on (旭川 Q69 viewpoints): whether
 * the goals were met, and 行政効率 = 効果 ÷ 費用 of the year against the plan (旭川 Q64: the aim is the
 * greatest effect per cost, not the lowest cost). Satisfaction counts only where it was surveyed.
 */
@Component("computeOutcomeFigures")
public class ComputeOutcomeFiguresListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<String> results = GOALS.stream().filter(slot -> slot.description().get(task) != null)
        .map(slot -> slot.result().get(task)).toList();
    GoalAchievement achievement = achievement(results);
    GOAL_ACHIEVEMENT.set(task, achievement.code());
    GOAL_ACHIEVEMENT_LABEL.set(task, achievement.label());
    GOALS_MET.set(task, achievement == GoalAchievement.ALL);

    long plannedEffect = PLANNED_EFFECT.get(task);
    long actualEffect = ACTUAL_EFFECT.get(task);
    long plannedCost = Project.COST_ESTIMATE.get(task);
    long actualCost = ACTUAL_COST.get(task);
    Long efficiency = efficiencyPercent(plannedEffect, actualEffect, plannedCost, actualCost);
    EFFICIENCY_PERCENT.set(task, efficiency);
    EFFICIENCY_LABEL.set(task, efficiencyLabel(efficiency, plannedEffect, actualEffect, plannedCost, actualCost,
        EFFECT_UNIT.get(task)));

    if (!CITIZEN_SURVEYED.isTrue(task)) {
      SATISFACTION_PERCENT.set(task, null);
      SURVEY_RESPONDENTS.set(task, null);
    }
  }

  /** Every goal reached, none reached, or anything between. */
  static GoalAchievement achievement(List<String> results) {
    if (results.isEmpty() || results.stream().anyMatch(r -> r == null)) {
      throw new IllegalStateException("every goal needs its result: " + results);
    }
    if (results.stream().allMatch(GoalResult.YES.code()::equals)) {
      return GoalAchievement.ALL;
    }
    if (results.stream().allMatch(GoalResult.NO.code()::equals)) {
      return GoalAchievement.NONE;
    }
    return GoalAchievement.PARTLY;
  }

  /**
   * Effect per yen of the year as a percentage of the planned effect per yen; null when either cost is zero
   * (a collaboration without spending has no 効果÷費用).
   */
  static Long efficiencyPercent(long plannedEffect, long actualEffect, long plannedCost, long actualCost) {
    if (plannedCost <= 0 || actualCost <= 0 || plannedEffect <= 0) {
      return null;
    }
    BigDecimal actual = BigDecimal.valueOf(actualEffect).multiply(BigDecimal.valueOf(plannedCost));
    BigDecimal planned = BigDecimal.valueOf(plannedEffect).multiply(BigDecimal.valueOf(actualCost));
    return actual.multiply(BigDecimal.valueOf(100)).divide(planned, 0, RoundingMode.HALF_UP).longValueExact();
  }

  static String efficiencyLabel(Long percent, long plannedEffect, long actualEffect, long plannedCost, long actualCost,
      String unit) {
    if (percent == null) {
      return "費用が0円のため、行政効率（効果÷費用）は算出していません。";
    }
    return "1万円あたりの効果: 実績 " + perTenThousandYen(actualEffect, actualCost) + unit + "（計画 "
        + perTenThousandYen(plannedEffect, plannedCost) + unit + "）、計画比 " + percent + "%";
  }

  private static String perTenThousandYen(long effect, long cost) {
    return BigDecimal.valueOf(effect).multiply(BigDecimal.valueOf(10_000))
        .divide(BigDecimal.valueOf(cost), 1, RoundingMode.HALF_UP).toPlainString();
  }
}
