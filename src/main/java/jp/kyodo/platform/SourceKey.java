package jp.kyodo.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The engine step that writes a row to Kyodo's tables, as that row's idempotency key ({@code source_key}, unique,
 * Flyway V8): the task whose listener wrote it, or the activity instance whose delegate or listener did. The engine
 * gives every run of a step a new id, so a step that runs again after a rollback writes again, while a step that
 * already committed cannot write a second row.
 */
public final class SourceKey {

  private SourceKey() {}

  /** {@code task:<task id>} or {@code act:<activity instance id>:<activity id>}. */
  public static String of(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return "task:" + task.getId();
    }
    if (scope instanceof DelegateExecution execution) {
      String activityInstance = execution.getActivityInstanceId();
      return "act:" + (activityInstance != null ? activityInstance : execution.getId()) + ":"
          + execution.getCurrentActivityId();
    }
    throw new IllegalArgumentException("no engine step behind " + scope);
  }
}
