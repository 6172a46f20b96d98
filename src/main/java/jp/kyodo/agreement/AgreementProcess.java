package jp.kyodo.agreement;

import java.util.List;
import java.util.stream.IntStream;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.project.Project;
import jp.kyodo.variables.Var;

/**
 * ③ 協定・契約: the process key, its element ids and its variables, declared once. The agreement is
 * always written, whatever the form of collaboration (東久留米 III-4); what it fixes follows 関市 V-3
 * and 旭川 Q18, Q27, Q31, Q48, Q49, Q51, Q76.
 */
public final class AgreementProcess {

  public static final String KEY = "agreement";
  public static final String RESOURCE = "processes/agreement.bpmn";

  private AgreementProcess() {}

  /** Element ids of processes/agreement.bpmn. */
  public static final class Elements {
    public static final String START = "AgreementRequested";
    public static final String RESOLVE_PARTIES = "ResolveAgreementParties";
    public static final String PREPARE_DRAFT = "PrepareAgreementDraft";
    public static final String PARTIES_KNOWN = "PartiesKnownGateway";
    public static final String ASSIGN_PARTIES = "AssignAgreementParties";
    public static final String DRAFT_JOIN = "DraftJoin";
    public static final String DRAFT = "DraftAgreement";
    public static final String PARTNER_CONFIRMS = "PartnerConfirmsAgreement";
    public static final String PARTNER_DECISION_GATEWAY = "PartnerDecisionGateway";
    public static final String PARTNER_PROPOSES = "PartnerProposesChanges";
    public static final String ANSWER_PROPOSAL = "DepartmentAnswersProposal";
    public static final String PROPOSAL_ANSWER_GATEWAY = "ProposalAnswerGateway";
    public static final String DEPARTMENT_CONFIRM_JOIN = "DepartmentConfirmJoin";
    public static final String DEPARTMENT_CONFIRMS = "DepartmentConfirmsAgreement";
    public static final String DEPARTMENT_DECISION_GATEWAY = "DepartmentDecisionGateway";
    public static final String APPROVE = "ApproveAgreement";
    public static final String APPROVAL_GATEWAY = "ApprovalGateway";
    public static final String RECORD = "RecordAgreement";
    public static final String GENERATE_DOCUMENT = "GenerateAgreementDocument";
    public static final String EXCHANGE = "ExchangeAgreement";
    public static final String END_CONCLUDED = "AgreementConcluded";
    public static final String END_DECLINED = "AgreementDeclined";

    private Elements() {}
  }

  /** Decision keys of the DMN tables this process uses. */
  public static final class Decisions {
    public static final String PAYMENT_TERMS = "payment-terms";

    private Decisions() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/agreement-*.form}). */
  public static final class FormIds {
    public static final String START = "agreement-start";
    public static final String PARTIES = "agreement-parties";
    public static final String DRAFT = "agreement-draft";
    public static final String PARTNER_CONFIRMATION = "agreement-partner-confirmation";
    public static final String PARTNER_PROPOSAL = "agreement-partner-proposal";
    public static final String PROPOSAL_ANSWER = "agreement-proposal-answer";
    public static final String DEPARTMENT_CONFIRMATION = "agreement-department-confirmation";
    public static final String APPROVAL = "agreement-approval";
    public static final String EXCHANGE = "agreement-exchange";

    private FormIds() {}
  }

  /** Fixed slots of the draft form (form-js 1.8 in Tasklist has no dynamic lists). */
  public static final int GOAL_SLOTS = 5;
  public static final int ROLE_SLOTS = 6;
  public static final int BUDGET_SLOTS = 6;

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

  // Who takes part
  public static final Var<String> INITIATOR = Var.string("agreementInitiator");
  /**
   * Whether the partner was chosen before the agreement began (the lifecycle passes the selected partner in). Not
   * ⑥'s {@code partnerFixed}, which says a partner has held the department's work too long (千葉 ②).
   */
  public static final Var<Boolean> PARTNER_CHOSEN = Var.bool("partnerChosen");
  public static final Var<Boolean> PARTIES_KNOWN = Var.bool("partiesKnown");
  public static final Var<String> CHOSEN_PARTNER_GROUP = Var.string("chosenPartnerGroup");
  public static final String PARTNER_OPTIONS = "partnerOptions";
  public static final String STAFF_OPTIONS = "staffOptions";
  public static final Var<String> MAIN_STAFF_NAME = Var.string("mainStaffName");
  public static final Var<String> DEPUTY_STAFF_NAME = Var.string("deputyStaffName");

  // What the draft starts from (旭川 Q51: 「選定された団体の提案内容をベースに…協議・調整しながら決定」): the lifecycle
  // passes the selection of ② and ①'s role idea; started on its own, the start form names the selection.
  /** The selection (② パートナーの選定) that chose the partner, e.g. {@code 2026-S001}; null when there was none. */
  public static final Var<String> SELECTION_NUMBER = Var.string("selectionNumber");
  /** ①'s 想定する役割分担, the base of the draft when ② had no application (a sole source) or did not run. */
  public static final Var<String> ROLE_IDEA = ExaminationProcess.ROLE_IDEA;
  /**
   * What the city's budget granted the project for the year (予算, yen; the lifecycle passes it, a clerk starting ③ on
   * its own may state it): the city's spending in the agreement may not exceed it. Null when no budget was decided.
   */
  public static final Var<Long> APPROVED_BUDGET = Var.number("approvedBudget");
  /** Where the draft comes from, in the clerk's words (shown to both sides). */
  public static final Var<String> DRAFT_BASIS = Var.string("draftBasis");
  /** The winning application's plan and money plan as the organisation submitted them (shown, never changed). */
  public static final Var<String> PROPOSED_PLAN = Var.string("proposedPlan");
  public static final Var<String> PROPOSED_BUDGET_PLAN = Var.string("proposedBudgetPlan");
  /** 事業の内容と進め方: the concrete plan both sides agree (関市 V-3①), prefilled from the proposal or the role idea. */
  public static final Var<String> WORK_PLAN = Var.string("workPlan");

  // Purpose and measurable goals (関市 V-3①, 小金井 ④), yearly intermediate goals of longer work (旭川 Q31)
  public static final Var<String> PURPOSE = Var.string("purpose");
  public static final Var<String> FINAL_GOAL = Var.string("finalGoal");
  public static final List<Var<String>> GOAL_TEXT = slots("goal", "Text", GOAL_SLOTS);
  public static final List<Var<String>> GOAL_INDICATOR = slots("goal", "Indicator", GOAL_SLOTS);
  public static final List<Var<String>> GOAL_DUE = slots("goal", "Due", GOAL_SLOTS);

  // Role division (役割分担, 旭川 Q48, 関市 V-3②)
  public static final List<Var<String>> ROLE_TASK = slots("role", "Task", ROLE_SLOTS);
  public static final List<Var<String>> ROLE_PARTY = slots("role", "Party", ROLE_SLOTS);

  // Budget lines and who bears each, income/expenditure plan (旭川 Q48, Q49, 関市 V-3①②)
  public static final List<Var<String>> BUDGET_ITEM = slots("budget", "Item", BUDGET_SLOTS);
  public static final List<Var<Long>> BUDGET_AMOUNT = numberSlots("budget", "Amount", BUDGET_SLOTS);
  public static final List<Var<String>> BUDGET_BEARER = slots("budget", "Bearer", BUDGET_SLOTS);
  public static final Var<Long> INCOME_OWN_FUNDS = Var.number("incomeOwnFunds");
  public static final Var<Long> INCOME_FEES = Var.number("incomeFees");
  public static final Var<Long> INCOME_OTHER = Var.number("incomeOther");

  // Payment (旭川 Q51, 関市 V-3③)
  public static final Var<String> PAYMENT_TYPE = Var.string("paymentType");
  public static final Var<String> PAYMENT_TIMING = Var.string("paymentTiming");
  public static final Var<Long> ADVANCE_AMOUNT = Var.number("advanceAmount");
  /** For a subsidy paid partly in advance: whether the grant decision allows it (YES/NO), and which decision. */
  public static final Var<String> GRANT_ALLOWS_ADVANCE = Var.string("grantAllowsAdvance");
  public static final Var<String> GRANT_DECISION_REF = Var.string("grantDecisionRef");

  // Term (期間, 旭川 Q31) and reporting rhythm
  public static final Var<String> TERM_START = Var.string("termStart");
  public static final Var<String> TERM_END = Var.string("termEnd");
  public static final Var<String> REPORT_RHYTHM = Var.string("reportRhythm");

  // Clauses (旭川 Q18, Q27, Q76, 関市 V-5②)
  public static final Var<String> CLAUSE_CONFIDENTIALITY = Var.string("clauseConfidentiality");
  public static final Var<String> CLAUSE_SURPLUS = Var.string("clauseSurplus");
  public static final Var<String> CLAUSE_RESULTS = Var.string("clauseResults");
  public static final Var<String> CLAUSE_TROUBLE = Var.string("clauseTrouble");

  // What the draft check computes (shown to both sides, written into the agreement)
  public static final Var<Long> EXPENDITURE_TOTAL = Var.number("expenditureTotal");
  public static final Var<Long> PAYMENT_AMOUNT = Var.number("paymentAmount");
  public static final Var<Long> FINAL_AMOUNT = Var.number("finalAmount");
  public static final Var<String> PAYMENT_TERMS_NOTE = Var.string("paymentTermsNote");
  /** The instalments, one per line (date, kind, amount), as both sides read them before agreeing. */
  public static final Var<String> PAYMENT_SCHEDULE_TEXT = Var.string("paymentScheduleText");

  // Both sides confirm, a manager approves; a request for changes goes back to drafting
  public static final Var<String> PARTNER_DECISION = Var.string("partnerDecision");
  public static final Var<String> PARTNER_COMMENT = Var.string("partnerComment");
  public static final Var<String> DEPARTMENT_DECISION = Var.string("departmentDecision");
  public static final Var<String> DEPARTMENT_COMMENT = Var.string("departmentComment");
  public static final Var<String> APPROVAL_DECISION = Var.string("approvalDecision");
  public static final Var<String> APPROVAL_COMMENT = Var.string("approvalComment");
  public static final Var<String> LAST_CHANGE_REQUEST = Var.string("lastChangeRequest");

  // The partner's own proposal and the department's answer, round by round (旭川 Q51 協議・調整)
  /** Why the partner proposes its changes (required). */
  public static final Var<String> PARTNER_PROPOSAL_REASON = Var.string("partnerProposalReason");
  /** What the partner changed, field by field ("役割2の担い手: 市 → 団体"), for the department's answer. */
  public static final Var<String> PARTNER_PROPOSAL_SUMMARY = Var.string("partnerProposalSummary");
  /** The negotiable terms as they stood before the partner's proposal (JSON), restored when the department answers. */
  public static final String TERMS_BEFORE_PROPOSAL = "termsBeforeProposal";
  public static final Var<String> PROPOSAL_ANSWER = Var.string("proposalAnswer");
  public static final Var<String> PROPOSAL_ANSWER_COMMENT = Var.string("proposalAnswerComment");
  /** The department's answer to the partner's last proposal, shown to the partner at its next confirmation. */
  public static final Var<String> PROPOSAL_ANSWER_NOTE = Var.string("proposalAnswerNote");
  /** Every confirmation and approval with who, when and why, as JSON (written to the agreement at approval). */
  public static final String DECISION_LOG = "agreementDecisionLog";

  // How ③ ended, for the lifecycle: SIGNED, or DECLINED by the partner (then the year goes back to ②)
  /** {@link AgreementOutcome}'s code, set at the end event. */
  public static final Var<String> AGREEMENT_OUTCOME = Var.string("agreementOutcome");
  /** Why the partner declined (required in its confirmation form) and who declined for it. */
  public static final Var<String> PARTNER_DECLINE_REASON = Var.string("partnerDeclineReason");
  public static final Var<String> PARTNER_DECLINED_BY = Var.string("partnerDeclinedBy");

  // The concluded agreement
  public static final Var<String> DOCUMENT_URL = Var.string("agreementDocumentUrl");
  public static final Var<String> SIGNED_ON = Var.string("signedOn");
  public static final Var<String> EXCHANGE_NOTE = Var.string("exchangeNote");

  private static List<Var<String>> slots(String prefix, String suffix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> Var.string(prefix + i + suffix)).toList();
  }

  private static List<Var<Long>> numberSlots(String prefix, String suffix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> Var.number(prefix + i + suffix)).toList();
  }

  /** The download address of an agreement's document (HTTP Basic, like the rest of /api). */
  public static String documentUrl(String agreementNumber) {
    return AgreementApi.DOCUMENT_PAGE + agreementNumber;
  }
}
