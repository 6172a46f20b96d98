package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.overview.OperationsMetrics;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a city's IT department operates with (docs/monitoring.md), on the running application: {@code
 * /actuator/prometheus} for the monitoring account and administrators only; Kyodo's own figures, read on a schedule
 * and not per scrape; HTTP routes that never become one series per id; the Grafana dashboard asking only for what a
 * real scrape holds; and the OpenAPI description with its Swagger UI.
 */
@RunningApplication
class OperationsTest {

  static final String MONITOR = "kanshi-test";
  static final String MONITOR_PASSWORD = "kanshi-test-password";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  OperationsMetrics metrics;

  @Autowired
  JdbcTemplate jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeEach
  void monitoringAccount() {
    var identity = engine.getIdentityService();
    for (String id : List.of(MONITOR, MONITOR + "-2")) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setPassword(MONITOR_PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, KyodoGroups.MONITORING);
      }
    }
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> demo(String path, String user) throws Exception {
    return get(path, user, user);
  }

  String scrape() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus", MONITOR, MONITOR_PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  // --- who may read the metrics

  @Test
  void onlyTheMonitoringAccountAndAdministratorsReadTheMetrics() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/prometheus", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(JSON.readTree(anonymous.body()).path("message").asText()).startsWith("ログインが必要です");
    for (String user : List.of("hikari", "tanaka", "sato")) {
      HttpResponse<String> refused = demo("/actuator/prometheus", user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).path("message").asText()).as(user).contains("監視用の利用者");
      assertThat(refused.body()).doesNotContain("jvm_", "kyodo_");
    }
    // A wrong password holds the account back a few seconds (Camunda's login delay): another monitoring account here.
    assertThat(get("/actuator/prometheus", MONITOR + "-2", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> monitor = get("/actuator/prometheus", MONITOR, MONITOR_PASSWORD);
    assertThat(monitor.statusCode()).isEqualTo(200);
    assertThat(monitor.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(monitor.body()).contains("# TYPE kyodo_tasks_open gauge");
    assertThat(demo("/actuator/prometheus", "admin").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health", null, null).statusCode()).as("health stays anonymous").isEqualTo(200);
  }

  @Test
  void noPathAroundTheCheckReachesTheMetrics() throws Exception {
    for (String path : List.of("/actuator/prometheus/", "/actuator//prometheus", "/actuator/health/../prometheus",
        "/actuator/health/%2e%2e/prometheus", "/actuator/health/..%2Fprometheus", "/actuator/health;x=1/../prometheus",
        "/actuator/prometheus;x=1", "/actuator/%70rometheus", "/actuator/PROMETHEUS", "/actuator/metrics",
        "/actuator/env", "/actuator", "/actuator/prometheus?format=x", "/actuator/health/../../actuator/prometheus")) {
      for (String user : java.util.Arrays.asList(null, "hikari")) {
        HttpResponse<String> response = demo(path, user);
        assertThat(response.statusCode()).as(user + " " + path).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(response.body()).as(user + " " + path).doesNotContain("jvm_", "kyodo_", "# TYPE", "org.", "\tat ");
      }
    }
  }

  // --- what the metrics say

  static final String PROBE = "kyodoMetricsProbe";

  /** Kyodo's figures are those of the database, but only as of the last refresh: a scrape never reads the database. */
  @Test
  void kyodosFiguresAreTheDatabasesAsOfTheLastRefresh() throws Exception {
    String group = "metrics-probe-" + UUID.randomUUID().toString().substring(0, 8);
    String deployment = engine.getRepositoryService().createDeployment().name("metrics-probe")
        .addModelInstance("metrics-probe.bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Open").camundaCandidateGroups(group).endEvent().done())
        .deploy().getId();
    String noticeKey = "metrics-probe:" + UUID.randomUUID();
    try {
      metrics.refresh();
      String before = scrape();
      assertThat(value(before, "kyodo_tasks_open", "group", group)).isNull();
      double failedBefore = value(before, "kyodo_mail_outbox", "status", "FAILED");
      double startsBefore = value(before, "kyodo_engine_events", "name", "activity-instance-start");

      engine.getRuntimeService().startProcessInstanceByKey(PROBE);
      engine.getRuntimeService().startProcessInstanceByKey(PROBE);
      jdbc.update("INSERT INTO kyodo_mail_outbox (notice_key, address, kind, subject, body, created_at, send_after, status,"
          + " attempts) VALUES (?, 'probe@example.jp', 'PROBE', 'probe', 'probe', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
          + " 'FAILED', 10)", noticeKey);
      assertThat(value(scrape(), "kyodo_tasks_open", "group", group)).as("not read again per scrape").isNull();

      metrics.refresh();
      String after = scrape();
      assertThat(value(after, "kyodo_tasks_open", "group", group)).isEqualTo(2.0);
      assertThat(value(after, "kyodo_mail_outbox", "status", "FAILED")).isEqualTo(failedBefore + 1);
      assertThat(value(after, "kyodo_engine_events", "name", "activity-instance-start"))
          .as("two starts and two user tasks begun").isGreaterThanOrEqualTo(startsBefore + 4);
      for (String phase : List.of("EXAMINATION", "SELECTION", "AGREEMENT", "EXECUTION", "EVALUATION", "IMPROVEMENT")) {
        Long active = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project WHERE status = 'ACTIVE' AND phase = ?",
            Long.class, phase);
        assertThat(value(after, "kyodo_projects_active", "phase", phase)).as(phase).isEqualTo(active.doubleValue());
        Long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project WHERE status = 'ACTIVE' AND phase = ?"
            + " AND overdue_since IS NOT NULL", Long.class, phase);
        assertThat(value(after, "kyodo_phases_overdue", "phase", phase)).as(phase).isEqualTo(overdue.doubleValue());
      }
      assertThat(value(after, "kyodo_engine_jobs", "state", "failed")).isNotNull();
      assertThat(after).contains("jvm_memory_used_bytes{", "hikaricp_connections_active{", "http_server_requests_seconds_bucket{");
    } finally {
      jdbc.update("DELETE FROM kyodo_mail_outbox WHERE notice_key = ?", noticeKey);
      engine.getRepositoryService().deleteDeployment(deployment, true);
      metrics.refresh();
    }
  }

  /** The engine's REST routes are counted under fixed names: a thousand task ids make no thousand series. */
  @Test
  void httpRoutesNeverCarryAnId() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      demo("/engine-rest/task/" + id + "/form-variables", "tanaka");
      demo("/camunda/api/engine/engine/default/process-instance/" + id, null);
      demo("/engine-rest/" + id + "/whatever/" + id, null);
      demo("/api/projects/" + id, "tanaka");
    }
    String scrape = scrape();
    Set<String> uris = new TreeSet<>();
    Matcher uri = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(scrape);
    while (uri.find()) {
      uris.add(uri.group(1));
    }
    assertThat(uris).contains("/engine-rest/task/{id}/form-variables", "/api/projects/{number}", "/engine-rest/**");
    for (String id : ids) {
      assertThat(scrape).doesNotContain(id);
    }
    assertThat(uris).as("no route name made of a caller's words").allSatisfy(u ->
        assertThat(u).matches("[A-Za-z0-9/{}*._-]*").doesNotContain("whatever"));
  }

  /** Each of the dashboard's queries names only series a real scrape of Kyodo holds (DockerComposeTest reads the rest). */
  @Test
  void theDashboardAsksOnlyForWhatKyodoExports() throws Exception {
    metrics.refresh();
    demo("/api/projects", "tanaka");
    String scrape = scrape();
    Set<String> exported = new TreeSet<>();
    Matcher sample = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape);
    while (sample.find()) {
      exported.add(sample.group(1));
    }
    Map<String, Set<String>> panels = DockerComposeTest.dashboardMetrics();
    assertThat(panels).isNotEmpty();
    panels.forEach((panel, names) -> assertThat(exported).as("panel " + panel).containsAll(names));
  }

  // --- the OpenAPI description

  @Test
  void theDescriptionListsEachGroupsRoutesAndNothingInternal() throws Exception {
    Map<String, List<String>> expected = Map.of(
        "integration", List.of("/api/projects", "/api/projects/{number}", "/api/organisations", "/api/calls"),
        "public", List.of("/public/api/calls", "/public/api/projects", "/public/api/registrations"),
        "office", List.of("/overview/api/summary", "/overview/api/mail"),
        "account", List.of("/account/api/notifications", "/apply/api/calls/{callNumber}"));
    for (Map.Entry<String, List<String>> group : expected.entrySet()) {
      HttpResponse<String> response = get("/v3/api-docs/" + group.getKey(), null, null);
      assertThat(response.statusCode()).as(group.getKey()).isEqualTo(200);
      JsonNode docs = JSON.readTree(response.body());
      List<String> paths = new ArrayList<>();
      docs.path("paths").fieldNames().forEachRemaining(paths::add);
      assertThat(paths).as(group.getKey()).containsAll(group.getValue());
      assertThat(paths).as(group.getKey() + ": only Kyodo's own routes")
          .noneMatch(p -> p.startsWith("/engine-rest") || p.startsWith("/actuator") || p.equals("/error")
              || p.startsWith("/camunda"));
      docs.path("components").path("schemas").fieldNames().forEachRemaining(name ->
          assertThat(name).as(group.getKey() + " schema").matches("[A-Z][A-Za-z0-9]*")
              .doesNotContain("Exception", "Entity", "Impl", "Servlet"));
      assertThat(response.body()).as(group.getKey()).doesNotContain("jp.kyodo", "org.camunda", "java.lang", "jakarta.");
    }
    JsonNode all = JSON.readTree(get("/v3/api-docs", null, null).body());
    assertThat(all.path("info").path("title").asText()).contains("Kyodo");
    assertThat(all.path("externalDocs").path("url").asText()).contains("docs.camunda.org/rest");
    JsonNode calls = all.path("paths").path("/public/api/calls").path("get");
    assertThat(calls.path("summary").asText()).as("the public routes speak Japanese").contains("公募");
  }

  @Test
  void theSwaggerUiLoadsWithItsScriptsAndStyles() throws Exception {
    HttpResponse<String> page = get("/swagger-ui/index.html", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher asset = Pattern.compile("(?:src|href)=\"\\./([^\"]+\\.(?:js|css))\"").matcher(page.body());
    List<String> assets = new ArrayList<>();
    while (asset.find()) {
      assets.add(asset.group(1));
    }
    assertThat(assets).contains("swagger-ui-bundle.js", "swagger-initializer.js", "swagger-ui.css");
    for (String file : assets) {
      HttpResponse<String> loaded = get("/swagger-ui/" + file, null, null);
      assertThat(loaded.statusCode()).as(file).isEqualTo(200);
    }
    HttpResponse<String> config = get("/v3/api-docs/swagger-config", null, null);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(config.body()).path("urls").findValuesAsText("url"))
        .contains("/v3/api-docs/integration", "/v3/api-docs/public", "/v3/api-docs/office", "/v3/api-docs/account");
    assertThat(get("/swagger-ui/index.html", null, null).headers().firstValue("Content-Security-Policy"))
        .as("no page-wide script policy of the public pages breaks the UI").isEmpty();
  }

  /** The documentation's routes read and nothing else: a write is a 405 with a clerk's sentence, changing nothing. */
  @Test
  void theDocumentationRoutesOnlyRead() throws Exception {
    for (String path : List.of("/v3/api-docs", "/v3/api-docs/public", "/v3/api-docs/swagger-config", "/swagger-ui/index.html")) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path).isIn(403, 404, 405);
        assertThat(response.body()).as(method + " " + path).doesNotContain("Exception", "org.", "\tat ");
        if (response.statusCode() == 405) {
          assertThat(JSON.readTree(response.body()).path("message").asText()).as(method + " " + path).contains("できません");
        }
      }
    }
    HttpResponse<String> long_ = get("/v3/api-docs/" + "x".repeat(1_000_000), null, null);
    assertThat(long_.statusCode()).isGreaterThanOrEqualTo(400).isLessThan(500);
  }

  // --- reading a scrape

  /** The value of the series of that metric with that label, null when there is none. */
  static Double value(String scrape, String metric, String label, String labelValue) {
    Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
    while (line.find()) {
      if (line.group(1).contains(label + "=\"" + labelValue + "\"")) {
        return Double.parseDouble(line.group(2));
      }
    }
    return null;
  }
}
