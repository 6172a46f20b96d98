package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.Confirmation;
import jp.kyodo.evaluation.EvaluationChoices.Grade;
import jp.kyodo.evaluation.EvaluationForms;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.improvement.ImprovementChoices.Decision;
import jp.kyodo.improvement.ImprovementChoices.EndReason;
import jp.kyodo.improvement.ImprovementChoices.PartnerWish;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ⑥ 事業の改善, field by field as in {@code forms/improvement-*.form}. */
public final class ImprovementForms {

  private ImprovementForms() {}

  /**
   * Started on its own, the clerk names the project, its partner and the evaluation's result; called by the
   * lifecycle, the same fields arrive as variables from ⑤ 事業の評価.
   */
  public static final FormSpec START = FormSpec.form(FormIds.START)
      .text(Project.PROJECT_NUMBER, "事業番号", 32)
      .text(Project.TITLE, "事業名", 100).required()
      .text(Project.PARTNER_NAME, "協働パートナーの団体名（団体登録簿の名称）", 200).required()
      .number(Project.FISCAL_YEAR, "評価した事業の年度（西暦）", 2000, 2200).required()
      .validIf((scope, value) -> EvaluationForms.evaluableYear((Long) value),
          "「評価した事業の年度（西暦）」は今年度から" + EvaluationForms.YEARS_BACK + "年度前までの年度で入力してください。")
      .bool(EvaluationProcess.GOALS_MET, "成果目標をすべて達成した").required()
      .choice(EvaluationProcess.EVALUATION_GRADE, "事業の評価", Grade.class).required()
      .build();

  /** 関市 V-6: the improvement is always worked out in dialogue with the partner; 東久留米 III-7 says about what. */
  public static final FormSpec DIALOGUE = project(FormSpec.form(FormIds.DIALOGUE), Project.PARTNER_NAME)
      .display(EvaluationProcess.EVALUATION_RECOMMENDATION_LABEL.name())
      .display(FIXATION_NOTICE.name())
      .display(PARTNER_OPINION.name())
      .text(DIALOGUE_PARTICIPANTS, "対話の参加者（市・団体）", 500).required()
      .textArea(CAUSES, "目標を達成できなかった原因", 4000)
      .requiredWhen(ImprovementForms::goalsNotMet, "成果目標が未達成の場合")
      .textArea(COUNTERMEASURES, "改善策", 4000)
      .requiredWhen(ImprovementForms::goalsNotMet, "成果目標が未達成の場合")
      .textArea(EFFECT_RAISING_MEASURES, "効果をさらに高める方法", 4000)
      .requiredWhen(EvaluationProcess.GOALS_MET::isTrue, "成果目標を達成した場合")
      .textArea(FUTURE_ISSUES, "今後の課題", 4000)
      .build();

  public static final FormSpec PARTNER_REVIEW = dialogueRecord(project(FormSpec.form(FormIds.PARTNER_REVIEW),
      Project.DEPARTMENT_NAME))
      .display(DIALOGUE_PARTICIPANTS.name())
      .display(FIXATION_NOTICE.name())
      .choice(DIALOGUE_CONFIRMATION, "対話の記録について", Confirmation.class).required()
      .textArea(PARTNER_OPINION, "団体の意見・修正してほしい点", 2000)
      .requiredWhen(scope -> Confirmation.REQUEST_CHANGES.code().equals(DIALOGUE_CONFIRMATION.get(scope)), "修正を求める場合")
      .choice(PARTNER_WISH, "来年度以降についての団体の希望", PartnerWish.class).required()
      .build();

  public static final FormSpec DECISION_FORM = dialogueRecord(project(FormSpec.form(FormIds.DECISION),
      Project.PARTNER_NAME))
      .display(EvaluationProcess.EVALUATION_RECOMMENDATION_LABEL.name())
      .display(PARTNER_OPINION.name())
      .display(PARTNER_WISH.name())
      .display(FIXATION_NOTICE.name())
      .choice(DECISION, "来年度以降の進め方", Decision.class).required()
      .textArea(REASON, "判断の理由", 2000).required()
      .choice(END_REASON, "終了する理由", EndReason.class)
      .requiredWhen(scope -> Decision.END.code().equals(DECISION.get(scope)), "協働事業を終了する場合")
      .textArea(HANDOVER_SUPPORT, "引き継いだ後も市が続ける関わり（情報提供・広報など）", 2000)
      .requiredWhen(scope -> Decision.HANDOVER.code().equals(DECISION.get(scope)), "団体の自立した事業として引き継ぐ場合")
      .build();

  /** The project and the evaluation's result, with the other side's name. */
  private static FormSpec.Builder project(FormSpec.Builder form, jp.kyodo.variables.Var<String> otherSide) {
    return form.display(Project.TITLE.name())
        .display(otherSide.name())
        .display(Project.FISCAL_YEAR.name())
        .display(EvaluationProcess.EVALUATION_GRADE.name())
        .display(EvaluationProcess.GOALS_MET.name());
  }

  /** What the dialogue found. */
  private static FormSpec.Builder dialogueRecord(FormSpec.Builder form) {
    return form.display(CAUSES.name())
        .display(COUNTERMEASURES.name())
        .display(EFFECT_RAISING_MEASURES.name())
        .display(FUTURE_ISSUES.name());
  }

  public static final List<FormSpec> ALL = List.of(START, DIALOGUE, PARTNER_REVIEW, DECISION_FORM);

  static boolean goalsNotMet(VariableScope scope) {
    return Boolean.FALSE.equals(EvaluationProcess.GOALS_MET.get(scope));
  }
}
