package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import jp.kyodo.identity.DirectoryAccounts;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * {@code /engine-rest} and {@code /api} in profile {@code oidc}: an integration sends {@code Authorization: Bearer}
 * with an access token of the city's OpenID Connect provider, or HTTP Basic for a local account as before. A token is
 * checked (signature against the provider's keys, issuer, expiry; audience when configured), the person it names is
 * provisioned as at a browser sign-in ({@link DirectoryAccounts}: the groups of the same claim, mapped by
 * {@code DirectoryGroups}), and Camunda's filter sets them as the engine's user for the request — the engine's
 * authorizations apply exactly as for a Basic login. A token that fails is answered like a failed Basic login: 401
 * with a Japanese sentence, never the decoder's message.
 */
public class TokenLogin extends BasicLogin {

  private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);

  static final String BEARER = "Bearer ";
  static final String TOKEN_REFUSED =
      "アクセストークンを受け付けられません（期限切れ、署名や発行元の誤り）。市のアカウントで新しいトークンを取得して、もう一度送ってください。";

  /** Whether this thread's last request failed with a token: Camunda's filter asks for the answer right after. */
  private final ThreadLocal<Boolean> tokenRefused = new ThreadLocal<>();

  private final JwtDecoder decoder;
  private final OidcClaims claims;
  private final DirectoryAccounts accounts;

  public TokenLogin(JwtDecoder decoder, OidcClaims claims, DirectoryAccounts accounts) {
    this.decoder = decoder;
    this.claims = claims;
    this.accounts = accounts;
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    tokenRefused.remove();
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return super.extractAuthenticatedUser(request, engine);
    }
    try {
      Jwt token = decoder.decode(header.substring(BEARER.length()).trim());
      DirectoryAccounts.Person person = claims.person(token.getClaims());
      accounts.provision(person);
      String userId = person.id();
      RequestLog.signedIn(userId, request, engine);
      // Groups left to Camunda's filter: it reads them from the identity just provisioned, as for a Basic login.
      return AuthenticationResult.successful(userId);
    } catch (JwtException e) {
      LOG.info("bearer token refused: {}", e.getMessage());
    } catch (DirectoryAccounts.Refused e) {
      LOG.info("bearer token refused: {}", e.reason());
    }
    tokenRefused.set(Boolean.TRUE);
    return AuthenticationResult.unsuccessful();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    boolean token = Boolean.TRUE.equals(tokenRefused.get());
    tokenRefused.remove();
    if (!token) {
      response.addHeader("WWW-Authenticate", "Bearer realm=\"kyodo\"");
      super.augmentResponseByAuthenticationChallenge(response, engine);
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer realm=\"kyodo\", error=\"invalid_token\"");
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    try {
      response.getWriter().write("{\"type\":\"AuthenticationRequired\",\"message\":\"" + TOKEN_REFUSED + "\"}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
