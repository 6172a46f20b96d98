package jp.kyodo.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form belongs to the version of the diagram deployed with it: after a process owner tightens a form's rule and
 * deploys the diagram again, an instance started before is still shown, and checked against, the form of its own
 * version (Tasklist's {@code deployed-form}, the server's check), and a new instance the new one.
 */
@RunningApplication
class FormVersionsTest {

  static final String KEY = "form-version-probe";
  static final String REST = "/engine-rest";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  static String form(int maxLength) {
    return """
        {"id": "form-version-probe", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "note", "label": "メモ", "validate": {"required": true, "maxLength": %d}}
        ]}""".formatted(maxLength);
  }

  /** The diagram and its form in one deployment, as Modeler deploys them with the form attached. */
  void deploy(int maxLength) {
    deployments.add(engine.getRepositoryService().createDeployment().name("modeler")
        .addString("form-version-probe.form", form(maxLength))
        .addModelInstance("form-version-probe.bpmn", Bpmn.createExecutableProcess(KEY).name("版の確認")
            .camundaHistoryTimeToLive(1).startEvent()
            .userTask("WriteNote").name("メモを書く").camundaCandidateGroups("coordinators")
            .camundaFormRef("form-version-probe").camundaFormRefBinding("deployment")
            .endEvent().done())
        .deploy().getId());
  }

  String startedTask() {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  Response submit(String task, String note) {
    return RestClient.basic(port, "admin").post(REST + "/task/" + task + "/submit-form",
        RestClient.variables(Map.of("note", note)));
  }

  int shownMaxLength(String task) {
    Response shown = RestClient.basic(port, "admin").get(REST + "/task/" + task + "/deployed-form");
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    return shown.json().path("components").get(0).path("validate").path("maxLength").asInt();
  }

  @Test
  void aRunningInstanceKeepsTheFormOfItsVersionAndANewOneGetsTheNewForm() {
    deploy(100);
    String before = startedTask();
    deploy(50);
    String after = startedTask();
    String seventyChars = "あ".repeat(70);

    assertThat(shownMaxLength(before)).as("Tasklist shows the old instance its version's form").isEqualTo(100);
    assertThat(shownMaxLength(after)).isEqualTo(50);

    Response refused = submit(after, seventyChars);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("「メモ」は50文字以内");
    assertThat(engine.getTaskService().createTaskQuery().taskId(after).count()).isOne();

    Response accepted = submit(before, seventyChars);
    assertThat(accepted.status()).as("checked against version 1's form: " + accepted.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(before).count()).isZero();
  }
}
