package jp.kyodo.lifecycle;

import java.util.Date;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.project.Project;
import jp.kyodo.variables.Var;

/**
 * 担当者の交代 — the department's main and deputy staff of a project change (異動, in April as a rule) at whatever
 * phase the project is in: a department clerk or a manager names the project; the department records the successors
 * and the handover held with the partner present (千葉県 マニュアル 3(1)④, 旭川 Q57, 東久留米 III-2); a manager
 * confirms; the successors then take over the project in its lifecycle, its running years and their phases, with
 * the open tasks of the people they succeed. ④ has its own handover for its term ({@code execution}); this one
 * reaches the whole project. Key, element ids, forms and variables of {@code processes/staff-handover.bpmn}.
 */
public final class StaffHandoverProcess {

  public static final String KEY = "staff-handover";
  public static final String RESOURCE = "processes/staff-handover.bpmn";

  private StaffHandoverProcess() {}

  /** Element ids of processes/staff-handover.bpmn. */
  public static final class Elements {
    public static final String START = "StaffHandoverRequested";
    public static final String OPEN = "OpenStaffHandover";
    public static final String RECORD_JOIN = "RecordJoin";
    public static final String RECORD = "RecordStaffHandover";
    public static final String CONFIRM = "ConfirmStaffHandover";
    public static final String DECISION_GATEWAY = "HandoverDecisionGateway";
    public static final String COMPLETE = "CompleteStaffHandover";
    public static final String END_HANDED_OVER = "StaffHandedOver";
    public static final String END_WITHDRAWN = "StaffHandoverWithdrawn";

    private Elements() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/staff-handover*.form}). */
  public static final class FormIds {
    public static final String START = "staff-handover-start";
    public static final String RECORD = "staff-handover";
    public static final String CONFIRM = "staff-handover-confirmation";

    private FormIds() {}
  }

  /** The manager's answer ({@link #HANDOVER_DECISION}). */
  public static final String CONFIRM = "CONFIRM";
  public static final String RETURN = "RETURN";
  public static final String WITHDRAW = "WITHDRAW";

  // The start: the project (its number is the instance's business key, so Cockpit finds the handover with it)
  public static final Var<String> PROJECT_NUMBER = Project.PROJECT_NUMBER;
  public static final Var<String> REQUESTED_BY = Var.string("handoverRequestedBy");

  // What openStaffHandover loads: the project as kyodo_project has it, its staff now, who may succeed them
  public static final Var<String> PHASE_LABEL = Var.string("projectPhaseLabel");
  public static final Var<String> CURRENT_MAIN_STAFF = Var.string("currentMainStaff");
  public static final Var<String> CURRENT_DEPUTY_STAFF = Var.string("currentDeputyStaff");
  public static final Var<String> CURRENT_MAIN_STAFF_NAME = Var.string("currentMainStaffName");
  public static final Var<String> CURRENT_DEPUTY_STAFF_NAME = Var.string("currentDeputyStaffName");
  /** The department's members as the record form offers them (value: user id, label: 山本 さくら (yamamoto)). */
  public static final String STAFF_OPTIONS = "staffOptions";
  /** Who records the handover: the clerk who reported it, when of the department; else anyone of the department. */
  public static final Var<String> CLERK = Var.string("handoverClerk");

  // The department's record (form staff-handover); the names are ④'s for its own handover, same meaning
  public static final Var<String> NEW_MAIN_STAFF = Var.string("newMainStaff");
  public static final Var<String> NEW_DEPUTY_STAFF = Var.string("newDeputyStaff");
  public static final Var<String> REASON = Var.string("handoverReason");
  public static final Var<String> HELD_ON = Var.string("handoverHeldOn");
  public static final Var<String> PARTNER_ATTENDEE = Var.string("partnerAttendee");
  public static final Var<String> NOTES = Var.string("handoverNotes");
  public static final Var<Boolean> PURPOSE_SHARED = Var.bool("handoverPurposeShared");

  // The manager's answer (form staff-handover-confirmation)
  public static final Var<String> HANDOVER_DECISION = Var.string("handoverDecision");
  public static final Var<String> HANDOVER_DECISION_COMMENT = Var.string("handoverDecisionComment");

  // What completeStaffHandover did, for Cockpit
  public static final Var<String> PREVIOUS_MAIN_STAFF = Var.string("previousMainStaff");
  public static final Var<String> PREVIOUS_DEPUTY_STAFF = Var.string("previousDeputyStaff");
  public static final Var<String> NEW_MAIN_STAFF_NAME = Var.string("newMainStaffName");
  public static final Var<String> NEW_DEPUTY_STAFF_NAME = Var.string("newDeputyStaffName");
  public static final Var<Long> TASKS_REASSIGNED = Var.number("tasksReassigned");
  public static final Var<Long> INSTANCES_UPDATED = Var.number("instancesUpdated");
  public static final Var<String> CONFIRMED_BY = Var.string("handoverConfirmedBy");
  public static final Var<Date> CONFIRMED_AT = Var.date("handoverConfirmedAt");

  /** The names ③ and ④ show beside their staff (④ shares ③'s); rewritten where an instance keeps them. */
  public static final Var<String> MAIN_STAFF_NAME = AgreementProcess.MAIN_STAFF_NAME;
  public static final Var<String> DEPUTY_STAFF_NAME = AgreementProcess.DEPUTY_STAFF_NAME;
}
