package jp.kyodo.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity session, asked directly rather than through the engine's query classes: those find their
 * session as the engine's only identity provider and would not find it behind {@link DirectoryIdentityProvider}. The
 * directory's groups never reach a caller (the application's groups stay in its database), so reading them needs no
 * permission; the users it returns are filtered by the plugin's own read check.
 */
class DirectoryLookup extends LdapIdentityProviderSession {

  DirectoryLookup(LdapConfiguration configuration) {
    super(configuration);
  }

  /** The directory's entry of that user id, whoever asks; null when the directory has none. */
  LdapUserEntity user(String userId) {
    List<User> found = Context.getCommandContext().runWithoutAuthorization(
        () -> findUserByQueryCriteria((LdapUserQueryImpl) new LdapUserQueryImpl(ldapConfiguration).userId(userId)));
    return found.isEmpty() ? null : (LdapUserEntity) found.get(0);
  }

  boolean hasGroup(String groupId) {
    return group(groupId) != null;
  }

  /** The ids of the directory groups the user is in (none for a user the directory does not know). */
  Set<String> groupsOf(String userId) {
    Set<String> ids = new LinkedHashSet<>();
    if (user(userId) == null) {
      return ids;
    }
    for (Group group : findGroupByQueryCriteria((LdapGroupQuery) new LdapGroupQuery().groupMember(userId))) {
      ids.add(group.getId());
    }
    return ids;
  }

  /** The directory users a query asks for, every one of them (the caller merges, sorts and pages). */
  List<User> users(LdapUserQueryImpl query) {
    query.setFirstResult(0);
    query.setMaxResults(Integer.MAX_VALUE);
    return findUserByQueryCriteria(query);
  }

  @Override
  public User findUserById(String userId) {
    return user(userId);
  }

  @Override
  protected String getDnForUser(String userId) {
    LdapUserEntity user = user(userId);
    return user == null ? "" : user.getDn();
  }

  @Override
  protected String getDnForGroup(String groupId) {
    LdapGroupEntity group = group(groupId);
    return group == null ? "" : group.getDn();
  }

  @Override
  protected boolean isAuthorizedToReadGroup(String groupId) {
    return true;
  }

  /**
   * A bind as the user. Camunda's check closes the session's search connection before binding, so the session gets a
   * fresh client for whatever it is asked next.
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    try {
      return super.checkPassword(userId, password);
    } finally {
      ldapClient = new LdapClient(ldapConfiguration);
    }
  }

  private LdapGroupEntity group(String groupId) {
    List<Group> found = findGroupByQueryCriteria((LdapGroupQuery) new LdapGroupQuery().groupId(groupId));
    return found.isEmpty() ? null : (LdapGroupEntity) found.get(0);
  }
}
