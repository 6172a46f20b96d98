package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.Date;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At every end of a selection: the outcome, its reason, who decided and when, as variables Cockpit
 * shows and in the selection record kept for publication.
 */
@Component("recordSelectionOutcome")
public class RecordSelectionOutcomeListener implements ExecutionListener {

  private final SelectionRecords records;

  public RecordSelectionOutcomeListener(SelectionRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SelectionOutcome outcome = SelectionOutcome.atEndEvent(execution.getCurrentActivityId());
    String reason = outcome.reason(execution);
    String decidedBy = Actors.currentOrSystem(execution);
    OUTCOME.set(execution, outcome.name());
    OUTCOME_LABEL.set(execution, outcome.label());
    OUTCOME_REASON.set(execution, reason);
    OUTCOME_DECIDED_BY.set(execution, decidedBy);
    OUTCOME_DECIDED_AT.set(execution, Date.from(CityCalendar.now()));
    String organisation = outcome == SelectionOutcome.SELECTED ? PARTNER_GROUP.get(execution) : null;
    records.recordDecision(SELECTION_NUMBER.get(execution), METHOD.get(execution), outcome.name(), organisation, reason,
        RecordSelectionDelegate.PROPOSED_BY.get(execution), decidedBy);
  }
}
