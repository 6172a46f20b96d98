package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The data APIs behind Cockpit and Admin answer only people who may use that app. Camunda checks the app permission
 * when someone opens the app's pages, but its plugin APIs only for a login: a partner logged in to Tasklist could
 * otherwise read Cockpit's statistics (how many projects run in each process, of every organisation). The login and
 * the engine API of Tasklist are not concerned.
 */
public class WebappApiAccessFilter extends OncePerRequestFilter {

  private final String app;

  public WebappApiAccessFilter(String app) {
    this.app = app;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    boolean loggedIn = authentications != null && !authentications.getAuthentications().isEmpty();
    if (loggedIn && authentications.getAuthentications().stream().anyMatch(a -> a.isAuthorizedForApp(app))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(loggedIn ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String message = loggedIn ? "この画面（" + app + "）を使う権限がありません。" : "ログインが必要です。";
    response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}");
  }
}
