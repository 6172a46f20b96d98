package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the call at its deadline: from now on applications are refused, and those in are screened. */
@Component("closeCall")
public class CloseCallDelegate implements JavaDelegate {

  private final SelectionRepository records;

  public CloseCallDelegate(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callNumber = CALL_NUMBER.get(execution);
    records.setCallStatus(callNumber, "CLOSED");
    List<String> ids = records.applications(callNumber).stream().map(SelectionRepository.Application::applicationId).toList();
    APPLICATION_IDS.set(execution, ids);
    APPLICATION_COUNT.set(execution, (long) ids.size());
    if (ids.isEmpty()) {
      NO_PARTNER_SITUATION.set(execution, "公募 " + callNumber + " には締切までに応募がありませんでした（旭川 Q44）。");
    }
  }
}
