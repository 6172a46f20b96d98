package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.camunda.bpm.engine.ProcessEngine;

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
   * The user this browser's session is logged in as, for the log (any engine; the first when several); null without
   * a login. Reads only the session: no database.
   */
  static String sessionUser(HttpServletRequest request, java.util.function.BiConsumer<String, String> userAndEngine) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    for (UserAuthentication user : authentications.getAuthentications()) {
      if (user.getName() != null) {
        userAndEngine.accept(user.getName(), user.getProcessEngineName());
        return user.getName();
      }
    }
    return null;
  }

  /**
   * Signs someone in to the webapps in this session as Camunda's login form does after checking a password (their
   * groups, tenants and the apps they may use read from the engine), for a person whose sign-in happened elsewhere (the
   * city's OpenID Connect provider). The session is the one the caller's sign-in has already renewed; whoever was
   * signed in to this engine in it before is replaced.
   */
  public static User signIn(HttpServletRequest request, ProcessEngine engine, String userId) {
    UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, userId);
    authentication.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
    HttpSession session = request.getSession();
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    authentications.addOrReplace(authentication);
    AuthenticationUtil.updateSession(session, authentications);
    return new User(userId, authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
  }

  /** The header a page sends its session's CSRF token in, as Tasklist and Cockpit do. */
  public static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;

  /**
   * The CSRF token of the webapps' session (the one Tasklist and Cockpit send as {@code X-XSRF-TOKEN}), created as
   * Camunda's filter creates it when the session has none yet; null without a session.
   */
  public static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
      Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      if (token instanceof String text && !text.isEmpty()) {
        return text;
      }
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String fresh = HexFormat.of().withUpperCase().formatHex(random);
      session.setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, fresh);
      return fresh;
    }
  }

  /** Whether a request carries its session's CSRF token in {@link #CSRF_HEADER} (compared in constant time). */
  public static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CSRF_HEADER);
    return expected instanceof String token && !token.isEmpty() && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  /** The message for a page opened without a login (401, without a Basic challenge). */
  public static String loginFirst() {
    return LOGIN_FIRST;
  }
}
