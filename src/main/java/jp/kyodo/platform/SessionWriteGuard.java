package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for Kyodo's own pages that use the webapps' login ({@code /account/**}, {@code /overview/**}): the
 * browser sends the session cookie with any request, a forged one from another site included, so a write (anything
 * but GET, HEAD, OPTIONS) must also carry the session's CSRF token in {@code X-XSRF-TOKEN} — the token Tasklist and
 * Cockpit send, kept in the same session. Another site can neither read it (no CORS) nor set the header. A read's
 * answer hands the token to the page in the same header, as Camunda's filter does for the webapps (whose cookie is
 * scoped to {@code /camunda}, out of these pages' reach). Refused: 403 with a Japanese sentence, nothing done.
 */
public class SessionWriteGuard extends OncePerRequestFilter {

  static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  static final String REFUSED = "{\"message\":\"この操作は受け付けられません。ページを読み込み直してから、もう一度操作してください"
      + "（CSRF トークンがありません）。\"}";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (READS.contains(request.getMethod())) {
      if (request.getSession(false) != null) {
        response.setHeader(WebappLogin.CSRF_HEADER, WebappLogin.csrfToken(request));
      }
      chain.doFilter(request, response);
      return;
    }
    // Without a session there is no login a forged request could borrow: the route itself answers 401.
    if (request.getSession(false) != null && !WebappLogin.csrfTokenMatches(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(REFUSED);
      return;
    }
    chain.doFilter(request, response);
  }
}
