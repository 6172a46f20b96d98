package jp.kyodo.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The percentages the grade table ({@code evaluation-grade}) compares with. The viewpoints are the guidelines' (goals
 * met, the sheet, 行政効率 = 効果 ÷ 費用, satisfaction: 旭川 Q64, Q69, Q70; 東久留米 III-7); how high is high enough is
 * not in them and is the city's choice, set under {@code kyodo.rules.evaluation-grade.*} and handed to the table by the
 * business rule task:
 * <ul>
 * <li>{@code sheet-score-for-a} (80): the agreed sheet's score, in %, at least this for A;
 * <li>{@code efficiency-for-a} (100): 行政効率 against the plan, in %, at least this for A;
 * <li>{@code satisfaction-for-a} (70): citizens' satisfaction, in %, at least this for A;
 * <li>{@code efficiency-review-below} (80): goals met, but 行政効率 below this % of the plan: review the cost (旭川 Q64);
 * <li>{@code sheet-score-process-works} (60): goals missed, the sheet at least this %: the collaboration itself works,
 *     improve with short-term goals; below it, reconsider the means (旭川 Q70).
 * </ul>
 */
@Component("gradeThresholds")
public class GradeThresholds {

  private final int sheetScoreForA;
  private final int efficiencyForA;
  private final int satisfactionForA;
  private final int efficiencyReviewBelow;
  private final int sheetScoreProcessWorks;

  public GradeThresholds(@Value("${kyodo.rules.evaluation-grade.sheet-score-for-a:80}") int sheetScoreForA,
      @Value("${kyodo.rules.evaluation-grade.efficiency-for-a:100}") int efficiencyForA,
      @Value("${kyodo.rules.evaluation-grade.satisfaction-for-a:70}") int satisfactionForA,
      @Value("${kyodo.rules.evaluation-grade.efficiency-review-below:80}") int efficiencyReviewBelow,
      @Value("${kyodo.rules.evaluation-grade.sheet-score-process-works:60}") int sheetScoreProcessWorks) {
    percent("sheet-score-for-a", sheetScoreForA, 100);
    percent("satisfaction-for-a", satisfactionForA, 100);
    percent("sheet-score-process-works", sheetScoreProcessWorks, 100);
    // 行政効率 may exceed the plan: up to ten times it is a plausible bar.
    percent("efficiency-for-a", efficiencyForA, 1000);
    percent("efficiency-review-below", efficiencyReviewBelow, 1000);
    this.sheetScoreForA = sheetScoreForA;
    this.efficiencyForA = efficiencyForA;
    this.satisfactionForA = satisfactionForA;
    this.efficiencyReviewBelow = efficiencyReviewBelow;
    this.sheetScoreProcessWorks = sheetScoreProcessWorks;
  }

  /** The defaults, as application.yml documents them. */
  public static GradeThresholds defaults() {
    return new GradeThresholds(80, 100, 70, 80, 60);
  }

  private static void percent(String name, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException("kyodo.rules.evaluation-grade." + name + " must be 0-" + max + " (%), got " + value);
    }
  }

  public int getSheetScoreForA() {
    return sheetScoreForA;
  }

  public int getEfficiencyForA() {
    return efficiencyForA;
  }

  public int getSatisfactionForA() {
    return satisfactionForA;
  }

  public int getEfficiencyReviewBelow() {
    return efficiencyReviewBelow;
  }

  public int getSheetScoreProcessWorks() {
    return sheetScoreProcessWorks;
  }
}
