package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps who answered a plan change and when (the other side: agree or not, and why), and for a change of money who
 * gave or refused the 決裁 and why — each at its own task, since the change is settled only after the last of them.
 */
@Component("recordPlanChangeAnswer")
public class RecordPlanChangeAnswerListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordPlanChangeAnswerListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = PLAN_CHANGE_ID.get(task);
    if (Elements.APPROVE_PLAN_CHANGE.equals(task.getTaskDefinitionKey())) {
      executions.changeApproved(id, PLAN_CHANGE_APPROVAL.get(task), PLAN_CHANGE_APPROVAL_COMMENT.get(task),
          Actors.currentOrSystem(task), CityCalendar.now());
    } else {
      executions.changeAnswered(id, PLAN_CHANGE_ANSWER.get(task), PLAN_CHANGE_ANSWER_COMMENT.get(task),
          Actors.currentOrSystem(task), CityCalendar.now());
    }
  }
}
