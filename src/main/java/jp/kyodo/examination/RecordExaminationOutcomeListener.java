package jp.kyodo.examination;

import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Writes outcome, reason, who and when at every end event, as plain variables that Cockpit
 * shows and history keeps. "Who" is the user whose action ended the examination: the same
 * transaction carries their authentication.
 */
@Component("recordExaminationOutcome")
public class RecordExaminationOutcomeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ExaminationOutcome outcome = Decision.Outcome.atEndEvent(ExaminationOutcome.class, execution.getCurrentActivityId());
    ExaminationProcess.DECISION_VARIABLES.write(execution, outcome.decided(execution));
  }
}
