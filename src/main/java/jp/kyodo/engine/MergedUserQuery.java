package jp.kyodo.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * A user query of the engine's API that {@link DirectoryIdentityProvider} answers from both the database and the
 * directory: it hands out its criteria as one query for each.
 */
class MergedUserQuery extends DbUserQueryImpl {

  private static final long serialVersionUID = 1L;

  MergedUserQuery() {}

  MergedUserQuery(CommandExecutor commandExecutor) {
    super(commandExecutor);
  }

  /** The same criteria and order for the database, unpaged: paging happens after the merge. */
  DbUserQueryImpl localPart() {
    DbUserQueryImpl local = new DbUserQueryImpl();
    copyCriteria(local);
    if (groupId != null) {
      local.memberOfGroup(groupId);
    }
    if (procDefId != null) {
      local.potentialStarter(procDefId);
    }
    if (tenantId != null) {
      local.memberOfTenant(tenantId);
    }
    local.setOrderingProperties(new ArrayList<>(getOrderingProperties()));
    local.setFirstResult(0);
    local.setMaxResults(Integer.MAX_VALUE);
    return local;
  }

  /**
   * Whether the directory can answer at all: it knows no process starters by user and no tenants, so a query that
   * names one finds only local users.
   */
  boolean askDirectory() {
    return procDefId == null && tenantId == null;
  }

  /**
   * The same criteria for the directory, members of the given directory group (or of none in particular). Values go
   * into an LDAP filter: everything but the query's own wildcard is escaped, as the plugin does only for user ids.
   */
  LdapUserQueryImpl directoryPart(LdapConfiguration configuration, String directoryGroup) {
    LdapUserQueryImpl directory = new LdapUserQueryImpl(configuration);
    if (id != null) {
      directory.userId(id);
    }
    if (ids != null) {
      directory.userIdIn(ids);
    }
    if (firstName != null) {
      directory.userFirstName(escape(firstName));
    }
    if (firstNameLike != null) {
      directory.userFirstNameLike(escape(firstNameLike));
    }
    if (lastName != null) {
      directory.userLastName(escape(lastName));
    }
    if (lastNameLike != null) {
      directory.userLastNameLike(escape(lastNameLike));
    }
    if (email != null) {
      directory.userEmail(escape(email));
    }
    if (emailLike != null) {
      directory.userEmailLike(escape(emailLike));
    }
    if (directoryGroup != null) {
      directory.memberOfGroup(directoryGroup);
    }
    return directory;
  }

  String memberOf() {
    return groupId;
  }

  private void copyCriteria(DbUserQueryImpl local) {
    if (id != null) {
      local.userId(id);
    }
    if (ids != null) {
      local.userIdIn(ids);
    }
    local.userFirstName(firstName);
    if (firstNameLike != null) {
      local.userFirstNameLike(firstNameLike);
    }
    local.userLastName(lastName);
    if (lastNameLike != null) {
      local.userLastNameLike(lastNameLike);
    }
    local.userEmail(email);
    if (emailLike != null) {
      local.userEmailLike(emailLike);
    }
  }

  /** RFC 4515 escapes, keeping {@code %} (the query's wildcard, which the plugin turns into LDAP's). */
  static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\5c");
        case '*' -> out.append("\\2a");
        case '(' -> out.append("\\28");
        case ')' -> out.append("\\29");
        case '\u0000' -> out.append("\\00");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
