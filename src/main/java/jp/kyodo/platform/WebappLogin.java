package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the webapps (Tasklist, Cockpit) in this browser, for Kyodo's own pages that open next to them
 * ({@code /overview/}, the 協定書) with the same login: no second password, and never a browser's Basic prompt.
 */
public final class WebappLogin {

  /** Someone logged in to the webapps: their user id and groups. */
  public record User(String id, List<String> groups) {
    public boolean inAny(List<String> wanted) {
      return groups.stream().anyMatch(wanted::contains);
    }
  }

  static final String LOGIN_FIRST = "Tasklist または Cockpit にログインしてから開いてください。";

  private WebappLogin() {}

  public static Optional<User> of(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine(engineName);
    if (!(authentication instanceof UserAuthentication user)) {
      return Optional.empty();
    }
    return Optional.of(new User(user.getName(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds())));
  }

  /** The message for a page opened without a login (401, without a Basic challenge). */
  public static String loginFirst() {
    return LOGIN_FIRST;
  }
}
