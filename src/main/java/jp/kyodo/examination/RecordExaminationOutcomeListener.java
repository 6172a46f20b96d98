package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.Date;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Writes outcome, reason, who and when at every end event, as plain variables that Cockpit
 * shows and history keeps. "Who" is the user whose action ended the examination: the same
 * transaction carries their authentication.
 */
@Component("recordExaminationOutcome")
public class RecordExaminationOutcomeListener implements ExecutionListener {

  static final String SYSTEM = "system";

  @Override
  public void notify(DelegateExecution execution) {
    ExaminationOutcome outcome = ExaminationOutcome.atEndEvent(execution.getCurrentActivityId());
    Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    OUTCOME.set(execution, outcome.name());
    OUTCOME_LABEL.set(execution, outcome.label());
    OUTCOME_REASON.set(execution, outcome.reason(execution));
    OUTCOME_DECIDED_BY.set(execution, authentication != null ? authentication.getUserId() : SYSTEM);
    OUTCOME_DECIDED_AT.set(execution, Date.from(CityCalendar.now()));
  }
}
