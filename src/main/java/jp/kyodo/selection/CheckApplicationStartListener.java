package jp.kyodo.selection;

import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Refuses every start of {@code call-application} but Kyodo's own ({@link CallApplications#openDraft}): a start
 * through {@code /engine-rest}, the webapps' engine API or Tasklist would skip the checks of the call's page (a
 * registered organisation, the call open, no second draft) and carry no call. Skipping listeners to go around it
 * is for the system administrator alone (see WriteGate and EngineEntryChecks).
 */
@Component("checkApplicationStart")
public class CheckApplicationStartListener implements ExecutionListener {

  static final String START_FROM_THE_CALL = "公募への応募は、公開ページの公募のページにある「この公募に応募する」から"
      + "始めてください（公募と団体を選んだ応募書が Tasklist に開きます）。";

  @Override
  public void notify(DelegateExecution execution) {
    if (!CallApplications.starting()) {
      throw new InvalidInputException(START_FROM_THE_CALL);
    }
  }
}
