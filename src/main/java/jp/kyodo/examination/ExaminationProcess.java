package jp.kyodo.examination;

import java.util.List;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import jp.kyodo.variables.ListVar;
import jp.kyodo.variables.Var;

/**
 * ① 事業の検討: the process key, its element ids and its variables, declared once. Delegates,
 * listeners, form specs and tests use these handles instead of raw strings.
 */
public final class ExaminationProcess {

  public static final String KEY = "examination";
  public static final String RESOURCE = "processes/examination.bpmn";

  private ExaminationProcess() {}

  /** Element ids of processes/examination.bpmn. */
  public static final class Elements {
    public static final String START = "ProposalSubmitted";
    public static final String RESOLVE_PROPOSER = "ResolveProposer";
    public static final String PROPOSAL_ROUTE = "ProposalRouteGateway";
    public static final String INTAKE = "AssignDepartment";
    public static final String CHECK_SHEET = "FillCheckSheet";
    public static final String DECIDE_ELIGIBILITY = "DecideEligibility";
    public static final String DECIDE_DOMAIN = "DecideDomain";
    public static final String RECOMMEND_FORM = "RecommendForm";
    public static final String ASSESS = "AssessPriorityAndForm";
    public static final String CHECK_CHARACTER = "CheckCollaborationCharacter";
    public static final String RATE_PRIORITY = "RatePriority";
    public static final String REVIEW = "CoordinatorReview";
    public static final String REVISE = "ReviseProposal";
    public static final String END_APPROVED = "ExaminationApproved";
    public static final String END_REJECTED = "ExaminationRejected";
    public static final String END_INELIGIBLE = "ActivityIneligible";
    public static final String END_OUTSIDE_DOMAIN = "OutsideCollaborationDomain";
    public static final String END_OUTSOURCING = "PlainOutsourcing";
    public static final String END_CITY_ALONE = "CityActsAlone";
    // A proposal the department's examination would end as not collaboration is never ended silently: the office
    // confirms the result with a reason or sends it back, and a citizen proposer is told and may revise.
    public static final String FLOW_INELIGIBLE = "FlowIneligible";
    public static final String FLOW_OUTSIDE_DOMAIN = "FlowOutsideDomain";
    public static final String FLOW_OUTSOURCING = "FlowPlainOutsourcing";
    public static final String FLOW_CITY_ALONE = "FlowCityAlone";
    public static final String ENDING_JOIN = "EndingJoin";
    public static final String CONFIRM_ENDING = "ConfirmEnding";
    public static final String ENDING_CONFIRMATION_GATEWAY = "EndingConfirmationGateway";
    public static final String ENDING_NOTICE_GATEWAY = "EndingNoticeGateway";
    public static final String EXPLAIN_ENDING = "ExplainEnding";
    public static final String ENDING_RESPONSE_GATEWAY = "EndingResponseGateway";
    public static final String ENDING_SETTLED_JOIN = "EndingSettledJoin";
    public static final String ENDING_ROUTE_GATEWAY = "EndingRouteGateway";

    private Elements() {}
  }

  /** Decision keys of the DMN tables this process calls. */
  public static final class Decisions {
    public static final String ELIGIBILITY = "activity-eligibility";
    public static final String DOMAIN = "collaboration-domain";
    public static final String FORM = "collaboration-form";
    public static final String CHARACTER = "collaboration-character";
    public static final String PRIORITY = "examination-priority";

    private Decisions() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/*.form}). */
  public static final class FormIds {
    public static final String PROPOSAL = "examination-proposal";
    public static final String INTAKE = "examination-intake";
    public static final String CHECK_SHEET = "examination-check-sheet";
    public static final String ASSESSMENT = "examination-assessment";
    public static final String REVIEW = "examination-review";
    public static final String ENDING_CONFIRMATION = "examination-ending-confirmation";
    public static final String ENDING_NOTICE = "examination-ending-notice";

    private FormIds() {}
  }

  // Who
  public static final Var<String> PROPOSER = Var.string("proposer");
  public static final Var<String> PROPOSAL_TYPE = Var.string("proposalType");
  public static final Var<String> PROPOSER_GROUP = Var.string("proposerGroup");
  public static final Var<String> PARTNER_GROUP = Var.string("partnerGroup");
  public static final Var<String> PARTNER_NAME = Var.string("partnerName");
  public static final Var<String> DEPARTMENT_GROUP = Var.string("departmentGroup");
  public static final Var<String> DEPARTMENT_NAME = Var.string("departmentName");
  public static final String DEPARTMENT_OPTIONS = "departmentOptions";

  // Who carries the project for the department from ① on: a main and a deputy, never one person (旭川 Q57), so that
  // a transfer does not stop the work (千葉県 マニュアル 第1章 行政の課題④ 人事異動). The department chooses them on the
  // check sheet from its members (the options), and ① hands them back.
  public static final Var<String> MAIN_STAFF = Var.string("mainStaff");
  public static final Var<String> DEPUTY_STAFF = Var.string("deputyStaff");
  public static final String STAFF_OPTIONS = "staffOptions";

  // The proposal (事業提案 / 課題提案)
  public static final Var<String> TITLE = Var.string("title");
  public static final Var<String> ISSUE = Var.string("issue");
  public static final Var<String> CONTENT = Var.string("content");
  public static final Var<String> EXPECTED_EFFECT = Var.string("expectedEffect");
  public static final Var<String> TARGET = Var.string("target");
  public static final Var<String> ROLE_IDEA = Var.string("roleIdea");
  public static final Var<Long> PROPOSED_BUDGET = Var.number("proposedBudget");
  public static final Var<String> RELATED_DEPARTMENT_HINT = Var.string("relatedDepartmentHint");
  public static final Var<String> INTAKE_NOTE = Var.string("intakeNote");

  // Eligibility of the activity (小金井市協働推進基本指針 第2章(2))
  public static final Var<Boolean> VOLUNTARY_PUBLIC_INTEREST = Var.bool("voluntaryPublicInterest");
  public static final Var<Boolean> NOT_FOR_PROFIT = Var.bool("notForProfit");
  public static final Var<Boolean> NOT_POLITICAL_OR_RELIGIOUS = Var.bool("notPoliticalOrReligious");
  public static final Var<Boolean> NOT_AGAINST_PUBLIC_ORDER = Var.bool("notAgainstPublicOrder");
  public static final ListVar INELIGIBILITY_REASONS = ListVar.of("ineligibilityReasons");

  // Check sheet: the domain of collaboration (関市 図1) and why collaborate (関市 協働に適した事業)
  public static final Var<Boolean> EXERCISES_PUBLIC_AUTHORITY = Var.bool("exercisesPublicAuthority");
  public static final Var<Boolean> PRIVATE_OR_VALUE_PROMOTING = Var.bool("privateOrValuePromoting");
  public static final Var<String> LEADERSHIP = Var.string("leadership");
  public static final ListVar COLLABORATION_MERITS = ListVar.of("collaborationMerits");
  public static final Var<Long> DOMAIN = Var.number("domain");
  public static final Var<String> DOMAIN_LABEL = Var.string("domainLabel");
  public static final Var<String> DOMAIN_REASON = Var.string("domainReason");

  // The form of collaboration (関市 7, 東久留米 II-7, 旭川 Q51)
  public static final Var<Boolean> CITY_FUNDING = Var.bool("cityFunding");
  public static final Var<Boolean> EVENT_BASED = Var.bool("eventBased");
  public static final Var<Boolean> JOINT_BODY = Var.bool("jointBody");
  public static final Var<Boolean> PUBLIC_FACILITY = Var.bool("publicFacility");
  public static final Var<String> RECOMMENDED_FORM = Var.string("recommendedForm");
  public static final Var<String> CHOSEN_FORM = Var.string("chosenForm");
  /** What the form is when {@code chosenForm} is OTHER (小金井 第2章(4)); carried along like the form. */
  public static final Var<String> OTHER_FORM_DESCRIPTION = Var.string("otherFormDescription");
  public static final Var<String> FORM_CHANGE_REASON = Var.string("formChangeReason");
  public static final Var<String> SPEC_AUTHOR = Var.string("specAuthor");
  public static final Var<Boolean> NOT_COLLABORATION = Var.bool("notCollaboration");
  public static final Var<String> NOT_COLLABORATION_REASON = Var.string("notCollaborationReason");

  // Priority (旭川 Q37, Q51), cost, calendar (旭川 Q52), city acting alone (旭川 Q9)
  public static final Var<Long> NECESSITY = Var.number("necessity");
  public static final Var<Long> PUBLIC_BENEFIT = Var.number("publicBenefit");
  public static final Var<Long> URGENCY = Var.number("urgency");
  public static final Var<Long> FEASIBILITY = Var.number("feasibility");
  public static final Var<Long> COST_EFFECTIVENESS = Var.number("costEffectiveness");
  public static final Var<String> PRIORITY_RANK = Var.string("priorityRank");
  public static final Var<String> PRIORITY_LABEL = Var.string("priorityLabel");
  public static final Var<Long> COST_ESTIMATE = Var.number("costEstimate");
  public static final Var<String> COST_SHARING = Var.string("costSharing");
  public static final Var<String> REPORTING_ARRANGEMENTS = Var.string("reportingArrangements");
  public static final Var<String> CALENDAR_PATTERN = Var.string("calendarPattern");
  public static final Var<Long> PLANNED_FISCAL_YEAR = Var.number("plannedFiscalYear");
  public static final Var<Boolean> CITY_ALONE_URGENT = Var.bool("cityAloneUrgent");
  public static final Var<String> CITY_ALONE_REASON = Var.string("cityAloneReason");

  // Coordinator review
  public static final Var<String> REVIEW_DECISION = Var.string("reviewDecision");
  public static final Var<String> REVIEW_COMMENT = Var.string("reviewComment");
  public static final Var<Long> REVISION_COUNT = Var.number("revisionCount");

  // An end as not collaboration, from the department's finding to the office's confirmation and the proposer's answer
  // (東久留米 II-4(5) 説明責任; 関市 IV-3(2) 事業提案制度). Set afresh by each finding, cleared when the proposal
  // reaches the review again: they describe the end now pending, the decision log keeps every one.
  public static final Var<String> PROPOSED_ENDING = Var.string("proposedEnding");
  public static final Var<String> PROPOSED_ENDING_LABEL = Var.string("proposedEndingLabel");
  public static final Var<String> ENDING_FINDING = Var.string("endingFinding");
  public static final Var<String> ENDING_DECISION = Var.string("endingDecision");
  public static final Var<String> ENDING_REASON = Var.string("endingReason");
  public static final Var<String> ENDING_RESPONSE = Var.string("endingResponse");
  public static final Var<String> ENDING_COMMENT = Var.string("endingComment");
  public static final String ENDING_RESPONSE_OPTIONS = "endingResponseOptions";
  /** What the office and the proposer answered to the pending end. */
  public static final List<Var<String>> ENDING_ANSWERS = List.of(ENDING_DECISION, ENDING_REASON, ENDING_RESPONSE,
      ENDING_COMMENT);

  /**
   * Every decision taken inside ①, oldest first, as JSON Cockpit shows: the department's findings that would end the
   * proposal, the office's confirmations and reviews, the proposer's answers. Each says where ({@code step}: the
   * element id, {@code revision}: the revision count then) and what, why, who and when (docs/domain.md 原則).
   */
  public static final String DECISIONS = "examinationDecisions";
  public static final DecisionLog DECISION_LOG = new DecisionLog(DECISIONS, "reason", true);

  // The recorded outcome (every end event)
  public static final Var<String> OUTCOME = Var.string("outcome");
  public static final Var<String> OUTCOME_LABEL = Var.string("outcomeLabel");
  public static final Var<String> OUTCOME_REASON = Var.string("outcomeReason");
  public static final Var<String> OUTCOME_DECIDED_BY = Var.string("outcomeDecidedBy");
  public static final Var<java.util.Date> OUTCOME_DECIDED_AT = Var.date("outcomeDecidedAt");
  public static final Decision.Variables DECISION_VARIABLES = new Decision.Variables(OUTCOME, OUTCOME_LABEL,
      OUTCOME_REASON, OUTCOME_DECIDED_BY, OUTCOME_DECIDED_AT);

  /**
   * What ① hands back to the process that called it, beside its decision ({@link #DECISION_VARIABLES}): the proposal
   * as it stands at the end (its optional parts may be empty), who owns and carries it — the department with its main
   * and deputy staff, chosen on the check sheet and so known at every end after it (旭川 Q57) — and what the
   * examination settled on the way to the review (domain, form, priority, cost, calendar, year). Beside them, the log
   * of ①'s decisions ({@link #DECISIONS}). The caller maps what it needs in its call activity; the lifecycle's mapping
   * is in {@code processes/collaboration.bpmn}.
   */
  public static final List<Var<?>> HANDED_BACK = List.of(PROPOSAL_TYPE, PROPOSER_GROUP, DEPARTMENT_GROUP,
      DEPARTMENT_NAME, MAIN_STAFF, DEPUTY_STAFF, TITLE, ISSUE, CONTENT, EXPECTED_EFFECT, TARGET, ROLE_IDEA,
      PROPOSED_BUDGET, RELATED_DEPARTMENT_HINT, DOMAIN, DOMAIN_LABEL, CHOSEN_FORM, OTHER_FORM_DESCRIPTION, PRIORITY_RANK,
      PRIORITY_LABEL,
      COST_ESTIMATE, CALENDAR_PATTERN, PLANNED_FISCAL_YEAR);
}
