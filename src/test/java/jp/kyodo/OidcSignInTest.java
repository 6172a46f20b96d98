package jp.kyodo;

import static jp.kyodo.examination.ExaminationScenario.intake;
import static jp.kyodo.examination.ExaminationScenario.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.kyodo.examination.ExaminationProcess.Elements;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.support.RestClient;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code oidc} against a real OpenID Connect provider in the test's JVM (mock-oauth2-server on a random port:
 * discovery, the authorization-code flow with its redirects, signed ID and access tokens, JWKS, end-session): staff
 * sign in through the browser's redirects and work as the directory's groups say, partners keep their passwords, and
 * integrations call the REST APIs with the provider's access tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:kyodo-oidc-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + OidcSignInTest.ENGINE,
    "camunda.bpm.job-execution.enabled=false",
    "KYODO_OIDC_CLIENT_ID=kyodo",
    "KYODO_OIDC_CLIENT_SECRET=kyodo-test-secret",
    "kyodo.directory.group-mapping[kyodo-coordinators]=coordinators",
    "kyodo.directory.group-mapping[fukushi-ka]=departments, dept-fukushi",
    "kyodo.directory.group-mapping[kankyo-ka]=departments, dept-kankyo"})
@ActiveProfiles("oidc")
class OidcSignInTest {

  static final String ENGINE = "kyodoOidcTest";
  static final String ISSUER = "city";
  static final String TASKLIST_TASKS = "/camunda/api/engine/engine/" + ENGINE + "/task";
  /** {@code /engine-rest/task} of this test's engine (the default engine's name belongs to the other tests' context). */
  static final String REST = "/engine-rest/engine/" + ENGINE;
  static final ObjectMapper JSON = new ObjectMapper();

  static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

  static {
    PROVIDER.start();
  }

  @DynamicPropertySource
  static void provider(DynamicPropertyRegistry registry) {
    registry.add("KYODO_OIDC_ISSUER_URI", () -> PROVIDER.issuerUrl(ISSUER).toString());
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.shutdown();
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  static String fukushiTask;
  static String kankyoTask;

  /** Two proposals: one handed to 福祉課, one to 環境政策課 (by the demo people, with HTTP Basic as before). */
  @BeforeAll
  static void oneTaskForEachOfTwoDepartments(@Autowired ProcessEngine engine, @LocalServerPort int port) {
    // 環境政策課 needs two clerks before the office may hand it a proposal
    for (String clerk : List.of("kankyo1", "kankyo2")) {
      engine.getIdentityService().saveUser(engine.getIdentityService().newUser(clerk));
      engine.getIdentityService().createMembership(clerk, KyodoGroups.DEPARTMENTS);
      engine.getIdentityService().createMembership(clerk, "dept-kankyo");
    }
    fukushiTask = departmentTask(port, engine, "dept-fukushi");
    kankyoTask = departmentTask(port, engine, "dept-kankyo");
  }

  static String departmentTask(int port, ProcessEngine engine, String department) {
    RestClient.Response started = RestClient.basic(port, "hikari").post(
        REST + "/process-definition/key/examination/submit-form", RestClient.variables(proposal()));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String intakeTask = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.INTAKE).singleResult().getId();
    RestClient.Response intake = RestClient.basic(port, "tanaka").post(REST + "/task/" + intakeTask + "/submit-form",
        RestClient.variables(intake(department)));
    assertThat(intake.status()).as(intake.body()).isEqualTo(204);
    return engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(Elements.CHECK_SHEET).singleResult().getId();
  }

  // --- a browser

  /** A browser: keeps cookies for Kyodo and the provider, follows redirects unless told not to. */
  final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    final HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> get(String path) {
      return send(http, HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build());
    }

    HttpResponse<String> getWithoutFollowing(String path) {
      return send(noRedirects, HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path) {
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElse("");
      return send(http, HttpRequest.newBuilder(uri(path)).header("X-XSRF-TOKEN", csrf)
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** 「市のアカウントでログイン」: Kyodo → the provider's authorize endpoint → back with a code → Kyodo. */
    HttpResponse<String> signInAtTheCity(String userId, List<String> groups) {
      PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, userId + "-subject", "JWT", List.of("kyodo"),
          Map.of("preferred_username", userId, "groups", groups, "given_name", "太郎", "family_name", userId + "田",
              "email", userId + "@city.example.jp"), 3600));
      return get("/oauth2/authorization/kyodo");
    }

    URI uri(String path) {
      return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }
  }

  static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + response.body(), e);
    }
  }

  TreeSet<String> groupsOf(String userId) {
    TreeSet<String> groups = new TreeSet<>();
    engine.getIdentityService().createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
    return groups;
  }

  // --- browser sign-in

  @Test
  void aClerkSignsInAtTheCityAndWorksAsTheDirectorysGroupsSay() {
    Browser browser = new Browser();
    HttpResponse<String> landed = browser.signInAtTheCity("kato", List.of("fukushi-ka", "domain-users"));
    assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
    // Tasklist then opens the JVM's default engine: this test's, or another test context's when one started first
    assertThat(landed.uri().getPath()).as("after the sign-in: Tasklist").startsWith("/camunda/app/tasklist/");

    User kato = engine.getIdentityService().createUserQuery().userId("kato").singleResult();
    assertThat(kato).as("provisioned on the first sign-in").isNotNull();
    assertThat(kato.getLastName()).isEqualTo("kato田");
    assertThat(kato.getEmail()).isEqualTo("kato@city.example.jp");
    assertThat(groupsOf("kato")).containsExactly("departments", "dept-fukushi");
    assertThat(engine.getIdentityService().checkPassword("kato", "kato")).as("no password of Kyodo's").isFalse();
    assertThat(RestClient.webappLogin(port, ENGINE, "kato", "tasklist")).as("Camunda's login form refuses, no error")
        .isEqualTo(401);

    HttpResponse<String> who = browser.get("/camunda/api/admin/auth/user/" + ENGINE);
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(json(who).path("userId").asText()).isEqualTo("kato");
    assertThat(json(who).path("authorizedApps").toString()).contains("tasklist");

    HttpResponse<String> tasks = browser.get(TASKLIST_TASKS);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(json(tasks).findValuesAsText("id")).contains(fukushiTask).doesNotContain(kankyoTask);

    HttpResponse<String> account = browser.get("/account/api/notifications");
    assertThat(account.statusCode()).as("/account/ reads the same session: " + account.body()).isEqualTo(200);
    assertThat(browser.get("/overview/api/summary").statusCode()).as("a clerk is not the office").isEqualTo(403);
  }

  @Test
  void theNextSignInSetsTheMembershipsToWhatTheDirectorySaysNow() {
    Browser first = new Browser();
    first.signInAtTheCity("kimura", List.of("fukushi-ka"));
    assertThat(groupsOf("kimura")).containsExactly("departments", "dept-fukushi");
    // a membership the city set by hand in a group the directory does not govern stays
    engine.getIdentityService().createMembership("kimura", KyodoGroups.EVALUATORS);

    Browser second = new Browser();
    HttpResponse<String> landed = second.signInAtTheCity("kimura", List.of("KANKYO-KA"));
    assertThat(landed.statusCode()).isEqualTo(200);
    assertThat(groupsOf("kimura")).containsExactly("departments", "dept-kankyo", KyodoGroups.EVALUATORS);
    assertThat(json(second.get(TASKLIST_TASKS)).findValuesAsText("id")).contains(kankyoTask).doesNotContain(fukushiTask);
  }

  @Test
  void theOfficeSignsInAndOpensTheOverview() {
    Browser browser = new Browser();
    browser.signInAtTheCity("mori", List.of("kyodo-coordinators"));
    HttpResponse<String> page = browser.get("/overview/");
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> summary = browser.get("/overview/api/summary");
    assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    assertThat(json(summary).path("user").asText()).isEqualTo("mori");
    assertThat(browser.get("/camunda/api/admin/auth/user/" + ENGINE).body()).contains("cockpit");
  }

  @Test
  void aPartnersLocalAccountIsNeverTakenOverByTheDirectory() {
    TreeSet<String> before = groupsOf("hikari");
    Browser browser = new Browser();
    HttpResponse<String> refused = browser.signInAtTheCity("hikari", List.of("kyodo-coordinators"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("協働パートナー（団体）のアカウント").doesNotContain("Exception");
    assertThat(groupsOf("hikari")).as("nothing changed").isEqualTo(before).contains("org-hikari")
        .doesNotContain(KyodoGroups.COORDINATORS);
    assertThat(browser.get("/camunda/api/admin/auth/user/" + ENGINE).statusCode()).as("not signed in").isEqualTo(404);
  }

  @Test
  void aPartnerStillSignsInWithItsPassword() {
    RestClient partner = RestClient.tasklistSession(port, ENGINE, "hikari");
    RestClient.Response tasks = partner.get(TASKLIST_TASKS);
    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.json().findValuesAsText("id")).doesNotContain(fukushiTask, kankyoTask);
    assertThat(RestClient.webappLogin(port, ENGINE, "admin", "cockpit")).as("the bootstrap administrator").isEqualTo(200);
  }

  @Test
  void theLoginPageOffersBothWaysIn() {
    Browser browser = new Browser();
    HttpResponse<String> root = browser.get("/");
    assertThat(root.uri().getPath()).isEqualTo("/login.html");
    assertThat(root.body()).contains("市のアカウントでログイン").contains("href=\"oauth2/authorization/kyodo\"")
        .contains("href=\"camunda/app/tasklist/\"");
  }

  @Test
  void logoutEndsKyodosSessionAndTheProvidersOne() {
    Browser browser = new Browser();
    browser.signInAtTheCity("kato", List.of("fukushi-ka"));
    HttpResponse<String> logout = browser.getWithoutFollowing("/logout");
    assertThat(logout.statusCode()).isEqualTo(302);
    String location = logout.headers().firstValue("Location").orElseThrow();
    assertThat(location).as("to the provider's end-session endpoint").startsWith(PROVIDER.issuerUrl(ISSUER).toString())
        .contains("id_token_hint=").contains("post_logout_redirect_uri=");
    assertThat(browser.get("/camunda/api/admin/auth/user/" + ENGINE).statusCode()).isEqualTo(404);
    assertThat(browser.get(TASKLIST_TASKS).statusCode()).isEqualTo(401);

    // Tasklist's own logout ends the whole session too: nothing is left for /logout to name
    Browser second = new Browser();
    second.signInAtTheCity("kato", List.of("fukushi-ka"));
    second.get(TASKLIST_TASKS);
    assertThat(second.post("/camunda/api/admin/auth/user/" + ENGINE + "/logout").statusCode()).isEqualTo(200);
    assertThat(second.get("/camunda/api/admin/auth/user/" + ENGINE).statusCode()).isEqualTo(404);
    HttpResponse<String> after = second.getWithoutFollowing("/logout");
    assertThat(after.headers().firstValue("Location").orElseThrow()).doesNotContain("id_token_hint");
  }

  // --- tokens for integrations

  HttpResponse<String> withToken(String path, String token) {
    return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
  }

  String token(String issuer, String userId, List<String> groups, long expiresIn) {
    return PROVIDER.issueToken(issuer, "kyodo", new DefaultOAuth2TokenCallback(issuer, userId + "-subject", "JWT",
        List.of("kyodo"), Map.of("preferred_username", userId, "groups", groups), expiresIn)).serialize();
  }

  @Test
  void anIntegrationCallsTheRestApisWithAnAccessTokenAsThePerson() {
    String token = token(ISSUER, "sasaki", List.of("fukushi-ka"), 3600);
    HttpResponse<String> tasks = withToken(REST + "/task", token);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(json(tasks).findValuesAsText("id")).contains(fukushiTask).doesNotContain(kankyoTask);
    HttpResponse<String> projects = withToken("/api/projects", token);
    assertThat(projects.statusCode()).as(projects.body()).isEqualTo(200);
    assertThat(groupsOf("sasaki")).containsExactly("departments", "dept-fukushi");

    String nobody = token(ISSUER, "yoshida", List.of("domain-users"), 3600);
    HttpResponse<String> none = withToken(REST + "/task", nobody);
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(json(none)).as("groups that map onto nothing: no task").isEmpty();
    assertThat(withToken("/api/projects", nobody).statusCode()).as("in no Kyodo group: refused").isEqualTo(403);

    RestClient.Response basic = RestClient.basic(port, "suzuki").get(REST + "/task");
    assertThat(basic.status()).as("Basic for local accounts as before").isEqualTo(200);
    assertThat(basic.json().findValuesAsText("id")).contains(fukushiTask);
    // Spring Security's filter (and its firewall) is on the sign-in paths only: Camunda still answers odd spellings
    RestClient.Response matrix = RestClient.basic(port, "suzuki").get(REST + "/task;x=1");
    assertThat(matrix.status()).as(matrix.body()).isEqualTo(200);
    assertThat(matrix.json().findValuesAsText("id")).contains(fukushiTask);
  }

  /**
   * A token signed with the city's key, with this issuer, valid for the last 20 minutes up to {@code expiresIn} seconds
   * from now (negative: expired) — so that only the check of that one claim can refuse it.
   */
  String signedByTheCity(String issuer, long expiresIn) {
    java.util.Date now = new java.util.Date();
    com.nimbusds.jwt.SignedJWT jwt = PROVIDER.getConfig().getTokenProvider().jwt(Map.of("iss", issuer, "sub", "sasaki-subject",
        "aud", List.of("kyodo"), "preferred_username", "sasaki", "groups", List.of("fukushi-ka"),
        "iat", new java.util.Date(now.getTime() - 1_200_000), "nbf", new java.util.Date(now.getTime() - 1_200_000),
        "exp", new java.util.Date(now.getTime() + expiresIn * 1000)), java.time.Duration.ofHours(1), ISSUER);
    try {
      assertThat(jwt.getJWTClaimsSet().getIssuer()).as("the token names the issuer asked for").isEqualTo(issuer);
      assertThat(jwt.getJWTClaimsSet().getExpirationTime()).as("the token expires when asked")
          .isCloseTo(new java.util.Date(now.getTime() + expiresIn * 1000), 2000);
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  @Test
  void aBadExpiredOrForeignTokenIsRefusedInJapanese() {
    assertThat(withToken(REST + "/task", signedByTheCity(PROVIDER.issuerUrl(ISSUER).toString(), 600)).statusCode())
        .as("the same kind of token, valid: accepted").isEqualTo(200);
    Map<String, String> tokens = Map.of(
        "not a token", "abc.def.ghi",
        "expired", signedByTheCity(PROVIDER.issuerUrl(ISSUER).toString(), -600),
        "another issuer", signedByTheCity(PROVIDER.issuerUrl("elsewhere").toString(), 3600),
        "another issuer's key", token("elsewhere", "sasaki", List.of("fukushi-ka"), 3600),
        "a partner's id", token(ISSUER, "hikari", List.of("fukushi-ka"), 3600));
    tokens.forEach((what, token) -> {
      for (String path : List.of(REST + "/task", "/api/projects")) {
        HttpResponse<String> refused = withToken(path, token);
        assertThat(refused.statusCode()).as(what + " " + path + ": " + refused.body()).isEqualTo(401);
        assertThat(refused.body()).as(what).contains("アクセストークンを受け付けられません")
            .doesNotContain("Exception").doesNotContain("jwt").doesNotContain("org.").doesNotContain("at ");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      }
    });
    assertThat(groupsOf("hikari")).doesNotContain("dept-fukushi");
  }

  // --- the provisioning rules themselves

  @Test
  void aSignInChangesNobodyElse() {
    TreeSet<String> suzuki = groupsOf("suzuki");
    TreeSet<String> tanaka = groupsOf("tanaka");
    new Browser().signInAtTheCity("ueda", List.of("kankyo-ka"));
    new Browser().signInAtTheCity("ueda", List.of("fukushi-ka", "kyodo-coordinators"));
    assertThat(groupsOf("ueda")).containsExactly(KyodoGroups.COORDINATORS, "departments", "dept-fukushi");
    assertThat(groupsOf("suzuki")).isEqualTo(suzuki);
    assertThat(groupsOf("tanaka")).isEqualTo(tanaka);
  }
}
