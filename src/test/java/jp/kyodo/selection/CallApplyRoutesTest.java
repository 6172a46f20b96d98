package jp.kyodo.selection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 「この公募に応募する」 over HTTP, with the webapps' login as a browser has it: a visitor is led to the login and to
 * 団体登録, a partner lands in Tasklist at the draft (a second time at the same draft), staff are refused, a request
 * from another site or without a JSON body starts nothing, and no API of the engine starts an application.
 */
@RunningApplication
class CallApplyRoutesTest {

  static final String REST = "/engine-rest";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AgreementRepository agreements;

  AppFixtures fixtures() {
    return new AppFixtures(port, engine, agreements);
  }

  /** A call of its own for each test: what one test opens never changes what another sees. */
  String freshCall(String title) {
    String selection = fixtures().publishedCall(title);
    return (String) engine.getRuntimeService().getVariable(selection, "callNumber");
  }

  long applications(String call) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallApplicationProcess.KEY)
        .variableValueEquals("callNumber", call).count();
  }

  @Test
  void aVisitorIsLedToTheLoginAndToRegistration() {
    String call = freshCall("ログイン前の応募");
    RestClient visitor = RestClient.basic(port, null);
    JsonNode status = visitor.get("/apply/api/calls/" + call).json();
    assertThat(status.path("loggedIn").asBoolean()).isFalse();
    assertThat(status.path("loginUrl").asText()).isEqualTo("/camunda/app/tasklist/");
    assertThat(status.path("registerUrl").asText()).isEqualTo("/public/register.html");
    assertThat(status.path("message").asText()).contains("ログイン", "団体登録");

    RestClient.Download page = visitor.download("/public/calls/" + call + "/apply");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.headers().get("location")).containsExactly("/public/apply.html?n=" + call);
    assertThat(visitor.download("/public/apply.html").status()).isEqualTo(200);

    Response anonymous = visitor.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), visitor.origin());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("message").asText()).contains("ログイン");
    assertThat(visitor.get("/apply/api/calls/2099-S999-K9").status()).isEqualTo(404);
    assertThat(applications(call)).isZero();
  }

  @Test
  void aPartnerLandsInTasklistAtTheDraftAndAgainAtTheSameDraft() {
    String call = freshCall("ページからの応募");
    RestClient hikari = RestClient.tasklistSession(port, "default", "hikari");
    JsonNode status = hikari.get("/apply/api/calls/" + call).json();
    assertThat(status.path("partner").asBoolean()).isTrue();
    assertThat(status.path("open").asBoolean()).isTrue();
    assertThat(status.path("organisations").findValuesAsText("id")).containsExactly("org-hikari");
    assertThat(applications(call)).as("reading the page starts nothing").isZero();

    Response draft = hikari.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), hikari.origin());
    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    String taskId = draft.json().path("taskId").asText();
    assertThat(draft.json().path("url").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(CallApplicationProcess.Elements.DRAFT);
    assertThat(task.getAssignee()).isEqualTo("hikari");
    assertThat(engine.getTaskService().getVariable(taskId, "callNumber")).isEqualTo(call);
    assertThat(RestClient.basic(port, "hikari").get(REST + "/task/" + taskId).status()).as("hikari sees the draft").isEqualTo(200);

    Response again = hikari.postFrom("/apply/api/calls/" + call + "/draft", Map.of("organisationId", "org-hikari"),
        hikari.origin());
    assertThat(again.json().path("taskId").asText()).isEqualTo(taskId);
    assertThat(again.json().path("reopened").asBoolean()).isTrue();
    assertThat(applications(call)).isEqualTo(1);
    assertThat(hikari.get("/apply/api/calls/" + call).json().path("organisations").findValuesAsText("draftTaskId"))
        .containsExactly(taskId);

    Response submitted = RestClient.basic(port, "hikari").post(REST + "/task/" + taskId + "/submit-form",
        RestClient.variables(AppFixtures.application("ページからの提案")));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    Response afterwards = hikari.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), hikari.origin());
    assertThat(afterwards.status()).isEqualTo(409);
    assertThat(afterwards.json().path("message").asText()).contains("既に応募しています");
  }

  @Test
  void aRequestFromAnotherSiteOrWithoutJsonStartsNothing() {
    String call = freshCall("よそのサイトからの応募");
    RestClient hikari = RestClient.tasklistSession(port, "default", "hikari");
    Response foreign = hikari.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), "http://evil.example");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.json().path("message").asText()).contains("公開ページの「この公募に応募する」から");
    assertThat(hikari.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), null).status()).isEqualTo(403);
    Response form = hikari.send("POST", "/apply/api/calls/" + call + "/draft", "application/x-www-form-urlencoded",
        "organisationId=org-hikari");
    assertThat(form.status()).isIn(403, 415);
    assertThat(hikari.get("/apply/api/calls/" + call + "/draft").status()).as("a GET never starts").isIn(404, 405);
    assertThat(applications(call)).isZero();
  }

  @Test
  void staffAreRefusedInJapanese() {
    String call = freshCall("職員の応募");
    RestClient suzuki = RestClient.tasklistSession(port, "default", "suzuki");
    JsonNode status = suzuki.get("/apply/api/calls/" + call).json();
    assertThat(status.path("partner").asBoolean()).isFalse();
    assertThat(status.path("message").asText()).contains("市の職員・審査委員のアカウントでは公募に応募できません");
    Response refused = suzuki.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), suzuki.origin());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).contains("市の職員");
    assertThat(applications(call)).isZero();
  }

  @Test
  void noApiOfTheEngineStartsAnApplication() {
    String call = freshCall("APIからの応募");
    RestClient hikari = RestClient.basic(port, "hikari");
    for (Response refused : List.of(
        hikari.post(REST + "/process-definition/key/call-application/start", Map.of()),
        hikari.post(REST + "/process-definition/key/call-application/submit-form",
            RestClient.variables(AppFixtures.application("APIからの提案"))),
        RestClient.tasklistSession(port, "default", "hikari").post(
            "/camunda/api/engine/engine/default/process-definition/key/call-application/start", Map.of()))) {
      assertThat(refused.status()).as(refused.body()).isIn(400, 403);
      assertThat(refused.body()).doesNotContain("Exception:", "at jp.kyodo");
    }
    Response plain = hikari.post(REST + "/process-definition/key/call-application/start", Map.of());
    assertThat(plain.json().path("message").asText()).contains("「この公募に応募する」から");
    assertThat(applications(call)).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallApplicationProcess.KEY)
        .variableValueEquals("applicant", "hikari").list().stream()
        .noneMatch(p -> engine.getRuntimeService().getVariable(p.getId(), "callNumber") == null)).isTrue();
  }
}
