package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.execution.ExecutionChoices.Side;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The standing tasks of the term — report an issue, propose a plan change (either side), change the
 * department's main person — record what was raised, by whom and when, the moment it is raised. Their
 * forms keep values on the task, so each request starts empty; the id waits for the event subprocess
 * the task's escalation starts.
 */
@Component("recordExecutionRequest")
public class RecordExecutionRequestListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordExecutionRequestListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    String who = Actors.currentOrSystem(task);
    DelegateExecution execution = task.getExecution();
    switch (task.getTaskDefinitionKey()) {
      case Elements.PARTNER_REPORTS_ISSUE, Elements.DEPARTMENT_REPORTS_ISSUE -> Pending.put(execution, PENDING_ISSUE,
          executions.raiseIssue(task.getId(), number, side(task).name(), ISSUE_TITLE.get(task), ISSUE_DESCRIPTION.get(task),
              ISSUE_SEVERITY.get(task), who, CityCalendar.now()));
      case Elements.PARTNER_PROPOSES_CHANGE, Elements.DEPARTMENT_PROPOSES_CHANGE -> Pending.put(execution,
          PENDING_PLAN_CHANGE, executions.proposeChange(task.getId(), number, side(task).name(), CHANGE_SUMMARY.get(task),
              CHANGE_REASON.get(task), CHANGE_DETAILS.get(task), who, CityCalendar.now()));
      case Elements.REQUEST_HANDOVER -> Pending.put(execution, PENDING_HANDOVER, executions.requestHandover(task.getId(), number,
          MAIN_STAFF.get(task), DEPUTY_STAFF.get(task), NEW_MAIN_STAFF.get(task), NEW_DEPUTY_STAFF.get(task),
          HANDOVER_REASON.get(task), who, CityCalendar.now()));
      default -> throw new IllegalStateException("no request recorded at task " + task.getTaskDefinitionKey());
    }
  }

  static Side side(DelegateTask task) {
    return task.getTaskDefinitionKey().startsWith("Partner") ? Side.PARTNER : Side.DEPARTMENT;
  }
}
