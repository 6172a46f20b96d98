package jp.kyodo.identity;

import java.util.List;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import jp.kyodo.engine.Privileged;

/**
 * The groups of docs/domain.md and the two kinds of group that scope work: a department (担当課, type
 * {@value #TYPE_DEPARTMENT}) owns projects, an organisation (協働パートナーの団体, type
 * {@value #TYPE_ORGANISATION}) acts as partner. Tasks go to these groups, so each sees only its own.
 */
public final class KyodoGroups {

  public static final String ADMIN = "camunda-admin";
  public static final String COORDINATORS = "coordinators";
  public static final String DEPARTMENTS = "departments";
  public static final String MANAGERS = "managers";
  public static final String REVIEWERS = "reviewers";
  public static final String PARTNERS = "partners";
  public static final String EVALUATORS = "evaluators";
  /** Reads the application's metrics ({@code /actuator/prometheus}) and nothing else: no app, no process, no task. */
  public static final String MONITORING = "monitoring";

  /** The role groups with their Japanese names. */
  public static final List<String[]> ROLES = List.of(
      new String[] {COORDINATORS, "市民協働課"},
      new String[] {DEPARTMENTS, "担当課職員"},
      new String[] {MANAGERS, "課長・決裁者"},
      new String[] {REVIEWERS, "審査委員"},
      new String[] {PARTNERS, "協働パートナー"},
      new String[] {EVALUATORS, "第三者・住民評価委員"});

  public static final String TYPE_ROLE = "WORKFLOW";
  public static final String TYPE_DEPARTMENT = "department";
  public static final String TYPE_ORGANISATION = "organisation";

  private KyodoGroups() {}

  public static List<Group> groupsOfType(IdentityService identity, String userId, String type) {
    return privileged(() -> identity.createGroupQuery().groupMember(userId).groupType(type).list());
  }

  public static List<org.camunda.bpm.engine.identity.User> membersOf(IdentityService identity, String groupId) {
    return privileged(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
  }

  public static boolean isMember(IdentityService identity, String userId, String groupId) {
    return privileged(() -> identity.createGroupQuery().groupMember(userId).groupId(groupId).count() > 0);
  }

  public static Group group(IdentityService identity, String groupId) {
    return privileged(() -> identity.createGroupQuery().groupId(groupId).singleResult());
  }

  public static List<Group> allOfType(IdentityService identity, String type) {
    return privileged(() -> identity.createGroupQuery().groupType(type).orderByGroupName().asc().list());
  }

  /** Creates the organisation's group if missing and makes every member part of it. */
  public static void ensureOrganisationGroup(IdentityService identity, String groupId, String name, List<String> members) {
    privileged(() -> {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(name);
        group.setType(TYPE_ORGANISATION);
        identity.saveGroup(group);
      }
      for (String member : members) {
        if (identity.createUserQuery().userId(member).memberOfGroup(groupId).count() == 0) {
          identity.createMembership(member, groupId);
        }
      }
      return null;
    });
  }

  public static boolean isDepartment(VariableScope scope, String groupId) {
    Group group = group(identity(scope), groupId);
    return group != null && TYPE_DEPARTMENT.equals(group.getType());
  }

  public static IdentityService identity(VariableScope scope) {
    if (scope instanceof ProcessEngineServicesAware aware) {
      return aware.getProcessEngineServices().getIdentityService();
    }
    throw new IllegalStateException("no engine behind " + scope);
  }

  /**
   * Routing needs the directory whatever the acting user may read, so lookups made inside the
   * engine skip the authorization check; they only read groups, never return them to the user.
   */
  private static <T> T privileged(Callable<T> lookup) {
    return Privileged.run(lookup);
  }
}
