package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.identity.DirectoryAccounts;
import jp.kyodo.identity.DirectoryGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Profile {@code oidc}: the city's staff sign in at the city's OpenID Connect provider; partners (and the bootstrap
 * administrator) keep their local accounts and Camunda's own login. docs/sign-in.md says how it fits together.
 *
 * <p>Spring Security does one thing here, and only on its own paths ({@link #SIGN_IN_PATHS}): the authorization-code
 * flow ({@code /oauth2/authorization/kyodo} → the provider → {@code /login/oauth2/code/kyodo}) and {@code /logout}. A
 * successful sign-in provisions the person ({@link DirectoryAccounts}) and signs them in to the webapps' session
 * ({@link WebappLogin#signIn}), the session Tasklist, Cockpit, Admin, {@code /overview/}, {@code /account/} and the
 * apply page already read — nothing else has to learn about OpenID Connect, and a partner's password login (Camunda's
 * login form, {@code identityService.checkPassword}) goes on exactly as before. Every other request never passes
 * Spring Security: Camunda's CSRF filter, {@link SessionWriteGuard} and {@link SecurityHeadersFilter} stay the only
 * ones. {@code /engine-rest} and {@code /api} take bearer tokens through Camunda's own authentication filter
 * ({@link TokenLogin}).
 *
 * <p>Outside this profile Spring Security is not configured at all: {@code KyodoApplication} excludes Boot's security
 * auto-configurations, so there is no filter chain, generated password, login page, CSRF or header writer of its own.
 */
@Configuration(proxyBeanMethods = false)
@Profile("oidc")
@EnableWebSecurity
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class OidcSignIn implements WebMvcConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

  /** The servlet paths Spring Security's filter is mapped to: the code flow's two steps and the logout. */
  static final List<String> SIGN_IN_PATHS = List.of("/oauth2/*", "/login/oauth2/*", "/logout");

  /** The page that offers both ways in: 「市のアカウントでログイン」 and the partners' login. */
  static final String LOGIN_PAGE = "/login.html";

  static final String REFUSED = "kyodo_sign_in_refused";
  static final String FAILED = "市のアカウントでログインできませんでした。もう一度お試しください。続くときは情報システム担当にお問い合わせください。";

  @Bean
  OidcClaims oidcClaims(@Value("${kyodo.oidc.user-id-claim:preferred_username}") String userIdClaim,
      @Value("${kyodo.oidc.groups-claim:groups}") String groupsClaim) {
    return new OidcClaims(userIdClaim, groupsClaim);
  }

  @Bean
  DirectoryAccounts directoryAccounts(ProcessEngine engine, DirectoryGroups mapping) {
    mapping.checkTargets();
    return new DirectoryAccounts(engine.getIdentityService(), mapping);
  }

  /** The client registration {@code kyodo} from {@code spring.security.oauth2.client.*}, as Boot would read it. */
  @Bean
  ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties) {
    properties.validate();
    return new InMemoryClientRegistrationRepository(
        new ArrayList<>(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values()));
  }

  /**
   * Access tokens of the same provider: its keys, its issuer, not expired (a minute's clock skew), and the audience
   * when {@code kyodo.oidc.audience} names one. Read from the provider on first use, so Kyodo starts while it is down.
   */
  @Bean
  JwtDecoder kyodoAccessTokens(@Value("${kyodo.oidc.issuer-uri}") String issuer,
      @Value("${kyodo.oidc.audience:}") String audience) {
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
      OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer);
      if (!audience.isBlank()) {
        validator = new DelegatingOAuth2TokenValidator<>(validator,
            new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(audience)));
      }
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }

  /** {@code /engine-rest} and {@code /api}: bearer tokens, and Basic for local accounts (see WebConfiguration). */
  @Bean
  TokenLogin tokenLogin(JwtDecoder kyodoAccessTokens, OidcClaims claims, DirectoryAccounts accounts) {
    return new TokenLogin(kyodoAccessTokens, claims, accounts);
  }

  /** Reads the person as the provider describes them, then makes them Kyodo's user (or refuses the sign-in). */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> kyodoOidcUsers(OidcClaims claims, DirectoryAccounts accounts) {
    OidcUserService provider = new OidcUserService();
    return request -> {
      OidcUser user = provider.loadUser(request);
      DirectoryAccounts.Person person = claims.person(user.getClaims());
      try {
        accounts.provision(person);
      } catch (DirectoryAccounts.Refused refused) {
        throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.getMessage(), null), refused.reason());
      }
      return new KyodoOidcUser(user, person.id());
    };
  }

  /** The provider's person under Kyodo's user id (the principal's name every handler uses). */
  static final class KyodoOidcUser extends DefaultOidcUser {
    private static final long serialVersionUID = 1L;
    private final String userId;

    KyodoOidcUser(OidcUser user, String userId) {
      super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
      this.userId = userId;
    }

    @Override
    public String getName() {
      return userId;
    }
  }

  @Bean
  SecurityFilterChain oidcSignInChain(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> kyodoOidcUsers,
      ClientRegistrationRepository registrations, ProcessEngine engine,
      @Value("${kyodo.oidc.after-sign-in:/camunda/app/tasklist/}") String afterSignIn) throws Exception {
    OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    providerLogout.setPostLogoutRedirectUri("{baseUrl}" + LOGIN_PAGE);
    providerLogout.setDefaultTargetUrl(LOGIN_PAGE);
    http
        // Kyodo's own filters answer for headers, CSRF and sessions; the code flow is protected by its state.
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .oauth2Login(login -> login
            .loginPage(LOGIN_PAGE)
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(kyodoOidcUsers))
            .successHandler((request, response, authentication) -> {
              WebappLogin.User user = WebappLogin.signIn(request, engine, authentication.getName());
              LOG.info("'{}' signed in at the city's OpenID Connect provider, groups {}", user.id(), user.groups());
              response.sendRedirect(request.getContextPath() + afterSignIn);
            })
            .failureHandler(OidcSignIn::refuse))
        // A GET, so that a link ends both sessions: Kyodo's here, the provider's at its end-session endpoint.
        .logout(logout -> logout
            .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/logout"))
            .invalidateHttpSession(true)
            .clearAuthentication(true)
            .logoutSuccessHandler(providerLogout));
    return http.build();
  }

  /** A refused or failed sign-in: a page in Japanese (the reason is in the log, never on the page). */
  static void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean refused = failure instanceof OAuth2AuthenticationException oauth && REFUSED.equals(oauth.getError().getErrorCode());
    String message = refused ? ((OAuth2AuthenticationException) failure).getError().getDescription() : FAILED;
    if (!refused) {
      LOG.warn("sign-in at the city's OpenID Connect provider failed: {}", failure.getMessage());
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setStatus(refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>ログインできません</title>"
        + "</head><body><h1>ログインできません</h1><p>" + message + "</p><p><a href=\"" + request.getContextPath()
        + LOGIN_PAGE + "\">ログイン画面へ戻る</a></p></body></html>");
  }

  /** Spring Security's filter on its own paths only (Boot would otherwise put it in front of every request). */
  @Bean
  DelegatingFilterProxyRegistrationBean oidcSignInFilter() {
    DelegatingFilterProxyRegistrationBean registration = new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setName("kyodo-oidc-sign-in");
    registration.addUrlPatterns(SIGN_IN_PATHS.toArray(String[]::new));
    return registration;
  }

  /**
   * Tasklist's own logout (Camunda's logout API) ends the whole session, the provider sign-in's record in it too: a
   * shared computer in an office must not keep it after someone logged out.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappLogoutEndsTheSession(CamundaBpmProperties camunda) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        chain.doFilter(request, response);
        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
            && response.getStatus() < 300) {
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.invalidate();
          }
        }
      }
    });
    registration.setName("kyodo-webapp-logout");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/user/*");
    return registration;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(LOGIN_PAGE).addResourceLocations("classpath:/kyodo-oidc/");
  }

  /** Kyodo's address leads to the page with both ways in (Camunda's redirect to its apps is off in this profile). */
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/").setViewName("redirect:" + LOGIN_PAGE);
  }
}
