package jp.kyodo.platform;

import jp.kyodo.support.RunningApplication;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import jp.kyodo.platform.probe.FailureProbe;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures nobody foresaw, provoked for real on every surface of the running application — the engine's REST API,
 * the webapps' engine API and their Cockpit, Admin, Tasklist and welcome plugin APIs, Kyodo's own APIs, a servlet
 * filter, Spring's /error — each answer 500 with a Japanese sentence and a reference id, and nothing of the failure;
 * the reference is on the log line that carries the failure and its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@RunningApplication
class ServerErrorAnswersTest {

  static final String FAILING_STEP = "kyodoProbeFailingStep";
  static final String FAILING_TASK = "kyodoProbeFailingTask";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  String deployment;

  @BeforeEach
  void deployProbes() {
    deployment = engine.getRepositoryService().createDeployment().name("kyodo-failure-probes")
        .addModelInstance("failing-step.bpmn", Bpmn.createExecutableProcess(FAILING_STEP).camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("WriteToAMissingTable").camundaClass(FailureProbe.DatabaseFailure.class)
            .endEvent().done())
        .addModelInstance("failing-task.bpmn", Bpmn.createExecutableProcess(FAILING_TASK).camundaHistoryTimeToLive(1)
            .startEvent().userTask("FailOnCompletion").camundaAssignee("admin")
            .camundaTaskListenerClass("complete", FailureProbe.ListenerFailure.class.getName()).endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void removeProbes() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  /** Status 500, the sentence with the reference, nothing of the failure; the log line of the reference has it all. */
  static String assertServerError(Response response, CapturedOutput log, String failure) {
    assertThat(response.status()).as(response.body()).isEqualTo(500);
    JsonNode body = response.json();
    String reference = body.path("reference").asText();
    assertThat(reference).as(response.body()).matches("[2-9A-HJ-NP-Z]{" + ServerErrors.REFERENCE_LENGTH + "}");
    assertThat(body.path("type").asText()).isEqualTo(ServerErrors.TYPE);
    assertThat(body.path("message").asText()).contains("予期しないエラー", "参照番号「" + reference + "」");
    assertNothingInternal(response.body());
    String out = log.getAll();
    int line = out.indexOf("参照番号 " + reference);
    assertThat(line).as("the reference in the log").isPositive();
    String logged = out.substring(line, Math.min(out.length(), line + 20_000));
    assertThat(logged).as("the failure and its stack trace on the reference's line").contains(failure).contains("\tat ");
    return reference;
  }

  static void assertNothingInternal(String body) {
    assertThat(body).doesNotContain("org.", "java.", "jp.kyodo", "SQL", "sql", "INSERT", "Exception", "\tat ", "kyodo_",
        "Caused by");
  }

  RestClient admin() {
    return RestClient.basic(port, "admin");
  }

  String openTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(FAILING_TASK).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  static final Map<String, Object> NO_VALUES = Map.of("variables", Map.of());

  @Test
  void theEngineRestApiAnswersAFailingStepAndAFailingListenerWithAReference(CapturedOutput log) {
    assertServerError(admin().post("/engine-rest/process-definition/key/" + FAILING_STEP + "/submit-form", NO_VALUES), log,
        "kyodo_probe_missing_table");
    assertServerError(admin().post("/engine-rest/task/" + openTask() + "/submit-form", NO_VALUES), log,
        FailureProbe.SQL_LIKE);
  }

  @Test
  void theWebappsEngineApiAnswersAlike(CapturedOutput log) {
    RestClient tasklist = RestClient.tasklistSession(port, "default", "admin");
    String api = "/camunda/api/engine/engine/default";
    assertServerError(tasklist.post(api + "/process-definition/key/" + FAILING_STEP + "/submit-form", NO_VALUES), log,
        "kyodo_probe_missing_table");
    assertServerError(tasklist.post(api + "/task/" + openTask() + "/submit-form", NO_VALUES), log, FailureProbe.SQL_LIKE);
  }

  @Test
  void theWebappsPluginApisAnswerAlike(CapturedOutput log) {
    for (String app : new String[] {"cockpit", "admin", "tasklist", "welcome"}) {
      RestClient session = RestClient.webappSession(port, "default", "admin", app);
      assertServerError(session.get("/camunda/api/" + app + "/plugin/" + FailureProbe.PLUGIN + "/default/fail"), log,
          FailureProbe.SQL_LIKE);
    }
  }

  /** Kyodo's own APIs (Spring MVC) and their pages' APIs, with a table of theirs gone from the database. */
  @Test
  void kyodosOwnApisAnswerADatabaseFailureAlike(CapturedOutput log) {
    RestClient office = RestClient.tasklistSession(port, "default", "admin");
    withTableGone("kyodo_project", () -> {
      assertServerError(admin().get("/api/projects"), log, "KYODO_PROJECT");
      assertServerError(RestClient.basic(port, null).get("/public/api/projects"), log, "KYODO_PROJECT");
      assertServerError(office.get("/overview/api/summary"), log, "KYODO_PROJECT");
      return null;
    });
    assertNotLeftToTheContainer(log);
  }

  /** Answered before the servlet container saw the failure (it would log it again, without the reference). */
  static void assertNotLeftToTheContainer(CapturedOutput log) {
    assertThat(log.getAll()).doesNotContain("Servlet.service()");
  }

  /** The REST API's authentication filter reads the users' table before any API code runs. */
  @Test
  void aFilterThatFailsIsAnsweredAlike(CapturedOutput log) {
    withTableGone("ACT_ID_USER", () -> {
      assertServerError(admin().get("/engine-rest/task"), log, "ACT_ID_USER");
      return null;
    });
    assertNotLeftToTheContainer(log);
  }

  /** What the container sends to Spring's /error (a webapp filter's 401, a missing page) reads like every refusal. */
  @Test
  void springsErrorPageAnswersLikeEveryRefusal() {
    Response anonymous = RestClient.basic(port, null).get("/camunda/api/engine/engine/default/task");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("message").asText()).isEqualTo("ログインが必要です。");
    assertNothingInternal(anonymous.body());
    Response missing = RestClient.basic(port, null).get("/public/no-such-page");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("message").asText()).startsWith("対象が見つかりません");
    assertNothingInternal(missing.body());
    Response direct = admin().get("/error");
    assertThat(direct.status()).isEqualTo(404);
    assertNothingInternal(direct.body());
  }

  /** Camunda's refusals keep their type, and their detail loses class names. */
  @Test
  void camundasRefusalsNameNoClasses() {
    Response refused = admin().post("/engine-rest/process-definition/key/" + FAILING_STEP + "/submit-form",
        Map.of("variables", Map.of("count", Map.of("value", "zwölf", "type", "Integer"))));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(refused.json().path("message").asText()).startsWith("送信された内容を受け付けられませんでした")
        .contains("Cannot convert value 'zwölf'").doesNotContain("java.", "org.");
  }

  <T> T withTableGone(String table, Supplier<T> action) {
    jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + "_AWAY");
    try {
      return action.get();
    } finally {
      jdbc.execute("ALTER TABLE " + table + "_AWAY RENAME TO " + table);
    }
  }
}
