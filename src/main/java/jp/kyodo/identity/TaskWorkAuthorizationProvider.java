package jp.kyodo.identity;

import java.util.Arrays;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine grants a task's candidates and assignee one permission (TASK_WORK here): enough to
 * claim and complete, but not to hand a task back after claiming it by mistake. TASK_ASSIGN adds
 * exactly that, without the task-data rights of UPDATE.
 * <p>A candidate group that holds a grant on every task ({@link AccessPolicy#EVERY_TASK}: the collaboration
 * office, administrators) gets no grant of its own on each task: it would allow nothing more, and each such row is
 * joined into every task query its members make — Tasklist's list of the office grew with the square of its open
 * tasks (docs/performance.md).
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

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (AccessPolicy.EVERY_TASK.contains(groupId)) {
      return new AuthorizationEntity[0];
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }
}
