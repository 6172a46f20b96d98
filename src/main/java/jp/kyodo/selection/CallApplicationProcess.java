package jp.kyodo.selection;

import jp.kyodo.forms.Labeled;
import jp.kyodo.variables.Var;

/**
 * 公募への応募: a partner applies to a published call, and later receives the result with its scores and the
 * reasons (関市 ルール4, 旭川 Q43). Key, ids and variables of processes/call-application.bpmn. Only Kyodo's server
 * starts it ({@link CallApplications}, from the call's public page), with the call and the organisation chosen and
 * checked: the applicant then writes the draft in Tasklist until the deadline.
 */
public final class CallApplicationProcess {

  public static final String KEY = "call-application";
  public static final String RESOURCE = "processes/call-application.bpmn";

  private CallApplicationProcess() {}

  public static final class Elements {
    public static final String START = "ApplicationStarted";
    public static final String DRAFT = "DraftApplication";
    public static final String DRAFT_DEADLINE = "DraftDeadlinePassed";
    public static final String DRAFT_EXPIRED = "DraftExpired";
    public static final String RECORD = "RecordCallApplication";
    public static final String RESULT_RECEIVED = "SelectionResultReceived";
    public static final String CONFIRM_RESULT = "ConfirmSelectionResult";
    public static final String END = "ApplicationClosed";

    private Elements() {}
  }

  public static final class FormIds {
    public static final String APPLICATION = "call-application";
    public static final String RESULT = "call-application-result";

    private FormIds() {}
  }

  public enum Result implements Labeled {
    SELECTED("選定されました"),
    NOT_SELECTED("選定されませんでした"),
    INELIGIBLE("応募資格を満たさないと判断されました");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public static final Var<String> APPLICANT = Var.string("applicant");
  public static final Var<String> CALL_NUMBER = SelectionProcess.CALL_NUMBER;
  public static final Var<String> PROPOSAL_TITLE = SelectionProcess.PROPOSAL_TITLE;
  public static final Var<String> PROPOSAL = SelectionProcess.PROPOSAL;
  public static final Var<String> BUDGET_PLAN = SelectionProcess.BUDGET_PLAN;
  public static final Var<Boolean> AIMS_CONFIRMED = Var.bool("aimsConfirmed");

  public static final Var<String> APPLICATION_ID = SelectionProcess.APPLICATION_ID;
  public static final Var<String> APPLICANT_GROUP = Var.string("applicantGroup");
  public static final Var<String> APPLICANT_NAME = SelectionProcess.APPLICANT_NAME;
  public static final Var<String> CALL_TITLE = Var.string("callTitle");
  /** The end of the deadline day: the draft closes then (its timer). */
  public static final Var<java.util.Date> DEADLINE_AT = SelectionProcess.DEADLINE_AT;

  public static final Var<String> RESULT = Var.string("applicationResult");
  public static final Var<String> RESULT_LABEL = Var.string("applicationResultLabel");
  public static final Var<String> RESULT_DETAILS = Var.string("applicationResultDetails");
  public static final Var<String> RESULT_REASON = Var.string("applicationResultReason");
}
