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
    "KYODO_MONITORING_USER=prometheus",
    "KYODO_MONITORING_PASSWORD=" + ProductionProfileTest.MONITORING_PASSWORD,
    "camunda.bpm.process-engine-name=kyodoProductionTest",
    "camunda.bpm.job-execution.enabled=false"})
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
class ProductionProfileTest {

  static final String MONITORING_PASSWORD = "Kanshi-Aikotoba-2026!";

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

  // --- operations (docs/monitoring.md): the monitoring account from the environment, one JSON object per log line

  HttpResponse<String> send(HttpRequest.Builder request, String user, String password) throws Exception {
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  @Test
  void theMonitoringAccountFromTheEnvironmentReadsTheMetricsAndNothingElse() throws Exception {
    HttpResponse<String> scrape = send(request("/actuator/prometheus").GET(), "prometheus", MONITORING_PASSWORD);
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).contains("# TYPE kyodo_projects_active gauge", "jvm_memory_used_bytes");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("prometheus").list())
        .extracting(org.camunda.bpm.engine.identity.Group::getId).containsExactly(KyodoGroups.MONITORING);
    for (org.camunda.bpm.engine.authorization.Resource resource : List.of(org.camunda.bpm.engine.authorization.Resources.APPLICATION,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, org.camunda.bpm.engine.authorization.Resources.TASK,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE, org.camunda.bpm.engine.authorization.Resources.FILTER)) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(KyodoGroups.MONITORING)
          .resourceType(resource).count()).as("the group is granted nothing on " + resource.resourceName()).isZero();
    }
    assertThat(send(request("/actuator/prometheus").GET(), "prometheus", "wrong").statusCode()).isEqualTo(401);
  }

  /** A step of the probe process below: what a delegate logs, inside the engine's own log context. */
  public static class LoggingStep implements org.camunda.bpm.engine.delegate.JavaDelegate {
    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      org.slf4j.LoggerFactory.getLogger(LoggingStep.class).info("probe step at {}", execution.getCurrentActivityId());
    }
  }

  static final String LOG_PROBE = "kyodoLogProbe";

  @Autowired
  org.springframework.core.env.ConfigurableEnvironment environment;

  /**
   * Logback is set up once per JVM: a context of another test class started first keeps its plain text. So this test
   * sets it up again from this context's settings (the production profile's), and puts plain text back afterwards
   * for the test classes that read the plain log.
   */
  static void loggingFrom(org.springframework.core.env.ConfigurableEnvironment settings) {
    org.springframework.boot.logging.LoggingSystem logging =
        org.springframework.boot.logging.LoggingSystem.get(ProductionProfileTest.class.getClassLoader());
    logging.cleanUp();
    System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
    logging.beforeInitialize();
    logging.initialize(new org.springframework.boot.logging.LoggingInitializationContext(settings), null, null);
  }

  @org.junit.jupiter.api.AfterAll
  static void plainLogsAgain() {
    loggingFrom(new org.springframework.core.env.StandardEnvironment());
  }

  @Test
  void everyLineOfARequestIsJsonWithItsReferenceUserAndBusinessKey(
      org.springframework.boot.test.system.CapturedOutput log) throws Exception {
    assertThat(environment.getProperty("logging.structured.format.console")).as("the production profile's format")
        .isEqualTo("ecs");
    loggingFrom(environment);
    int start = log.getOut().length();
    String deployment = engine.getRepositoryService().createDeployment().name("log-probe")
        .addModelInstance("log-probe.bpmn", org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(LOG_PROBE)
            .camundaHistoryTimeToLive(1).startEvent().serviceTask("LogAtStart").camundaClass(LoggingStep.class)
            .userTask("Work").camundaAssignee("kanri")
            .serviceTask("LogAfterWork").camundaClass(LoggingStep.class).userTask("Fail").camundaAssignee("kanri")
            .camundaTaskListenerClass("complete", jp.kyodo.platform.probe.FailureProbe.ListenerFailure.class.getName())
            .endEvent().done()).deploy().getId();
    String rest = "/engine-rest/engine/kyodoProductionTest";
    String password = "Tsuyoi-Aikotoba-2026!";
    try {
      // Started over REST: nothing in the path names the instance, the engine's own log context has the key.
      HttpResponse<String> started = send(request(rest + "/process-definition/key/" + LOG_PROBE + "/start")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"businessKey\":\"2026-901\"}")),
          "kanri", password);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      String startedReference = started.headers().firstValue("X-Kyodo-Reference").orElseThrow();
      String instance = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).path("id").asText();
      String work = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      String secret = "本文の秘密-" + java.util.UUID.randomUUID();
      HttpResponse<String> refused = send(request(rest + "/task/" + work + "/complete")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"note\":{\"value\":\"" + secret + "\"}}}")),
          "kanri", password);
      assertThat(refused.statusCode()).as("a value the task has no field for: " + refused.body()).isEqualTo(400);
      HttpResponse<String> completed = send(request(rest + "/task/" + work + "/complete")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
          "kanri", password);
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
      String completedReference = completed.headers().firstValue("X-Kyodo-Reference").orElseThrow();

      String fail = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
      HttpResponse<String> failed = send(request(rest + "/task/" + fail + "/complete")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), "kanri", password);
      assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
      String failedReference = failed.headers().firstValue("X-Kyodo-Reference").orElseThrow();
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(failed.body()).path("reference").asText())
          .as("the error's reference is the request's").isEqualTo(failedReference).isNotEqualTo(completedReference);

      List<com.fasterxml.jackson.databind.JsonNode> lines = jsonLines(log.getOut().substring(start));
      for (String[] expected : new String[][] {{"LogAtStart", startedReference}, {"LogAfterWork", completedReference}}) {
        com.fasterxml.jackson.databind.JsonNode step = lines.stream()
            .filter(l -> l.path("message").asText().equals("probe step at " + expected[0])).findFirst().orElseThrow();
        assertThat(step.path("reference").asText()).as(expected[0]).isEqualTo(expected[1]);
        assertThat(step.path("user").asText()).as(expected[0]).isEqualTo("kanri");
        assertThat(step.path("businessKey").asText()).as(expected[0]).isEqualTo("2026-901");
        assertThat(step.path("processInstanceId").asText()).as(expected[0] + ": the engine's own context").isEqualTo(instance);
        assertThat(step.path("activityId").asText()).isEqualTo(expected[0]);
      }

      com.fasterxml.jackson.databind.JsonNode error = lines.stream()
          .filter(l -> l.path("message").asText().contains("参照番号 " + failedReference)).findFirst().orElseThrow();
      assertThat(error.path("log.level").asText(error.path("log").path("level").asText())).isEqualTo("ERROR");
      assertThat(error.path("reference").asText()).isEqualTo(failedReference);
      assertThat(error.path("user").asText()).isEqualTo("kanri");
      assertThat(error.path("businessKey").asText()).as("looked up from the task in the path").isEqualTo("2026-901");

      assertThat(log.getOut().substring(start)).as("no request body, password or credentials on any line")
          .doesNotContain(secret, "Tsuyoi-Aikotoba-2026!", "Basic ", java.util.Base64.getEncoder()
              .encodeToString("kanri:Tsuyoi-Aikotoba-2026!".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Every line of the captured output that is a JSON object; a line of another format fails the test. */
  static List<com.fasterxml.jackson.databind.JsonNode> jsonLines(String out) throws Exception {
    List<com.fasterxml.jackson.databind.JsonNode> lines = new java.util.ArrayList<>();
    for (String line : out.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      assertThat(line).as("one JSON object per line").startsWith("{").endsWith("}");
      lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
    }
    return lines;
  }
}
