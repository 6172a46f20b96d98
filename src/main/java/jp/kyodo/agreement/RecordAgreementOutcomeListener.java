package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At each end event: how ③ ended ({@link AgreementOutcome}), for the process that called it. Every end says so, also
 * the signed one, so that a lifecycle never reads an earlier year's outcome for this one.
 */
@Component("recordAgreementOutcome")
public class RecordAgreementOutcomeListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    AgreementOutcome outcome = Decision.Outcome.atEndEvent(AgreementOutcome.class, execution.getCurrentActivityId());
    AGREEMENT_OUTCOME.set(execution, outcome.code());
  }
}
