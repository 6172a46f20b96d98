package jp.kyodo.selection;

import java.util.Date;
import jp.kyodo.forms.Labeled;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import jp.kyodo.variables.ListVar;
import jp.kyodo.variables.Var;

/**
 * ② パートナーの選定: key, element ids, forms and variables of processes/partner-selection.bpmn.
 * A public call (公募) is the rule (関市 ルール4, 旭川 Q43); a sole source (特定の団体) needs a written
 * reason and a manager's approval (旭川 Q45).
 */
public final class SelectionProcess {

  public static final String KEY = "partner-selection";
  public static final String RESOURCE = "processes/partner-selection.bpmn";

  private SelectionProcess() {}

  public static final class Elements {
    public static final String START = "SelectionRequested";
    public static final String OPEN_SELECTION = "OpenSelection";
    public static final String CHOOSE_METHOD = "ChooseSelectionMethod";
    public static final String SOLE_SOURCE_FIXATION_GATEWAY = "SoleSourceFixationGateway";
    public static final String DECIDE_FIXATION_EXCEPTION = "DecideFixationException";
    public static final String FIXATION_EXCEPTION_GATEWAY = "FixationExceptionGateway";
    public static final String APPROVE_SOLE_SOURCE = "ApproveSoleSource";
    public static final String RECORD_SOLE_SOURCE = "RecordSoleSourceSelection";
    public static final String WRITE_CALL = "WriteCall";
    public static final String COMPOSE_CALL = "ComposeCall";
    public static final String CHECK_CALL = "CheckCall";
    public static final String PUBLISH_CALL = "PublishCall";
    public static final String DEADLINE = "ApplicationDeadlinePassed";
    public static final String CLOSE_CALL = "CloseCall";
    public static final String SCREEN = "ScreenApplication";
    public static final String PLAN_REVIEWS = "PlanReviews";
    public static final String REVIEW = "ReviewApplications";
    public static final String DECLARE_CONFLICTS = "DeclareConflicts";
    public static final String SCORE = "ScoreApplication";
    public static final String RANK = "RankApplications";
    public static final String PROPOSE = "ProposeSelection";
    public static final String APPROVE_SELECTION = "ApproveSelection";
    public static final String RECORD_CALL_SELECTION = "RecordCallSelection";
    public static final String NOTIFY_SELECTED = "NotifyApplicantsOfSelection";
    public static final String NOTIFY_NONE = "NotifyApplicantsOfNoSelection";
    public static final String DECIDE_WITHOUT_PARTNER = "DecideWithoutPartner";
    public static final String END_SELECTED = "PartnerSelected";
    public static final String END_WITHOUT_COLLABORATION = "CarriedOutWithoutCollaboration";
    public static final String END_DROPPED = "SelectionDropped";

    private Elements() {}
  }

  public static final class FormIds {
    public static final String START = "selection-start";
    public static final String METHOD = "selection-method";
    public static final String SOLE_SOURCE_APPROVAL = "selection-sole-source-approval";
    public static final String FIXATION_EXCEPTION = "selection-fixation-exception";
    public static final String CALL = "selection-call";
    public static final String CALL_CHECK = "selection-call-check";
    public static final String SCREENING = "selection-screening";
    public static final String CONFLICTS = "selection-conflicts";
    public static final String SCORE = "selection-score";
    public static final String COMMITTEE = "selection-committee";
    public static final String APPROVAL = "selection-approval";
    public static final String NO_PARTNER = "selection-no-partner";

    private FormIds() {}
  }

  /** The message that tells each applicant's {@code call-application} instance its result. */
  public static final String RESULT_MESSAGE = "SelectionResultPublished";

  public enum Method implements Labeled {
    PUBLIC_CALL("公募で選ぶ（原則）"),
    SOLE_SOURCE("特定の団体を選ぶ（理由と決裁者の承認が必要）");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum Approval implements Labeled {
    APPROVE("承認する"),
    REFUSE("承認しない（選定の方法を選び直す）");

    private final String label;

    Approval(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum CallCheck implements Labeled {
    PUBLISH("公募を公開する"),
    REVISE("担当課に差し戻す");

    private final String label;

    CallCheck(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum Screening implements Labeled {
    ELIGIBLE("応募資格を満たす"),
    INELIGIBLE("応募資格を満たさない");

    private final String label;

    Screening(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum SelectionApproval implements Labeled {
    APPROVE("選定を承認する"),
    RETURN("選定委員会に差し戻す");

    private final String label;

    SelectionApproval(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the department does when no partner was found (旭川 Q44). */
  public enum NoPartnerDecision implements Labeled {
    RECALL("募集の内容を見直して再募集する"),
    WITHOUT_COLLABORATION("協働によらず市が実施する"),
    DROP("事業を取りやめる");

    private final String label;

    NoPartnerDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The option of the committee's select that selects nobody. */
  public static final String NONE_SUITABLE = "NONE";

  // The project (see Project)
  public static final Var<String> TITLE = Project.TITLE;
  public static final Var<String> CONTENT = Var.string("content");
  public static final Var<String> DEPARTMENT_GROUP = Project.DEPARTMENT_GROUP;
  public static final Var<String> DEPARTMENT_NAME = Project.DEPARTMENT_NAME;
  public static final Var<String> PARTNER_GROUP = Project.PARTNER_GROUP;
  public static final Var<String> PARTNER_NAME = Project.PARTNER_NAME;
  public static final Var<String> CHOSEN_FORM = Project.CHOSEN_FORM;
  public static final Var<Long> FISCAL_YEAR = Project.FISCAL_YEAR;
  public static final Var<String> PROJECT_NUMBER = Project.PROJECT_NUMBER;
  public static final Var<String> INITIATOR = Var.string("selectionInitiator");

  public static final Var<String> SELECTION_NUMBER = Var.string("selectionNumber");
  public static final String ORGANISATION_OPTIONS = "organisationOptions";
  public static final String REVIEWER_OPTIONS = "reviewerOptions";
  public static final Var<String> FIXATION_NOTICE = Var.string("fixationNotice");

  // The way of selection
  public static final Var<String> METHOD = Var.string("selectionMethod");
  public static final Var<String> SOLE_SOURCE_ORGANISATION = Var.string("soleSourceOrganisation");
  public static final Var<String> SOLE_SOURCE_REASON = Var.string("soleSourceReason");
  public static final Var<String> SOLE_SOURCE_APPROVAL = Var.string("soleSourceApproval");
  public static final Var<String> SOLE_SOURCE_APPROVAL_COMMENT = Var.string("soleSourceApprovalComment");

  // Co-partners (「共に担う団体」): organisations that hold the project with the partner, each with its role (旭川 Q71;
  // 関市 II-7③ 実行委員会). Chosen by the department with a sole source (ChooseSelectionMethod, approved with it) or
  // by the manager approving a public call's selection (ApproveSelection): either way without a call of their own,
  // so with a written reason and a manager's approval (旭川 Q45). Fixed slots: Tasklist 7.24's forms have no
  // dynamic lists.
  public static final int CO_PARTNER_SLOTS = 3;
  public static final Var<String> CO_PARTNER_REASON = Var.string("coPartnerReason");
  /** The manager's reason for adding, at the approval of a call, a co-partner that would be fixed (千葉 ②). */
  public static final Var<String> CO_PARTNER_FIXATION_REASON = Var.string("coPartnerFixationExceptionReason");
  /** What ② hands on (see Project): the list with names and roles, and the group ids that route partner tasks. */
  public static final String CO_PARTNERS = Project.CO_PARTNERS;
  public static final Var<String> CO_PARTNER_GROUPS = Project.CO_PARTNER_GROUPS;

  public static Var<String> coPartnerOrganisation(int slot) {
    return Var.string("coPartner" + slot + "Organisation");
  }

  public static Var<String> coPartnerRole(int slot) {
    return Var.string("coPartner" + slot + "Role");
  }

  // The call (公募要項)
  public static final Var<String> CALL_PURPOSE = Var.string("callPurpose");
  public static final Var<String> CALL_ELIGIBILITY = Var.string("callEligibility");
  public static final int CRITERIA_SLOTS = 5;
  public static final Var<String> APPLICATION_DEADLINE = Var.string("applicationDeadline");
  /** 予算の枠: what the call offers at most, in yen (prefilled from the budget granted for the year, 旭川 Q52). */
  public static final Var<Long> CALL_BUDGET = Var.number("callBudget");
  /**
   * The fields of activity (分野) the call is for, codes of {@code RegistrationProcess.ActivityField}: the
   * organisations registered for one of them are told when the call opens (関市 ルール4 「機会が公平に開かれている」).
   */
  public static final ListVar CALL_FIELDS = ListVar.of("callFields");
  public static final Var<String> CALL_SUMMARY = Var.string("callSummary");
  public static final Var<String> CALL_CHECK = Var.string("callCheckDecision");
  public static final Var<String> CALL_CHECK_COMMENT = Var.string("callCheckComment");
  public static final ListVar REVIEWERS = ListVar.of("selectionReviewers");
  public static final Var<Long> QUORUM = Var.number("reviewQuorum");
  public static final Var<String> CALL_NUMBER = Var.string("callNumber");
  public static final Var<Date> DEADLINE_AT = Var.date("applicationDeadlineAt");

  public static Var<String> criterionLabel(int slot) {
    return Var.string("criterion" + slot + "Label");
  }

  public static Var<Long> criterionWeight(int slot) {
    return Var.number("criterion" + slot + "Weight");
  }

  public static Var<Long> score(int slot) {
    return Var.number("score" + slot);
  }

  // Applications
  public static final ListVar APPLICATION_IDS = ListVar.of("applicationIds");
  public static final Var<Long> APPLICATION_COUNT = Var.number("applicationCount");
  public static final Var<Long> ELIGIBLE_COUNT = Var.number("eligibleCount");
  public static final String APPLICATION_OPTIONS = "applicationOptions";
  public static final Var<String> NO_PARTNER_SITUATION = Var.string("noPartnerSituation");

  // One application, shown on a task (task-local)
  public static final Var<String> APPLICATION_ID = Var.string("applicationId");
  public static final Var<String> REVIEWER = Var.string("reviewer");
  public static final Var<String> APPLICANT_NAME = Var.string("applicantName");
  public static final Var<String> APPLICANT_TYPE = Var.string("applicantType");
  public static final Var<String> APPLICANT_RECORD = Var.string("applicantActivityRecord");
  public static final Var<String> APPLICANT_FINANCES = Var.string("applicantFinancialState");
  public static final Var<String> PROPOSAL_TITLE = Var.string("proposalTitle");
  public static final Var<String> PROPOSAL = Var.string("proposal");
  public static final Var<String> BUDGET_PLAN = Var.string("budgetPlan");

  // Screening, conflicts, scores (task-local form values)
  public static final Var<String> SCREENING = Var.string("screening");
  public static final Var<String> SCREENING_REASON = Var.string("screeningReason");
  public static final ListVar CONFLICTED_APPLICATIONS = ListVar.of("conflictedApplications");
  public static final Var<String> CONFLICT_NOTE = Var.string("conflictNote");
  public static final Var<Boolean> DECLARATION_CONFIRMED = Var.bool("declarationConfirmed");
  public static final Var<String> REVIEW_COMMENT = Var.string("reviewComment");

  // Ranking and the committee
  public static final String RANKING = "ranking";
  public static final Var<String> RANKING_SUMMARY = Var.string("rankingSummary");
  public static final Var<String> FIXATION_WARNING = Var.string("fixationWarning");
  public static final String CANDIDATE_OPTIONS = "candidateOptions";
  public static final Var<String> SELECTED_APPLICATION = Var.string("selectedApplication");
  public static final Var<String> SELECTION_REASON = Var.string("selectionReason");
  public static final Var<String> SELECTION_APPROVAL = Var.string("selectionApproval");
  public static final Var<String> SELECTION_APPROVAL_COMMENT = Var.string("selectionApprovalComment");

  // No partner (旭川 Q44)
  public static final Var<String> NO_PARTNER_DECISION = Var.string("noPartnerDecision");
  public static final Var<String> NO_PARTNER_REASON = Var.string("noPartnerReason");

  /** Who proposed the choice (the department for a sole source, the committee's coordinator for a call). */
  public static final Var<String> PROPOSED_BY = Var.string("selectionProposedBy");

  // The recorded outcome (every end event)
  public static final Var<String> OUTCOME = Var.string("selectionOutcome");
  public static final Var<String> OUTCOME_LABEL = Var.string("selectionOutcomeLabel");
  public static final Var<String> OUTCOME_REASON = Var.string("selectionOutcomeReason");
  public static final Var<String> OUTCOME_DECIDED_BY = Var.string("selectionDecidedBy");
  public static final Var<Date> OUTCOME_DECIDED_AT = Var.date("selectionDecidedAt");
  public static final Decision.Variables DECISION_VARIABLES = new Decision.Variables(OUTCOME, OUTCOME_LABEL,
      OUTCOME_REASON, OUTCOME_DECIDED_BY, OUTCOME_DECIDED_AT);
}
