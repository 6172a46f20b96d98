package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.Confirmation;
import jp.kyodo.examination.ExaminationForms;
import jp.kyodo.forms.FormRules;
import jp.kyodo.project.Project;

/** Server-side rules of the forms of ⑤ 事業の評価, field by field as in {@code forms/evaluation-*.form}. */
public final class EvaluationForms {

  private EvaluationForms() {}

  static final long MAX_YEN = 100_000_000_000L;
  static final long MAX_EFFECT = 1_000_000_000L;
  /** How many fiscal years back a project may be evaluated. */
  public static final int YEARS_BACK = 5;

  public static final FormRules START = start();
  public static final FormRules OUTCOMES = outcomes();
  public static final FormRules SELF_ASSESSMENT = selfAssessment();
  public static final FormRules THIRD_PARTY = thirdParty();
  public static final FormRules JOINT_REVIEW = jointReview();
  public static final FormRules CONFIRMATION = confirmation();

  public static final List<FormRules> ALL = List.of(START, OUTCOMES, SELF_ASSESSMENT, THIRD_PARTY, JOINT_REVIEW, CONFIRMATION);

  /**
   * Started on its own, the clerk names the project, the partner and the goals; called by the lifecycle,
   * the same fields arrive as project variables and the goals as {@code agreementGoals}.
   */
  private static FormRules start() {
    return FormRules.forForm(FormIds.START)
        .check(Project.FISCAL_YEAR, (scope, value) -> evaluableYear((Long) value),
            "「評価する事業の年度（西暦）」は今年度から" + YEARS_BACK + "年度前までの年度で入力してください。")
        .build();
  }

  private static FormRules outcomes() {
    return FormRules.none(FormIds.OUTCOMES);
  }

  /** The same sheet for the department and the partner; answers stay on the task until both are in. */
  private static FormRules selfAssessment() {
    return FormRules.forForm(FormIds.SELF_ASSESSMENT).taskLocal().build();
  }

  private static FormRules thirdParty() {
    return FormRules.forForm(FormIds.THIRD_PARTY).taskLocal().build();
  }

  private static FormRules jointReview() {
    return FormRules.none(FormIds.JOINT_REVIEW);
  }

  private static FormRules confirmation() {
    return FormRules.forForm(FormIds.CONFIRMATION)
        .requiredWhen(PARTNER_COMMENT,
            scope -> Confirmation.REQUEST_CHANGES.code().equals(PARTNER_CONFIRMATION.get(scope)), "修正を求める場合")
        .build();
  }


  public static boolean evaluableYear(long year) {
    return CityCalendar.isFiscalYearWithin(year, -YEARS_BACK, 0);
  }
}
