package jp.kyodo.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.lifecycle.CollaborationProcess;
import jp.kyodo.registry.RegistrationProcess;
import jp.kyodo.selection.CallApplicationProcess;
import jp.kyodo.selection.SelectionProcess;
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
 * Who may do what, set up on every start and kept idempotent. The role groups of DOMAIN.md, what
 * each may open and start, and the Tasklist filters. Tasks themselves are reached through their
 * candidate groups (a department or an organisation), which the engine turns into task
 * authorizations: so a partner sees only its own organisation's work.
 */
public class AccessPolicy {

  /**
   * Processes a partner (事業提案) or a department (課題提案) may start: the lifecycle {@code collaboration}, whose
   * first phase is ① 事業の検討 (Tasklist offers only the lifecycle; ① stays startable over REST on its own).
   */
  static final List<String> STARTABLE_BY_PARTNERS_AND_DEPARTMENTS = List.of(ExaminationProcess.KEY,
      CollaborationProcess.KEY);

  /** Phases a department may also start on its own for its projects (the department is the starter's own). */
  static final List<String> STARTABLE_BY_DEPARTMENTS = List.of(AgreementProcess.KEY, ExecutionProcess.KEY,
      EvaluationProcess.KEY, ImprovementProcess.KEY);

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

  public AccessPolicy(ProcessEngine engine) {
    this.engine = engine;
  }

  public void apply() {
    IdentityService identity = engine.getIdentityService();
    group(identity, KyodoGroups.ADMIN, "管理者", Groups.GROUP_TYPE_SYSTEM);
    for (String[] role : KyodoGroups.ROLES) {
      group(identity, role[0], role[1], KyodoGroups.TYPE_ROLE);
    }
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
    // 団体登録: a partner user applies for its organisation.
    grant(KyodoGroups.PARTNERS, Resources.PROCESS_DEFINITION, RegistrationProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    // ② パートナーの選定: a department opens a selection; a partner applies to a published call.
    grant(KyodoGroups.DEPARTMENTS, Resources.PROCESS_DEFINITION, SelectionProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(KyodoGroups.PARTNERS, Resources.PROCESS_DEFINITION, CallApplicationProcess.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    for (String starter : List.of(KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS)) {
      grant(starter, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      for (String key : STARTABLE_BY_PARTNERS_AND_DEPARTMENTS) {
        grant(starter, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    }
    // ③–⑥: a department starts a phase for its own project on its own (the lifecycle calls them too).
    for (String key : STARTABLE_BY_DEPARTMENTS) {
      grant(KyodoGroups.DEPARTMENTS, Resources.PROCESS_DEFINITION, key, Permissions.READ, Permissions.CREATE_INSTANCE);
    }
    filters();
  }

  private void filters() {
    TaskFilters tasks = new TaskFilters(engine);
    Map<String, Object> columns = Map.of("variables", List.of(
        Map.of("name", jp.kyodo.project.Project.PROJECT_NUMBER.name(), "label", "事業番号"),
        Map.of("name", ExaminationProcess.TITLE.name(), "label", "事業名"),
        Map.of("name", ExaminationProcess.PARTNER_NAME.name(), "label", "団体"),
        Map.of("name", ExaminationProcess.DEPARTMENT_NAME.name(), "label", "担当課")));
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
