package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.Confirmation;
import jp.kyodo.evaluation.EvaluationForms;
import jp.kyodo.forms.FormRules;
import jp.kyodo.project.Project;

/** Server-side rules of the forms of ⑥ 事業の改善, field by field as in {@code forms/improvement-*.form}. */
public final class ImprovementForms {

  private ImprovementForms() {}

  /**
   * Started on its own, the clerk names the project, its partner and the evaluation's result; called by the
   * lifecycle, the same fields arrive as variables from ⑤ 事業の評価.
   */
  public static final FormRules START = FormRules.forForm(FormIds.START)
      .check(Project.FISCAL_YEAR, (scope, value) -> EvaluationForms.evaluableYear((Long) value),
          "「評価した事業の年度（西暦）」は今年度から" + EvaluationForms.YEARS_BACK + "年度前までの年度で入力してください。")
      .build();

  /**
   * 関市 V-6: the improvement is always worked out in dialogue with the partner; 東久留米 III-7 says about what. The
   * form also asks 関市 資料2 事業改善 1–5 ({@link ImprovementCheckItem}); every rule on them — an answer to each, a
   * reason for 一部・いいえ — is the form's own, which the server reads and checks.
   */
  public static final FormRules DIALOGUE = FormRules.none(FormIds.DIALOGUE);

  public static final FormRules PARTNER_REVIEW = FormRules.forForm(FormIds.PARTNER_REVIEW)
      .requiredWhen(PARTNER_OPINION,
          scope -> Confirmation.REQUEST_CHANGES.code().equals(DIALOGUE_CONFIRMATION.get(scope)), "修正を求める場合")
      .build();

  public static final FormRules DECISION_FORM = FormRules.none(FormIds.DECISION);

  /** 千葉 ②: the manager's exception for a fixed partner; the reason is required by the form itself. */
  public static final FormRules FIXATION_EXCEPTION = FormRules.none(FormIds.FIXATION_EXCEPTION);

  public static final List<FormRules> ALL = List.of(START, DIALOGUE, PARTNER_REVIEW, DECISION_FORM, FIXATION_EXCEPTION);

}
