package jp.kyodo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A group query of the engine's API. The groups are always the database's; asked for the groups of a member, {@link
 * DirectoryIdentityProvider} works out which ones the person is in (memberships in the database and what the
 * directory's groups map onto) and asks the database for exactly those, so that order, paging and count stay the
 * database's.
 */
class MappedGroupQuery extends DbGroupQueryImpl {

  private static final long serialVersionUID = 1L;

  MappedGroupQuery() {}

  MappedGroupQuery(CommandExecutor commandExecutor) {
    super(commandExecutor);
  }

  /** The same query for these group ids instead of the member's; null when none of them is left. */
  DbGroupQueryImpl forGroups(Set<String> groupIds) {
    Set<String> wanted = new java.util.TreeSet<>(groupIds);
    if (ids != null) {
      wanted.retainAll(Arrays.asList(ids));
    }
    if (wanted.isEmpty()) {
      return null;
    }
    DbGroupQueryImpl query = new DbGroupQueryImpl();
    query.groupIdIn(wanted.toArray(String[]::new));
    if (id != null) {
      query.groupId(id);
    }
    if (name != null) {
      query.groupName(name);
    }
    if (nameLike != null) {
      query.groupNameLike(nameLike);
    }
    if (type != null) {
      query.groupType(type);
    }
    if (procDefId != null) {
      query.potentialStarter(procDefId);
    }
    if (tenantId != null) {
      query.memberOfTenant(tenantId);
    }
    query.setOrderingProperties(new ArrayList<>(getOrderingProperties()));
    query.setFirstResult(getFirstResult());
    query.setMaxResults(getMaxResults());
    return query;
  }
}
