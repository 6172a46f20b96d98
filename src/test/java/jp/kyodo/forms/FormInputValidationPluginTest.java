package jp.kyodo.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Models deployed from Modeler get the same server-side form rules, or are refused. */
class FormInputValidationPluginTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  String deploymentId;

  ProcessEngine engine() {
    return extension.getProcessEngine();
  }

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      engine().getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  String deploy(BpmnModelInstance model) {
    deploymentId = jp.kyodo.support.FormsOnDisk.withForms(engine().getRepositoryService().createDeployment())
        .addModelInstance("probe.bpmn", model).deploy().getId();
    return deploymentId;
  }

  static BpmnModelInstance withTask(java.util.function.UnaryOperator<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder> form) {
    return form.apply(Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Work").camundaCandidateGroups("coordinators")).endEvent().done();
  }

  @Test
  void aFormKeyOrGeneratedFormIsRefusedAtDeployment() {
    assertThatThrownBy(() -> deploy(withTask(t -> t.camundaFormKey("camunda-forms:deployment:x.form"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("camunda:formKey");
    assertThatThrownBy(() -> deploy(withTask(t -> t.camundaFormField().camundaId("amount").camundaType("long")
        .camundaFormFieldDone()))).hasMessageContaining("camunda:formData");
  }

  @Test
  void aModelWhoseFormIsNotDeployedIsRefused() {
    assertThatThrownBy(() -> deploy(withTask(t -> t.camundaFormRef("made-up-form").camundaFormRefBinding("deployment"))))
        .hasMessageContaining("made-up-form").hasMessageContaining("not in this deployment");
  }

  /**
   * A form bound to its latest version (Modeler's default binding, or none) would show a running instance a form made
   * for a later diagram and check it against that: refused, naming the binding to use.
   */
  @Test
  void aFormBoundToItsLatestVersionIsRefusedAtDeployment() {
    assertThatThrownBy(() -> deploy(withTask(t -> t.camundaFormRef("examination-check-sheet").camundaFormRefBinding("latest"))))
        .hasMessageContaining("Work").hasMessageContaining("camunda:formRefBinding=\"deployment\"");
    assertThatThrownBy(() -> deploy(withTask(t -> t.camundaFormRef("examination-check-sheet"))))
        .as("no binding at all").hasMessageContaining("formRefBinding");
    assertThat(engine().getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
  }

  /** A form as a process owner makes it in Modeler: nothing of it is written in Java. */
  static String probeForm(String extraComponent) {
    return """
        {"id": "probe-form", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "venue", "label": "会場", "validate": {"required": true, "maxLength": 10}},
          {"type": "number", "key": "visitors", "label": "来場者数", "decimalDigits": 0,
           "validate": {"min": 1, "max": 500}},
          {"type": "radio", "key": "weather", "label": "天気", "validate": {"required": true},
           "values": [{"label": "晴れ", "value": "SUN"}, {"label": "雨", "value": "RAIN"}]},
          {"type": "textarea", "key": "rainPlan", "label": "雨天時の対応", "validate": {"required": true},
           "conditional": {"hide": "=weather != \\"RAIN\\""}, "properties": {"requiredWhen": "雨の場合"}}%s
        ]}""".formatted(extraComponent);
  }

  String deployWithProbeForm(String form) {
    BpmnModelInstance model = withTask(t -> t.camundaFormRef("probe-form").camundaFormRefBinding("deployment"));
    deploymentId = engine().getRepositoryService().createDeployment().addString("probe.form", form)
        .addModelInstance("probe.bpmn", model).deploy().getId();
    return deploymentId;
  }

  /**
   * A field a process owner adds to a form in Modeler is checked by the server as the form states it — required,
   * length, range, options, and required only while shown — with no Java written for it.
   */
  @Test
  void aFieldAddedInModelerIsCheckedAsItsFormSays() {
    deployWithProbeForm(probeForm(""));
    ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("probe");
    String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("weather", "SUN")))
        .hasMessageContaining("「会場」を入力してください");
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("venue", "市民会館の大ホール（東）",
        "weather", "SUN"))).hasMessageContaining("「会場」は10文字以内");
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "SUN",
        "visitors", 501))).hasMessageContaining("「来場者数」は1以上500以下");
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "SNOW")))
        .hasMessageContaining("「天気」に「SNOW」という選択肢はありません");
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "RAIN")))
        .hasMessageContaining("「雨天時の対応」を入力してください（雨の場合）");
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "SUN",
        "departmentGroup", "dept-x"))).hasMessageContaining("「departmentGroup」はこのフォームの項目ではない");
    assertThat(engine().getRuntimeService().getVariables(instance.getId())).isEmpty();

    engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "SUN", "visitors", 120));
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /**
   * The engine parses a deployed diagram again when its cache lacks it (after a restart, on another node), then with
   * only the diagram's own resource in hand: the deployment's refusals must not stop a deployed diagram from running,
   * and its form's rules still apply.
   */
  @Test
  void aDeployedDiagramReadBackAfterARestartStillRunsWithItsFormsRules() {
    deployWithProbeForm(probeForm(""));
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration())
        .getDeploymentCache().discardProcessDefinitionCache();
    ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("probe");
    String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("weather", "SUN")))
        .hasMessageContaining("「会場」を入力してください");
    engine().getFormService().submitTaskForm(task, Map.of("venue", "公民館", "weather", "SUN", "visitors", 120));
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aFormWithAFieldTheServerCannotCheckIsRefusedAtDeployment() {
    assertThatThrownBy(() -> deployWithProbeForm(probeForm(
        ", {\"type\": \"number\", \"key\": \"share\", \"label\": \"割合\", \"decimalDigits\": 2}")))
        .hasMessageContaining("share").hasMessageContaining("decimal");
    assertThatThrownBy(() -> deployWithProbeForm(probeForm(
        ", {\"type\": \"taglist\", \"key\": \"tags\", \"label\": \"タグ\"}")))
        .hasMessageContaining("tags").hasMessageContaining("cannot check");
    assertThatThrownBy(() -> deployWithProbeForm(probeForm(
        ", {\"type\": \"datetime\", \"key\": \"at\", \"dateLabel\": \"日時\", \"subtype\": \"datetime\"}")))
        .hasMessageContaining("at").hasMessageContaining("date");
  }

  /** What Java adds must name fields the form has: a check of a field the form dropped is refused, not ignored. */
  @Test
  void javaRulesForAFieldTheFormDoesNotHaveAreRefused() {
    FormCatalog catalog = new FormCatalog(java.util.List.of(FormRules.forForm("probe-form")
        .check("capacity", (scope, value) -> true, "x").build()));

    assertThatThrownBy(() -> catalog.read(probeForm(""))).hasMessageContaining("no input 'capacity'");
  }

  @Test
  void aTaskWithoutAFormAcceptsNoValues() {
    deploy(withTask(t -> t));
    ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("probe");
    String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    assertThatThrownBy(() -> engine().getFormService().submitTaskForm(task, Map.of("departmentGroup", "dept-x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「departmentGroup」はこのフォームの項目ではない");
    assertThat(engine().getRuntimeService().getVariables(instance.getId())).isEmpty();

    engine().getFormService().submitTaskForm(task, Map.of());
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /**
   * A form whose values stay on the task declares its fields on the task when it is created. Tasklist submits a
   * checklist with the type of the variable it read, so a list must be declared as JSON: declared as a plain null
   * (type Null), the engine refused Tasklist's {@code []} and a reviewer could not complete 利害関係を申告する.
   */
  @Test
  void aTaskLocalFormDeclaresItsListsAsJsonSoTasklistCanSubmitThem() {
    deploy(withTask(t -> t.camundaFormRef(jp.kyodo.selection.SelectionProcess.FormIds.CONFLICTS)
        .camundaFormRefBinding("deployment")));
    ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("probe");
    String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    var declared = engine().getTaskService().getVariableLocalTyped(task, "conflictedApplications");
    assertThat(declared).isInstanceOf(org.camunda.spin.plugin.variable.value.JsonValue.class);
    assertThat(declared.getValue()).isNull();
    assertThat(engine().getTaskService().getVariableLocalTyped(task, "conflictNote").getType().getName()).isEqualTo("null");

    // As Tasklist sends it: the list as JSON text, typed as what it read.
    engine().getFormService().submitTaskForm(task, Map.of("conflictedApplications",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[]").create(), "declarationConfirmed", true));
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  /** How often each variable was written, from the history (level full keeps every write). */
  Map<String, Long> writes(ProcessInstance instance) {
    return engine().getHistoryService().createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
        .list().stream().collect(java.util.stream.Collectors.groupingBy(
            d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName(),
            java.util.stream.Collectors.counting()));
  }

  /**
   * A value that is already normal is written once, by the submission: neither the check at submission nor the one
   * at completion writes it again (each write is a history row). A value the check changes is written back once.
   */
  @Test
  void onlyValuesTheCheckChangesAreWrittenBack() {
    deploy(withTask(t -> t.camundaFormRef("examination-proposal").camundaFormRefBinding("deployment")));
    ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("probe");
    String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    engine().getFormService().submitTaskForm(task, jp.kyodo.examination.ExaminationScenario.with(
        jp.kyodo.examination.ExaminationScenario.proposal(), "title", "  高齢者の見守り  ", "proposedBudget", 500000));

    assertThat(engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("title").singleResult().getValue()).isEqualTo("高齢者の見守り");
    assertThat(engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("proposedBudget").singleResult().getValue()).isEqualTo(500000L);
    assertThat(writes(instance)).containsEntry("issue", 1L).containsEntry("content", 1L)
        .as("trimmed, and an Integer made a Long").containsEntry("title", 2L).containsEntry("proposedBudget", 2L);
  }

  @Test
  void aListAlreadyStoredAsJsonIsNotWrittenAgainAndARepeatedChoiceIsDroppedOnce() {
    deploy(withTask(t -> t.camundaFormRef("examination-check-sheet").camundaFormRefBinding("deployment")));
    ProcessInstance clean = engine().getRuntimeService().startProcessInstanceByKey("probe");
    ProcessInstance repeated = engine().getRuntimeService().startProcessInstanceByKey("probe");
    for (ProcessInstance instance : java.util.List.of(clean, repeated)) {
      engine().getRuntimeService().setVariables(instance.getId(), jp.kyodo.examination.ExaminationScenario.staffOffered(engine().getIdentityService()));
    }

    for (ProcessInstance instance : java.util.List.of(clean, repeated)) {
      String task = engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      engine().getFormService().submitTaskForm(task, jp.kyodo.examination.ExaminationScenario.with(
          jp.kyodo.examination.ExaminationScenario.checkSheet(), "collaborationMerits",
          org.camunda.spin.plugin.variable.SpinValues.jsonValue(instance == clean ? "[\"LOCAL_NEEDS\",\"FINE_GRAINED\"]"
              : "[\"LOCAL_NEEDS\",\"LOCAL_NEEDS\"]").create()));
    }

    assertThat(writes(clean)).containsEntry("collaborationMerits", 1L).containsEntry("leadership", 1L)
        .containsEntry("notForProfit", 1L);
    assertThat(writes(repeated)).containsEntry("collaborationMerits", 2L);
    assertThat(engine().getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(repeated.getId())
        .variableName("collaborationMerits").singleResult().getValue().toString()).isEqualTo("[\"LOCAL_NEEDS\"]");
  }
}
