package jp.kyodo.support;

import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The people, groups and deployments of the process tests. The test engines are shared between test classes, so
 * everything here is added only where it is missing: a scenario may run after another that created the same people.
 */
public final class TestIdentity {

  private TestIdentity() {}

  /**
   * The groups of the process tests: every role group with its name from {@link KyodoGroups#ROLES}, two departments
   * and three organisations (くもの会 is the one whose registration was refused).
   */
  public static void cityGroups(IdentityService identity) {
    KyodoGroups.ROLES.forEach(role -> group(identity, role[0], KyodoGroups.TYPE_ROLE, role[1]));
    group(identity, "dept-fukushi", KyodoGroups.TYPE_DEPARTMENT, "福祉課");
    group(identity, "dept-kankyo", KyodoGroups.TYPE_DEPARTMENT, "環境政策課");
    group(identity, "org-hikari", KyodoGroups.TYPE_ORGANISATION, "NPO法人ひかり");
    group(identity, "org-midori", KyodoGroups.TYPE_ORGANISATION, "みどり町内会");
    group(identity, "org-kumo", KyodoGroups.TYPE_ORGANISATION, "くもの会");
  }

  public static void group(IdentityService identity, String id, String type) {
    group(identity, id, type, id);
  }

  public static void group(IdentityService identity, String id, String type, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setType(type);
      group.setName(name);
      identity.saveGroup(group);
    }
  }

  /** A person known by the id only (password = id), member of those groups. */
  public static void user(IdentityService identity, String id, String... groups) {
    person(identity, id, null, null, groups);
  }

  /** A person with a name (password = id), member of those groups. */
  public static void person(IdentityService identity, String id, String lastName, String firstName, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      user.setLastName(lastName);
      user.setFirstName(firstName);
      identity.saveUser(user);
    } else if (lastName != null) {
      // Created nameless by a scenario that ran earlier: the name this one shows (in options, the 協定書) is given.
      User user = identity.createUserQuery().userId(id).singleResult();
      if (!lastName.equals(user.getLastName())) {
        user.setLastName(lastName);
        user.setFirstName(firstName);
        identity.saveUser(user);
      }
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }

  /** Deploys classpath resources under their application names; returns the deployment id. */
  public static String deploy(ProcessEngine engine, String name, String... resources) {
    var builder = engine.getRepositoryService().createDeployment().name(name);
    for (String resource : resources) {
      builder.addClasspathResource(resource);
    }
    return builder.deploy().getId();
  }
}
