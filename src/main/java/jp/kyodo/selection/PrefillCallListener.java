package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Offers, when the department writes the call, the budget the city granted for the project's year (予算要求, 旭川
 * Q52) as the call's 予算の枠. Only a first offer: what the department wrote (or cleared) in an earlier round stays.
 */
@Component("prefillCall")
public class PrefillCallListener implements TaskListener {

  private final SelectionRepository records;

  public PrefillCallListener(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution().hasVariable(CALL_BUDGET.name()) || FISCAL_YEAR.get(task) == null) {
      return;
    }
    records.approvedBudget(PROJECT_NUMBER.get(task), FISCAL_YEAR.get(task).intValue())
        .ifPresent(amount -> CALL_BUDGET.set(task.getExecution(), amount));
  }
}
