package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the sequence flows that would end a proposal as not collaboration (対象外・領域外・業務委託・市単独): the
 * department's finding, with the answers' reason, is recorded and put before the office, which confirms it or sends it
 * back. A new finding replaces what was said about an earlier one, so the office and the proposer answer this one (a
 * form would otherwise show the last answer again).
 */
@Component("proposeEnding")
public class ProposeEndingListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    ExaminationOutcome ending = ExaminationOutcome.foundOn(execution.getCurrentTransitionId());
    Decision finding = Decision.now(ending.code(), ending.label(), ending.reason(execution), execution);
    PROPOSED_ENDING.set(execution, ending.code());
    PROPOSED_ENDING_LABEL.set(execution, ending.label());
    ENDING_FINDING.set(execution, finding.reason());
    ENDING_ANSWERS.forEach(answer -> answer.set(execution, null));
    ExaminationDecisions.record(execution, ending.ending().foundAt(), finding);
  }
}
