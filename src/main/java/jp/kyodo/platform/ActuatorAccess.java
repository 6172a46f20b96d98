package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator beyond {@code /actuator/health} (which load balancers ask anonymously): {@code /actuator/prometheus} and
 * whatever else a city exposes there answers only the monitoring account (group {@value KyodoGroups#MONITORING}) and
 * administrators, signed in with HTTP Basic exactly as the REST API checks it ({@link BasicLogin}). Anyone else gets
 * 401 with the challenge, or 403, each with a Japanese message. The decision is made on the path the container has
 * decoded and normalised, so {@code /actuator/health/..%2Fprometheus} and the like are not a way round.
 */
public class ActuatorAccess extends OncePerRequestFilter {

  static final List<String> MAY_READ = List.of(KyodoGroups.MONITORING, KyodoGroups.ADMIN);
  static final String FORBIDDEN = "この情報は監視用の利用者（monitoring グループ）と管理者だけが読めます。";

  private final ProcessEngine engine;
  private final AuthenticationProvider basic = new BasicLogin();

  public ActuatorAccess(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(request, response);
      return;
    }
    AuthenticationResult login = basic.extractAuthenticatedUser(request, engine);
    if (!login.isAuthenticated()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      return;
    }
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(login.getAuthenticatedUser())
        .list().stream().map(Group::getId).toList();
    if (groups.stream().noneMatch(MAY_READ::contains)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + FORBIDDEN + "\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
