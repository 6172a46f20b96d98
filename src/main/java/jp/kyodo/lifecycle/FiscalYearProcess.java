package jp.kyodo.lifecycle;

import java.util.Date;
import java.util.List;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import jp.kyodo.project.Project;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.variables.Var;

/**
 * 協働事業の1年度 — one fiscal year of a collaboration project: ② パートナーの選定 (unless the partner continues),
 * 予算要求 (旭川 Q50, Q52 「11～12月 積算に基づき予算要求」), ③ 協定・契約, then ④ 事業の実施 → ⑤ 事業の評価 →
 * ⑥ 事業の改善, and, while ④ runs, 来年度の進め方 — so that next year's budget and ③ (or a new call) run in parallel
 * with this year's completion, evaluation and improvement, and a continued project signs in April (旭川 Q52). The
 * lifecycle ({@link CollaborationProcess}) starts each year with a message and hears when it ends; each year is its
 * own instance, with the project number as business key, so two years of one project never share a variable. Key,
 * element ids, messages, forms and the year's own variables of {@code processes/collaboration-year.bpmn}.
 */
public final class FiscalYearProcess {

  public static final String KEY = "collaboration-year";
  public static final String RESOURCE = "processes/collaboration-year.bpmn";

  private FiscalYearProcess() {}

  /** Element ids of processes/collaboration-year.bpmn. */
  public static final class Elements {
    public static final String START = "FiscalYearStarted";
    public static final String MODE_GATEWAY = "YearModeGateway";
    public static final String SELECTION_JOIN = "SelectionJoin";
    public static final String ENTER_SELECTION = "EnterSelection";
    public static final String SELECTION = "PartnerSelection";
    public static final String SELECTION_GATEWAY = "SelectionOutcomeGateway";
    public static final String END_WITHOUT_PARTNER = "YearEndedWithoutPartner";
    public static final String AFTER_SELECTION_GATEWAY = "AfterSelectionGateway";
    public static final String BUDGET_JOIN = "BudgetJoin";
    public static final String ENTER_BUDGET = "EnterBudget";
    public static final String BUDGET = "BudgetRequest";
    public static final String BUDGET_STARTED = "BudgetRequestStarted";
    public static final String REQUEST_BUDGET = "RequestBudget";
    public static final String DECIDE_BUDGET = "DecideBudget";
    public static final String BUDGET_DECIDED = "BudgetDecided";
    public static final String BUDGET_GATEWAY = "BudgetOutcomeGateway";
    public static final String END_WITHOUT_BUDGET = "YearEndedWithoutBudget";
    public static final String AGREEMENT_JOIN = "AgreementJoin";
    public static final String ENTER_AGREEMENT = "EnterAgreement";
    public static final String AGREEMENT = "Agreement";
    public static final String AGREEMENT_GATEWAY = "AgreementOutcomeGateway";
    public static final String PARTNER_DECLINED = "PartnerDeclined";
    public static final String WORK_FORK = "YearWorkFork";
    public static final String ENTER_EXECUTION = "EnterExecution";
    public static final String EXECUTION = "Execution";
    public static final String HAND_OVER_GOALS = "HandOverAgreementGoals";
    public static final String ENTER_EVALUATION = "EnterEvaluation";
    public static final String EVALUATION = "Evaluation";
    public static final String ENTER_IMPROVEMENT = "EnterImprovement";
    public static final String IMPROVEMENT = "Improvement";
    public static final String END = "FiscalYearEnded";
    public static final String PLAN_NEXT_YEAR = "PlanNextYear";
    public static final String NEXT_YEAR_GATEWAY = "NextYearGateway";
    public static final String START_NEXT_YEAR = "StartNextYear";
    public static final String NEXT_YEAR_STARTED = "NextYearStarted";
    public static final String NEXT_YEAR_LEFT_TO_IMPROVEMENT = "NextYearLeftToImprovement";
    public static final String OVERDUE_HANDLING = CollaborationProcess.Elements.OVERDUE_HANDLING;
    public static final String HANDLE_OVERDUE = CollaborationProcess.Elements.HANDLE_OVERDUE;

    /** The end events of a year, each telling the lifecycle how the year ended. */
    public static final List<String> ENDS = List.of(END, END_WITHOUT_PARTNER, END_WITHOUT_BUDGET);

    private Elements() {}
  }

  /** The messages between the lifecycle and its years. */
  public static final class Messages {
    /** Starts a year (the lifecycle sends it, with the year's variables). */
    public static final String FISCAL_YEAR_STARTS = "FiscalYearStarts";
    /** A year has ended, and how (the year sends it to the lifecycle that started it). */
    public static final String FISCAL_YEAR_ENDED = "FiscalYearEnded";
    /** A running year decided to start next year's work now (the year sends it; the lifecycle starts that year). */
    public static final String NEXT_FISCAL_YEAR_REQUESTED = "NextFiscalYearRequested";

    private Messages() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/*.form}). */
  public static final class FormIds {
    public static final String BUDGET_REQUEST = "budget-request";
    public static final String BUDGET_DECISION = "budget-decision";
    public static final String NEXT_YEAR_PLAN = "next-year-plan";

    private FormIds() {}
  }

  // How the year started and which lifecycle it reports to
  public static final Var<String> YEAR_MODE = Var.string("yearMode");
  public static final Var<String> YEAR_MODE_LABEL = Var.string("yearModeLabel");
  public static final Var<String> PROJECT_INSTANCE_ID = Var.string("projectInstanceId");

  // 予算要求 (the department asks, the office records what the city's budget granted)
  public static final Var<Long> REQUESTED_BUDGET = Var.number("requestedBudget");
  public static final Var<String> BUDGET_BASIS = Var.string("budgetBasis");
  public static final Var<String> BUDGET_DECISION = Var.string("budgetDecision");
  public static final Var<String> BUDGET_DECISION_LABEL = Var.string("budgetDecisionLabel");
  public static final Var<Long> APPROVED_BUDGET = Var.number("approvedBudget");
  public static final Var<String> BUDGET_COMMENT = Var.string("budgetComment");
  public static final Var<String> BUDGET_DECIDED_BY = Var.string("budgetDecidedBy");
  public static final Var<Date> BUDGET_DECIDED_AT = Var.date("budgetDecidedAt");
  public static final Decision.Variables BUDGET_DECISION_VARIABLES = new Decision.Variables(BUDGET_DECISION,
      BUDGET_DECISION_LABEL, BUDGET_COMMENT, BUDGET_DECIDED_BY, BUDGET_DECIDED_AT);
  /** Shown in the budget forms: what ① estimated and the proposer proposed, and the year's partner. */
  public static final Var<String> BUDGET_CONTEXT = Var.string("budgetContext");

  // ③ as the year reads it back
  public static final Var<String> AGREEMENT_SIGNED_ON = Var.string("agreementSignedOn");
  /** The goals of the year's agreement, handed to ⑤ 事業の評価 as JSON (see EvaluationProcess.AGREEMENT_GOALS). */
  public static final String AGREEMENT_GOALS = EvaluationProcess.AGREEMENT_GOALS;
  public static final Var<String> AGREEMENT_OUTCOME = Var.string("agreementOutcome");
  public static final Var<String> PARTNER_DECLINE_REASON = Var.string("partnerDeclineReason");
  public static final Var<String> PARTNER_DECLINED_BY = Var.string("partnerDeclinedBy");

  // 来年度の進め方 (the department, while ④ runs)
  public static final Var<String> NEXT_YEAR_PLAN = Var.string("nextYearPlan");
  public static final Var<String> NEXT_YEAR_NOTE = Var.string("nextYearNote");
  /** Shown in the plan form: where this year stands (④'s progress, the mid-term check) and the fixation rule. */
  public static final Var<String> YEAR_PROGRESS = Var.string("yearProgress");
  public static final Var<Long> NEXT_YEAR_FISCAL_YEAR = Var.number("nextYearFiscalYear");

  // How the year ended, as the lifecycle hears it
  public static final Var<String> YEAR_OUTCOME = Var.string("yearOutcome");

  /**
   * The project's facts a year starts with, copied from the lifecycle: what ① decided and who works it. The partner
   * comes only with a continued year; the fiscal year and the mode are the start's own.
   */
  public static final List<String> FROM_PROJECT = List.of(Project.PROJECT_NUMBER.name(), Project.TITLE.name(),
      "issue", "content", "expectedEffect", "target", "roleIdea", "proposedBudget", "proposer", "proposerGroup",
      Project.DEPARTMENT_GROUP.name(), Project.DEPARTMENT_NAME.name(), Project.DOMAIN.name(), "domainLabel",
      Project.CHOSEN_FORM.name(), "otherFormDescription", "priorityRank", "priorityLabel", Project.COST_ESTIMATE.name(),
      Project.CALENDAR_PATTERN.name(), Project.MAIN_STAFF.name(), Project.DEPUTY_STAFF.name(),
      CollaborationProcess.ROUND.name(), CollaborationProcess.CHOSEN_FORM_LABEL.name(),
      CollaborationProcess.CALENDAR_PATTERN_LABEL.name());

  /** The co-partners a continued year keeps with its partner (旭川 Q71), under their own names. */
  public static final List<String> CONTINUING_CO_PARTNERS = List.of(Project.CO_PARTNERS, Project.CO_PARTNER_GROUPS.name());

  /**
   * What a year tells the lifecycle when it ends: how it ended, the decision that ended it (of ②, the budget or ⑥)
   * with the values the lifecycle's end events read, the staff and partner as the year left them, and the year's
   * decisions. Sent with null values too, so an older year's value never stands for this one's.
   */
  public static final List<String> TO_PROJECT = java.util.stream.Stream.of(List.of(YEAR_OUTCOME.name()),
      SelectionProcess.DECISION_VARIABLES.names(), BUDGET_DECISION_VARIABLES.names(),
      ImprovementProcess.DECISION_VARIABLES.names(), List.of(ImprovementProcess.END_REASON.name(),
          ImprovementProcess.HANDOVER_SUPPORT.name(), ImprovementProcess.NEXT_FISCAL_YEAR.name(),
          EvaluationProcess.EVALUATION_GRADE.name(), Project.MAIN_STAFF.name(), Project.DEPUTY_STAFF.name()),
      CONTINUING_CO_PARTNERS)
      .flatMap(List::stream).toList();

  /** What a year has not decided when it starts (its gateways read them): the partner, the budget, ③'s outcome. */
  public static final List<String> UNDECIDED_AT_START = List.of(Project.PARTNER_GROUP.name(), Project.PARTNER_NAME.name(),
      Project.CO_PARTNERS, Project.CO_PARTNER_GROUPS.name(), APPROVED_BUDGET.name(), AGREEMENT_OUTCOME.name(),
      NEXT_YEAR_PLAN.name());

  /** The message's own names for the year that ended (the lifecycle's {@code fiscalYear} is the latest one started). */
  public static final Var<Long> ENDED_FISCAL_YEAR = Var.number("endedFiscalYear");
  public static final Var<String> ENDED_YEAR_INSTANCE = Var.string("endedYearInstance");
  /** The partner a continued year keeps (sent by a year that ends or asks for the next one). */
  public static final Var<String> CONTINUING_PARTNER_GROUP = Var.string("continuingPartnerGroup");
  public static final Var<String> CONTINUING_PARTNER_NAME = Var.string("continuingPartnerName");
  /** The year's decisions, appended to the project's when the year ends. */
  public static final String YEAR_DECISIONS = "yearDecisions";
  /** The fiscal year a running year asks the lifecycle to start. */
  public static final Var<Long> REQUESTED_FISCAL_YEAR = Var.number("requestedFiscalYear");

  /** The year's decisions: the same log as the project's, kept by the year until it ends. */
  public static final DecisionLog DECISION_LOG = CollaborationProcess.DECISION_LOG;
}
