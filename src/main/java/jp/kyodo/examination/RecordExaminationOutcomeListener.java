package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.Date;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
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
    ExaminationOutcome outcome = ExaminationOutcome.atEndEvent(execution.getCurrentActivityId());
    OUTCOME.set(execution, outcome.name());
    OUTCOME_LABEL.set(execution, outcome.label());
    OUTCOME_REASON.set(execution, outcome.reason(execution));
    OUTCOME_DECIDED_BY.set(execution, Actors.currentOrSystem(execution));
    OUTCOME_DECIDED_AT.set(execution, Date.from(CityCalendar.now()));
  }
}
