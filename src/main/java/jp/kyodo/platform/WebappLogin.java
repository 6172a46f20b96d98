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

  /**
   * The session's CSRF token, the one Camunda's webapps keep for the same login (session attribute
   * {@code CAMUNDA_CSRF_TOKEN}, sent back as the {@code X-XSRF-TOKEN} header). Camunda's cookie for it is scoped to
   * the webapps' path, so Kyodo's pages under {@code /account/} get it in the answer of their first read instead;
   * created here when the session has none yet (Camunda's filter then takes it over).
   */
  public static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    synchronized (session) {
      Object token = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
      if (token instanceof String text && !text.isEmpty()) {
        return text;
      }
      byte[] random = new byte[16];
      RANDOM.nextBytes(random);
      String created = java.util.HexFormat.of().withUpperCase().formatHex(random);
      session.setAttribute(CSRF_SESSION_ATTRIBUTE, created);
      return created;
    }
  }

  /**
   * Whether a write from a page of the webapps' login carries the session's CSRF token in {@code X-XSRF-TOKEN}:
   * another site can make the browser send the session cookie, but cannot read the token nor set the header.
   */
  public static boolean csrfHolds(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String header = request.getHeader(CSRF_HEADER);
    Object token = session == null ? null : session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    return header != null && token instanceof String expected && !expected.isEmpty()
        && java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The refusal of a write without the session's CSRF token (403). */
  public static String csrfRefused() {
    return CSRF_REFUSED;
  }

  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  public static final String CSRF_HEADER = "X-XSRF-TOKEN";
  static final String CSRF_REFUSED = "画面を読み込み直してから、もう一度操作してください（確認用の情報がありません）。";
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /** The message for a page opened without a login (401, without a Basic challenge). */
  public static String loginFirst() {
    return LOGIN_FIRST;
  }
}
