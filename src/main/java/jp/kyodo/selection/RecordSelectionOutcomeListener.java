package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At every end of a selection: the outcome, its reason, who decided and when, as variables Cockpit
 * shows and in the selection record kept for publication.
 */
@Component("recordSelectionOutcome")
public class RecordSelectionOutcomeListener implements ExecutionListener {

  private final SelectionRepository records;

  public RecordSelectionOutcomeListener(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SelectionOutcome outcome = Decision.Outcome.atEndEvent(SelectionOutcome.class, execution.getCurrentActivityId());
    Decision decision = outcome.decided(execution);
    DECISION_VARIABLES.write(execution, decision);
    String organisation = outcome == SelectionOutcome.SELECTED ? PARTNER_GROUP.get(execution) : null;
    records.recordDecision(SELECTION_NUMBER.get(execution), METHOD.get(execution), decision, organisation,
        PROPOSED_BY.get(execution));
  }
}
