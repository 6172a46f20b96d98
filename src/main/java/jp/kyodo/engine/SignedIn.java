package jp.kyodo.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine acts for in this thread (set by the REST API's and the webapps' login, or by a test), as Kyodo needs
 * it: the user id and the groups. Camunda hands it over as one of its internal classes.
 */
public record SignedIn(String userId, List<String> groups) {

  public SignedIn {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** The signed-in user, or null when the engine acts on its own (no user id). */
  public static SignedIn current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    return new SignedIn(authentication.getUserId(), authentication.getGroupIds());
  }

  public boolean inAny(List<String> wanted) {
    return groups.stream().anyMatch(wanted::contains);
  }

  public boolean in(String group) {
    return groups.contains(group);
  }
}
