package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for {@code /engine-rest} and {@code /api}, as Camunda checks it, with the refusal a clerk or an
 * integrator can read: 401 with the challenge and a Japanese message instead of an empty body. Whoever it lets in is
 * named on every further log line of the request ({@link RequestLog}).
 */
public class BasicLogin extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated()) {
      RequestLog.signedIn(result.getAuthenticatedUser(), request, engine);
    }
    return result;
  }

  static final String LOGIN_REQUIRED =
      "ログインが必要です。利用者IDとパスワード（HTTP Basic 認証）を確かめて、もう一度送ってください。";

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    super.augmentResponseByAuthenticationChallenge(response, engine);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      response.getWriter().write("{\"type\":\"AuthenticationRequired\",\"message\":\"" + LOGIN_REQUIRED + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
