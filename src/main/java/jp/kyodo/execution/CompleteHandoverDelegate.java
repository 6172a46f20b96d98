package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The partner confirmed the handover: the new main and deputy take the project over — the project's
 * staff, the execution record, and every open task of the project that was assigned to the outgoing
 * main person. The project keeps a main and a deputy throughout (旭川 Q57).
 */
@Component("completeHandover")
public class CompleteHandoverDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public CompleteHandoverDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previous = PREVIOUS_MAIN_STAFF.get(execution);
    String main = NEW_MAIN_STAFF.get(execution);
    String deputy = NEW_DEPUTY_STAFF.get(execution);
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String department = DEPARTMENT_GROUP.get(execution);
    if (!KyodoGroups.isMember(identity, main, department) || !KyodoGroups.isMember(identity, deputy, department)) {
      throw new InvalidInputException("新しい主担当・副担当が担当課に所属していません。担当者の交代をやり直してください。");
    }
    MAIN_STAFF.set(execution, main);
    DEPUTY_STAFF.set(execution, deputy);
    MAIN_STAFF_NAME.set(execution, NEW_MAIN_STAFF_NAME.get(execution));
    DEPUTY_STAFF_NAME.set(execution, NEW_DEPUTY_STAFF_NAME.get(execution));
    executions.staff(AGREEMENT_NUMBER.get(execution), main, deputy);
    executions.handoverCompleted(HANDOVER_ID.get(execution), CityCalendar.now());
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    // The process hands the tasks over for whoever confirmed, whether or not they may reassign tasks themselves.
    Privileged.run(() -> {
      for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskAssignee(previous).list()) {
        tasks.setAssignee(task.getId(), main);
      }
      return null;
    });
  }
}
