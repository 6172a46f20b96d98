package jp.kyodo.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Who may do what, set up on every start and kept idempotent. The role groups of docs/domain.md, what
 * each may open and start, and the Tasklist filters. Tasks themselves are reached through their
 * candidate groups (a department or an organisation), which the engine turns into task
 * authorizations: so a partner sees only its own organisation's work.
 */
public class AccessPolicy {

  /**
   * Groups granted work on every task: administrators only. They need no grant per task (see
   * {@link TaskWorkAuthorizationProvider}). The collaboration office follows every project and may (re)assign any
   * task, but works only the tasks offered to its own group: those get a grant each, like every other group's.
   */
  static final java.util.Set<String> EVERY_TASK = java.util.Set.of(KyodoGroups.ADMIN);

  static final String FILTER_MINE = "わたしのタスク";
  static final String FILTER_GROUPS = "わたしのグループのタスク";
  static final String FILTER_ALL = "すべての協働事業のタスク";

  private final ProcessEngine engine;
  private final Map<String, List<String>> starters;
  private final Map<String, String> taskColumns;

  /**
   * @param starters for each process key, the role groups whose members may start it (each phase says its own)
   * @param taskColumns the variables Tasklist's filters show as columns, with their labels
   */
  public AccessPolicy(ProcessEngine engine, Map<String, List<String>> starters, Map<String, String> taskColumns) {
    this.engine = engine;
    this.starters = starters;
    this.taskColumns = taskColumns;
  }

  public void apply() {
    IdentityService identity = engine.getIdentityService();
    group(identity, KyodoGroups.ADMIN, "管理者", Groups.GROUP_TYPE_SYSTEM);
    for (String[] role : KyodoGroups.ROLES) {
      group(identity, role[0], role[1], KyodoGroups.TYPE_ROLE);
    }
    // The monitoring account's group: granted nothing in the engine, only /actuator/prometheus lets it in.
    group(identity, KyodoGroups.MONITORING, "監視（メトリクスの読み取り）", Groups.GROUP_TYPE_SYSTEM);
    for (Resource resource : Resources.values()) {
      grant(KyodoGroups.ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String[] role : KyodoGroups.ROLES) {
      grant(role[0], Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }

    String coordinators = KyodoGroups.COORDINATORS;
    grant(coordinators, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // Variables have their own permissions (enforceSpecificVariablePermission): the office reads them all.
    grant(coordinators, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY, Permissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(coordinators, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    // The office reads every task and may (re)assign it; it completes only tasks offered to its own group (a grant
    // per task, see TaskWorkAuthorizationProvider) and sets no variable outside a form (no UPDATE).
    grant(coordinators, Resources.TASK, ANY, Permissions.READ, TaskPermissions.TASK_ASSIGN, TaskPermissions.READ_VARIABLE);
    revoke(coordinators, Resources.TASK, ANY, Permissions.UPDATE, TaskPermissions.TASK_WORK); // granted up to 0.1.0
    grant(coordinators, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE);
    grant(coordinators, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(coordinators, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(coordinators, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(coordinators, Resources.DEPLOYMENT, ANY, Permissions.READ);

    for (String staff : List.of(coordinators, KyodoGroups.DEPARTMENTS, KyodoGroups.MANAGERS)) {
      grant(staff, Resources.USER, ANY, Permissions.READ);
      grant(staff, Resources.GROUP, ANY, Permissions.READ);
    }
    // Who starts what is each phase's to say (e.g. ① a partner's proposal or a department's issue; ③–⑥ a
    // department on its own for its project); starting anything needs the right to create an instance as well.
    starters.forEach((key, groups) -> {
      for (String group : groups) {
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    });
    filters();
  }

  private void filters() {
    TaskFilters tasks = new TaskFilters(engine);
    Map<String, Object> columns = Map.of("variables", taskColumns.entrySet().stream()
        .map(column -> Map.of("name", column.getKey(), "label", column.getValue())).toList());
    Filter mine = tasks.filter(FILTER_MINE, -10, "自分が担当しているタスク", columns,
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    Filter groups = tasks.filter(FILTER_GROUPS, 0, "所属するグループ（課・団体・役割）に届いたタスク", columns,
        engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks());
    Filter all = tasks.filter(FILTER_ALL, 10, "市民協働課: すべての協働事業のタスク", columns,
        engine.getTaskService().createTaskQuery());
    for (String[] role : KyodoGroups.ROLES) {
      grant(role[0], Resources.FILTER, mine.getId(), Permissions.READ);
      grant(role[0], Resources.FILTER, groups.getId(), Permissions.READ);
    }
    grant(KyodoGroups.COORDINATORS, Resources.FILTER, all.getId(), Permissions.READ);
  }

  static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** Adds the permissions to the group's grant on that resource, creating it when missing. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Takes permissions an earlier release granted out of the group's grant, so an upgrade narrows it too. */
  void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (existing == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (existing.isPermissionGranted(permission)) {
        existing.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(existing);
    }
  }

  /**
   * Tasklist filters, found again by name on restart. Their columns belong to the application: a release that
   * shows another variable updates them; the rest (query, description) stays as the office may have set it.
   */
  private record TaskFilters(ProcessEngine engine) {
    Filter filter(String name, int priority, String description, Map<String, Object> columns, TaskQuery query) {
      FilterService filters = engine.getFilterService();
      Filter existing = filters.createFilterQuery().filterName(name).singleResult();
      if (existing != null) {
        Map<String, Object> properties = new java.util.HashMap<>(existing.getProperties());
        if (!columns.get("variables").equals(properties.get("variables"))) {
          properties.put("variables", columns.get("variables"));
          existing.setProperties(properties);
          filters.saveFilter(existing);
        }
        return existing;
      }
      Filter filter = filters.newTaskFilter(name);
      filter.setOwner(null);
      filter.setQuery(query);
      java.util.Map<String, Object> properties = new java.util.HashMap<>(columns);
      properties.put("priority", priority);
      properties.put("description", description);
      properties.put("refresh", true);
      filter.setProperties(properties);
      return filters.saveFilter(filter);
    }
  }
}
