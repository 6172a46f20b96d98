package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The migration route over HTTP: only the administrator, every hostile spelling a Japanese 4xx that changes nothing,
 * the plan naming a value the new version requires at its start, and the execution only of the plan that was shown.
 */
@RunningApplication
class MigrationApiTest {

  static final String ROUTE = "/api/operations/migrations";
  static final String KEY = "migration-probe";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    engine.getManagementService().createBatchQuery().list()
        .forEach(b -> engine.getManagementService().deleteBatch(b.getId(), true));
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  RestClient as(String user) {
    return RestClient.basic(port, user);
  }

  /** Version 1 asks for a title at the start; version 2 also for a budget code, and renames the task. */
  void deploy(int version) {
    String budgetField = version == 1 ? "" : """
        , {"type": "textfield", "key": "budgetCode", "label": "予算コード", "validate": {"required": true, "maxLength": 20}}""";
    deployments.add(engine.getRepositoryService().createDeployment().name("modeler")
        .addString("migration-probe-start.form", """
            {"id": "migration-probe-start", "type": "default", "schemaVersion": 16, "components": [
              {"type": "textfield", "key": "title", "label": "件名", "validate": {"required": true, "maxLength": 50}}%s
            ]}""".formatted(budgetField))
        .addString("migration-probe-task.form", """
            {"id": "migration-probe-task", "type": "default", "schemaVersion": 16, "components": [
              {"type": "textfield", "key": "note", "label": "メモ", "validate": {"maxLength": 50}}]}""")
        .addModelInstance("migration-probe.bpmn", Bpmn.createExecutableProcess(KEY).name("移行の確認")
            .camundaHistoryTimeToLive(1)
            .startEvent("Started").name("始めた").camundaFormRef("migration-probe-start").camundaFormRefBinding("deployment")
            .userTask("Check").name(version == 1 ? "確かめる" : "内容を確かめる").camundaCandidateGroups("coordinators")
            .camundaFormRef("migration-probe-task").camundaFormRefBinding("deployment")
            .endEvent().done())
        .deploy().getId());
  }

  String started() {
    return engine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("title", "見守り")).getId();
  }

  String definitionOf(String instance) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getProcessDefinitionId();
  }

  void runBatch(String batchId) {
    jp.kyodo.support.Batches.run(engine, batchId);
  }

  static void assertRefusedPlainly(Response response, int status, String japanese) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("message").asText()).contains(japanese);
    assertThat(response.body()).doesNotContainPattern("Exception|org\\.camunda|jp\\.kyodo|SELECT|\\bat [\\w.$]+\\(");
  }

  @Test
  void thePlanNamesWhatMovesWhereAndAValueTheNewVersionRequiresAndOnlyThatPlanRuns() {
    deploy(1);
    String first = started();
    String second = started();
    String oldDefinition = definitionOf(first);
    deploy(2);

    Response shown = as("admin").get(ROUTE + "?processKey=" + KEY);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    JsonNode source = shown.json().path("sources").get(0);
    assertThat(shown.json().path("executable").asBoolean()).isFalse();
    assertThat(source.path("moves").get(0).path("sourceActivityName").asText()).isEqualTo("確かめる");
    assertThat(source.path("moves").get(0).path("targetActivityName").asText()).isEqualTo("内容を確かめる");
    assertThat(source.path("moves").get(0).path("activityInstances").asLong()).isEqualTo(2);
    assertThat(source.path("missingVariables").get(0).path("name").asText()).isEqualTo("budgetCode");
    assertThat(source.path("problems").get(0).asText()).contains("「予算コード」（budgetCode）を必要としますが、2 件");
    Response notExecutable = as("admin").post(ROUTE, Map.of("processKey", KEY,
        "fingerprint", shown.json().path("fingerprint").asText()));
    assertRefusedPlainly(notExecutable, 409, "このままでは移せません");

    Map<String, Object> withCode = Map.of("processKey", KEY, "variables", Map.of("budgetCode", "KY-2027-01"));
    Response plan = as("admin").post(ROUTE + "/plan", withCode);
    assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    assertThat(plan.json().path("executable").asBoolean()).as(plan.body()).isTrue();
    String fingerprint = plan.json().path("fingerprint").asText();

    Response otherPlan = as("admin").post(ROUTE, Map.of("processKey", KEY, "fingerprint", fingerprint,
        "variables", Map.of("budgetCode", "KY-2027-99")));
    assertRefusedPlainly(otherPlan, 409, "fingerprint が一致しません");
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();

    Response execution = as("admin").post(ROUTE, Map.of("processKey", KEY, "fingerprint", fingerprint,
        "variables", Map.of("budgetCode", "KY-2027-01")));
    assertThat(execution.status()).as(execution.body()).isEqualTo(202);
    String batchId = execution.json().path("batches").get(0).path("batchId").asText();
    assertThat(as("admin").get(ROUTE + "/batches/" + batchId).json().path("progress").path("finished").asBoolean())
        .isFalse();
    runBatch(batchId);

    Response done = as("admin").get(ROUTE + "/batches/" + batchId);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().path("progress").path("finished").asBoolean()).as(done.body()).isTrue();
    for (String instance : List.of(first, second)) {
      assertThat(definitionOf(instance)).isNotEqualTo(oldDefinition);
      assertThat(engine.getRuntimeService().getVariable(instance, "budgetCode")).isEqualTo("KY-2027-01");
    }
  }

  @Test
  void onlyTheAdministratorMayPlanOrMigrate() {
    deploy(1);
    String instance = started();
    deploy(2);
    for (String user : List.of("tanaka", "hikari", "suzuki", "sato")) {
      assertRefusedPlainly(as(user).get(ROUTE + "?processKey=" + KEY), 403, "システム管理者（camunda-admin）だけ");
      assertRefusedPlainly(as(user).post(ROUTE + "/plan", Map.of("processKey", KEY)), 403, "システム管理者");
      assertRefusedPlainly(as(user).post(ROUTE, Map.of("processKey", KEY, "fingerprint", "x")), 403, "システム管理者");
      assertRefusedPlainly(as(user).get(ROUTE + "/batches/x"), 403, "システム管理者");
    }
    assertThat(as(null).get(ROUTE + "?processKey=" + KEY).status()).isEqualTo(401);
    assertThat(as(null).post(ROUTE, Map.of("processKey", KEY, "fingerprint", "x")).status()).isEqualTo(401);
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    assertThat(definitionOf(instance)).endsWith(definitionOf(instance));
  }

  @Test
  void hostileRequestsAreRefusedInJapaneseAndChangeNothing() {
    deploy(1);
    String instance = started();
    String oldDefinition = definitionOf(instance);
    deploy(2);
    RestClient admin = as("admin");

    assertRefusedPlainly(admin.get(ROUTE + "?processKey=no-such-process"), 404, "「no-such-process」というプロセスはありません");
    assertRefusedPlainly(admin.get(ROUTE + "?processKey=" + "%3Cscript%3E"), 400, "プロセスのキー");
    assertRefusedPlainly(admin.get(ROUTE + "?processKey=" + "a".repeat(300)), 400, "プロセスのキー");
    assertRefusedPlainly(admin.get(ROUTE + "?processKey=" + KEY + "&fromVersion=v1"), 400, "半角数字の整数");
    assertRefusedPlainly(admin.get(ROUTE + "?processKey=" + KEY + "&fromVersion=2"), 400, "移せるのはそれより古い版");
    assertRefusedPlainly(admin.get(ROUTE), 400, "processKey");
    assertThat(admin.get(ROUTE + "/?processKey=" + KEY).status()).as("trailing slash").isEqualTo(404);
    assertThat(admin.get(ROUTE + "/plan/?processKey=" + KEY).status()).isIn(404, 405);
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "fromVersion", "1")), 400,
        "fromVersion は版の番号");
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "fromVersion", 1.5)), 400,
        "fromVersion は版の番号");
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "skipCustomListeners", true)), 400,
        "「skipCustomListeners」という項目は受け付けていません");
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "variables", Map.of("x", Map.of()))),
        400, "整数、true/false");
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "variables", Map.of("1 bad", "x"))),
        400, "変数の名前");
    assertRefusedPlainly(admin.post(ROUTE + "/plan", Map.of("processKey", KEY, "variables",
        Map.of("budgetCode", "あ".repeat(1_000_000)))), 413, "大きすぎます");
    assertRefusedPlainly(admin.send("POST", ROUTE, "application/json", "{\"processKey\": \"" + "x".repeat(1 << 20) + "\"}"),
        413, "大きすぎます");
    assertRefusedPlainly(admin.send("POST", ROUTE, "text/plain", "processKey=" + KEY), 415, "JSON");
    assertRefusedPlainly(admin.send("POST", ROUTE, "application/json", "[1, 2]"), 400, "JSON");
    assertRefusedPlainly(admin.send("POST", ROUTE, "application/json", "{\"processKey\": "), 400, "JSON");
    assertRefusedPlainly(admin.post(ROUTE, Map.of("processKey", KEY)), 400, "fingerprint を指定してください");
    assertRefusedPlainly(admin.post(ROUTE, Map.of("processKey", KEY, "fingerprint", "' OR 1=1 --")), 409,
        "fingerprint が一致しません");
    assertRefusedPlainly(admin.get(ROUTE + "/batches/" + "%E3%81%82%2E%2E"), 404, "バッチはありません");
    assertRefusedPlainly(admin.get(ROUTE + "/batches/" + "b".repeat(5000)), 404, "バッチはありません");

    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    assertThat(definitionOf(instance)).isEqualTo(oldDefinition);
  }

  /**
   * {@code bin/migrate-instances} as an administrator runs it (bash and curl): it shows the plan, migrates with the
   * plan's fingerprint and follows the batch, which the test runs as the nodes' job executors would.
   */
  @Test
  void theShellCommandShowsThePlanMigratesAndFollowsTheBatch() throws Exception {
    if (!new java.io.File("/usr/bin/curl").canExecute() && !new java.io.File("/bin/curl").canExecute()) {
      if (jp.kyodo.support.RequireAll.set()) {
        throw new IllegalStateException("curl がないため bin/migrate-instances を試せません。");
      }
      org.junit.jupiter.api.Assumptions.abort("curl がないため bin/migrate-instances のテストを飛ばしました");
    }
    deploy(1);
    String first = started();
    String second = started();
    String oldDefinition = definitionOf(first);
    deploy(2);

    ProcessBuilder command = new ProcessBuilder("bash", "bin/migrate-instances", "--yes", "--var", "budgetCode=KY-2027-01",
        KEY).redirectErrorStream(true);
    command.environment().put("KYODO_URL", "http://localhost:" + port);
    command.environment().put("KYODO_PASSWORD", "admin");
    Process script = command.start();
    java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(script.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    try {
      long until = System.currentTimeMillis() + 120_000;
      while (engine.getManagementService().createBatchQuery().count() == 0 && System.currentTimeMillis() < until
          && script.isAlive()) {
        Thread.sleep(200);
      }
      engine.getManagementService().createBatchQuery().list().forEach(b -> runBatch(b.getId()));
      assertThat(script.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the command ends").isTrue();
    } finally {
      script.destroyForcibly();
    }
    String shown = output.get(10, java.util.concurrent.TimeUnit.SECONDS);
    System.out.println(shown);

    assertThat(script.exitValue()).as(shown).isZero();
    assertThat(shown).containsPattern("\"targetActivityName\": ?\"内容を確かめる\"")
        .containsPattern("\"activityInstances\": ?2").containsPattern("\"executable\": ?true")
        .contains("2 件のインスタンスの移行を始めました", "移行を終えました");
    for (String instance : List.of(first, second)) {
      assertThat(definitionOf(instance)).isNotEqualTo(oldDefinition);
      assertThat(engine.getRuntimeService().getVariable(instance, "budgetCode")).isEqualTo("KY-2027-01");
    }
  }
}
