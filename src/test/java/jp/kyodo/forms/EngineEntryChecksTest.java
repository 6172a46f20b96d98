package jp.kyodo.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's own doors, whichever API knocks (Java here; REST and Tasklist go through the same commands): a
 * completion or a start "with variables" names only its form's inputs, and only the system administrator (or the
 * application itself) starts a process anywhere but at its start event or with Kyodo's listeners skipped.
 */
class EngineEntryChecksTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  String deployment;

  @BeforeEach
  void deployProbe() {
    engine = extension.getProcessEngine();
    deployment = jp.kyodo.support.FormsOnDisk.withForms(engine.getRepositoryService().createDeployment())
        .addModelInstance("probe.bpmn",
        Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1)
            .startEvent("Proposed").camundaFormRef("examination-proposal").camundaFormRefBinding("deployment")
            .userTask("CheckSheet").camundaFormRef("examination-check-sheet").camundaFormRefBinding("deployment")
            .camundaCandidateGroups("dept-fukushi")
            .userTask("Later").camundaCandidateGroups("dept-fukushi")
            .endEvent().done()).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  ProcessInstance started() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("probe", ExaminationScenario.proposal());
    // What ①'s own listener offers on the check sheet, which this probe does not have.
    engine.getRuntimeService().setVariables(instance.getId(), ExaminationScenario.staffOffered(engine.getIdentityService()));
    return instance;
  }

  String openTask(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  void as(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, List.of(groups));
  }

  @Test
  void aCompletionWithVariablesNamesOnlyTheFormsInputs() {
    ProcessInstance instance = started();
    String task = openTask(instance);
    Map<String, Object> smuggled = ExaminationScenario.with(ExaminationScenario.checkSheet(),
        "departmentGroup", "dept-kankyo", "smuggled", "<script>x</script>");

    assertThatThrownBy(() -> engine.getTaskService().complete(task, smuggled)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「departmentGroup」はこのフォームの項目ではない").hasMessageContaining("「smuggled」");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("smuggled", "leadership")
        .containsEntry("departmentGroup", "dept-fukushi");
    assertThat(openTask(instance)).isEqualTo(task);

    engine.getTaskService().complete(task, ExaminationScenario.checkSheet());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Later");
  }

  @Test
  void aCompletionCannotRewriteWhatItsFormOnlyShows() {
    ProcessInstance instance = started();
    String task = openTask(instance);

    assertThatThrownBy(() -> engine.getTaskService().complete(task,
        ExaminationScenario.with(ExaminationScenario.checkSheet(), "title", "書き換えた事業名")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「title」はこのフォームの項目ではない");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "title"))
        .isEqualTo(ExaminationScenario.proposal().get("title"));
  }

  @Test
  void aDelegatedTaskIsResolvedWithTheFormsInputsOnly() {
    ProcessInstance instance = started();
    String task = openTask(instance);
    engine.getTaskService().setOwner(task, "suzuki");
    engine.getTaskService().delegateTask(task, "kobayashi");

    assertThatThrownBy(() -> engine.getTaskService().resolveTask(task, Map.of("departmentGroup", "dept-kankyo")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「departmentGroup」");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsEntry("departmentGroup", "dept-fukushi");
  }

  @Test
  void aStartWithVariablesNamesOnlyTheStartFormsInputsWhoeverStartsIt() {
    Map<String, Object> smuggled = ExaminationScenario.with(ExaminationScenario.proposal(), "partnerGroup", "org-hikari");

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("probe", smuggled))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「partnerGroup」はこのフォームの項目ではない");
    as("admin", KyodoGroups.ADMIN);
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("probe", smuggled))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("「partnerGroup」");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("probe").count()).isZero();
  }

  @Test
  void aClerkOrPartnerCannotStartAtALaterActivity() {
    as("hikari", KyodoGroups.PARTNERS, "org-hikari");

    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("probe").startBeforeActivity("Later")
        .setVariables(ExaminationScenario.proposal()).execute())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("最初の段階");
    assertThatThrownBy(() -> engine.getRuntimeService().createProcessInstanceByKey("probe").startBeforeActivity("Proposed")
        .setVariables(ExaminationScenario.proposal()).execute(true, true))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("最初の段階");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("probe").count()).isZero();
  }

  @Test
  void theAdministratorMayStartAtALaterActivityToRepairAProject() {
    as("admin", KyodoGroups.ADMIN);

    ProcessInstance repaired = engine.getRuntimeService().createProcessInstanceByKey("probe").startBeforeActivity("Later")
        .execute();

    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(repaired.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Later");
  }

  /**
   * A Java object value names a class to build when it is read; a form never sends one, and it is refused before
   * anything reads it (here a class that does not even exist: reading it would fail with the class's name).
   */
  @Test
  void anObjectValueIsRefusedBeforeAnythingReadsIt() {
    ProcessInstance instance = started();
    String task = openTask(instance);
    var object = Variables.serializedObjectValue("{\"x\":1}").serializationDataFormat("application/json")
        .objectTypeName("com.example.Gadget").create();

    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task,
        ExaminationScenario.with(ExaminationScenario.checkSheet(), "leadership", object)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("オブジェクト");
    assertThatThrownBy(() -> engine.getTaskService().complete(task,
        Variables.createVariables().putValueTyped("leadership", object)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("オブジェクト");
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("leadership");
  }
}
