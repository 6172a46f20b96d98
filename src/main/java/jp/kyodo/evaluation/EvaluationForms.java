package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationChoices.Confirmation;
import jp.kyodo.evaluation.EvaluationChoices.GoalResult;
import jp.kyodo.evaluation.EvaluationChoices.ThirdPartyViewpoint;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ⑤ 事業の評価, field by field as in {@code forms/evaluation-*.form}. */
public final class EvaluationForms {

  private EvaluationForms() {}

  static final long MAX_YEN = 100_000_000_000L;
  static final long MAX_EFFECT = 1_000_000_000L;
  /** How many fiscal years back a project may be evaluated. */
  public static final int YEARS_BACK = 5;

  public static final FormSpec START = start();
  public static final FormSpec OUTCOMES = outcomes();
  public static final FormSpec SELF_ASSESSMENT = selfAssessment();
  public static final FormSpec THIRD_PARTY = thirdParty();
  public static final FormSpec JOINT_REVIEW = jointReview();
  public static final FormSpec CONFIRMATION = confirmation();

  public static final List<FormSpec> ALL = List.of(START, OUTCOMES, SELF_ASSESSMENT, THIRD_PARTY, JOINT_REVIEW, CONFIRMATION);

  /**
   * Started on its own, the clerk names the project, the partner and the goals; called by the lifecycle,
   * the same fields arrive as project variables and the goals as {@code agreementGoals}.
   */
  private static FormSpec start() {
    FormSpec.Builder form = FormSpec.form(FormIds.START)
        .text(Project.PROJECT_NUMBER, "事業番号", 32)
        .text(Project.TITLE, "事業名", 100).required()
        .text(Project.PARTNER_NAME, "協働パートナーの団体名（団体登録簿の名称）", 200).required()
        .number(Project.FISCAL_YEAR, "評価する事業の年度（西暦）", 2000, 2200).required()
        .validIf((scope, value) -> evaluableYear((Long) value),
            "「評価する事業の年度（西暦）」は今年度から" + YEARS_BACK + "年度前までの年度で入力してください。")
        .number(Project.COST_ESTIMATE, "計画した費用（概算経費、円）", 0, MAX_YEN).required();
    for (GoalSlot slot : GOALS) {
      String goal = "成果目標" + slot.number();
      form.text(slot.description(), goal, 200);
      if (slot.number() == 1) {
        form.requiredWhen(scope -> scope.getVariable(AGREEMENT_GOALS) == null, "協定の成果目標を引き継がない場合");
      }
      form.text(slot.indicator(), goal + "の指標", 200).requiredWhen(present(slot.description()), goal + "を入力した場合")
          .text(slot.target(), goal + "の目標値・期限", 200).requiredWhen(present(slot.description()), goal + "を入力した場合");
    }
    return form.build();
  }

  private static FormSpec outcomes() {
    FormSpec.Builder form = FormSpec.form(FormIds.OUTCOMES)
        .display(Project.TITLE.name())
        .display(Project.PARTNER_NAME.name())
        .display(Project.FISCAL_YEAR.name())
        .display(Project.COST_ESTIMATE.name());
    for (GoalSlot slot : GOALS) {
      String goal = "成果目標" + slot.number();
      form.display(slot.description().name()).display(slot.indicator().name()).display(slot.target().name())
          .choice(slot.result(), goal + "の達成状況", GoalResult.class)
          .requiredWhen(present(slot.description()), goal + "がある場合")
          .text(slot.actual(), goal + "の実績", 500);
    }
    return form
        .number(ACTUAL_COST, "実際にかかった費用（円）", 0, MAX_YEN).required()
        .text(EFFECT_MEASURE, "効果を測る指標（例: 見守り訪問の延べ件数）", 200).required()
        .text(EFFECT_UNIT, "効果の単位（人、件、回など）", 20).required()
        .number(PLANNED_EFFECT, "計画時に見込んだ効果の量", 1, MAX_EFFECT).required()
        .number(ACTUAL_EFFECT, "実際の効果の量", 0, MAX_EFFECT).required()
        .bool(CITIZEN_SURVEYED, "市民・利用者の満足度調査を行った").required()
        .number(SATISFACTION_PERCENT, "「満足」と答えた人の割合（%）", 0, 100)
        .requiredWhen(CITIZEN_SURVEYED::isTrue, "満足度調査を行った場合")
        .number(SURVEY_RESPONDENTS, "満足度調査の回答者数", 1, 10_000_000)
        .requiredWhen(CITIZEN_SURVEYED::isTrue, "満足度調査を行った場合")
        .textArea(OUTCOME_SUMMARY, "成果の概要", 4000).required()
        .bool(THIRD_PARTY_EVALUATION, "受益者・第三者による評価も行う").required()
        .build();
  }

  /** The same sheet for the department and the partner; answers stay on the task until both are in. */
  private static FormSpec selfAssessment() {
    FormSpec.Builder form = context(FormSpec.form(FormIds.SELF_ASSESSMENT));
    for (EvaluationItem item : EvaluationItem.values()) {
      answerWithReason(form, item.answer(), item.comment(), item.label(), item.shortLabel());
    }
    return form.taskLocal().build();
  }

  private static FormSpec thirdParty() {
    FormSpec.Builder form = context(FormSpec.form(FormIds.THIRD_PARTY));
    for (ThirdPartyViewpoint viewpoint : ThirdPartyViewpoint.values()) {
      answerWithReason(form, viewpoint.answer(), viewpoint.comment(), viewpoint.question(), viewpoint.question());
    }
    return form.taskLocal().build();
  }

  private static FormSpec jointReview() {
    FormSpec.Builder form = FormSpec.form(FormIds.JOINT_REVIEW)
        .display(Project.TITLE.name())
        .display(Project.PARTNER_NAME.name())
        .display(Project.FISCAL_YEAR.name())
        .display(GOAL_ACHIEVEMENT_LABEL.name())
        .display(EFFICIENCY_LABEL.name())
        .display(SATISFACTION_PERCENT.name())
        .display(OUTCOME_SUMMARY.name())
        .display(THIRD_PARTY_SUMMARY.name())
        .display(PARTNER_COMMENT.name())
        .display(DIFFERENCE_SUMMARY.name());
    for (EvaluationItem item : EvaluationItem.values()) {
      form.display(item.views().name()).choice(item.answer(), item.label(), Answer.class).required();
    }
    return form.textArea(SHARED_FINDINGS, "双方で共有した評価と今後の課題", 4000).required().build();
  }

  private static FormSpec confirmation() {
    FormSpec.Builder form = FormSpec.form(FormIds.CONFIRMATION)
        .display(Project.TITLE.name())
        .display(Project.DEPARTMENT_NAME.name())
        .display(Project.FISCAL_YEAR.name())
        .display(GOAL_ACHIEVEMENT_LABEL.name())
        .display(EFFICIENCY_LABEL.name())
        .display(SATISFACTION_PERCENT.name())
        .display(SHEET_SCORE.name())
        .display(EVALUATION_GRADE_LABEL.name())
        .display(EVALUATION_RECOMMENDATION_LABEL.name())
        .display(SHARED_FINDINGS.name());
    for (EvaluationItem item : EvaluationItem.values()) {
      form.display(item.views().name()).display(item.answer().name());
    }
    return form
        .choice(PARTNER_CONFIRMATION, "合同の振り返りの記録について", Confirmation.class).required()
        .textArea(PARTNER_COMMENT, "団体の意見・修正してほしい点", 2000)
        .requiredWhen(scope -> Confirmation.REQUEST_CHANGES.code().equals(PARTNER_CONFIRMATION.get(scope)), "修正を求める場合")
        .build();
  }

  /** What a self- or third-party evaluator sees of the project while answering. */
  private static FormSpec.Builder context(FormSpec.Builder form) {
    form.display(Project.TITLE.name())
        .display(Project.DEPARTMENT_NAME.name())
        .display(Project.PARTNER_NAME.name())
        .display(Project.FISCAL_YEAR.name());
    for (GoalSlot slot : GOALS) {
      form.display(slot.description().name()).display(slot.result().name());
    }
    return form
        .display(GOAL_ACHIEVEMENT_LABEL.name())
        .display(EFFICIENCY_LABEL.name())
        .display(SATISFACTION_PERCENT.name())
        .display(OUTCOME_SUMMARY.name());
  }

  /** An item answered yes / partly / no; a partly or a no needs its reason (関市 資料2). */
  private static void answerWithReason(FormSpec.Builder form, Var<String> answer, Var<String> comment, String label,
      String shortLabel) {
    form.choice(answer, label, Answer.class).required()
        .textArea(comment, shortLabel + "：理由・課題", 1000)
        .requiredWhen(scope -> needsReason(answer.get(scope)), "「一部」「いいえ」と答えた場合");
  }

  static boolean needsReason(String answer) {
    return Answer.PARTLY.code().equals(answer) || Answer.NO.code().equals(answer);
  }

  private static java.util.function.Predicate<VariableScope> present(Var<String> var) {
    return scope -> scope.getVariable(var.name()) instanceof String s && !s.isBlank();
  }

  public static boolean evaluableYear(long year) {
    return CityCalendar.isFiscalYearWithin(year, -YEARS_BACK, 0);
  }
}
