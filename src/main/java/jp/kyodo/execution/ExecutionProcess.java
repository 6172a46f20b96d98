package jp.kyodo.execution;

import java.util.List;
import java.util.stream.IntStream;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.project.Project;
import jp.kyodo.variables.Var;

/**
 * ④ 事業の実施: the process key, its element ids and its variables, declared once. The agreement's
 * terms come from the agreement tables (V3); what happens during the term goes into V4.
 */
public final class ExecutionProcess {

  public static final String KEY = "execution";
  public static final String RESOURCE = "processes/execution.bpmn";

  private ExecutionProcess() {}

  /** Element ids of processes/execution.bpmn. */
  public static final class Elements {
    public static final String START = "ExecutionStarted";
    public static final String START_EXECUTION = "StartExecution";
    public static final String PERIOD = "ExecutionPeriod";
    public static final String PAY_ADVANCE = "PayAdvance";
    public static final String MIDTERM_TIMER = "MidtermReached";
    public static final String MIDTERM = "MidtermReview";
    public static final String REPORTING = "ProgressReporting";
    public static final String REPORTING_UNTIL_TERM_END = "ReportingUntilTermEnd";
    public static final String REPORT_DUE = "ReportDue";
    public static final String OPEN_REPORT = "OpenProgressReport";
    public static final String SUBMIT_REPORT = "SubmitProgressReport";
    public static final String REMINDER_TIMER = "ReportReminderDue";
    public static final String REMIND = "RemindPartner";
    public static final String ESCALATION_TIMER = "ReportEscalationDue";
    public static final String HANDLE_LATE_REPORT = "HandleLateReport";
    public static final String REVIEW_REPORT = "ReviewProgressReport";
    public static final String PARTNER_REPORTS_ISSUE = "PartnerReportsIssue";
    public static final String DEPARTMENT_REPORTS_ISSUE = "DepartmentReportsIssue";
    public static final String PARTNER_PROPOSES_CHANGE = "PartnerProposesPlanChange";
    public static final String DEPARTMENT_PROPOSES_CHANGE = "DepartmentProposesPlanChange";
    public static final String REQUEST_HANDOVER = "RequestStaffHandover";
    public static final String OPEN_ISSUE = "OpenIssue";
    public static final String HANDLE_ISSUE = "HandleIssue";
    public static final String DECIDE_ISSUE = "DecideIssue";
    public static final String ISSUE_HEARING_JOIN = "IssueHearingJoin";
    public static final String STATE_ISSUE_VIEW = "StateIssueView";
    public static final String ISSUE_DECISION_GATEWAY = "IssueDecisionGateway";
    public static final String SUSPEND = "SuspendExecution";
    public static final String RESOLVE_SUSPENDED_ISSUE = "ResolveSuspendedIssue";
    public static final String RESUME = "ResumeExecution";
    public static final String ISSUE_RESUMED = "IssueResumed";
    public static final String TERMINATION_DECIDED = "TerminationDecided";
    public static final String OPEN_PLAN_CHANGE = "OpenPlanChange";
    public static final String ANSWER_PLAN_CHANGE = "AnswerPlanChange";
    public static final String SETTLE_PLAN_CHANGE = "SettlePlanChange";
    public static final String PLAN_CHANGE_ANSWER_GATEWAY = "PlanChangeAnswerGateway";
    public static final String APPROVE_PLAN_CHANGE = "ApprovePlanChange";
    public static final String AMENDMENT_GATEWAY = "AmendmentGateway";
    public static final String PRODUCE_AMENDED_AGREEMENT = "ProduceAmendedAgreement";
    public static final String AGREEMENT_AMENDED = "AgreementAmended";
    public static final String PLAN_CHANGE_SETTLED = "PlanChangeSettled";
    public static final String OPEN_HANDOVER = "OpenHandover";
    public static final String HOLD_HANDOVER = "HoldHandover";
    public static final String CONFIRM_HANDOVER = "PartnerConfirmsHandover";
    public static final String COMPLETE_HANDOVER = "CompleteHandover";
    public static final String TERM_END_TIMER = "TermEnded";
    public static final String SUBMIT_COMPLETION = "SubmitCompletionReport";
    public static final String INSPECT = "InspectCompletion";
    public static final String CORRECT_COMPLETION = "CorrectCompletionReport";
    public static final String PAY_AFTER_COMPLETION = "PayAfterCompletion";
    public static final String CLOSE = "CloseExecution";
    public static final String END_COMPLETED = "ExecutionCompleted";
    /** The error the manager's decision to terminate throws out of the term (旭川 Q76), caught on the term's border. */
    public static final String TERMINATED_ERROR_CODE = "EXECUTION_TERMINATED";
    public static final String TERMINATING = "ExecutionTerminating";
    public static final String SETTLEMENT_JOIN = "SettlementJoin";
    public static final String DRAFT_SETTLEMENT = "DraftSettlement";
    public static final String CONFIRM_SETTLEMENT = "PartnerConfirmsSettlement";
    public static final String SETTLEMENT_CONFIRMATION_GATEWAY = "SettlementConfirmationGateway";
    public static final String APPROVE_SETTLEMENT = "ApproveSettlement";
    public static final String SETTLEMENT_APPROVAL_GATEWAY = "SettlementApprovalGateway";
    public static final String SETTLE_TERMINATION = "SettleTermination";
    public static final String END_TERMINATED = "ExecutionTerminated";

    private Elements() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/execution-*.form}). */
  public static final class FormIds {
    public static final String START = "execution-start";
    public static final String ADVANCE_PAYMENT = "execution-advance-payment";
    public static final String FINAL_PAYMENT = "execution-final-payment";
    public static final String MIDTERM = "execution-midterm";
    public static final String PROGRESS_REPORT = "execution-progress-report";
    public static final String REPORT_REVIEW = "execution-report-review";
    public static final String LATE_REPORT = "execution-late-report";
    public static final String ISSUE_REPORT = "execution-issue-report";
    public static final String ISSUE_HANDLING = "execution-issue-handling";
    public static final String ISSUE_DECISION = "execution-issue-decision";
    public static final String ISSUE_VIEW = "execution-issue-view";
    public static final String ISSUE_RESOLUTION = "execution-issue-resolution";
    public static final String SETTLEMENT_DRAFT = "execution-settlement-draft";
    public static final String SETTLEMENT_CONFIRMATION = "execution-settlement-confirmation";
    public static final String SETTLEMENT_APPROVAL = "execution-settlement-approval";
    public static final String PLAN_CHANGE_PROPOSAL = "execution-plan-change-proposal";
    public static final String PLAN_CHANGE_ANSWER = "execution-plan-change-answer";
    public static final String PLAN_CHANGE_APPROVAL = "execution-plan-change-approval";
    public static final String HANDOVER_REQUEST = "execution-handover-request";
    public static final String HANDOVER = "execution-handover";
    public static final String HANDOVER_CONFIRMATION = "execution-handover-confirmation";
    public static final String COMPLETION_REPORT = "execution-completion-report";
    public static final String INSPECTION = "execution-inspection";

    private FormIds() {}
  }

  // The project (shared with the lifecycle and the other phases)
  public static final Var<String> PROJECT_NUMBER = Project.PROJECT_NUMBER;
  public static final Var<String> TITLE = Project.TITLE;
  public static final Var<String> DEPARTMENT_GROUP = Project.DEPARTMENT_GROUP;
  public static final Var<String> DEPARTMENT_NAME = Project.DEPARTMENT_NAME;
  public static final Var<String> PARTNER_GROUP = Project.PARTNER_GROUP;
  public static final Var<String> PARTNER_NAME = Project.PARTNER_NAME;
  public static final Var<String> CHOSEN_FORM = Project.CHOSEN_FORM;
  public static final Var<String> OTHER_FORM_DESCRIPTION = Project.OTHER_FORM_DESCRIPTION;
  public static final Var<Long> FISCAL_YEAR = Project.FISCAL_YEAR;
  public static final Var<Long> COST_ESTIMATE = Project.COST_ESTIMATE;
  public static final Var<String> MAIN_STAFF = Project.MAIN_STAFF;
  public static final Var<String> DEPUTY_STAFF = Project.DEPUTY_STAFF;
  public static final Var<String> AGREEMENT_NUMBER = Project.AGREEMENT_NUMBER;

  // The agreement's terms, loaded from its tables (same names as in ③)
  public static final Var<String> MAIN_STAFF_NAME = AgreementProcess.MAIN_STAFF_NAME;
  public static final Var<String> DEPUTY_STAFF_NAME = AgreementProcess.DEPUTY_STAFF_NAME;
  public static final Var<String> PURPOSE = AgreementProcess.PURPOSE;
  public static final List<Var<String>> GOAL_TEXT = AgreementProcess.GOAL_TEXT;
  public static final List<Var<String>> GOAL_INDICATOR = AgreementProcess.GOAL_INDICATOR;
  public static final List<Var<String>> GOAL_DUE = AgreementProcess.GOAL_DUE;
  public static final Var<String> TERM_START = AgreementProcess.TERM_START;
  public static final Var<String> TERM_END = AgreementProcess.TERM_END;
  public static final Var<String> REPORT_RHYTHM = AgreementProcess.REPORT_RHYTHM;
  public static final Var<String> PAYMENT_TYPE = AgreementProcess.PAYMENT_TYPE;
  public static final Var<String> PAYMENT_TIMING = AgreementProcess.PAYMENT_TIMING;
  public static final Var<Long> ADVANCE_AMOUNT = AgreementProcess.ADVANCE_AMOUNT;
  public static final Var<Long> FINAL_AMOUNT = AgreementProcess.FINAL_AMOUNT;
  public static final Var<String> CLAUSE_TROUBLE = AgreementProcess.CLAUSE_TROUBLE;
  public static final Var<String> DOCUMENT_URL = AgreementProcess.DOCUMENT_URL;
  public static final String STAFF_OPTIONS = AgreementProcess.STAFF_OPTIONS;
  public static final Var<String> ROLES_SUMMARY = Var.string("rolesSummary");

  // Who started, and the rhythm of the term (timers)
  public static final Var<String> INITIATOR = Var.string("executionInitiator");
  public static final Var<java.util.Date> MIDTERM_AT = Var.date("midtermAt");
  public static final Var<java.util.Date> TERM_END_AT = Var.date("termEndAt");
  public static final Var<String> REPORT_CYCLE = Var.string("reportCycle");
  public static final Var<Long> REPORT_COUNT = Var.number("reportCount");
  public static final Var<String> REMINDER_AFTER = Var.string("reminderAfter");
  public static final Var<String> ESCALATION_AFTER = Var.string("escalationAfter");

  // Payments (旭川 Q51): in advance at the start, after completion once the inspection passed
  public static final Var<Long> ADVANCE_PAID_AMOUNT = Var.number("advancePaidAmount");
  public static final Var<String> ADVANCE_PAID_ON = Var.string("advancePaidOn");
  public static final Var<String> ADVANCE_REDUCTION_REASON = Var.string("advanceReductionReason");
  public static final Var<Long> FINAL_PAID_AMOUNT = Var.number("finalPaidAmount");
  public static final Var<String> FINAL_PAID_ON = Var.string("finalPaidOn");
  public static final Var<String> FINAL_REDUCTION_REASON = Var.string("finalReductionReason");

  // Mid-term check (中間評価・モニタリング, 関市 V-5①)
  public static final Var<String> MIDTERM_PROGRESS = Var.string("midtermProgress");
  public static final Var<String> MIDTERM_FINDINGS = Var.string("midtermFindings");
  public static final Var<String> MIDTERM_CITIZEN_VOICE = Var.string("midtermCitizenVoice");
  public static final Var<String> MIDTERM_ACTIONS = Var.string("midtermActions");
  public static final Var<Boolean> MIDTERM_WITH_PARTNER = Var.bool("midtermWithPartner");

  // One progress report (local to its event subprocess instance)
  public static final Var<Long> REPORT_NO = Var.number("reportNo");
  public static final Var<String> REPORT_DUE_ON = Var.string("reportDueOn");
  public static final Var<java.util.Date> REPORT_DUE_AT = Var.date("reportDueAt");
  public static final Var<String> REPORT_REMINDED_ON = Var.string("reportRemindedOn");
  public static final Var<String> REPORT_SUMMARY = Var.string("reportSummary");
  public static final Var<String> REPORT_GOAL_PROGRESS = Var.string("reportGoalProgress");
  public static final Var<String> REPORT_ISSUES = Var.string("reportIssues");
  public static final Var<String> REPORT_CITIZEN_INFO = Var.string("reportCitizenInfo");
  public static final Var<String> REVIEW_DECISION = Var.string("reportReviewDecision");
  public static final Var<String> REVIEW_COMMENT = Var.string("reportReviewComment");
  public static final Var<String> LATE_ACTION = Var.string("lateReportAction");

  // Issues and troubles (評価シート 実施段階 2, 旭川 Q76)
  public static final Var<String> ISSUE_ID = Var.string("issueId");
  public static final Var<String> ISSUE_TITLE = Var.string("issueTitle");
  public static final Var<String> ISSUE_DESCRIPTION = Var.string("issueDescription");
  public static final Var<String> ISSUE_SEVERITY = Var.string("issueSeverity");
  public static final Var<String> ISSUE_RAISED_BY = Var.string("issueRaisedBy");
  public static final Var<String> ISSUE_RESPONSE = Var.string("issueResponse");
  public static final Var<Boolean> ESCALATE_ISSUE = Var.bool("escalateIssue");
  public static final Var<Boolean> ISSUE_TO_MANAGER = Var.bool("issueToManager");
  public static final Var<String> ISSUE_DECISION = Var.string("issueDecision");
  public static final Var<String> ISSUE_DECISION_COMMENT = Var.string("issueDecisionComment");
  public static final Var<String> PENDING_ISSUE = Var.string("pendingIssueId");
  /** Which side raised the issue, and its group: that side works on it while the execution is suspended. */
  public static final Var<String> ISSUE_RAISED_SIDE = Var.string("issueRaisedSide");
  public static final Var<String> ISSUE_REPORTER_GROUP = Var.string("issueReporterGroup");

  // A serious issue before the manager: the partner is heard first; the manager may suspend, resume or terminate
  // (旭川 Q76: 協定で定めた対応に沿って、双方の協力の下で解決を図る)
  public static final Var<String> ISSUE_PARTNER_VIEW = Var.string("issuePartnerView");
  public static final Var<String> ISSUE_PARTNER_WISH = Var.string("issuePartnerWish");
  public static final Var<String> ISSUE_MEASURES = Var.string("issueMeasures");
  public static final Var<Boolean> ISSUE_READY_TO_RESUME = Var.bool("issueReadyToResume");

  // Suspension (process-wide): the term's timers and the payments stop until the manager resumes or terminates
  public static final Var<Boolean> EXECUTION_SUSPENDED = Var.bool("executionSuspended");
  public static final Var<String> SUSPENDED_ISSUE = Var.string("suspendedIssueId");
  public static final Var<String> SUSPENDED_ON = Var.string("suspendedOn");

  // Termination with settlement (what was done, what is paid or repaid), agreed by the partner, approved by a manager
  public static final Var<String> TERMINATION_ISSUE = Var.string("terminationIssueId");
  public static final Var<String> TERMINATION_REASON = Var.string("terminationReason");
  public static final Var<String> TERMINATION_DECIDED_BY = Var.string("terminationDecidedBy");
  public static final Var<Long> PAYMENT_TOTAL = Var.number("paymentTotal");
  public static final Var<Long> PAID_SO_FAR = Var.number("paidSoFar");
  public static final Var<String> SETTLEMENT_DONE = Var.string("settlementDone");
  public static final Var<Long> SETTLEMENT_PAY = Var.number("settlementPayAmount");
  public static final Var<Long> SETTLEMENT_REPAY = Var.number("settlementRepayAmount");
  public static final Var<String> SETTLEMENT_NOTE = Var.string("settlementNote");
  public static final Var<String> SETTLEMENT_CONFIRMATION = Var.string("settlementConfirmation");
  public static final Var<String> SETTLEMENT_PARTNER_COMMENT = Var.string("settlementPartnerComment");
  public static final Var<String> SETTLEMENT_APPROVAL = Var.string("settlementApproval");
  public static final Var<String> SETTLEMENT_APPROVAL_COMMENT = Var.string("settlementApprovalComment");
  /** Why the last draft came back (the partner's objection or the manager's), shown on the next draft. */
  public static final Var<String> SETTLEMENT_LAST_REQUEST = Var.string("settlementLastRequest");

  // Plan changes (企画の修正, 評価シート 実施段階 3)
  public static final Var<String> PLAN_CHANGE_ID = Var.string("planChangeId");
  public static final Var<String> CHANGE_SUMMARY = Var.string("changeSummary");
  public static final Var<String> CHANGE_REASON = Var.string("changeReason");
  public static final Var<String> CHANGE_DETAILS = Var.string("changeDetails");
  public static final Var<String> CHANGE_PROPOSED_BY = Var.string("changeProposedBy");
  public static final Var<String> CHANGE_ANSWER_GROUP = Var.string("changeAnswerGroup");
  public static final Var<String> PLAN_CHANGE_ANSWER = Var.string("planChangeAnswer");
  public static final Var<String> PLAN_CHANGE_ANSWER_COMMENT = Var.string("planChangeAnswerComment");
  public static final Var<String> APPLIED_PLAN_CHANGES = Var.string("appliedPlanChanges");
  public static final Var<String> PENDING_PLAN_CHANGE = Var.string("pendingPlanChangeId");

  // The plan as data (関市 V-4: 状況の変化に応じた柔軟な対応): the proposal's form holds the agreement's goals, budget lines
  // and the partner's income, the advance and the end of the term, filled in with the current ones, to be changed
  // there; the values stay on the proposal's task.
  public static final List<Var<String>> NEW_GOAL_TEXT = slots("newGoal", "Text", AgreementProcess.GOAL_SLOTS);
  public static final List<Var<String>> NEW_GOAL_INDICATOR = slots("newGoal", "Indicator", AgreementProcess.GOAL_SLOTS);
  public static final List<Var<String>> NEW_GOAL_DUE = slots("newGoal", "Due", AgreementProcess.GOAL_SLOTS);
  public static final List<Var<String>> NEW_BUDGET_ITEM = slots("newBudget", "Item", AgreementProcess.BUDGET_SLOTS);
  public static final List<Var<Long>> NEW_BUDGET_AMOUNT = IntStream.rangeClosed(1, AgreementProcess.BUDGET_SLOTS)
      .mapToObj(i -> Var.number("newBudget" + i + "Amount")).toList();
  public static final List<Var<String>> NEW_BUDGET_BEARER = slots("newBudget", "Bearer", AgreementProcess.BUDGET_SLOTS);
  public static final Var<Long> NEW_INCOME_OWN_FUNDS = Var.number("newIncomeOwnFunds");
  public static final Var<Long> NEW_INCOME_FEES = Var.number("newIncomeFees");
  public static final Var<Long> NEW_INCOME_OTHER = Var.number("newIncomeOther");
  public static final Var<Long> NEW_ADVANCE_AMOUNT = Var.number("newAdvanceAmount");
  public static final Var<String> NEW_TERM_END = Var.string("newTermEnd");

  // What a proposal changes, shown to the other side and the manager; a change of money needs the manager's 決裁
  public static final Var<String> CHANGE_DIFF = Var.string("changeDiff");
  public static final Var<Boolean> CHANGE_MONEY = Var.bool("changeMoney");
  public static final Var<String> PLAN_CHANGE_APPROVAL = Var.string("planChangeApproval");
  public static final Var<String> PLAN_CHANGE_APPROVAL_COMMENT = Var.string("planChangeApprovalComment");
  public static final Var<Boolean> PLAN_CHANGE_APPLIED = Var.bool("planChangeApplied");
  /** The agreement's amendment number (変更協定 第N号); 0 as concluded. */
  public static final Var<Long> AMENDMENT_NO = Var.number("amendmentNo");

  // Staff handover with the partner present (千葉 ④, 旭川 Q57)
  public static final Var<String> HANDOVER_ID = Var.string("handoverId");
  public static final Var<String> NEW_MAIN_STAFF = Var.string("newMainStaff");
  public static final Var<String> NEW_DEPUTY_STAFF = Var.string("newDeputyStaff");
  public static final Var<String> NEW_MAIN_STAFF_NAME = Var.string("newMainStaffName");
  public static final Var<String> NEW_DEPUTY_STAFF_NAME = Var.string("newDeputyStaffName");
  public static final Var<String> PREVIOUS_MAIN_STAFF = Var.string("previousMainStaff");
  public static final Var<String> HANDOVER_REASON = Var.string("handoverReason");
  public static final Var<String> HANDOVER_HELD_ON = Var.string("handoverHeldOn");
  public static final Var<String> PARTNER_ATTENDEE = Var.string("partnerAttendee");
  public static final Var<String> HANDOVER_NOTES = Var.string("handoverNotes");
  public static final Var<Boolean> HANDOVER_PURPOSE_SHARED = Var.bool("handoverPurposeShared");
  public static final Var<String> HANDOVER_CONFIRMATION = Var.string("handoverConfirmation");
  public static final Var<String> HANDOVER_PARTNER_COMMENT = Var.string("handoverPartnerComment");
  public static final Var<String> PENDING_HANDOVER = Var.string("pendingHandoverId");

  // Completion report (実施報告) and inspection (検査)
  public static final Var<String> COMPLETION_SUMMARY = Var.string("completionSummary");
  public static final List<Var<String>> GOAL_RESULT = IntStream.rangeClosed(1, AgreementProcess.GOAL_SLOTS)
      .mapToObj(i -> Var.string("goal" + i + "Result")).toList();
  public static final Var<String> GOAL_RESULT_NOTES = Var.string("goalResultNotes");
  public static final Var<Long> ACTUAL_EXPENDITURE = Var.number("actualExpenditure");
  public static final Var<Long> SURPLUS_AMOUNT = Var.number("surplusAmount");
  public static final Var<String> CITIZEN_INFO = Var.string("citizenInfo");
  public static final Var<String> FUTURE_ISSUES = Var.string("futureIssues");
  public static final Var<String> INSPECTION_RESULT = Var.string("inspectionResult");
  public static final Var<String> INSPECTION_COMMENT = Var.string("inspectionComment");
  public static final Var<String> INSPECTED_ON = Var.string("inspectedOn");

  private static List<Var<String>> slots(String prefix, String suffix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> Var.string(prefix + i + suffix)).toList();
  }

  /** Output for ⑤ 事業の評価: the execution ended with its completion report inspected. */
  public static final Var<Boolean> EXECUTION_COMPLETED = Var.bool("executionCompleted");

  /**
   * Output for ⑤ 事業の評価, whichever way the execution ended: {@code COMPLETED} or {@code TERMINATED}
   * ({@link ExecutionChoices.ExecutionOutcome}), its Japanese label, and for a terminated one the settlement in
   * Japanese (what was done, what was paid, what is paid or repaid), so that the year can still be evaluated.
   */
  public static final Var<String> EXECUTION_OUTCOME = Var.string("executionOutcome");
  public static final Var<String> EXECUTION_OUTCOME_LABEL = Var.string("executionOutcomeLabel");
  public static final Var<String> SETTLEMENT_SUMMARY = Var.string("settlementSummary");
}
