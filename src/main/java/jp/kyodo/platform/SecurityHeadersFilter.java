package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, the APIs included (Camunda's own header filter covers only its
 * webapps): no MIME sniffing, no framing by other sites, no referrer to other sites, and no caching
 * of API answers, which carry personal and unpublished data. Headers a webapp already set are kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    setIfAbsent(response, "X-Content-Type-Options", "nosniff");
    setIfAbsent(response, "X-Frame-Options", "SAMEORIGIN");
    setIfAbsent(response, "Referrer-Policy", "same-origin");
    setIfAbsent(response, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/public") || path.startsWith("/overview") || path.startsWith("/account")) {
      // The public pages load only their own script and style: nothing published can run as code.
      setIfAbsent(response, "Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    }
    if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/overview/api/")
        || path.startsWith("/account/api/") || path.startsWith("/apply/api/") || path.startsWith("/public/api/registrations")
        || path.startsWith("/public/api/password") || path.startsWith("/documents/")) {
      setIfAbsent(response, "Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  private static void setIfAbsent(HttpServletResponse response, String name, String value) {
    if (!response.containsHeader(name)) {
      response.setHeader(name, value);
    }
  }
}
