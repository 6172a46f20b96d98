package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collections the multi-instance elements of partner-selection run over, as plain lists of ids:
 * the applications to screen, the reviewers, and for one reviewer the applications they may score —
 * those they declared no conflict of interest on, read from the declarations just recorded.
 */
@Component("selectionPlan")
public class SelectionPlan {

  private final SelectionRepository records;

  public SelectionPlan(SelectionRepository records) {
    this.records = records;
  }

  public List<String> applications(DelegateExecution execution) {
    return APPLICATION_IDS.get(execution);
  }

  public List<String> reviewers(DelegateExecution execution) {
    return REVIEWERS.get(execution);
  }

  public List<String> applicationsToScore(DelegateExecution execution) {
    return records.applicationsToScore(CALL_NUMBER.get(execution), REVIEWER.get(execution));
  }
}
