package jp.kyodo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * History at Kyodo's level: a phase started by a call activity does not record again the values copied into it,
 * and everything it changes, every submission and every value copied back out is recorded.
 */
class HistoryOfCopiesTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("historyOfCopiesTest");
    configuration.setJdbcUrl("jdbc:h2:mem:history-of-copies;DB_CLOSE_DELAY=1000");
    configuration.setHistory("full");
    configuration.setDefaultSerializationFormat("application/json");
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin(), new HistoryOfCopies.Plugin()));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("caller.bpmn", Bpmn.createExecutableProcess("caller").camundaHistoryTimeToLive(1)
            .startEvent().callActivity("CallPhase").calledElement("phase")
            .camundaIn("title", "title").camundaIn("facts", "facts").camundaOut("decision", "decision")
            .userTask("AfterPhase").endEvent().done())
        .addModelInstance("phase.bpmn", Bpmn.createExecutableProcess("phase").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Decide").endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  HistoryService history() {
    return engine.getHistoryService();
  }

  List<String> recordedNames(String processInstanceId) {
    return history().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(HistoricVariableInstance::getName).sorted().toList();
  }

  @Test
  void runsAtLevelFullForTheDatabase() {
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(3);
    assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryLevel()).isInstanceOf(HistoryOfCopies.class);
  }

  @Test
  void aCalledPhaseKeepsTheCopiesButDoesNotRecordThemAgain() {
    ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey("caller", Map.of("title", "見守り",
        "facts", SpinValues.jsonValue("{\"budget\":1200000}").create(), "note", "呼ぶ側だけの値"));
    ProcessInstance phase = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .singleResult();

    assertThat(engine.getRuntimeService().getVariables(phase.getId())).containsOnlyKeys("title", "facts");
    assertThat(recordedNames(phase.getId())).isEmpty();
    assertThat(recordedNames(caller.getId())).containsExactly("facts", "note", "title");

    Task decide = engine.getTaskService().createTaskQuery().processInstanceId(phase.getId()).singleResult();
    engine.getFormService().submitTaskForm(decide.getId(), Map.of("title", "地域の見守り", "decision", "PROCEED"));

    assertThat(recordedNames(phase.getId())).as("what the phase changed and decided").containsExactly("decision", "title");
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(phase.getId()).variableName("title")
        .singleResult().getValue()).isEqualTo("地域の見守り");
    assertThat(history().createHistoricDetailQuery().processInstanceId(phase.getId()).formFields().count())
        .as("the submission").isEqualTo(2);
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(caller.getId()).variableName("decision")
        .singleResult().getValue()).as("copied back out").isEqualTo("PROCEED");
  }

  @Test
  void kyodosOwnCopyingStartLeavesOutOnlyTheNamesItCopies() {
    ProcessInstance started = HistoryOfCopies.copying(Set.of("title"), () -> engine.getRuntimeService()
        .startProcessInstanceByKey("phase", Map.of("title", "引き継いだ題名", "fiscalYear", 2027)));

    assertThat(recordedNames(started.getId())).containsExactly("fiscalYear");
    ProcessInstance plain = engine.getRuntimeService().startProcessInstanceByKey("phase", Map.of("title", "新しい題名"));
    assertThat(recordedNames(plain.getId())).as("outside the copying start").containsExactly("title");
  }

  @Test
  void valuesKyodoCopiesFromItsRecordsAreRecordedOnlyOnceSomeoneChangesThem() {
    ProcessInstance phase = engine.getRuntimeService().startProcessInstanceByKey("phase", Map.of("title", "協定の変更"));
    Task decide = engine.getTaskService().createTaskQuery().processInstanceId(phase.getId()).singleResult();
    // The form's fields are declared on the task (empty) when it is created, then filled in with the copy.
    engine.getTaskService().setVariableLocal(decide.getId(), "budget1", null);
    HistoryOfCopies.copyingValues(Set.of("goal1", "budget1"), () -> engine.getTaskService().setVariablesLocal(
        decide.getId(), Map.of("goal1", "見守り訪問 年100回", "budget1", 300000)));

    assertThat(engine.getTaskService().getVariablesLocal(decide.getId())).containsOnlyKeys("goal1", "budget1");
    assertThat(recordedNames(phase.getId())).containsExactly("budget1", "title");
    assertThat(history().createHistoricDetailQuery().processInstanceId(phase.getId()).variableUpdates().list())
        .as("the declaration, not the copy").extracting(d -> ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
            .getVariableName() + "=" + ((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getValue())
        .containsExactlyInAnyOrder("title=協定の変更", "budget1=null");

    engine.getFormService().submitTaskForm(decide.getId(), Map.of("goal1", "見守り訪問 年120回", "budget1", 300000));
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(phase.getId()).variableName("goal1")
        .singleResult().getValue()).isEqualTo("見守り訪問 年120回");
    assertThat(history().createHistoricDetailQuery().processInstanceId(phase.getId()).formFields().list())
        .as("the submission").extracting(d -> ((org.camunda.bpm.engine.history.HistoricFormField) d).getFieldId())
        .contains("goal1");
  }
}
