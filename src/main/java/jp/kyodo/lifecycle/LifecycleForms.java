package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.List;
import jp.kyodo.forms.FormRules;

/**
 * Server-side rules of the lifecycle's own forms. Its start event and the 見直し task use ① 事業の検討's proposal
 * form ({@code examination-proposal}), whose rules are {@link jp.kyodo.examination.ExaminationForms#PROPOSAL}.
 */
public final class LifecycleForms {

  private LifecycleForms() {}

  /** The managers' response to an overdue phase; kept on the task (two may be open at once). */
  public static final FormRules OVERDUE = FormRules.forForm(FormIds.OVERDUE)
      .taskLocal()
      .build();

  /** The department's budget request (予算要求); the amount and basis are the file's rules. */
  public static final FormRules BUDGET_REQUEST = FormRules.forForm(FiscalYearProcess.FormIds.BUDGET_REQUEST).build();

  /**
   * What the budget granted. The file requires the amount for a cut and a reason for a cut or a refusal; how the
   * amount compares with the request is {@link RecordBudgetListener}'s, which knows the request.
   */
  public static final FormRules BUDGET_DECISION = FormRules.forForm(FiscalYearProcess.FormIds.BUDGET_DECISION).build();

  /** 来年度の進め方; the fixation rule and the phase the year is in are {@link PlanNextYearListener}'s. */
  public static final FormRules NEXT_YEAR_PLAN = FormRules.forForm(FiscalYearProcess.FormIds.NEXT_YEAR_PLAN).build();

  public static final List<FormRules> ALL = List.of(OVERDUE, BUDGET_REQUEST, BUDGET_DECISION, NEXT_YEAR_PLAN);
}
