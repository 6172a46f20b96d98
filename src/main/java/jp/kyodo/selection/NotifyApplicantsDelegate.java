package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.List;
import jp.kyodo.selection.CallApplicationProcess.Result;
import jp.kyodo.selection.SelectionRepository.Application;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Tells every applicant of the call its result with its scores, rank and the reasons (選定結果の通知,
 * 関市 ルール4, 旭川 Q43): each applicant's {@code call-application} instance receives the result and
 * shows it to the organisation. Eligible applications not selected are marked so; the call is closed
 * as decided, which makes its result public. Each applicant organisation's members are also told by e-mail
 * ({@link CallNotices}), with a link to the call's public page (the result there; details in Tasklist).
 */
@Component("notifyApplicants")
public class NotifyApplicantsDelegate implements JavaDelegate {

  private final SelectionRepository records;
  private final CallNotices notices;

  public NotifyApplicantsDelegate(SelectionRepository records, CallNotices notices) {
    this.records = records;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callNumber = CALL_NUMBER.get(execution);
    String selected = SELECTED_APPLICATION.get(execution);
    boolean noneSelected = selected == null || NONE_SUITABLE.equals(selected);
    if (noneSelected) {
      records.recordResults(callNumber, null);
      if (NONE_SUITABLE.equals(selected)) {
        NO_PARTNER_SITUATION.set(execution, "公募 " + callNumber + " は、審査の結果「該当なし」としました（旭川 Q44）。理由: "
            + SELECTION_REASON.get(execution));
      }
    }
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    SelectionRepository.Call call = records.call(callNumber).orElseThrow();
    for (Application application : records.applications(callNumber)) {
      Result result = Result.valueOf(application.result());
      String reason = result == Result.INELIGIBLE ? application.screeningReason() : SELECTION_REASON.get(execution);
      VariableMap values = Variables.createVariables()
          .putValue(CallApplicationProcess.RESULT.name(), result.name())
          .putValue(CallApplicationProcess.RESULT_LABEL.name(), result.label())
          .putValue(CallApplicationProcess.RESULT_DETAILS.name(), details(application))
          .putValue(CallApplicationProcess.RESULT_REASON.name(), reason);
      runtime.createMessageCorrelation(RESULT_MESSAGE).processInstanceId(application.processInstanceId())
          .setVariables(values).correlateAll();
      notices.applicationResult(execution.getProcessEngineServices().getIdentityService(), call,
          application.applicationId(), application.organisationId(), result.label(),
          CallNotices.callPage(callNumber));
    }
    records.setCallStatus(callNumber, "DECIDED");
  }

  String details(Application application) {
    if (application.weightedScore() == null) {
      return "審査の対象になりませんでした。";
    }
    StringBuilder text = new StringBuilder();
    text.append("総合点 ").append(application.weightedScore().stripTrailingZeros().toPlainString()).append("点（5点満点）");
    text.append(Boolean.TRUE.equals(application.quorumMet()) ? "、順位 " + application.ranking() + "位"
        + (Boolean.TRUE.equals(application.tied()) ? "（同点）" : "") : "、審査数が足りず順位なし");
    text.append("、審査 ").append(application.reviewCount()).append("件");
    List<String> comments = records.reviewComments(application.applicationId());
    for (int i = 0; i < comments.size(); i++) {
      text.append("\n講評").append(i + 1).append(": ").append(comments.get(i));
    }
    return text.toString();
  }
}
