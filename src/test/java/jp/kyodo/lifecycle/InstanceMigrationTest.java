package jp.kyodo.lifecycle;

import static jp.kyodo.examination.ExaminationScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.platform.InstanceMigrations;
import jp.kyodo.platform.InstanceMigrations.Move;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real lifecycles waiting in ① 事業の検討 at different tasks are moved to a version of ① a process owner changed
 * (the office's review renamed, its gateway relabelled: {@code versions/examination-review-renamed.bpmn}) with the
 * migration the operations route runs ({@link InstanceMigrations}): the plan shows what moves where, the batch moves
 * them, the tasks, their assignees and the variables stay, the lifecycle above still waits for its ①, and each project
 * then runs on the new version into its first fiscal year. A version that replaced a task with instances in it is
 * refused, and nothing moves.
 */
class InstanceMigrationTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  LifecycleScenario scenario;
  InstanceMigrations migrations;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new LifecycleScenario(engine);
    deployments.add(scenario.deploy());
    migrations = new InstanceMigrations(engine);
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  /** The changed diagram as a process owner deploys it from Modeler: under its repository name, with its forms. */
  String deploy(String changedDiagram) throws Exception {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name("kyodo-modeler");
    byte[] bytes;
    try (InputStream diagram = getClass().getResourceAsStream("/versions/" + changedDiagram)) {
      bytes = diagram.readAllBytes();
    }
    builder.addInputStream(ExaminationProcess.RESOURCE, new java.io.ByteArrayInputStream(bytes));
    for (String resource : ExaminationScenario.RESOURCES) {
      if (!resource.equals(ExaminationProcess.RESOURCE)) {
        builder.addClasspathResource(resource);
      }
    }
    String id = builder.deploy().getId();
    deployments.add(id);
    return id;
  }

  /** Three projects in ①: one to be taken in, one at the check sheet (claimed), one at the office's review (claimed). */
  record Waiting(String intake, String checkSheet, String review) {
    List<String> all() {
      return List.of(intake, checkSheet, review);
    }
  }

  Waiting threeProjectsInExamination() {
    String intake = scenario.propose("hikari", proposal()).getBusinessKey();
    String checkSheet = scenario.propose("midori", proposal()).getBusinessKey();
    scenario.complete(checkSheet, ExaminationProcess.Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    engine.getTaskService().claim(scenario.task(checkSheet, ExaminationProcess.Elements.CHECK_SHEET).getId(), "suzuki");
    String review = scenario.propose("hikari", proposal()).getBusinessKey();
    scenario.complete(review, ExaminationProcess.Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    scenario.complete(review, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(review, ExaminationProcess.Elements.ASSESS, "suzuki", assessed());
    engine.getTaskService().claim(scenario.task(review, ExaminationProcess.Elements.REVIEW).getId(), "tanaka");
    return new Waiting(intake, checkSheet, review);
  }

  static Map<String, Object> assessed() {
    return with(assessment(), ExaminationProcess.PLANNED_FISCAL_YEAR.name(), (int) LifecycleScenario.FIRST_YEAR,
        ExaminationProcess.CALENDAR_PATTERN.name(), "NEXT_YEAR");
  }

  ProcessInstance examination(String number) {
    return scenario.phaseInstance(number, ExaminationProcess.KEY);
  }

  /** What an instance holds that must survive the move: its open task (id, key, assignee) and its variables. */
  record Snapshot(String definitionId, String taskId, String taskKey, String assignee, Map<String, String> variables) {}

  Snapshot snapshot(String number) {
    ProcessInstance instance = examination(number);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    return new Snapshot(instance.getProcessDefinitionId(), task.getId(), task.getTaskDefinitionKey(), task.getAssignee(),
        variables(instance.getId()));
  }

  /** Every variable of the instance with its type and value as text (a JSON value has no equals of its own). */
  Map<String, String> variables(String instanceId) {
    Map<String, String> out = new java.util.TreeMap<>();
    var typed = engine.getRuntimeService().getVariablesTyped(instanceId);
    for (String name : typed.keySet()) {
      var value = typed.getValueTyped(name);
      out.put(name, value.getType().getName() + ":" + value.getValue());
    }
    return out;
  }

  /** Runs the batch's jobs as the job executors of the nodes would: the seed, the migrations, the monitor. */
  void runBatch(String batchId) {
    jp.kyodo.support.Batches.run(engine, batchId);
  }

  @Test
  void runningLifecyclesMoveToTheChangedExaminationAndRunOnItIntoTheirFirstYear() throws Exception {
    Waiting waiting = threeProjectsInExamination();
    Map<String, Snapshot> before = new HashMap<>();
    waiting.all().forEach(number -> before.put(number, snapshot(number)));
    String oldDefinition = before.get(waiting.intake()).definitionId();
    deploy("examination-review-renamed.bpmn");

    InstanceMigrations.Plan plan = migrations.plan(ExaminationProcess.KEY, null, Map.of());

    assertThat(plan.executable()).as(plan.toString()).isTrue();
    assertThat(plan.sources()).singleElement().satisfies(source -> {
      assertThat(source.definitionId()).isEqualTo(oldDefinition);
      assertThat(source.instanceIds()).hasSize(3);
      assertThat(source.moves()).containsExactly(
          new Move("AssignDepartment", "提案を受け付け担当課を決める", "AssignDepartment", "提案を受け付け担当課を決める", 1),
          new Move("CoordinatorReview", "市民協働課が審査する", "CoordinatorReview", "市民協働課が審査し、結果を記録する", 1),
          new Move("FillCheckSheet", "適格性と協働チェックシートを記入する", "FillCheckSheet", "適格性と協働チェックシートを記入する", 1));
      assertThat(source.unmapped()).isEmpty();
      assertThat(source.missingVariables()).isEmpty();
    });
    assertThat(migrations.plan(ExaminationProcess.KEY, null, Map.of()).fingerprint())
        .as("the same situation, the same fingerprint").isEqualTo(plan.fingerprint());

    List<InstanceMigrations.Started> started = migrations.execute(plan);
    assertThat(started).singleElement().satisfies(s -> assertThat(s.instances()).isEqualTo(3));
    assertThat(examination(waiting.review()).getProcessDefinitionId()).as("nothing moves before the batch runs")
        .isEqualTo(oldDefinition);
    runBatch(started.get(0).batchId());
    assertThat(migrations.progress(started.get(0).batchId()).finished()).isTrue();

    String newDefinition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ExaminationProcess.KEY).latestVersion().singleResult().getId();
    for (String number : waiting.all()) {
      Snapshot after = snapshot(number);
      Snapshot was = before.get(number);
      assertThat(after.definitionId()).as(number + " on the new version").isEqualTo(newDefinition);
      assertThat(after).as(number + ": the same task, assignee and variables")
          .isEqualTo(new Snapshot(newDefinition, was.taskId(), was.taskKey(), was.assignee(), was.variables()));
      ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey(number).singleResult();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(lifecycle.getId())
          .singleResult().getId()).as(number + ": still the phase its lifecycle waits for")
          .isEqualTo(examination(number).getId());
    }
    assertThat(migrations.plan(ExaminationProcess.KEY, null, Map.of()).sources()).as("nothing left behind").isEmpty();

    scenario.complete(waiting.intake(), ExaminationProcess.Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    scenario.complete(waiting.intake(), ExaminationProcess.Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(waiting.checkSheet(), ExaminationProcess.Elements.CHECK_SHEET, "suzuki", checkSheet());
    for (String number : List.of(waiting.intake(), waiting.checkSheet())) {
      scenario.complete(number, ExaminationProcess.Elements.ASSESS, "suzuki", assessed());
      assertThat(scenario.task(number, ExaminationProcess.Elements.REVIEW).getName())
          .as("a task the new version creates has its new name").isEqualTo("市民協働課が審査し、結果を記録する");
    }
    for (String number : waiting.all()) {
      scenario.complete(number, ExaminationProcess.Elements.REVIEW, "tanaka", review("PROCEED", "地域の課題に合っている"));
      ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(CollaborationProcess.KEY).processInstanceBusinessKey(number).singleResult();
      BpmnAwareTests.assertThat(lifecycle).as(number).isWaitingAt(CollaborationProcess.Elements.AWAIT_YEARS);
      BpmnAwareTests.assertThat(scenario.year(number, LifecycleScenario.FIRST_YEAR))
          .isWaitingAt(FiscalYearProcess.Elements.SELECTION);
      assertThat(scenario.phaseInstance(number, SelectionProcess.KEY)).as(number + ": ② has started").isNotNull();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(number).processDefinitionKey(ExaminationProcess.KEY).singleResult()
          .getProcessDefinitionId()).as(number + ": ① ended on the new version").isEqualTo(newDefinition);
    }
  }

  @Test
  void aVersionThatReplacedATaskWithInstancesInItIsRefusedAndNothingMoves() throws Exception {
    Waiting waiting = threeProjectsInExamination();
    Map<String, Snapshot> before = new HashMap<>();
    waiting.all().forEach(number -> before.put(number, snapshot(number)));
    deploy("examination-intake-replaced.bpmn");

    InstanceMigrations.Plan plan = migrations.plan(ExaminationProcess.KEY, null, Map.of());

    assertThat(plan.executable()).isFalse();
    assertThat(plan.sources()).singleElement().satisfies(source -> {
      assertThat(source.unmapped()).containsExactly(
          new InstanceMigrations.Unmapped("AssignDepartment", "提案を受け付け担当課を決める", 1));
      assertThat(source.moves()).extracting(Move::sourceActivityId).containsExactly("CoordinatorReview", "FillCheckSheet");
    });
    assertThat((List<?>) ((Map<?, ?>) ((List<?>) InstanceMigrations.view(plan).get("sources")).get(0)).get("problems"))
        .singleElement().asString().contains("「提案を受け付け担当課を決める」（AssignDepartment）に 1 件ありますが",
            "Activity 'AssignDepartment' has instances but no counterpart");
    assertThatThrownBy(() -> migrations.execute(plan)).isInstanceOf(IllegalStateException.class);

    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    for (String number : waiting.all()) {
      assertThat(snapshot(number)).as(number + " unchanged").isEqualTo(before.get(number));
    }
  }
}
