package jp.kyodo.project;

import jp.kyodo.platform.Decision;
import jp.kyodo.variables.Var;

/**
 * The variables that travel with a collaboration project from phase to phase. The lifecycle
 * {@code collaboration} passes them into each phase's call activity and takes back what the phase
 * decided; a phase started on its own from Tasklist gets them from its start form. Names are shared
 * with ① 事業の検討, which first writes most of them, so the same value has one name everywhere.
 */
public final class Project {

  private Project() {}

  /** 事業番号, the lifecycle's business key: fiscal year of the proposal and a serial, e.g. {@code 2026-001}. */
  public static final Var<String> PROJECT_NUMBER = Var.string("projectNumber");
  /** 事業名. */
  public static final Var<String> TITLE = Var.string("title");
  /** The department (担当課) owning the project: a group of type {@code department}. */
  public static final Var<String> DEPARTMENT_GROUP = Var.string("departmentGroup");
  public static final Var<String> DEPARTMENT_NAME = Var.string("departmentName");
  /** The partner organisation: a group of type {@code organisation}; its members work the partner's tasks. */
  public static final Var<String> PARTNER_GROUP = Var.string("partnerGroup");
  public static final Var<String> PARTNER_NAME = Var.string("partnerName");
  /**
   * The organisations that hold the project together with the partner (「共に担う団体」, 旭川 Q71; 関市 II-7③ 実行委員会),
   * as ② chose them: a JSON list of {@code {organisationId, organisationName, role}}, empty when none
   * ({@link CoPartners}).
   */
  public static final String CO_PARTNERS = "coPartners";
  /**
   * The same organisations' group ids, comma-separated, empty when none: every task offered to {@code partnerGroup}
   * is offered to these groups too ({@link CoPartners#JOIN_PARTNER_TASKS}). Written by ② only, never by a form.
   */
  public static final Var<String> CO_PARTNER_GROUPS = Var.string("coPartnerGroups");
  /** 協働の形態, a {@code CollaborationForm} code (SUBSIDY, COMMISSION, JOINT_PROJECT, ...). */
  public static final Var<String> CHOSEN_FORM = Var.string("chosenForm");
  /** What the form is when {@code chosenForm} is OTHER (小金井 第2章(4)), carried along beside it. */
  public static final Var<String> OTHER_FORM_DESCRIPTION = Var.string("otherFormDescription");
  /** 協働の領域 2, 3 or 4 (関市 図1). */
  public static final Var<Long> DOMAIN = Var.number("domain");
  /** 年間スケジュールの型 (旭川 Q52): NEXT_YEAR or CURRENT_YEAR. */
  public static final Var<String> CALENDAR_PATTERN = Var.string("calendarPattern");
  /** The fiscal year (1 April – 31 March, named by the year it starts in) the current round runs in. */
  public static final Var<Long> FISCAL_YEAR = Var.number("fiscalYear");
  /** 概算経費 in yen. */
  public static final Var<Long> COST_ESTIMATE = Var.number("costEstimate");
  /** The department's main person (主担当) and deputy (副担当), user ids; a project always has both (旭川 Q57). */
  public static final Var<String> MAIN_STAFF = Var.string("mainStaff");
  public static final Var<String> DEPUTY_STAFF = Var.string("deputyStaff");
  /** The number of the approved agreement (協定番号) of the current fiscal year. */
  public static final Var<String> AGREEMENT_NUMBER = Var.string("agreementNumber");

  /**
   * Who started a phase on its own from Tasklist ({@code camunda:initiator}); a phase called by the lifecycle
   * gets the project's department and partner instead and ignores it.
   */
  public static final Var<String> STARTED_BY = Var.string("startedBy");

  /**
   * 千葉 ②: the department's reason for asking a manager (課長) to let a fixed partner hold its collaboration once more
   * (⑥ continue, ② sole source). Without it the fixation rule's refusal stands.
   */
  public static final Var<String> FIXATION_EXCEPTION_REQUEST = Var.string("fixationExceptionRequest");
  /** The department asked, and the partner is fixed at that moment: a manager decides on the exception. */
  public static final Var<Boolean> FIXATION_EXCEPTION_NEEDED = Var.bool("fixationExceptionNeeded");
  /** The manager's answer ({@link FixationException}) and written reason, as the form sets them. */
  public static final Var<String> FIXATION_EXCEPTION = Var.string("fixationException");
  public static final Var<String> FIXATION_EXCEPTION_REASON = Var.string("fixationExceptionReason");
  public static final Var<String> FIXATION_EXCEPTION_LABEL = Var.string("fixationExceptionLabel");
  public static final Var<String> FIXATION_EXCEPTION_DECIDED_BY = Var.string("fixationExceptionDecidedBy");
  public static final Var<java.util.Date> FIXATION_EXCEPTION_DECIDED_AT = Var.date("fixationExceptionDecidedAt");
  /** The exception as a decision (who, when, why), for the process that called the phase to add to its decisions. */
  public static final Decision.Variables FIXATION_EXCEPTION_DECISION = new Decision.Variables(FIXATION_EXCEPTION,
      FIXATION_EXCEPTION_LABEL, FIXATION_EXCEPTION_REASON, FIXATION_EXCEPTION_DECIDED_BY, FIXATION_EXCEPTION_DECIDED_AT);
}
