package jp.kyodo.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Who a notice goes to: people of the engine's directory with an e-mail address (one without is left out), read as
 * the application, whatever the acting user may see of the directory.
 */
public final class Recipients {

  /** A person told, with their address and how the mail greets them. */
  public record Person(String userId, String address, String name) {}

  private final IdentityService identity;
  private final Map<String, Person> people = new LinkedHashMap<>();

  public Recipients(IdentityService identity) {
    this.identity = identity;
  }

  public Recipients user(String userId) {
    if (userId != null && !people.containsKey(userId)) {
      User user = Privileged.run(() -> identity.createUserQuery().userId(userId).singleResult());
      add(user);
    }
    return this;
  }

  public Recipients membersOf(String groupId) {
    if (groupId != null) {
      KyodoGroups.membersOf(identity, groupId).forEach(this::add);
    }
    return this;
  }

  public Recipients except(String userId) {
    if (userId != null) {
      people.remove(userId);
    }
    return this;
  }

  public Iterable<Person> people() {
    return people.values();
  }

  private void add(User user) {
    if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
      String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
          + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
      people.putIfAbsent(user.getId(), new Person(user.getId(), user.getEmail().strip(), name.isEmpty() ? user.getId() : name));
    }
  }

  /** The link to a task in Tasklist, relative to kyodo.base-url. */
  public static String taskLink(String engineName, String taskId) {
    return "/camunda/app/tasklist/" + engineName + "/#/?task=" + taskId;
  }
}
