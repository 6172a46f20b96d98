package jp.kyodo.lifecycle;

import java.util.Date;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import jp.kyodo.variables.Var;

/**
 * 協働事業 — the lifecycle of one collaboration project (関市 V(2), 旭川 Q51): ① 事業の検討, then its fiscal years
 * ({@link FiscalYearProcess}: ② パートナーの選定 → 予算要求 → ③ 協定・契約 → ④ 事業の実施 → ⑤ 事業の評価 → ⑥ 事業の改善),
 * each year its own instance, the next one started by ⑥ or, earlier, while this year's ④ runs (旭川 Q52), until ⑥ or
 * a year without work ends the project (東久留米 II-4 (7) 時限性). Key, element ids, forms and the lifecycle's own
 * variables of {@code processes/collaboration.bpmn}; the variables shared with the phases are
 * {@link jp.kyodo.project.Project}'s.
 */
public final class CollaborationProcess {

  public static final String KEY = "collaboration";
  public static final String RESOURCE = "processes/collaboration.bpmn";

  private CollaborationProcess() {}

  /** Element ids of processes/collaboration.bpmn. */
  public static final class Elements {
    public static final String START = "ProjectProposed";
    public static final String OPEN_PROJECT = "OpenProject";
    public static final String EXAMINATION_JOIN = "ExaminationJoin";
    public static final String ENTER_EXAMINATION = "EnterExamination";
    public static final String EXAMINATION = "Examination";
    public static final String EXAMINATION_GATEWAY = "ExaminationOutcomeGateway";
    public static final String END_AT_EXAMINATION = "EndedAtExamination";
    public static final String START_FIRST_YEAR = "StartFirstYear";
    public static final String YEARS_JOIN = "YearsJoin";
    public static final String AWAIT_YEARS = "AwaitYears";
    public static final String YEAR_ENDED = "FiscalYearEndedReceived";
    public static final String NEXT_YEAR_REQUESTED = "NextYearRequested";
    public static final String START_REQUESTED_YEAR = "StartRequestedYear";
    public static final String YEAR_OUTCOME_GATEWAY = "YearOutcomeGateway";
    public static final String START_YEAR_AFTER_IMPROVEMENT = "StartYearAfterImprovement";
    public static final String STOP_RUNNING_YEARS = "StopRunningYears";
    public static final String DECISION_GATEWAY = "ImprovementDecisionGateway";
    public static final String REVISE_PROJECT = "ReviseProject";
    public static final String END_HANDED_OVER = "HandedOverToPartner";
    public static final String END_ENDED = "CollaborationEnded";
    public static final String END_WITHOUT_COLLABORATION = "CarriedOutWithoutCollaboration";
    public static final String END_DROPPED = "ProjectDropped";
    public static final String END_WITHOUT_BUDGET = "EndedWithoutBudget";
    public static final String EXAMINATION_OVERDUE = "ExaminationOverdue";
    public static final String OVERDUE_HANDLING = "OverdueEscalation";
    public static final String OVERDUE_START = "PhaseOverdue";
    public static final String HANDLE_OVERDUE = "HandleOverduePhase";
    public static final String OVERDUE_HANDLED = "OverdueHandled";

    private Elements() {}
  }

  /** Decision keys of the DMN tables this process uses. */
  public static final class Decisions {
    /** Due date of each phase by the yearly calendar pattern (旭川 Q52). */
    public static final String PHASE_DUE_DATE = "phase-due-date";

    private Decisions() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/*.form}). */
  public static final class FormIds {
    /** The lifecycle starts with the proposal form of ① 事業の検討 (事業提案 / 課題提案), the same fields. */
    public static final String START = ExaminationProcess.FormIds.PROPOSAL;
    /** The department rewrites the proposal when ⑥ decided to revise and restart at ①. */
    public static final String REVISE = ExaminationProcess.FormIds.PROPOSAL;
    public static final String OVERDUE = "collaboration-overdue";

    private FormIds() {}
  }

  /** The escalation each overdue phase throws; the event subprocess catches it without stopping the phase. */
  public static final String OVERDUE_ESCALATION_CODE = "PHASE_OVERDUE";

  // Who proposed (the start event's initiator, also the proposer of ① 事業の検討)
  public static final Var<String> PROPOSER = ExaminationProcess.PROPOSER;
  public static final Var<String> PROPOSER_GROUP = ExaminationProcess.PROPOSER_GROUP;
  public static final Var<String> PROPOSAL_TYPE = ExaminationProcess.PROPOSAL_TYPE;

  // Where the project stands (readable in Cockpit; the same in kyodo_project)
  /** How often ① 事業の検討 was entered: 1, and one more after each 見直し (REVISE). */
  public static final Var<Long> ROUND = Var.number("round");
  public static final Var<String> PHASE = Var.string("phase");
  public static final Var<String> PHASE_LABEL = Var.string("phaseLabel");
  public static final Var<Date> PHASE_STARTED_AT = Var.date("phaseStartedAt");
  /** The phase's due date by the yearly calendar; passed into the phase, where its tasks get it as due date. */
  public static final Var<Date> PHASE_DUE_DATE = Var.date("phaseDueDate");
  public static final Var<String> PHASE_DUE_RULE = Var.string("phaseDueRule");
  public static final Var<Boolean> PHASE_OVERDUE = Var.bool("phaseOverdue");
  public static final Var<String> CHOSEN_FORM_LABEL = Var.string("chosenFormLabel");
  public static final Var<String> CALENDAR_PATTERN_LABEL = Var.string("calendarPatternLabel");
  public static final Var<Long> PLANNED_FISCAL_YEAR = ExaminationProcess.PLANNED_FISCAL_YEAR;
  public static final Var<String> LATEST_GRADE = Var.string("latestGrade");
  /** Every decision of every phase, oldest first, as JSON: phase, round, fiscal year, decision, label, reason, who, when. */
  public static final String DECISIONS = "projectDecisions";
  public static final Var<String> LAST_DECISION = Var.string("lastDecision");
  public static final Var<String> LAST_DECISION_LABEL = Var.string("lastDecisionLabel");
  public static final Var<String> LAST_DECISION_REASON = Var.string("lastDecisionReason");
  public static final Var<String> LAST_DECIDED_BY = Var.string("lastDecidedBy");
  public static final Var<Date> LAST_DECIDED_AT = Var.date("lastDecidedAt");
  public static final Decision.Variables LAST_DECISION_VARIABLES = new Decision.Variables(LAST_DECISION,
      LAST_DECISION_LABEL, LAST_DECISION_REASON, LAST_DECIDED_BY, LAST_DECIDED_AT);
  public static final DecisionLog DECISION_LOG = new DecisionLog(DECISIONS, "reason", true);

  // How the project ended (every end event of the lifecycle)
  public static final Var<String> PROJECT_STATUS = Var.string("projectStatus");
  public static final Var<String> PROJECT_OUTCOME = Var.string("projectOutcome");
  public static final Var<String> PROJECT_OUTCOME_LABEL = Var.string("projectOutcomeLabel");
  public static final Var<String> PROJECT_OUTCOME_REASON = Var.string("projectOutcomeReason");
  public static final Var<String> PROJECT_OUTCOME_DECIDED_BY = Var.string("projectOutcomeDecidedBy");
  public static final Var<Date> PROJECT_OUTCOME_DECIDED_AT = Var.date("projectOutcomeDecidedAt");
  public static final Decision.Variables PROJECT_OUTCOME_VARIABLES = new Decision.Variables(PROJECT_OUTCOME,
      PROJECT_OUTCOME_LABEL, PROJECT_OUTCOME_REASON, PROJECT_OUTCOME_DECIDED_BY, PROJECT_OUTCOME_DECIDED_AT);

  // What each phase hands back (renamed where the phase's own name would be ambiguous in the lifecycle)
  public static final Var<String> EXAMINATION_OUTCOME = Var.string("examinationOutcome");
  public static final Var<String> EXAMINATION_OUTCOME_LABEL = Var.string("examinationOutcomeLabel");
  public static final Var<String> EXAMINATION_OUTCOME_REASON = Var.string("examinationOutcomeReason");
  public static final Var<String> EXAMINATION_DECIDED_BY = Var.string("examinationDecidedBy");
  public static final Var<Date> EXAMINATION_DECIDED_AT = Var.date("examinationDecidedAt");
  public static final Decision.Variables EXAMINATION_DECISION_VARIABLES = new Decision.Variables(EXAMINATION_OUTCOME,
      EXAMINATION_OUTCOME_LABEL, EXAMINATION_OUTCOME_REASON, EXAMINATION_DECIDED_BY, EXAMINATION_DECIDED_AT);

  // The enterPhase delegate's input (an input parameter, local to its service task)
  public static final Var<String> PHASE_TO_ENTER = Var.string("phaseToEnter");

  // The years (see FiscalYearProcess): the startFiscalYear delegate's inputs (local to its service task), and what
  // the lifecycle knows when a year has ended
  public static final Var<String> YEAR_TO_START_MODE = FiscalYearProcess.YEAR_MODE;
  public static final Var<Long> YEAR_TO_START = Var.number("yearToStart");
  /** How many other years of the project still run when one ends (an end of the project waits for them). */
  public static final Var<Long> OTHER_YEARS_RUNNING = Var.number("otherYearsRunning");
  /** Whether a later year already runs (started by 来年度の進め方 while this year's ④ ran) when one ends. */
  public static final Var<Boolean> NEXT_YEAR_RUNNING = Var.bool("nextYearRunning");

  // The overdue task (task-local: two escalations may be open at once)
  public static final Var<String> OVERDUE_PHASE = Var.string("overduePhase");
  public static final Var<String> OVERDUE_PHASE_LABEL = Var.string("overduePhaseLabel");
  public static final Var<String> OVERDUE_DUE_ON = Var.string("overdueDueOn");
  public static final Var<String> OVERDUE_DUE_RULE = Var.string("overdueDueRule");
  public static final Var<String> OVERDUE_OPEN_TASKS = Var.string("overdueOpenTasks");
  public static final Var<String> OVERDUE_ACTION = Var.string("overdueAction");
}
