package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code production} profile as a city's IT department runs it: secrets from the environment only,
 * no demo people, Camunda's password policy, Secure/HttpOnly cookies and security headers everywhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=production",
    "SPRING_DATASOURCE_URL=jdbc:h2:mem:kyodo-production-test;DB_CLOSE_DELAY=-1",
    "SPRING_DATASOURCE_USERNAME=sa",
    "SPRING_DATASOURCE_PASSWORD=",
    "KYODO_ADMIN_USER=kanri",
    "KYODO_ADMIN_PASSWORD=Tsuyoi-Aikotoba-2026!",
    "KYODO_REGISTRATION_FORM_SECRET=seisan-kankyou-no-himitsu-2026",
    "camunda.bpm.process-engine-name=kyodoProductionTest",
    "camunda.bpm.job-execution.enabled=false"})
class ProductionProfileTest {

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void noDemoPeopleAndTheAdministratorComesFromTheEnvironment() {
    assertThat(engine.getIdentityService().createUserQuery().userId("hikari").count()).isZero();
    assertThat(engine.getIdentityService().createUserQuery().userId("kanri").memberOfGroup(KyodoGroups.ADMIN).count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().createGroupQuery().groupId(KyodoGroups.COORDINATORS).count())
        .as("the role groups exist without demo data").isEqualTo(1);
  }

  @Test
  void weakPasswordsAreRefused() {
    User user = engine.getIdentityService().newUser("yowai");
    user.setPassword("yowai");
    assertThatThrownBy(() -> engine.getIdentityService().saveUser(user)).hasMessageContaining("does not match policy");
    assertThat(engine.getIdentityService().createUserQuery().userId("yowai").count()).isZero();
  }

  @Test
  void cookiesAreSecureAndHttpOnlyAndTheWebappsKeepTheirCsrfToken() throws Exception {
    HttpResponse<String> page = get("/camunda/app/tasklist/default/");
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure", "SameSite=Lax"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
  }

  @Test
  void everyResponseCarriesSecurityHeaders() throws Exception {
    for (String path : List.of("/engine-rest/task", "/api/organisations", "/actuator/health", "/camunda/app/tasklist/default/")) {
      HttpResponse<String> response = get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).isPresent();
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
    }
    assertThat(get("/engine-rest/task").headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(get("/public/").headers().firstValue("Content-Security-Policy")).as("published text never runs as script")
        .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
  }

  @Test
  void withoutItsSecretsTheApplicationDoesNotStart() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(KyodoApplication.class).profiles("production")
        .properties("server.port=0", "camunda.bpm.process-engine-name=kyodoNoSecrets").run())
        .hasStackTraceContaining("Could not resolve placeholder");
  }
}
