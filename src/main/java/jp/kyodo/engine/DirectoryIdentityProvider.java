package jp.kyodo.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's identity provider when staff come from the city's directory and everyone else keeps a local account:
 * the engine's own database provider (local users, every group, local memberships, all writes), with the directory
 * (Camunda's LDAP session) added to what is read. It is the database provider, so the engine's own query classes and
 * writes work unchanged; what it adds:
 * <ul>
 * <li>users: a query answers from both, a directory entry winning over a local account of the same id; members of a
 * group are its local members and the directory members of the directory groups mapped onto it;</li>
 * <li>groups: always the database's; someone's groups are their local memberships and what their directory groups
 * map onto;</li>
 * <li>passwords: the directory's users by a bind, the others by their local password;</li>
 * <li>writes: refused for the directory's users (the directory is theirs to change), and a new local account may not
 * take an id the directory has.</li>
 * </ul>
 * One instance per engine command, like every engine session; the directory is asked only when a read needs it.
 */
public class DirectoryIdentityProvider extends DbIdentityServiceProvider {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIdentityProvider.class);

  static final String DIRECTORY_USER_READ_ONLY =
      "利用者「%s」は市のディレクトリ（LDAP / Active Directory）の職員です。氏名・メールアドレス・パスワードはディレクトリで変更してください。";
  static final String ID_IN_DIRECTORY =
      "利用者ID「%s」は市のディレクトリ（LDAP / Active Directory）の職員が使っています。別の利用者IDにしてください。";

  private final LdapConfiguration configuration;
  private final DirectoryGroupMapping mapping;
  private DirectoryLookup directory;

  DirectoryIdentityProvider(LdapConfiguration configuration, DirectoryGroupMapping mapping) {
    this.configuration = configuration;
    this.mapping = mapping;
  }

  private DirectoryLookup directory() {
    if (directory == null) {
      directory = new DirectoryLookup(configuration);
    }
    return directory;
  }

  /** Whether the directory has a user of that id (asked whoever is signed in). */
  public boolean inDirectory(String userId) {
    return userId != null && !userId.isEmpty() && directory().user(userId) != null;
  }

  @Override
  public void close() {
    if (directory != null) {
      directory.close();
    }
    super.close();
  }

  // users

  @Override
  public UserQuery createUserQuery() {
    return new MergedUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQueryImpl createUserQuery(CommandContext commandContext) {
    return new MergedUserQuery();
  }

  @Override
  public List<User> findUserByQueryCriteria(DbUserQueryImpl query) {
    if (!(query instanceof MergedUserQuery merged)) {
      return super.findUserByQueryCriteria(query);
    }
    List<User> all = merge(merged);
    int from = Math.min(query.getFirstResult(), all.size());
    long to = Math.min((long) from + query.getMaxResults(), all.size());
    return new ArrayList<>(all.subList(from, (int) to));
  }

  @Override
  public long findUserCountByQueryCriteria(DbUserQueryImpl query) {
    if (!(query instanceof MergedUserQuery merged)) {
      return super.findUserCountByQueryCriteria(query);
    }
    return merge(merged).size();
  }

  /** Every user the query finds in either place, once each (the directory's entry first), in the query's order. */
  private List<User> merge(MergedUserQuery query) {
    Map<String, User> byId = new LinkedHashMap<>();
    if (query.askDirectory()) {
      String group = query.memberOf();
      if (group == null) {
        directory().users(query.directoryPart(configuration, null)).forEach(user -> byId.putIfAbsent(user.getId(), user));
      } else {
        for (String directoryGroup : mapping.directoryGroupsFor(group)) {
          // A mapped group the directory does not have must find nobody (the plugin would search from the root).
          if (directory().hasGroup(directoryGroup)) {
            directory().users(query.directoryPart(configuration, directoryGroup))
                .forEach(user -> byId.putIfAbsent(user.getId(), user));
          }
        }
      }
    }
    for (User local : super.findUserByQueryCriteria(query.localPart())) {
      byId.putIfAbsent(local.getId(), local);
    }
    List<User> users = new ArrayList<>(byId.values());
    users.sort(order(query.getOrderingProperties()));
    return users;
  }

  /** The query's order (the database's default, the id, when it names none); a missing value comes first. */
  static Comparator<User> order(List<QueryOrderingProperty> properties) {
    Comparator<User> order = null;
    for (QueryOrderingProperty property : properties) {
      Function<User, String> value = valueOf(property);
      if (value == null) {
        continue;
      }
      Comparator<User> next = Comparator.comparing(value, Comparator.nullsFirst(Comparator.<String>naturalOrder()));
      if (Direction.DESCENDING.equals(property.getDirection())) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    Comparator<User> byId = Comparator.comparing(User::getId);
    return order == null ? byId : order.thenComparing(byId);
  }

  private static Function<User, String> valueOf(QueryOrderingProperty property) {
    var queryProperty = property.getQueryProperty();
    if (UserQueryProperty.USER_ID.equals(queryProperty)) {
      return User::getId;
    } else if (UserQueryProperty.FIRST_NAME.equals(queryProperty)) {
      return User::getFirstName;
    } else if (UserQueryProperty.LAST_NAME.equals(queryProperty)) {
      return User::getLastName;
    } else if (UserQueryProperty.EMAIL.equals(queryProperty)) {
      return User::getEmail;
    }
    return null;
  }

  /**
   * The local account of that id, or else the directory's user. The database provider asks this only for what it
   * writes about a user (a membership, a lock), so a local account comes first here; reads go through the queries.
   */
  @Override
  public UserEntity findUserById(String userId) {
    UserEntity local = localUser(userId);
    if (local != null) {
      return local;
    }
    return Context.getCommandContext().runWithoutAuthorization(() -> directory().user(userId));
  }

  private UserEntity localUser(String userId) {
    return userId == null ? null : getDbEntityManager().selectById(UserEntity.class, userId);
  }

  /**
   * The directory decides for its users (a bind, so its own lockout rules apply); a local account is checked only
   * when the directory has no user of that id, so a local account can never sign in as a staff member of the same id.
   */
  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || userId.isEmpty() || password == null || password.isEmpty()) {
      return false;
    }
    if (inDirectory(userId)) {
      if (localUser(userId) != null) {
        LOG.warn("user id {} is both a local account and in the directory: the directory's password decides", userId);
      }
      return directory().checkPassword(userId, password);
    }
    return super.checkPassword(userId, password);
  }

  // groups

  @Override
  public GroupQuery createGroupQuery() {
    return new MappedGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new MappedGroupQuery();
  }

  @Override
  public List<Group> findGroupByQueryCriteria(DbGroupQueryImpl query) {
    if (query instanceof MappedGroupQuery mapped && mapped.getUserId() != null) {
      DbGroupQueryImpl groups = mapped.forGroups(groupIdsOf(mapped.getUserId()));
      return groups == null ? new ArrayList<>() : super.findGroupByQueryCriteria(groups);
    }
    return super.findGroupByQueryCriteria(query);
  }

  @Override
  public long findGroupCountByQueryCriteria(DbGroupQueryImpl query) {
    if (query instanceof MappedGroupQuery mapped && mapped.getUserId() != null) {
      DbGroupQueryImpl groups = mapped.forGroups(groupIdsOf(mapped.getUserId()));
      return groups == null ? 0 : super.findGroupCountByQueryCriteria(groups);
    }
    return super.findGroupCountByQueryCriteria(query);
  }

  /** The ids of the groups someone is in: local memberships, and what their directory groups map onto. */
  private Set<String> groupIdsOf(String userId) {
    Set<String> ids = new TreeSet<>();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      DbGroupQueryImpl local = new DbGroupQueryImpl();
      local.groupMember(userId);
      super.findGroupByQueryCriteria(local).forEach(group -> ids.add(group.getId()));
      ids.addAll(mapping.localGroupsOf(directory().groupsOf(userId)));
      return null;
    });
    return ids;
  }

  // writes

  @Override
  public IdentityOperationResult saveUser(User user) {
    if (user instanceof LdapUserEntity) {
      throw new BadUserRequestException(DIRECTORY_USER_READ_ONLY.formatted(user.getId()));
    }
    if (localUser(user.getId()) == null && inDirectory(user.getId())) {
      throw new BadUserRequestException(ID_IN_DIRECTORY.formatted(user.getId()));
    }
    return super.saveUser(user);
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    if (localUser(userId) == null) {
      if (inDirectory(userId)) {
        throw new BadUserRequestException(DIRECTORY_USER_READ_ONLY.formatted(userId));
      }
      return new IdentityOperationResult(null, IdentityOperationResult.OPERATION_NONE);
    }
    return super.deleteUser(userId);
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    // A directory's user is locked and unlocked by the directory.
    return localUser(userId) == null ? new IdentityOperationResult(null, IdentityOperationResult.OPERATION_NONE)
        : super.unlockUser(userId);
  }
}
