package jp.kyodo.identity;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staff member who signed in at the city's directory (an OpenID Connect provider's ID token or access token) becomes
 * a user of the engine's identity, so that the engine's authorizations, Tasklist's filters and Kyodo's own pages treat
 * them as any user: created on the first sign-in, their name and e-mail updated from the directory, and their
 * memberships in the groups the mapping names ({@link DirectoryGroups#mappedKyodoGroups()}) set to exactly what the
 * mapping gives — added and removed on each sign-in. Memberships in any other group are left alone; so is every other
 * user.
 *
 * <p>A directory identity is never merged with a citizen's local account: when the id belongs to a partner (a member
 * of {@code partners} or of an organisation), the sign-in is refused. The city's directory must not be able to act in
 * a citizen group's name by choosing a user name.
 */
public class DirectoryAccounts {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryAccounts.class);

  /** The engine's pattern for resource ids (application.yml, generalResourceWhitelistPattern). */
  static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

  /** What the directory says about a person: never null but the names and the address, which may be missing. */
  public record Person(String id, String firstName, String lastName, String email, Collection<String> directoryGroups) {}

  /** A sign-in Kyodo does not accept; the message is for the person (Japanese), the reason for the log. */
  public static class Refused extends RuntimeException {
    private final String reason;

    Refused(String message, String reason) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  static final String CONFLICT = "この利用者IDは協働パートナー（団体）のアカウントとして登録されているため、市のアカウントではログインできません。"
      + "市民協働課にお問い合わせください。";
  static final String UNUSABLE_ID = "市のアカウントの利用者IDを Kyodo で使えません（英数字、- と _ だけが使えます）。"
      + "情報システム担当にお問い合わせください。";

  private final IdentityService identity;
  private final DirectoryGroups mapping;

  public DirectoryAccounts(IdentityService identity, DirectoryGroups mapping) {
    this.identity = identity;
    this.mapping = mapping;
  }

  /**
   * Creates or updates the person's user and sets their memberships in the mapped groups; returns the Kyodo groups the
   * mapping gave them (those that exist). Throws {@link Refused} for an id that belongs to a partner or that the engine
   * cannot take.
   */
  public Set<String> provision(Person person) {
    String id = person.id() == null ? "" : person.id().trim();
    if (!USER_ID.matcher(id).matches()) {
      throw refused(UNUSABLE_ID, "directory user id '" + id + "' does not match " + USER_ID.pattern());
    }
    Set<String> wanted = mapping.kyodoGroupsOf(person.directoryGroups() == null ? List.of() : person.directoryGroups());
    Set<String> governed = mapping.mappedKyodoGroups();
    return Privileged.run(() -> {
      User user = identity.createUserQuery().userId(id).singleResult();
      if (user != null && isPartner(id)) {
        throw refused(CONFLICT, "directory user '" + id + "' has the id of a partner's local account: sign-in refused");
      }
      boolean created = user == null;
      if (created) {
        user = identity.newUser(id);
        // A directory identity signs in at the directory only. A password nobody knows (the engine cannot check a
        // missing one: Camunda's login form would fail with an error instead of refusing).
        user.setPassword(unknowablePassword());
        LOG.info("directory user '{}' signs in for the first time: user created", id);
      }
      if (setIfGiven(user, person) || created) {
        identity.saveUser(user);
      }
      Set<String> current = new TreeSet<>();
      identity.createGroupQuery().groupMember(id).list().forEach(group -> current.add(group.getId()));
      Set<String> given = new TreeSet<>();
      for (String group : governed) {
        boolean exists = identity.createGroupQuery().groupId(group).count() > 0;
        if (wanted.contains(group) && !exists) {
          LOG.warn("kyodo.directory.group-mapping names group '{}', which does not exist: '{}' is not put in it", group, id);
        } else if (wanted.contains(group)) {
          given.add(group);
          if (!current.contains(group)) {
            identity.createMembership(id, group);
            LOG.info("directory user '{}' added to '{}'", id, group);
          }
        } else if (current.contains(group)) {
          identity.deleteMembership(id, group);
          LOG.info("directory user '{}' removed from '{}' (no longer in a directory group mapped onto it)", id, group);
        }
      }
      return given;
    });
  }

  /** A local partner account: in {@code partners} or in an organisation. */
  private boolean isPartner(String id) {
    for (Group group : identity.createGroupQuery().groupMember(id).list()) {
      if (KyodoGroups.PARTNERS.equals(group.getId()) || KyodoGroups.TYPE_ORGANISATION.equals(group.getType())) {
        return true;
      }
    }
    return false;
  }

  /** The directory's name and address where it gives one; whether anything changed. */
  private static boolean setIfGiven(User user, Person person) {
    boolean changed = false;
    if (given(person.firstName()) && !Objects.equals(user.getFirstName(), person.firstName())) {
      user.setFirstName(person.firstName());
      changed = true;
    }
    if (given(person.lastName()) && !Objects.equals(user.getLastName(), person.lastName())) {
      user.setLastName(person.lastName());
      changed = true;
    }
    if (given(person.email()) && !Objects.equals(user.getEmail(), person.email())) {
      user.setEmail(person.email());
      changed = true;
    }
    return changed;
  }

  /** 256 random bits, with every kind of character Camunda's password policy asks for. */
  static String unknowablePassword() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return "Dir-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "-a1!";
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static boolean given(String value) {
    return value != null && !value.isBlank();
  }

  private static Refused refused(String message, String reason) {
    LOG.warn(reason);
    return new Refused(message, reason);
  }
}
