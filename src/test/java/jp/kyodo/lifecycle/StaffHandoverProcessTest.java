package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.StaffHandoverProcess.*;
import static jp.kyodo.support.PhaseTestSupport.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.forms.Options;
import jp.kyodo.project.Project;
import jp.kyodo.support.TestDesk;
import jp.kyodo.support.TestIdentity;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * 担当者の交代 on real projects driven through their lifecycle on a controlled clock: in April a continued project
 * signs next year's agreement (③) while this year is evaluated (⑤), and its main person moves away; a deputy changes
 * while ④ runs, reported by the manager and returned once; a handover withdrawn. After a confirmed handover the open
 * tasks and the variables of the lifecycle, its years and their phases name the successors. Then every refusal, one
 * per method, each leaving the project as it was.
 */
class StaffHandoverProcessTest {

  static final String[] RESOURCES = {StaffHandoverProcess.RESOURCE, "forms/staff-handover-start.form",
      "forms/staff-handover.form", "forms/staff-handover-confirmation.form"};

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  LifecycleScenario scenario;
  StaffHandoverRepository handovers;
  TestDesk desk;
  List<String> deployments;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new LifecycleScenario(engine);
    handovers = new StaffHandoverRepository(scenario.jdbc);
    desk = new TestDesk(engine);
    Mocks.register("openStaffHandover", new OpenStaffHandoverDelegate(scenario.projects));
    Mocks.register("completeStaffHandover", new CompleteStaffHandoverDelegate(scenario.projects, handovers,
        scenario.agreement.agreements, scenario.execution.executions));
    deployments = List.of(scenario.deploy(), TestIdentity.deploy(engine, "staff-handover-test", RESOURCES));
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  // --- a project and its handover, as people do it in Tasklist

  /** hikari's proposal, approved for fiscal year 2027, hikari sole-sourced, the budget granted: at ② → ③. */
  String approvedProject() {
    ProcessInstance lifecycle = scenario.propose("hikari", ExaminationScenario.proposal());
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    scenario.soleSource(number, "org-hikari");
    scenario.budgetApproved(number);
    return number;
  }

  /** A first year at ③: hikari the partner, suzuki main and yamamoto deputy (named in ①), the draft (suzuki's) open. */
  String projectAtAgreement() {
    String number = approvedProject();
    assertThat(scenario.task(number, AgreementProcess.Elements.DRAFT).getAssignee()).isEqualTo("suzuki");
    return number;
  }

  ProcessInstance report(String user, String number) {
    return desk.start(KEY, user, TestDesk.values(PROJECT_NUMBER.name(), number));
  }

  Task task(ProcessInstance handover, String key) {
    return desk.task(handover, key);
  }

  /** The record form as the department fills it: the successors, the reason and the meeting held today. */
  static Map<String, Object> record(String main, String deputy) {
    return TestDesk.values(NEW_MAIN_STAFF.name(), main, NEW_DEPUTY_STAFF.name(), deputy, REASON.name(), "4月の人事異動",
        HELD_ON.name(), LifecycleScenario.today().toString(), PARTNER_ATTENDEE.name(), "光 陽子（NPO法人ひかり 代表）",
        NOTES.name(), "事業の目的と役割分担、見守り訪問の進み具合、懸案（訪問先2件の担当替え）を引き継いだ", PURPOSE_SHARED.name(), true);
  }

  void confirm(ProcessInstance handover, String decision, String comment) {
    Map<String, Object> values = TestDesk.values(HANDOVER_DECISION.name(), decision);
    if (comment != null) {
      values.put(HANDOVER_DECISION_COMMENT.name(), comment);
    }
    desk.complete(handover, Elements.CONFIRM, "sato", values);
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  String staffOf(ProcessInstance instance) {
    return variable(instance, Project.MAIN_STAFF.name()) + "/" + variable(instance, Project.DEPUTY_STAFF.name());
  }

  /** phase:round:fiscal year:decision:who, in order. */
  List<String> decisions(String number) {
    return scenario.projects.decisions(number).stream().map(d -> d.phase() + ":" + d.round() + ":" + d.fiscalYear() + ":"
        + d.decision().outcome() + ":" + d.decision().decidedBy()).toList();
  }

  /**
   * Everything a handover changes, to compare before and after a refusal: the staff every running instance of the
   * project holds, who each open task of the project waits for, the project's decisions and its handovers.
   */
  List<String> state(String number) {
    List<String> state = new ArrayList<>();
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(number).processDefinitionKeyNotIn(KEY).orderByProcessInstanceId().asc().list()) {
      state.add(instance.getProcessDefinitionId().replaceAll(":.*", "") + " " + staffOf(instance) + " "
          + variable(instance, AgreementProcess.MAIN_STAFF_NAME.name()));
    }
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).orderByTaskId().asc().list()) {
      if (!List.of(Elements.RECORD, Elements.CONFIRM).contains(task.getTaskDefinitionKey())) {
        state.add(task.getTaskDefinitionKey() + " → " + task.getAssignee());
      }
    }
    state.addAll(decisions(number));
    handovers.ofProject(number).forEach(h -> state.add("handover " + h.id()));
    state.add("agreement staff " + scenario.jdbc.queryForList("SELECT main_staff || '/' || deputy_staff FROM kyodo_agreement"
        + " WHERE project_number = ? ORDER BY agreement_number", String.class, number));
    return state;
  }

  List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
        .filter(java.util.Objects::nonNull).toList();
  }

  long handoversEverStarted() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
  }

  // --- handovers that go through

  /**
   * 旭川 Q52 and Q57 in April: a continued project signs fiscal year 2028's agreement (③, waiting to be exchanged by
   * its main person) while fiscal year 2027 is evaluated (⑤, whose first task suzuki has taken) — and suzuki, the main
   * person, moves to another post. suzuki reports it; the deputy yamamoto becomes main and kobayashi deputy; the
   * handover is held with hikari present (千葉県 ④); sato confirms. Both phases, both years and the lifecycle name
   * the successors, both open tasks follow the role, and the agreement's ④ starts with them.
   */
  @Test
  void inAprilTheMainPersonOfAProjectAtTheAgreementAndAtTheEvaluationHandsOverToTheSuccessors() {
    String number = approvedProject();
    ProcessInstance lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(CollaborationProcess.KEY).singleResult();
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    scenario.nextYearPlanned(number, "CONTINUE", "見守りの登録者が増えており、同じ団体と続ける");
    LifecycleScenario.moveTo(LocalDate.of(2027, 11, 20));
    scenario.budgetApproved(number);
    scenario.agreementApproved(number, "hikari", LocalDate.of(2028, 4, 1), LocalDate.of(2029, 3, 31));
    scenario.executionCompleted(number, "hikari");
    ProcessInstance first = scenario.year(number, 2027);
    ProcessInstance second = scenario.year(number, 2028);
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.EVALUATION);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    LocalDate april = LifecycleScenario.today();
    assertThat(april).isBetween(LocalDate.of(2028, 4, 1), LocalDate.of(2028, 4, 30));
    ProcessInstance agreement = scenario.phaseInstance(number, AgreementProcess.KEY);
    ProcessInstance evaluation = scenario.phaseInstance(number, EvaluationProcess.KEY);
    Task exchange = scenario.task(number, AgreementProcess.Elements.EXCHANGE);
    assertThat(exchange.getAssignee()).isEqualTo("suzuki");
    Task outcomes = scenario.task(number, EvaluationProcess.Elements.RECORD_OUTCOMES);
    engine.getTaskService().claim(outcomes.getId(), "suzuki");
    assertThat(List.of(first, second, agreement, evaluation)).allSatisfy(i -> assertThat(staffOf(i)).isEqualTo("suzuki/yamamoto"));

    ProcessInstance handover = report("suzuki", number);
    assertThat(handover.getBusinessKey()).as("Cockpit finds it with the project").isEqualTo(number);
    Task record = task(handover, Elements.RECORD);
    BpmnAwareTests.assertThat(record).isAssignedTo("suzuki");
    assertThat(candidateGroups(record)).containsExactly("dept-fukushi");
    assertThat(variable(handover, PHASE_LABEL.name())).isEqualTo("⑤ 事業の評価（2027年度）");
    assertThat(variable(handover, CURRENT_MAIN_STAFF.name())).isEqualTo("suzuki");
    assertThat(variable(handover, CURRENT_DEPUTY_STAFF.name())).isEqualTo("yamamoto");
    assertThat(variable(handover, CURRENT_DEPUTY_STAFF_NAME.name())).isEqualTo("山本 さくら (yamamoto)");
    assertThat(Options.read(variable(handover, STAFF_OPTIONS))).containsKeys("suzuki", "yamamoto", "kobayashi")
        .containsEntry("kobayashi", "小林 大輔 (kobayashi)").doesNotContainKey("yamada");
    desk.complete(record, "suzuki", record("yamamoto", "kobayashi"));
    Task confirmation = task(handover, Elements.CONFIRM);
    BpmnAwareTests.assertThat(confirmation).hasCandidateGroup("managers");
    assertThat(state(number)).as("nothing changes before a manager confirms")
        .contains(AgreementProcess.Elements.EXCHANGE + " → suzuki", EvaluationProcess.Elements.RECORD_OUTCOMES + " → suzuki");
    confirm(handover, CONFIRM, null);

    BpmnAwareTests.assertThat(handover).isEnded().hasPassed(Elements.COMPLETE, Elements.END_HANDED_OVER);
    assertThat(List.of(lifecycle, first, second, agreement, evaluation))
        .allSatisfy(i -> assertThat(staffOf(i)).isEqualTo("yamamoto/kobayashi"));
    assertThat(variable(agreement, AgreementProcess.MAIN_STAFF_NAME.name())).isEqualTo("山本 さくら (yamamoto)");
    assertThat(variable(agreement, AgreementProcess.DEPUTY_STAFF_NAME.name())).isEqualTo("小林 大輔 (kobayashi)");
    assertThat(scenario.task(number, AgreementProcess.Elements.EXCHANGE).getAssignee()).isEqualTo("yamamoto");
    assertThat(scenario.task(number, EvaluationProcess.Elements.RECORD_OUTCOMES).getAssignee()).isEqualTo("yamamoto");
    assertThat(scenario.historic(handover, TASKS_REASSIGNED.name())).isEqualTo(2L);
    assertThat(scenario.historic(handover, INSTANCES_UPDATED.name())).isEqualTo(5L);
    String agreementNumber = (String) variable(agreement, Project.AGREEMENT_NUMBER.name());
    assertThat(scenario.agreement.agreements.find(agreementNumber).orElseThrow().mainStaff()).isEqualTo("yamamoto");

    // The handover is one of the project's decisions, under the phase the project is in (⑤ of 2027), and a row.
    assertThat(decisions(number)).last().isEqualTo("EVALUATION:1:2027:STAFF_HANDOVER:sato");
    ProjectDecision decided = scenario.projects.decisions(number).get(scenario.projects.decisions(number).size() - 1);
    assertThat(decided.decision().label()).isEqualTo("担当者を交代した");
    assertThat(decided.decision().reason()).contains("主担当 鈴木 一郎 (suzuki) → 山本 さくら (yamamoto)",
        "副担当 山本 さくら (yamamoto) → 小林 大輔 (kobayashi)", "理由: 4月の人事異動", "引継ぎ " + april,
        "団体から 光 陽子（NPO法人ひかり 代表） が同席");
    assertThat(variable(lifecycle, CollaborationProcess.LAST_DECISION.name())).isEqualTo(ProjectDecision.STAFF_HANDOVER);
    assertThat(variable(lifecycle, CollaborationProcess.DECISIONS).toString())
        .contains("\"decision\":\"STAFF_HANDOVER\"", "\"phase\":\"EVALUATION\"", "\"decidedBy\":\"sato\"");
    assertThat(scenario.projects.find(number).orElseThrow().lastDecision()).isEqualTo(ProjectDecision.STAFF_HANDOVER);
    assertThat(handovers.ofProject(number)).singleElement().satisfies(h -> {
      assertThat(h.id()).isEqualTo(handover.getId());
      assertThat(List.of(h.previousMain(), h.previousDeputy(), h.newMain(), h.newDeputy()))
          .containsExactly("suzuki", "yamamoto", "yamamoto", "kobayashi");
      assertThat(h.phase()).isEqualTo(Phase.EVALUATION);
      assertThat(h.fiscalYear()).isEqualTo(2027);
      assertThat(h.heldOn()).isEqualTo(april);
      assertThat(h.partnerAttendee()).isEqualTo("光 陽子（NPO法人ひかり 代表）");
      assertThat(List.of(h.requestedBy(), h.recordedBy(), h.confirmedBy())).containsExactly("suzuki", "suzuki", "sato");
      assertThat(h.tasksReassigned()).isEqualTo(2);
    });

    // The successor exchanges the agreement, and ④ — which takes its staff from the agreement — starts with them.
    scenario.complete(scenario.task(number, AgreementProcess.Elements.EXCHANGE), "yamamoto",
        Map.of(AgreementProcess.SIGNED_ON.name(), april.toString()));
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.EXECUTION);
    ProcessInstance execution = scenario.phaseInstance(number, ExecutionProcess.KEY);
    assertThat(staffOf(execution)).isEqualTo("yamamoto/kobayashi");
    assertThat(staffOf(second)).isEqualTo("yamamoto/kobayashi");
    assertThat(scenario.task(number, ExecutionProcess.Elements.PAY_ADVANCE).getAssignee()).isEqualTo("yamamoto");
  }

  /**
   * While ④ runs, the deputy moves: the manager reports it, the department records it (yamamoto), the manager asks
   * for it again once, then confirms. The main person keeps her tasks; the task the deputy had taken goes to the new
   * deputy; ④'s record of its staff follows.
   */
  @Test
  void whileTheExecutionRunsTheDeputyChangesReportedByTheManagerAndReturnedOnce() {
    String number = approvedProject();
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    LifecycleScenario.moveTo(LocalDate.of(2027, 4, 12));
    ProcessInstance execution = scenario.phaseInstance(number, ExecutionProcess.KEY);
    assertThat(scenario.task(number, ExecutionProcess.Elements.PAY_ADVANCE).getAssignee()).isEqualTo("suzuki");
    Task plan = scenario.task(number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR);
    engine.getTaskService().claim(plan.getId(), "yamamoto");

    ProcessInstance handover = report("sato", number);
    Task record = task(handover, Elements.RECORD);
    BpmnAwareTests.assertThat(record).isNotAssigned().hasCandidateGroup("dept-fukushi");
    assertThat(variable(handover, PHASE_LABEL.name())).isEqualTo("④ 事業の実施（2027年度）");
    desk.complete(record, "yamamoto", TestDesk.with(record("suzuki", "kobayashi"), REASON.name(), "副担当の異動",
        PARTNER_ATTENDEE.name(), "光 陽子"));
    confirm(handover, RETURN, "同席した団体の方の役職も書いてください");
    Task again = task(handover, Elements.RECORD);
    assertThat(engine.getTaskService().getVariable(again.getId(), HANDOVER_DECISION_COMMENT.name()))
        .isEqualTo("同席した団体の方の役職も書いてください");
    desk.complete(again, "yamamoto", TestDesk.with(record("suzuki", "kobayashi"), REASON.name(), "副担当の異動"));
    confirm(handover, CONFIRM, null);

    BpmnAwareTests.assertThat(handover).isEnded().hasPassed(Elements.END_HANDED_OVER);
    assertThat(staffOf(execution)).isEqualTo("suzuki/kobayashi");
    assertThat(variable(execution, ExecutionProcess.DEPUTY_STAFF_NAME.name())).isEqualTo("小林 大輔 (kobayashi)");
    assertThat(staffOf(scenario.year(number, 2027))).isEqualTo("suzuki/kobayashi");
    assertThat(scenario.task(number, ExecutionProcess.Elements.PAY_ADVANCE).getAssignee()).isEqualTo("suzuki");
    assertThat(scenario.task(number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR).getAssignee()).isEqualTo("kobayashi");
    String agreementNumber = (String) variable(execution, Project.AGREEMENT_NUMBER.name());
    assertThat(scenario.execution.executions.execution(agreementNumber).deputyStaff()).isEqualTo("kobayashi");
    assertThat(decisions(number)).last().isEqualTo("EXECUTION:1:2027:STAFF_HANDOVER:sato");
    assertThat(handovers.ofProject(number)).singleElement().satisfies(h -> {
      assertThat(List.of(h.requestedBy(), h.recordedBy(), h.confirmedBy())).containsExactly("sato", "yamamoto", "sato");
      assertThat(h.reason()).isEqualTo("副担当の異動");
      assertThat(h.tasksReassigned()).isEqualTo(1);
    });
  }

  @Test
  void aWithdrawnHandoverChangesNothing() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    ProcessInstance handover = report("suzuki", number);
    desk.complete(task(handover, Elements.RECORD), "suzuki", record("yamamoto", "kobayashi"));
    assertRefused(() -> confirm(handover, WITHDRAW, " ")).contains("「差し戻し・取りやめの理由」を入力してください（差し戻す・取りやめる場合）");
    confirm(handover, WITHDRAW, "異動が取り消された");

    BpmnAwareTests.assertThat(handover).isEnded().hasPassed(Elements.END_WITHDRAWN).hasNotPassed(Elements.COMPLETE);
    assertThat(state(number)).isEqualTo(before);
  }

  // --- refusals: 4xx with the clerk's message, and nothing changed

  @Test
  void refusesAnUnknownProject() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    assertRefused(() -> report("suzuki", "2026-999")).endsWith("事業番号「2026-999」の事業はありません。");
    assertRefused(() -> report("suzuki", "2026-1")).contains("「事業番号」は 2026-001 の形");
    assertThat(handoversEverStarted()).isZero();
    assertThat(state(number)).isEqualTo(before);
  }

  @Test
  void refusesAClosedProject() {
    ProcessInstance lifecycle = scenario.propose("hikari", ExaminationScenario.proposal());
    String number = lifecycle.getBusinessKey();
    scenario.complete(number, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake("dept-fukushi"));
    scenario.complete(number, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", ExaminationScenario.checkSheet());
    scenario.complete(number, ExaminationProcess.Elements.ASSESS, "suzuki", ExaminationScenario.assessment());
    scenario.complete(number, ExaminationProcess.Elements.REVIEW, "tanaka",
        ExaminationScenario.review("REJECT", "既存の見守り事業と重なる"));
    BpmnAwareTests.assertThat(lifecycle).isEnded();
    List<String> before = state(number);

    assertRefused(() -> report("suzuki", number)).endsWith("事業「" + number + "」は終了しているため、担当者を交代できません。");
    assertThat(handoversEverStarted()).isZero();
    assertThat(state(number)).isEqualTo(before);
  }

  /** A project that ends while its handover waits for the manager (its end closes it in kyodo_project). */
  @Test
  void refusesToConfirmForAProjectThatEndedMeanwhile() {
    String number = projectAtAgreement();
    ProcessInstance handover = report("suzuki", number);
    desk.complete(task(handover, Elements.RECORD), "suzuki", record("yamamoto", "kobayashi"));
    scenario.projects.close(number, ProjectOutcome.ENDED, java.time.Instant.now());
    List<String> before = state(number);

    assertRefused(() -> confirm(handover, CONFIRM, null)).endsWith("事業「" + number + "」は終了しているため、担当者を交代できません。");
    BpmnAwareTests.assertThat(handover).isWaitingAt(Elements.CONFIRM);
    assertThat(state(number)).isEqualTo(before);
    confirm(handover, WITHDRAW, "事業が終わった");
    BpmnAwareTests.assertThat(handover).isEnded().hasPassed(Elements.END_WITHDRAWN);
  }

  /** A project whose lifecycle was removed (Cockpit) while kyodo_project still lists it as running. */
  @Test
  void refusesAProjectWhoseLifecycleNoLongerRuns() {
    String number = projectAtAgreement();
    ProcessInstance reportedBefore = report("suzuki", number);
    desk.complete(task(reportedBefore, Elements.RECORD), "suzuki", record("yamamoto", "kobayashi"));
    String lifecycle = scenario.projects.find(number).orElseThrow().processInstanceId();
    engine.getRuntimeService().deleteProcessInstance(lifecycle, "テスト: 管理者が削除した");
    List<String> before = state(number);

    assertRefused(() -> report("suzuki", number)).contains("の進行（協働事業のプロセス）が見つからない");
    assertThat(handoversEverStarted()).isOne();
    assertRefused(() -> confirm(reportedBefore, CONFIRM, null)).contains("の進行（協働事業のプロセス）が見つからない");
    BpmnAwareTests.assertThat(reportedBefore).isWaitingAt(Elements.CONFIRM);
    assertThat(state(number)).isEqualTo(before);
  }

  /**
   * Before ③ names them there are no staff to hand over (the partner and the staff are chosen together); a citizen's
   * proposal the office has not yet given to a department has no department to hand over in.
   */
  @Test
  void refusesAProjectWhoseDepartmentOrStaffAreNotNamedYet() {
    String proposed = scenario.propose("hikari", ExaminationScenario.proposal()).getBusinessKey();
    // ① names the staff on its check sheet (旭川 Q57); before ① has handed the project on, there is none to hand over.
    String examined = scenario.propose("hikari", ExaminationScenario.proposal()).getBusinessKey();
    scenario.complete(examined, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake("dept-fukushi"));
    List<String> before = state(examined);

    assertRefused(() -> report("suzuki", proposed)).endsWith("事業「" + proposed + "」はまだ担当課が決まっていないため、担当者を交代できません。");
    assertRefused(() -> report("suzuki", examined)).contains("事業「" + examined + "」はまだ");
    assertThat(handoversEverStarted()).isZero();
    assertThat(state(examined)).isEqualTo(before);
  }

  @Test
  void refusesAProjectOfAnotherDepartment() {
    String number = projectAtAgreement();
    List<String> before = state(number);

    assertRefused(() -> report("yamada", number))
        .endsWith("事業「" + number + "」の担当課は福祉課です。担当者の交代を届け出られるのは、その課の職員か課長です。");
    assertThat(handoversEverStarted()).isZero();
    assertThat(state(number)).isEqualTo(before);
  }

  @Test
  void refusesTheSamePersonTwice() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    ProcessInstance handover = report("suzuki", number);
    Task record = task(handover, Elements.RECORD);

    assertRefused(() -> desk.complete(record, "suzuki", record("kobayashi", "kobayashi")))
        .contains("主担当と副担当には別の職員を選んでください");
    BpmnAwareTests.assertThat(handover).isWaitingAt(Elements.RECORD);
    assertThat(state(number)).isEqualTo(before);
  }

  /**
   * Someone of another department is not among the offered successors; someone who has left the department since
   * the handover was reported is refused when recorded, and a successor who left before the manager confirms is
   * refused then.
   */
  @Test
  void refusesPeopleOutsideTheDepartment() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    ProcessInstance handover = report("suzuki", number);
    Task record = task(handover, Elements.RECORD);
    assertRefused(() -> desk.complete(record, "suzuki", record("yamamoto", "yamada")))
        .contains("「新しい副担当」に「yamada」という選択肢はありません");
    try {
      engine.getIdentityService().deleteMembership("kobayashi", "dept-fukushi");
      assertRefused(() -> desk.complete(record, "suzuki", record("yamamoto", "kobayashi")))
          .contains("「新しい副担当」は担当課の職員から選んでください");
      assertRefused(() -> desk.complete(record, "suzuki", record("kobayashi", "yamamoto")))
          .contains("「新しい主担当」は担当課の職員から選んでください");
      BpmnAwareTests.assertThat(handover).isWaitingAt(Elements.RECORD);
      engine.getIdentityService().createMembership("kobayashi", "dept-fukushi");
      desk.complete(record, "suzuki", record("yamamoto", "kobayashi"));
      engine.getIdentityService().deleteMembership("kobayashi", "dept-fukushi");
      assertRefused(() -> confirm(handover, CONFIRM, null)).contains("kobayashi", "は、いまは福祉課の職員ではありません");
      BpmnAwareTests.assertThat(handover).isWaitingAt(Elements.CONFIRM);
    } finally {
      if (engine.getIdentityService().createUserQuery().userId("kobayashi").memberOfGroup("dept-fukushi").count() == 0) {
        engine.getIdentityService().createMembership("kobayashi", "dept-fukushi");
      }
    }
    assertThat(state(number)).isEqualTo(before);
  }

  /**
   * Naming the staff the project has now hands nothing over; and of two handovers reported at once, the second
   * cannot be confirmed once the first made its successors the project's staff.
   */
  @Test
  void refusesASuccessorEqualToTheCurrentStaff() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    ProcessInstance handover = report("suzuki", number);
    assertRefused(() -> desk.complete(task(handover, Elements.RECORD), "suzuki", record("suzuki", "yamamoto")))
        .contains("新しい主担当・副担当が、いまの主担当・副担当と同じです");
    assertThat(state(number)).isEqualTo(before);

    ProcessInstance twice = report("yamamoto", number);
    desk.complete(task(handover, Elements.RECORD), "suzuki", record("yamamoto", "kobayashi"));
    desk.complete(task(twice, Elements.RECORD), "yamamoto", record("yamamoto", "kobayashi"));
    confirm(handover, CONFIRM, null);
    List<String> handedOver = state(number);
    assertThat(handedOver).contains(AgreementProcess.Elements.DRAFT + " → yamamoto");
    assertRefused(() -> confirm(twice, CONFIRM, null)).contains("の主担当・副担当は、既に山本 さくら (yamamoto)と小林 大輔 (kobayashi)です");
    BpmnAwareTests.assertThat(twice).isWaitingAt(Elements.CONFIRM);
    assertThat(state(number)).isEqualTo(handedOver);
  }

  /** The meeting was held (not in the future), and purpose and roles were shared with the successor (千葉県 ④). */
  @Test
  void refusesAMeetingNotYetHeldOrWithoutThePurposeShared() {
    String number = projectAtAgreement();
    List<String> before = state(number);
    ProcessInstance handover = report("suzuki", number);
    Task record = task(handover, Elements.RECORD);

    assertRefused(() -> desk.complete(record, "suzuki", TestDesk.with(record("yamamoto", "kobayashi"), HELD_ON.name(),
        LifecycleScenario.today().plusDays(1).toString()))).contains("「引継ぎを行った日」に未来の日付は入れられません");
    assertRefused(() -> desk.complete(record, "suzuki", TestDesk.with(record("yamamoto", "kobayashi"),
        PURPOSE_SHARED.name(), false))).contains("事業の目的と役割分担を後任と共有します");
    assertRefused(() -> desk.complete(record, "suzuki", TestDesk.with(record("yamamoto", "kobayashi"),
        PARTNER_ATTENDEE.name(), " "))).contains("「同席した協働パートナーの方」を入力してください（協働パートナーが決まっている場合）");
    BpmnAwareTests.assertThat(handover).isWaitingAt(Elements.RECORD);
    assertThat(state(number)).isEqualTo(before);
  }
}
