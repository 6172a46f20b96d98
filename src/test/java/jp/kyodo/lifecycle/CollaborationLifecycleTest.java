package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;
import static jp.kyodo.support.PhaseTestSupport.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationItem;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.improvement.ImprovementScenario;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import jp.kyodo.registry.Partnership;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.selection.SelectionScenario;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * Whole lifecycles of 協働事業 on a controlled clock, every task done through its form by the role that owns it:
 * two fiscal years with the same partner, a new call forced by partner fixation, revise and restart, the ways a
 * project stops early, overdue phases escalated to the managers, and refused input.
 */
class CollaborationLifecycleTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  LifecycleScenario scenario;
  String deployment;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new LifecycleScenario(engine);
    deployment = scenario.deploy();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  ProjectRecord project(String number) {
    return scenario.projects.find(number).orElseThrow();
  }

  /** phase:round:fiscal year:decision:who, in order. */
  List<String> decisions(String number) {
    return scenario.projects.decisions(number).stream()
        .map(d -> d.phase() + ":" + d.round() + ":" + d.fiscalYear() + ":" + d.decision().outcome() + ":"
            + d.decision().decidedBy()).toList();
  }

  static Date japan(String localDateTime) {
    return Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(CityCalendar.ZONE).toInstant());
  }

  ProcessInstance proposedByHikari() {
    return scenario.propose("hikari", ExaminationScenario.proposal());
  }

  /** The first year's budget granted and its agreement signed on 1 April 2027: ④ runs, next year can be planned. */
  void firstYearUnderWay(String number) {
    scenario.budgetApproved(number);
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
  }

  /** A citizen proposal of hikari, approved for fiscal year 2027 (翌年度実施型), hikari chosen as sole source. */
  String approvedWithHikari(ProcessInstance lifecycle) {
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    scenario.soleSource(number, "org-hikari");
    return number;
  }

  ProcessInstance year(String number, long fiscalYear) {
    return scenario.year(number, fiscalYear);
  }

  /**
   * 旭川 Q52 for a continued project: the budget is requested in November–December, next year's agreement is signed in
   * April while this year's completion, evaluation (⑤) and improvement (⑥) still run, and ⑥ then confirms the
   * continuation that had started. Two fiscal years with the same partner, then the collaboration ends.
   */
  @Test
  void aContinuedProjectSignsNextYearsAgreementInAprilWhileThisYearIsStillEvaluated() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    assertThat(number).as("fiscal year of the proposal and a serial").isEqualTo("2026-001");
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.EXAMINATION).hasPassed(Elements.OPEN_PROJECT,
        Elements.ENTER_EXAMINATION);
    ProcessInstance examination = scenario.phaseInstance(number, ExaminationProcess.KEY);
    assertThat(examination.getBusinessKey()).isEqualTo(number);
    assertThat(scenario.variable(examination, ExaminationProcess.PROPOSAL_TYPE.name())).isEqualTo("CITIZEN");
    // ① before the pattern is chosen: the later window, 当年度実施型 9～10月 of the year before fiscal year 2027.
    Task intake = scenario.task(number, ExaminationProcess.Elements.INTAKE);
    assertThat(intake.getDueDate()).isEqualTo(japan("2026-10-31T23:59"));
    assertThat(scenario.variable(lifecycle, PHASE_LABEL.name())).isEqualTo("① 事業の検討");
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.phase()).isEqualTo(Phase.EXAMINATION);
      assertThat(p.round()).isEqualTo(1);
      assertThat(p.proposerGroup()).isEqualTo("org-hikari");
      assertThat(p.status()).isEqualTo(ProjectRecord.ACTIVE);
      assertThat(p.phaseDueAt()).isEqualTo(intake.getDueDate().toInstant());
    });

    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasPassed(Elements.START_FIRST_YEAR);
    ProcessInstance first = year(number, 2027);
    assertThat(first.getBusinessKey()).isEqualTo(number);
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2027L);
    assertThat(scenario.variable(first, Project.FISCAL_YEAR.name())).isEqualTo(2027L);
    assertThat(scenario.variable(first, FiscalYearProcess.YEAR_MODE.name())).isEqualTo("FIRST");
    assertThat(scenario.variable(first, CALENDAR_PATTERN_LABEL.name())).asString().startsWith("翌年度実施型");
    assertThat(scenario.variable(first, CHOSEN_FORM_LABEL.name())).isEqualTo("共同事業");
    assertThat(scenario.phaseInstance(number, SelectionProcess.KEY).getBusinessKey()).isEqualTo(number);
    // ② 翌年度実施型: 7～9月 of the year before.
    assertThat(scenario.task(number, SelectionProcess.Elements.CHOOSE_METHOD).getDueDate())
        .isEqualTo(japan("2026-09-30T23:59"));
    assertThat(project(number).departmentGroup()).isEqualTo("dept-fukushi");

    LocalDate deadline = LocalDate.of(2026, 7, 31);
    String call = scenario.publishedCall(number, deadline);
    ProcessInstance application = scenario.apply("hikari", call);
    scenario.callDecided(number, deadline, application);

    // 予算要求: 11～12月, from ①'s estimate; the office records what the budget granted.
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.BUDGET);
    assertThat(scenario.variable(first, Project.PARTNER_GROUP.name())).isEqualTo("org-hikari");
    Task request = scenario.task(number, FiscalYearProcess.Elements.REQUEST_BUDGET);
    BpmnAwareTests.assertThat(request).hasCandidateGroup("dept-fukushi");
    assertThat(request.getDueDate()).isEqualTo(japan("2026-12-31T23:59"));
    assertThat((String) engine.getTaskService().getVariable(request.getId(), FiscalYearProcess.BUDGET_CONTEXT.name()))
        .contains("2027年度", "協働パートナー: NPO法人ひかり");
    assertThat(project(number).phase()).isEqualTo(Phase.BUDGET);
    assertRefused(() -> scenario.budgetDecided(number, 1_200_000L, "CUT", 1_300_000L, "査定で減額"))
        .contains("要求額 1,200,000円 より少ない額");
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.BUDGET);
    scenario.complete(number, FiscalYearProcess.Elements.DECIDE_BUDGET, "tanaka", Map.of(
        FiscalYearProcess.BUDGET_DECISION.name(), "CUT", FiscalYearProcess.APPROVED_BUDGET.name(), 1_000_000,
        FiscalYearProcess.BUDGET_COMMENT.name(), "サロンの回数を減らして査定"));
    assertThat(scenario.variable(first, FiscalYearProcess.APPROVED_BUDGET.name())).isEqualTo(1_000_000L);
    assertThat(scenario.yearRecord(number, 2027)).satisfies(y -> {
      assertThat(y.requestedBudget()).isEqualTo(1_200_000L);
      assertThat(y.approvedBudget()).isEqualTo(1_000_000L);
      assertThat(y.budgetDecision()).isEqualTo("CUT");
      assertThat(y.budgetRequestedBy()).isEqualTo("suzuki");
      assertThat(y.budgetDecidedBy()).isEqualTo("tanaka");
    });
    assertThat(scenario.years.budgetRequests(2027)).extracting(ProjectYearRepository.ProjectYear::projectNumber)
        .containsExactly(number);

    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    // ③ 翌年度実施型: signed in April of fiscal year 2027; the staff are ①'s (旭川 Q57), so ③ starts at the draft.
    assertThat(scenario.tasks(number, AgreementProcess.Elements.ASSIGN_PARTIES)).isEmpty();
    assertThat(scenario.task(number, AgreementProcess.Elements.DRAFT).getDueDate()).isEqualTo(japan("2027-04-30T23:59"));
    assertThat(scenario.variable(first, Project.MAIN_STAFF.name())).isEqualTo("suzuki");
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.EXECUTION, FiscalYearProcess.Elements.PLAN_NEXT_YEAR);
    assertThat(scenario.variable(first, Project.AGREEMENT_NUMBER.name())).isEqualTo("2027-fukushi-001");

    // 来年度の進め方, while ④ runs: by 30 June under 翌年度実施型.
    Task plan = scenario.task(number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR);
    BpmnAwareTests.assertThat(plan).hasCandidateGroup("dept-fukushi");
    assertThat(plan.getDueDate()).isEqualTo(japan("2027-06-30T23:59"));
    assertThat((String) engine.getTaskService().getVariable(plan.getId(), FiscalYearProcess.YEAR_PROGRESS.name()))
        .contains("2027年度: 協定番号 2027-fukushi-001", "1 年続けて");
    assertRefused(() -> scenario.nextYearPlanned(number, "CONTINUE", " ")).contains("「理由・引き継ぐこと」を入力してください");
    scenario.nextYearPlanned(number, "CONTINUE", "見守りの登録者が増えており、同じ団体と続ける");

    // Next year started now: its budget request, then its agreement, with the same partner and staff.
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasPassed(Elements.START_REQUESTED_YEAR);
    ProcessInstance second = year(number, 2028);
    assertThat(scenario.variable(second, FiscalYearProcess.YEAR_MODE.name())).isEqualTo("CONTINUE");
    assertThat(scenario.variable(second, Project.PARTNER_GROUP.name())).isEqualTo("org-hikari");
    assertThat(scenario.variable(second, Project.MAIN_STAFF.name())).isEqualTo("suzuki");
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2028L);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.BUDGET);
    assertThat(scenario.task(number, FiscalYearProcess.Elements.REQUEST_BUDGET).getDueDate())
        .isEqualTo(japan("2027-12-31T23:59"));
    LifecycleScenario.moveTo(LocalDate.of(2027, 11, 20));
    scenario.budgetApproved(number);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    assertThat(scenario.tasks(number, AgreementProcess.Elements.ASSIGN_PARTIES)).as("partner and staff known").isEmpty();
    Task draft = scenario.task(number, AgreementProcess.Elements.DRAFT);
    assertThat(draft.getAssignee()).isEqualTo("suzuki");
    assertThat(draft.getDueDate()).isEqualTo(japan("2028-04-30T23:59"));
    scenario.agreementApproved(number, "hikari", LocalDate.of(2028, 4, 1), LocalDate.of(2029, 3, 31));

    // This year's ④ ends after 31 March; ⑤ begins in April — and next year's agreement is signed in April.
    List<String> executed = scenario.executionCompleted(number, "hikari");
    assertThat(executed).contains(ExecutionProcess.Elements.SUBMIT_REPORT, ExecutionProcess.Elements.MIDTERM)
        .containsSubsequence(ExecutionProcess.Elements.PAY_ADVANCE, ExecutionProcess.Elements.SUBMIT_COMPLETION,
            ExecutionProcess.Elements.INSPECT, ExecutionProcess.Elements.PAY_AFTER_COMPLETION);
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.EVALUATION)
        .hasPassed(FiscalYearProcess.Elements.HAND_OVER_GOALS);
    LocalDate signedOn = LifecycleScenario.today();
    assertThat(signedOn).isBetween(LocalDate.of(2028, 4, 1), LocalDate.of(2028, 4, 30));
    scenario.agreementSigned(number, signedOn);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.EXECUTION);
    assertThat(scenario.variable(second, Project.AGREEMENT_NUMBER.name())).isEqualTo("2028-fukushi-001");
    BpmnAwareTests.assertThat(first).as("the first year is still being evaluated").isWaitingAt(FiscalYearProcess.Elements.EVALUATION);

    assertThat(scenario.variable(first, FiscalYearProcess.AGREEMENT_GOALS).toString()).contains("\"id\":\"G1\"", "達成期限 2028-03-31");
    scenario.evaluationRecorded(number, "hikari");
    scenario.complete(number, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    scenario.complete(number, ImprovementProcess.Elements.PARTNER_REVIEW, "hikari",
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("CONTINUE", "見守りが定着しつつあり、同じ団体と続ける"));

    // ⑥ confirms the continuation already under way: no third year, the second one goes on.
    BpmnAwareTests.assertThat(first).isEnded();
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasPassed(Elements.YEAR_OUTCOME_GATEWAY)
        .hasNotPassed(Elements.START_YEAR_AFTER_IMPROVEMENT);
    assertThat(scenario.variable(lifecycle, LATEST_GRADE.name())).isEqualTo("A");
    assertThat(scenario.yearRecord(number, 2027).status()).isEqualTo(ProjectYearRepository.ENDED);
    assertThat(scenario.yearRecord(number, 2027).outcome()).isEqualTo("CONTINUE");
    BpmnAwareTests.assertThat(second).isActive();

    scenario.nextYearPlanned(number, "NONE", null);
    scenario.executionCompleted(number, "hikari");
    scenario.evaluationRecorded(number, "hikari");
    scenario.complete(number, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    scenario.complete(number, ImprovementProcess.Elements.PARTNER_REVIEW, "hikari",
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ExaminationScenario.with(ImprovementScenario.decision("END", "地域の見守りの仕組みができた"),
            ImprovementProcess.END_REASON.name(), "PURPOSE_ACHIEVED"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_ENDED);
    assertThat(decisions(number)).containsExactly(
        "EXAMINATION:1:2027:APPROVED:tanaka", "SELECTION:1:2027:SELECTED:sato", "BUDGET:1:2027:CUT:tanaka",
        "AGREEMENT:1:2027:CONCLUDED:suzuki", "EXECUTION:1:2027:NEXT_YEAR_CONTINUE:suzuki",
        "BUDGET:1:2028:APPROVED:tanaka", "EXECUTION:1:2027:COMPLETED:suzuki", "AGREEMENT:1:2028:CONCLUDED:suzuki",
        "EVALUATION:1:2027:A:suzuki", "IMPROVEMENT:1:2027:CONTINUE:suzuki", "EXECUTION:1:2028:NEXT_YEAR_NONE:suzuki",
        "EXECUTION:1:2028:COMPLETED:suzuki", "EVALUATION:1:2028:A:suzuki", "IMPROVEMENT:1:2028:END:suzuki");
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.status()).isEqualTo(ProjectRecord.CLOSED);
      assertThat(p.outcome()).isEqualTo(ProjectOutcome.ENDED.name());
      assertThat(p.fiscalYear()).isEqualTo(2028);
      assertThat(p.partnerName()).isEqualTo("NPO法人ひかり");
      assertThat(p.chosenForm()).isEqualTo("JOINT_PROJECT");
      assertThat(p.domain()).isEqualTo(3);
      assertThat(p.latestGrade()).isEqualTo("A");
      assertThat(p.lastDecisionReason()).isEqualTo("地域の見守りの仕組みができた");
      assertThat(p.closedAt()).isNotNull();
    });
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME.name())).isEqualTo("ENDED");
    assertThat((String) scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name()))
        .isEqualTo("目的を達成した（関市 ルール5 期限の明確化）／地域の見守りの仕組みができた");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_DECIDED_BY.name())).isEqualTo("suzuki");
    assertThat(scenario.historic(lifecycle, DECISIONS).toString()).contains("\"decision\":\"CONTINUE\"",
        "\"reason\":\"見守りが定着しつつあり、同じ団体と続ける\"", "\"decision\":\"CUT\"");

    // What the phases keep to themselves stays in them; Cockpit reads the rest as plain values or JSON.
    for (ProcessInstance instance : List.of(lifecycle, first, second)) {
      List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).list();
      Set<String> names = new TreeSet<>(variables.stream().map(HistoricVariableInstance::getName).toList());
      // A year takes the project's domain over unchanged: its history is the project's, not repeated in each year.
      if (instance == lifecycle) {
        assertThat(names).contains(Project.DOMAIN.name());
      } else {
        assertThat(names).doesNotContain(Project.DOMAIN.name());
      }
      assertThat(names).contains(Project.PARTNER_NAME.name(), LATEST_GRADE.name(), DECISIONS)
          .doesNotContain(ExaminationProcess.REVIEW_COMMENT.name(), ExaminationProcess.VOLUNTARY_PUBLIC_INTEREST.name(),
              SelectionProcess.METHOD.name(), SelectionProcess.REVIEWERS.name(), SelectionProcess.DEADLINE_AT.name(),
              AgreementProcess.PARTNER_DECISION.name(), AgreementProcess.PURPOSE.name(), ExecutionProcess.REPORT_CYCLE.name(),
              EvaluationItem.values()[0].answer().name(), EvaluationProcess.SHARED_FINDINGS.name(),
              ImprovementProcess.DIALOGUE_PARTICIPANTS.name());
      assertThat(variables).allSatisfy(v -> assertThat(v.getTypeName()).as(v.getName())
          .isIn("string", "long", "integer", "boolean", "date", "json", "null", "double"));
    }
  }

  /**
   * Two proposals of the same title (「同名の事業」 of 福祉課), both sole-sourced to NPO法人ひかり for the same fiscal year:
   * the second approval used to fail (HTTP 500, a unique index on the title) and the project never got its partner.
   */
  @Test
  void twoProjectsOfTheSameTitleBothGetTheSamePartnerForTheSameYear() {
    List<String> numbers = List.of(approvedWithHikari(proposedByHikari()), approvedWithHikari(proposedByHikari()));
    assertThat(numbers).containsExactly("2026-001", "2026-002");
    for (String number : numbers) {
      assertThat(project(number).phase()).as(number).isEqualTo(Phase.BUDGET);
      assertThat(project(number).partnerGroup()).as(number).isEqualTo("org-hikari");
      assertThat(project(number).title()).isEqualTo(project(numbers.get(0)).title());
    }
    assertThat(scenario.selection.registry.partnerships("org-hikari"))
        .extracting(Partnership::projectNumber, Partnership::fiscalYear)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2026-001", 2027), org.assertj.core.groups.Tuple.tuple("2026-002", 2027));
    assertThat(scenario.selection.registry.yearsHeld("org-hikari", "dept-fukushi")).containsExactly(2027);
  }

  /**
   * 小金井 第2章(4): a form of collaboration outside the list is chosen in ① with what it is, and that description
   * travels with the form: Tasklist's column, ② and ③ (the recorded agreement and its 協定書) and the project record
   * the public page reads.
   */
  @Test
  void anOtherFormOfCollaborationTravelsWithItsDescriptionFromTheExaminationToTheAgreement() {
    String description = "団体が空き店舗を借りて運営し、市は広報と相談員の派遣を担う";
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR", Map.of(
        ExaminationProcess.CHOSEN_FORM.name(), "OTHER", ExaminationProcess.FORM_CHANGE_REASON.name(), "従来の形態に当てはまらない",
        ExaminationProcess.OTHER_FORM_DESCRIPTION.name(), description));

    assertThat(scenario.variable(year(number, LifecycleScenario.FIRST_YEAR), CHOSEN_FORM_LABEL.name()))
        .isEqualTo("その他（" + description + "）");
    assertThat(scenario.variable(scenario.phaseInstance(number, SelectionProcess.KEY), Project.OTHER_FORM_DESCRIPTION.name()))
        .isEqualTo(description);
    assertThat(project(number).otherFormDescription()).isEqualTo(description);
    assertThat(new jp.kyodo.publication.PublicResultsApi(scenario.jdbc, new jp.kyodo.publication.PublicationRepository(
        scenario.jdbc)).project(number)).containsEntry("formLabel", "その他（" + description + "）");

    scenario.soleSource(number, "org-hikari");
    scenario.budgetApproved(number);
    assertThat(scenario.variable(scenario.phaseInstance(number, AgreementProcess.KEY), Project.OTHER_FORM_DESCRIPTION.name()))
        .isEqualTo(description);
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    var agreement = scenario.agreement.agreements.find((String) scenario.variable(year(number, LifecycleScenario.FIRST_YEAR),
        Project.AGREEMENT_NUMBER.name())).orElseThrow();
    assertThat(agreement.chosenForm()).isEqualTo("OTHER");
    assertThat(agreement.otherFormDescription()).isEqualTo(description);
    assertThat(scenario.variable(scenario.phaseInstance(number, ExecutionProcess.KEY), Project.OTHER_FORM_DESCRIPTION.name()))
        .isEqualTo(description);
  }

  @Test
  void partnerFixationForcesANewCallAndTheNewPartnerCarriesTheProjectUntilItIsHandedOver() {
    for (int year : new int[] {2025, 2026}) {
      scenario.selection.registry.recordPartnership(
          new Partnership("org-hikari", "dept-fukushi", null, "高齢者の見守りと居場所づくり", year, null));
    }
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    firstYearUnderWay(number);
    // While ④ runs the department cannot plan to continue with a partner that would be fixed (千葉 ②).
    assertThat((String) engine.getTaskService().getVariable(scenario.task(number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR)
        .getId(), FiscalYearProcess.YEAR_PROGRESS.name())).contains("3 年続けて", "公募をやり直してください");
    assertRefused(() -> scenario.nextYearPlanned(number, "CONTINUE", "同じ団体と続けたい")).contains("固定化の防止");
    scenario.nextYearPlanned(number, "NONE", null);
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasNotPassed(Elements.START_REQUESTED_YEAR);

    scenario.executionCompleted(number, "hikari");
    scenario.evaluationRecorded(number, "hikari");
    scenario.complete(number, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    scenario.complete(number, ImprovementProcess.Elements.PARTNER_REVIEW, "hikari",
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    assertThat((String) engine.getTaskService().getVariable(scenario.task(number, ImprovementProcess.Elements.DECIDE).getId(),
        ImprovementProcess.FIXATION_NOTICE.name())).contains("2025〜2027年度の3年度続けて");
    assertRefused(() -> scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("CONTINUE", "同じ団体と続けたい"))).contains("固定化の防止");
    BpmnAwareTests.assertThat(year(number, 2027)).isWaitingAt(FiscalYearProcess.Elements.IMPROVEMENT);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("RECALL", "3年度続けて同じ団体のため、公募で選び直す"));

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasPassed(Elements.START_YEAR_AFTER_IMPROVEMENT);
    ProcessInstance second = year(number, 2028);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.variable(second, FiscalYearProcess.YEAR_MODE.name())).isEqualTo("RECALL");
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2028L);
    assertThat(scenario.variable(second, Project.PARTNER_GROUP.name())).isNull();
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.phase()).isEqualTo(Phase.SELECTION);
      assertThat(p.fiscalYear()).isEqualTo(2028);
      assertThat(p.partnerGroup()).isNull();
    });
    LocalDate deadline = LifecycleScenario.today().plusDays(20);
    String call = scenario.publishedCall(number, deadline);
    scenario.apply("hikari", call);
    ProcessInstance midori = scenario.apply("midori", call);
    scenario.callDecided(number, deadline, midori);

    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.BUDGET);
    assertThat(scenario.variable(second, Project.PARTNER_NAME.name())).isEqualTo("みどり町内会");
    scenario.budgetApproved(number);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    assertThat(scenario.task(number, AgreementProcess.Elements.DRAFT).getAssignee()).as("the staff stay").isEqualTo("suzuki");
    scenario.yearUpToTheDecision(number, "midori", 2028);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki", ExaminationScenario.with(
        ImprovementScenario.decision("HANDOVER", "町内会が自ら運営できるようになった"),
        ImprovementProcess.HANDOVER_SUPPORT.name(), "市の広報紙での案内を続ける"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_HANDED_OVER);
    assertThat(decisions(number)).containsExactly(
        "EXAMINATION:1:2027:APPROVED:tanaka", "SELECTION:1:2027:SELECTED:sato", "BUDGET:1:2027:APPROVED:tanaka",
        "AGREEMENT:1:2027:CONCLUDED:suzuki", "EXECUTION:1:2027:NEXT_YEAR_NONE:suzuki", "EXECUTION:1:2027:COMPLETED:suzuki",
        "EVALUATION:1:2027:A:suzuki", "IMPROVEMENT:1:2027:RECALL:suzuki",
        "SELECTION:1:2028:SELECTED:sato", "BUDGET:1:2028:APPROVED:tanaka", "AGREEMENT:1:2028:CONCLUDED:suzuki",
        "EXECUTION:1:2028:COMPLETED:suzuki", "EVALUATION:1:2028:A:suzuki", "IMPROVEMENT:1:2028:HANDOVER:suzuki");
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(ProjectOutcome.HANDED_OVER.name());
      assertThat(p.partnerGroup()).isEqualTo("org-midori");
    });
    assertThat((String) scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name()))
        .isEqualTo("町内会が自ら運営できるようになった／引き継いだ後も市が続ける関わり: 市の広報紙での案内を続ける");
    assertThat(scenario.selection.registry.partnerships("org-midori")).extracting(Partnership::fiscalYear).contains(2028);
  }

  /** 翌年度実施型: a new call for next year opens in July–September of this year (旭川 Q52), while ④ runs. */
  @Test
  void aNewCallForNextYearOpensInTheSummerWhileThisYearRuns() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    firstYearUnderWay(number);
    LifecycleScenario.moveTo(LocalDate.of(2027, 6, 20));
    scenario.nextYearPlanned(number, "RECALL", "より多くの団体に機会を開くため、公募で選び直す");

    ProcessInstance second = year(number, 2028);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.variable(second, Project.PARTNER_GROUP.name())).isNull();
    assertThat(scenario.task(number, SelectionProcess.Elements.CHOOSE_METHOD).getDueDate())
        .as("② 翌年度実施型: 7～9月 of the year before").isEqualTo(japan("2027-09-30T23:59"));
    BpmnAwareTests.assertThat(year(number, 2027)).isWaitingAt(FiscalYearProcess.Elements.EXECUTION);
    assertThat(scenario.yearRecord(number, 2027).nextYearPlan()).isEqualTo("RECALL");
    assertThat(scenario.years.ofProject(number)).extracting(ProjectYearRepository.ProjectYear::fiscalYear,
        ProjectYearRepository.ProjectYear::mode, ProjectYearRepository.ProjectYear::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(2027, FiscalYearChoices.YearMode.FIRST, ProjectYearRepository.RUNNING),
        org.assertj.core.groups.Tuple.tuple(2028, FiscalYearChoices.YearMode.RECALL, ProjectYearRepository.RUNNING));
  }

  /** ⑥ can still stop next year's work that had started, with its reason (旭川 Q52; 東久留米 時限性). */
  @Test
  void theImprovementStopsNextYearsWorkThatHadStartedAndEndsTheProject() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    firstYearUnderWay(number);
    scenario.nextYearPlanned(number, "CONTINUE", "同じ団体と続ける予定");
    ProcessInstance second = year(number, 2028);
    BpmnAwareTests.assertThat(second).isWaitingAt(FiscalYearProcess.Elements.BUDGET);

    scenario.executionCompleted(number, "hikari");
    scenario.evaluationRecorded(number, "hikari");
    scenario.improvementDecided(number, "hikari", ExaminationScenario.with(
        ImprovementScenario.decision("END", "担い手の事情で続けられなくなった"), ImprovementProcess.END_REASON.name(),
        "NOT_RIGHT_MEANS"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.STOP_RUNNING_YEARS, Elements.END_ENDED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
        .as("nothing of the project runs").isZero();
    assertThat(scenario.yearRecord(number, 2028)).satisfies(y -> {
      assertThat(y.status()).isEqualTo(ProjectYearRepository.STOPPED);
      assertThat(y.outcome()).isEqualTo("END");
    });
    assertThat(scenario.tasks(number, FiscalYearProcess.Elements.REQUEST_BUDGET)).isEmpty();
    assertThat(project(number)).as("the project ended in the year ⑥ ended it").satisfies(p -> {
      assertThat(p.fiscalYear()).isEqualTo(2027);
      assertThat(p.phase()).isEqualTo(Phase.IMPROVEMENT);
    });
    assertThat(decisions(number)).endsWith("IMPROVEMENT:1:2027:END:suzuki", "IMPROVEMENT:1:2028:YEAR_STOPPED:suzuki");
    assertThat(scenario.projects.decisions(number).get(scenario.projects.decisions(number).size() - 1).decision().reason())
        .contains("⑥ 事業の改善（2027年度）", "担い手の事情で続けられなくなった");
  }

  /** ⑥ decides on a new call although next year had started with the same partner: that year gives way to ⑥'s. */
  @Test
  void theImprovementChangesHowNextYearGoesOnAndTheYearStartedTheOtherWayGivesWay() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    firstYearUnderWay(number);
    scenario.nextYearPlanned(number, "CONTINUE", "同じ団体と続ける予定");
    String continued = year(number, 2028).getId();

    scenario.executionCompleted(number, "hikari");
    scenario.evaluationRecorded(number, "hikari");
    scenario.improvementDecided(number, "hikari", ImprovementScenario.decision("RECALL", "評価を受けて公募で選び直す"));

    ProcessInstance recall = year(number, 2028);
    assertThat(recall.getId()).isNotEqualTo(continued);
    BpmnAwareTests.assertThat(recall).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.variable(recall, Project.PARTNER_GROUP.name())).isNull();
    assertThat(scenario.years.find(continued).orElseThrow().status()).isEqualTo(ProjectYearRepository.STOPPED);
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AWAIT_YEARS).hasPassed(Elements.START_YEAR_AFTER_IMPROVEMENT);
    assertThat(decisions(number)).endsWith("IMPROVEMENT:1:2027:RECALL:suzuki", "IMPROVEMENT:1:2028:YEAR_STOPPED:suzuki");
  }

  /**
   * 旭川 Q76: a serious issue in ④ ends, by the manager's decision with the partner heard, in termination with a
   * settlement; ⑤ evaluates the year with that record, and ⑥ decides what follows.
   */
  @Test
  void aTerminationInTheExecutionIsSettledAndTheYearIsStillEvaluated() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    firstYearUnderWay(number);
    scenario.nextYearPlanned(number, "NONE", null);
    scenario.complete(number, ExecutionProcess.Elements.PARTNER_REPORTS_ISSUE, "hikari", Map.of(
        ExecutionProcess.ISSUE_TITLE.name(), "代表者の辞任", ExecutionProcess.ISSUE_DESCRIPTION.name(),
        "代表者が辞任し、訪問員を確保できない", ExecutionProcess.ISSUE_SEVERITY.name(), "SERIOUS"));
    scenario.complete(number, ExecutionProcess.Elements.HANDLE_ISSUE, "suzuki", Map.of(
        ExecutionProcess.ISSUE_RESPONSE.name(), "事実を確認し、団体と対応を協議した", ExecutionProcess.ESCALATE_ISSUE.name(), false));
    scenario.complete(number, ExecutionProcess.Elements.STATE_ISSUE_VIEW, "hikari", Map.of(
        ExecutionProcess.ISSUE_PARTNER_VIEW.name(), "続けることは難しい", ExecutionProcess.ISSUE_PARTNER_WISH.name(), "TERMINATE"));
    scenario.complete(number, ExecutionProcess.Elements.DECIDE_ISSUE, "sato", Map.of(
        ExecutionProcess.ISSUE_DECISION.name(), "TERMINATE", ExecutionProcess.ISSUE_DECISION_COMMENT.name(), "団体の申出により中止する"));
    scenario.complete(number, ExecutionProcess.Elements.DRAFT_SETTLEMENT, "suzuki", Map.of(
        ExecutionProcess.SETTLEMENT_DONE.name(), "4月の見守り訪問（延べ30件）", ExecutionProcess.SETTLEMENT_PAY.name(), 50_000,
        ExecutionProcess.SETTLEMENT_REPAY.name(), 0, ExecutionProcess.SETTLEMENT_NOTE.name(), "訪問記録は市に引き渡す"));
    scenario.complete(number, ExecutionProcess.Elements.CONFIRM_SETTLEMENT, "hikari", Map.of(
        ExecutionProcess.SETTLEMENT_CONFIRMATION.name(), "AGREE"));
    scenario.complete(number, ExecutionProcess.Elements.APPROVE_SETTLEMENT, "sato", Map.of(
        ExecutionProcess.SETTLEMENT_APPROVAL.name(), "APPROVE"));

    ProcessInstance first = year(number, LifecycleScenario.FIRST_YEAR);
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.EVALUATION);
    ProcessInstance evaluation = scenario.phaseInstance(number, EvaluationProcess.KEY);
    assertThat(scenario.variable(evaluation, ExecutionProcess.EXECUTION_OUTCOME.name())).isEqualTo("TERMINATED");
    assertThat((String) scenario.variable(evaluation, ExecutionProcess.SETTLEMENT_SUMMARY.name()))
        .contains("団体の申出により中止する", "精算で支払う額: 50,000円");
    assertThat(decisions(number)).endsWith("EXECUTION:1:2027:TERMINATED:sato");
    assertThat(scenario.projects.decisions(number).get(scenario.projects.decisions(number).size() - 1).decision().reason())
        .contains("4月の見守り訪問（延べ30件）");

    scenario.evaluationRecorded(number, "hikari");
    scenario.improvementDecided(number, "hikari", ExaminationScenario.with(
        ImprovementScenario.decision("END", "担い手がいなくなった"), ImprovementProcess.END_REASON.name(), "NOT_RIGHT_MEANS"));
    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_ENDED);
  }

  /**
   * ③ starts from what ② chose, and the chosen group may still decline (旭川 Q51: the content is settled by
   * consultation): the year goes back to ② with the reason, the group's year is not counted as held (千葉 ②), and
   * another group signs within the budget already granted.
   */
  @Test
  void aPartnerThatDeclinesTheAgreementSendsTheYearBackToTheSelection() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    scenario.budgetApproved(number);
    ProcessInstance first = year(number, LifecycleScenario.FIRST_YEAR);
    scenario.complete(number, AgreementProcess.Elements.DRAFT, "suzuki",
        LifecycleScenario.draft(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31)));
    assertRefused(() -> scenario.complete(number, AgreementProcess.Elements.PARTNER_CONFIRMS, "hikari", Map.of(
        AgreementProcess.PARTNER_DECISION.name(), "DECLINE"))).contains("「辞退する理由」を入力してください");
    scenario.complete(number, AgreementProcess.Elements.PARTNER_CONFIRMS, "hikari", Map.of(
        AgreementProcess.PARTNER_DECISION.name(), "DECLINE", AgreementProcess.PARTNER_DECLINE_REASON.name(),
        "代表者の交代で来年度の体制が組めない"));

    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.SELECTION)
        .hasPassed(FiscalYearProcess.Elements.PARTNER_DECLINED);
    assertThat(scenario.variable(first, Project.PARTNER_GROUP.name())).isNull();
    assertThat(scenario.selection.registry.yearsHeld("org-hikari", "dept-fukushi")).as("the year it declined")
        .doesNotContain(2027);
    assertThat(decisions(number)).endsWith("BUDGET:1:2027:APPROVED:tanaka", "AGREEMENT:1:2027:DECLINED:hikari");
    assertThat(scenario.projects.decisions(number).get(scenario.projects.decisions(number).size() - 1).decision().reason())
        .isEqualTo("代表者の交代で来年度の体制が組めない");

    scenario.soleSource(number, "org-midori");
    BpmnAwareTests.assertThat(first).as("the budget is already granted").isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    scenario.agreementConcluded(number, "midori", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.EXECUTION);
    assertThat(scenario.variable(first, Project.PARTNER_NAME.name())).isEqualTo("みどり町内会");
  }

  /**
   * 旭川 Q71: a project with two partners. ② names みどり町内会 beside NPO法人ひかり with its role; the co-partner's
   * members work the partner tasks of ③ (and of every later phase), its year counts for its own fixation history.
   */
  @Test
  void aProjectWithTwoPartnersHasBothWorkItsPartnerTasks() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    scenario.complete(number, SelectionProcess.Elements.CHOOSE_METHOD, "suzuki", SelectionScenario.withCoPartners(
        SelectionScenario.soleSource("org-hikari", "提案した団体で、地域で同種の活動をしている唯一の団体"),
        "org-midori", "町内の見守り訪問の担い手を出す"));
    scenario.complete(number, SelectionProcess.Elements.APPROVE_SOLE_SOURCE, "sato", SelectionScenario.values(
        SelectionProcess.SOLE_SOURCE_APPROVAL.name(), "APPROVE", SelectionProcess.SOLE_SOURCE_APPROVAL_COMMENT.name(),
        "理由は妥当（旭川 Q45）"));
    scenario.budgetApproved(number);
    ProcessInstance first = year(number, LifecycleScenario.FIRST_YEAR);
    assertThat(scenario.variable(first, Project.CO_PARTNER_GROUPS.name())).isEqualTo("org-midori");
    assertThat(scenario.variable(first, Project.CO_PARTNERS).toString()).contains("みどり町内会", "町内の見守り訪問の担い手を出す");
    assertThat(scenario.selection.registry.yearsHeld("org-midori", "dept-fukushi")).containsExactly(2027);

    scenario.complete(number, AgreementProcess.Elements.DRAFT, "suzuki",
        LifecycleScenario.draft(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31)));
    Task partnerConfirms = scenario.task(number, AgreementProcess.Elements.PARTNER_CONFIRMS);
    assertThat(engine.getTaskService().getIdentityLinksForTask(partnerConfirms.getId()).stream()
        .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).toList()).contains("org-hikari", "org-midori");
    scenario.complete(partnerConfirms, "midori", Map.of(AgreementProcess.PARTNER_DECISION.name(), "AGREE"));
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.AGREEMENT);
    assertThat(scenario.tasks(number, AgreementProcess.Elements.DEPARTMENT_CONFIRMS)).as("the co-partner agreed for both")
        .hasSize(1);
  }

  /** 予算要求 refused (旭川 Q50): the year has no work, and a project with no other year ends, with the office's reason. */
  @Test
  void aBudgetThatIsNotGrantedEndsTheProjectWithTheReason() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    assertRefused(() -> scenario.budgetDecided(number, 800_000L, "REFUSED", null, " ")).contains("「理由・査定の内容」を入力してください");
    scenario.complete(number, FiscalYearProcess.Elements.DECIDE_BUDGET, "tanaka", Map.of(
        FiscalYearProcess.BUDGET_DECISION.name(), "REFUSED", FiscalYearProcess.BUDGET_COMMENT.name(),
        "財政状況により新規事業は見送り"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_WITHOUT_BUDGET);
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME.name())).isEqualTo("NO_BUDGET");
    assertThat((String) scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name()))
        .isEqualTo("要求額 800,000円、認められた額 なし／財政状況により新規事業は見送り");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_DECIDED_BY.name())).isEqualTo("tanaka");
    assertThat(project(number).outcome()).isEqualTo("NO_BUDGET");
    assertThat(scenario.yearRecord(number, 2027).outcome()).isEqualTo("NO_BUDGET");
    assertThat(decisions(number)).endsWith("BUDGET:1:2027:REFUSED:tanaka");
  }

  @Test
  void reviseAndRestartBeginsASecondRoundOfTheExaminationForTheSameProject() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
    scenario.budgetApproved(number);
    scenario.yearUpToTheDecision(number, "hikari", 2027);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("REVISE", "対象を地区全体に広げて事業を組み直す"));

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.REVISE_PROJECT);
    Task revise = scenario.task(number, Elements.REVISE_PROJECT);
    BpmnAwareTests.assertThat(revise).hasCandidateGroup("dept-fukushi");
    assertThat(engine.getTaskService().getVariable(revise.getId(), ImprovementProcess.REASON.name()))
        .isEqualTo("対象を地区全体に広げて事業を組み直す");
    assertThat(engine.getTaskService().getVariable(revise.getId(), Project.TITLE.name())).as("the proposal to rewrite")
        .isEqualTo("高齢者の見守りと居場所づくり");
    scenario.complete(revise, "suzuki", ExaminationScenario.with(ExaminationScenario.proposal(),
        ExaminationProcess.CONTENT.name(), "地区全体での見守り網とサロン"));

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.EXAMINATION);
    assertThat(scenario.variable(lifecycle, ROUND.name())).isEqualTo(2L);
    ProcessInstance examination = scenario.phaseInstance(number, ExaminationProcess.KEY);
    assertThat(examination.getBusinessKey()).isEqualTo(number);
    assertThat(scenario.variable(examination, ExaminationProcess.PROPOSER.name())).isEqualTo("suzuki");
    assertThat(scenario.variable(examination, ExaminationProcess.PROPOSAL_TYPE.name())).as("the department's own issue")
        .isEqualTo("ISSUE");
    assertThat(scenario.variable(examination, ExaminationProcess.CONTENT.name())).isEqualTo("地区全体での見守り網とサロン");
    assertThat(scenario.tasks(number, ExaminationProcess.Elements.INTAKE)).isEmpty();
    // ① again, now the pattern is known: 翌年度実施型 4～6月 before the earliest year it could be carried out.
    assertThat(scenario.task(number, ExaminationProcess.Elements.CHECK_SHEET).getDueDate())
        .isEqualTo(japan("2028-06-30T23:59"));
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.round()).isEqualTo(2);
      assertThat(p.phase()).isEqualTo(Phase.EXAMINATION);
      assertThat(p.partnerGroup()).isNull();
    });

    scenario.examinationApproved(number, false, 2029, "CURRENT_YEAR");
    // 当年度実施型: the budget of the year it is carried out comes first (12月 of the year before), then ② in 4～5月.
    BpmnAwareTests.assertThat(year(number, 2029)).isWaitingAt(FiscalYearProcess.Elements.BUDGET);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2029L);
    assertThat(scenario.task(number, FiscalYearProcess.Elements.REQUEST_BUDGET).getDueDate())
        .isEqualTo(japan("2028-12-31T23:59"));
    scenario.budgetApproved(number);
    BpmnAwareTests.assertThat(year(number, 2029)).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.task(number, SelectionProcess.Elements.CHOOSE_METHOD).getDueDate())
        .isEqualTo(japan("2029-05-31T23:59"));
    assertThat(decisions(number)).endsWith("IMPROVEMENT:1:2027:REVISE:suzuki", "EXAMINATION:2:2029:APPROVED:tanaka",
        "BUDGET:2:2029:APPROVED:tanaka");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(KEY).count()).as("still one project").isEqualTo(1);
  }

  @Test
  void aProjectStopsAtTheExaminationWithTheCoordinatorsReason() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    scenario.complete(number, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake("dept-fukushi"));
    scenario.complete(number, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", ExaminationScenario.checkSheet());
    scenario.complete(number, ExaminationProcess.Elements.ASSESS, "suzuki", ExaminationScenario.assessment());
    scenario.complete(number, ExaminationProcess.Elements.REVIEW, "tanaka",
        ExaminationScenario.review("REJECT", "既存の見守り事業と重なる"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_AT_EXAMINATION)
        .hasNotPassed(Elements.START_FIRST_YEAR);
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME.name())).isEqualTo("NOT_APPROVED");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name())).isEqualTo("不採択: 既存の見守り事業と重なる");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_DECIDED_BY.name())).isEqualTo("tanaka");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_DECIDED_AT.name())).isNotNull();
    assertThat(decisions(number)).containsExactly("EXAMINATION:1:2027:REJECTED:tanaka");
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.status()).isEqualTo(ProjectRecord.CLOSED);
      assertThat(p.outcome()).isEqualTo("NOT_APPROVED");
      assertThat(p.departmentGroup()).as("the department it was given, from the end of ①").isEqualTo("dept-fukushi");
      assertThat(p.lastDecisionLabel()).isEqualTo("不採択");
    });
  }

  /** A call nobody answers: the department decides what to do without a partner (旭川 Q44). */
  ProcessInstance noApplicantsFor(ProcessInstance lifecycle) {
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    LocalDate deadline = LocalDate.of(2026, 7, 31);
    scenario.publishedCall(number, deadline);
    LifecycleScenario.moveTo(deadline.plusDays(1));
    scenario.runDueJobs();
    return lifecycle;
  }

  @Test
  void withoutAPartnerTheCityCarriesItOutAlone() {
    ProcessInstance lifecycle = noApplicantsFor(proposedByHikari());
    String number = lifecycle.getBusinessKey();
    scenario.complete(number, SelectionProcess.Elements.DECIDE_WITHOUT_PARTNER, "suzuki", SelectionScenario.values(
        SelectionProcess.NO_PARTNER_DECISION.name(), "WITHOUT_COLLABORATION", SelectionProcess.NO_PARTNER_REASON.name(),
        "担い手がいないため市が直営で行う"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_WITHOUT_COLLABORATION);
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME.name())).isEqualTo("WITHOUT_COLLABORATION");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name())).isEqualTo("担い手がいないため市が直営で行う");
    assertThat(decisions(number)).endsWith("SELECTION:1:2027:WITHOUT_COLLABORATION:suzuki");
    assertThat(project(number).outcome()).isEqualTo("WITHOUT_COLLABORATION");
  }

  @Test
  void withoutAPartnerTheProjectIsDropped() {
    ProcessInstance lifecycle = noApplicantsFor(proposedByHikari());
    String number = lifecycle.getBusinessKey();
    scenario.complete(number, SelectionProcess.Elements.DECIDE_WITHOUT_PARTNER, "suzuki", SelectionScenario.values(
        SelectionProcess.NO_PARTNER_DECISION.name(), "DROP", SelectionProcess.NO_PARTNER_REASON.name(), "必要性が薄れたため"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_DROPPED);
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME.name())).isEqualTo("DROPPED");
    assertThat(scenario.historic(lifecycle, PROJECT_OUTCOME_DECIDED_BY.name())).isEqualTo("suzuki");
    assertThat(project(number).outcome()).isEqualTo("DROPPED");
  }

  @Test
  void anOverduePhaseEscalatesToTheManagersAndGoesOn() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    scenario.complete(number, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake("dept-fukushi"));
    LifecycleScenario.moveTo(Instant.parse("2026-10-31T14:58:00Z"));
    assertThat(scenario.runDueJobs()).as("not yet").isZero();
    LifecycleScenario.moveTo(Instant.parse("2026-10-31T15:00:00Z"));
    assertThat(scenario.runDueJobs()).isEqualTo(1);

    Task overdue = scenario.task(number, Elements.HANDLE_OVERDUE);
    BpmnAwareTests.assertThat(overdue).hasCandidateGroup("managers");
    assertThat(scenario.task(number, ExaminationProcess.Elements.CHECK_SHEET)).as("the phase goes on").isNotNull();
    Map<String, Object> shown = engine.getTaskService().getVariablesLocal(overdue.getId());
    assertThat(shown).containsEntry(OVERDUE_PHASE_LABEL.name(), "① 事業の検討")
        .containsEntry(OVERDUE_DUE_ON.name(), "2026-10-31 23:59");
    assertThat((String) shown.get(OVERDUE_OPEN_TASKS.name())).isEqualTo("・適格性と協働チェックシートを記入する（未割当、dept-fukushi）");
    assertThat((String) shown.get(OVERDUE_DUE_RULE.name())).contains("当年度実施型");
    assertThat(scenario.variable(lifecycle, PHASE_OVERDUE.name())).isEqualTo(true);
    assertThat(project(number).overdueSince()).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));

    assertRefused(() -> scenario.complete(overdue, "sato", Map.of(OVERDUE_ACTION.name(), " ")))
        .contains("「対応の内容（担当課・団体への指示、見直した日程など）」を入力してください。");
    scenario.complete(overdue, "sato", Map.of(OVERDUE_ACTION.name(), "11月15日までに検討を終えるよう福祉課に指示した"));
    assertThat(decisions(number)).containsExactly("EXAMINATION:1:null:OVERDUE_HANDLED:sato");
    assertThat(scenario.projects.decisions(number).get(0).decision().reason()).isEqualTo("11月15日までに検討を終えるよう福祉課に指示した");
    assertThat(engine.getRuntimeService().getVariable(lifecycle.getId(), OVERDUE_ACTION.name())).as("kept on its task")
        .isNull();

    scenario.complete(number, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", ExaminationScenario.checkSheet());
    scenario.complete(number, ExaminationProcess.Elements.ASSESS, "suzuki", ExaminationScenario.assessment());
    scenario.complete(number, ExaminationProcess.Elements.REVIEW, "tanaka", ExaminationScenario.review("PROCEED", null));
    ProcessInstance first = year(number, 2027);
    BpmnAwareTests.assertThat(first).isWaitingAt(FiscalYearProcess.Elements.SELECTION);
    assertThat(scenario.variable(lifecycle, PHASE_OVERDUE.name())).isEqualTo(false);
    assertThat(project(number).overdueSince()).isNull();
    // ② 翌年度実施型 was due in September: it starts late and gets the minimum lead of 30 days.
    assertThat(scenario.variable(first, PHASE_DUE_DATE.name())).isEqualTo(japan("2026-12-01T23:59"));
  }

  @Test
  void anOpenEscalationIsWithdrawnWhenTheProjectEnds() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = lifecycle.getBusinessKey();
    LifecycleScenario.moveTo(LocalDate.of(2026, 11, 2));
    scenario.runDueJobs();
    assertThat(scenario.tasks(number, Elements.HANDLE_OVERDUE)).hasSize(1);

    scenario.complete(number, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake("dept-fukushi"));
    scenario.complete(number, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", ExaminationScenario.with(
        ExaminationScenario.checkSheet(), ExaminationProcess.NOT_FOR_PROFIT.name(), false));
    // No silent end: the office confirms the finding, the proposer reads why and accepts it.
    scenario.complete(number, ExaminationProcess.Elements.CONFIRM_ENDING, "tanaka", Map.of(
        ExaminationProcess.ENDING_DECISION.name(), "CONFIRM", ExaminationProcess.ENDING_REASON.name(),
        "営利を目的とする活動のため、協働事業の対象になりません"));
    scenario.complete(number, ExaminationProcess.Elements.EXPLAIN_ENDING, "hikari", Map.of(
        ExaminationProcess.ENDING_RESPONSE.name(), "ACCEPT"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_AT_EXAMINATION);
    assertThat(scenario.tasks(number, Elements.HANDLE_OVERDUE)).isEmpty();
    assertThat(project(number).outcome()).isEqualTo("NOT_APPROVED");
    assertThat(project(number).lastDecision()).isEqualTo("INELIGIBLE");
  }

  @Test
  void aDepartmentPosesAnIssueAndProjectsAreNumberedByTheFiscalYearOfTheProposal() {
    ProcessInstance issue = scenario.propose("suzuki", ExaminationScenario.proposal());
    assertThat(issue.getBusinessKey()).isEqualTo("2026-001");
    assertThat(scenario.tasks(issue.getBusinessKey(), ExaminationProcess.Elements.INTAKE)).isEmpty();
    BpmnAwareTests.assertThat(scenario.task(issue.getBusinessKey(), ExaminationProcess.Elements.CHECK_SHEET))
        .hasCandidateGroup("dept-fukushi");
    assertThat(project("2026-001").proposerGroup()).isEqualTo("dept-fukushi");

    assertThat(proposedByHikari().getBusinessKey()).isEqualTo("2026-002");
    LifecycleScenario.moveTo(LocalDate.of(2027, 3, 31));
    assertThat(proposedByHikari().getBusinessKey()).isEqualTo("2026-003");
    LifecycleScenario.moveTo(LocalDate.of(2027, 4, 1));
    assertThat(proposedByHikari().getBusinessKey()).as("a new fiscal year starts a new series").isEqualTo("2027-001");
  }

  @Test
  void badInputIsRefusedWithAClearMessageAndNothingStarts() {
    assertRefused(() -> scenario.propose("hikari", ExaminationScenario.with(ExaminationScenario.proposal(),
        ExaminationProcess.TITLE.name(), " "))).contains("「事業名」を入力してください。");
    assertRefused(() -> scenario.propose("hikari", ExaminationScenario.with(ExaminationScenario.proposal(),
        ExaminationProcess.PROPOSED_BUDGET.name(), -5))).contains("「想定する事業費（円）」は0以上");
    assertRefused(() -> scenario.propose("nobody", ExaminationScenario.proposal()))
        .contains("協働パートナーの団体（事業提案）か担当課の職員（課題提案）");
    assertRefused(() -> scenario.propose("hikari", ExaminationScenario.with(ExaminationScenario.proposal(),
        Project.DEPARTMENT_GROUP.name(), "dept-kankyo"))).contains("「departmentGroup」はこのフォームの項目ではない");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ExaminationProcess.KEY).count())
        .isZero();
  }

  @Test
  void aPhaseStartedOnItsOwnHasNoPhaseDueDateForItsTasks() {
    ProcessInstance examination = scenario.examination.start("hikari", ExaminationScenario.proposal());
    Task intake = engine.getTaskService().createTaskQuery().processInstanceId(examination.getId()).singleResult();
    assertThat(intake.getTaskDefinitionKey()).isEqualTo(ExaminationProcess.Elements.INTAKE);
    assertThat(intake.getDueDate()).isNull();
  }
}
