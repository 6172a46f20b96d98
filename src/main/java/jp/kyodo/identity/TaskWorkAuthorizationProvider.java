package jp.kyodo.identity;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * The engine grants a task's candidates and assignee one permission (TASK_WORK here): enough to
 * claim and complete, but not to hand a task back after claiming it by mistake. TASK_ASSIGN adds
 * exactly that, without the task-data rights of UPDATE.
 */
public class TaskWorkAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  protected Permission[] getRuntimePermissions(boolean enforceSpecificVariablePermission) {
    Permission[] base = super.getRuntimePermissions(enforceSpecificVariablePermission);
    if (Arrays.asList(base).contains(TaskPermissions.TASK_ASSIGN)) {
      return base;
    }
    return Stream.concat(Arrays.stream(base), Stream.of(TaskPermissions.TASK_ASSIGN)).toArray(Permission[]::new);
  }
}
