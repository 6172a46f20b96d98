package jp.kyodo.platform;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who did something, for the record every decision keeps (DOMAIN.md 原則: reason and who made it).
 * The acting user is the one authenticated in the current transaction; an earlier task's decider is
 * the user the engine logged completing it.
 */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  /** The authenticated user of this transaction, or {@value #SYSTEM} for timers and jobs. */
  public static String current(VariableScope scope) {
    Authentication who = services(scope).getIdentityService().getCurrentAuthentication();
    return who != null && who.getUserId() != null ? who.getUserId() : SYSTEM;
  }

  /** The authenticated user, or null when the engine acts on its own. */
  public static String authenticatedOrNull(VariableScope scope) {
    Authentication who = services(scope).getIdentityService().getCurrentAuthentication();
    return who != null ? who.getUserId() : null;
  }

  /** Who completed the latest task of that definition in the process instance. */
  public static String completedLast(DelegateExecution execution, String taskDefinitionKey) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskDefinitionKey).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    if (tasks.isEmpty()) {
      return null;
    }
    HistoricTaskInstance task = tasks.get(0);
    List<UserOperationLogEntry> completions = history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).orderByTimestamp().desc().listPage(0, 1);
    if (!completions.isEmpty() && completions.get(0).getUserId() != null) {
      return completions.get(0).getUserId();
    }
    return task.getAssignee();
  }

  private static org.camunda.bpm.engine.ProcessEngineServices services(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      return execution.getProcessEngineServices();
    }
    if (scope instanceof DelegateTask task) {
      return task.getProcessEngineServices();
    }
    throw new IllegalStateException("no engine behind " + scope);
  }
}
