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

  /** A citizen proposal of hikari, approved for fiscal year 2027 (翌年度実施型), hikari chosen as sole source. */
  String approvedWithHikari(ProcessInstance lifecycle) {
    String number = lifecycle.getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    scenario.soleSource(number, "org-hikari");
    return number;
  }

  @Test
  void twoFiscalYearsWithTheSamePartnerThenTheCollaborationEnds() {
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
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.SELECTION);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2027L);
    assertThat(scenario.variable(lifecycle, CALENDAR_PATTERN_LABEL.name())).asString().startsWith("翌年度実施型");
    assertThat(scenario.variable(lifecycle, CHOSEN_FORM_LABEL.name())).isEqualTo("共同事業");
    assertThat(scenario.phaseInstance(number, SelectionProcess.KEY).getBusinessKey()).isEqualTo(number);
    // ② 翌年度実施型: 7～9月 of the year before.
    assertThat(scenario.task(number, SelectionProcess.Elements.CHOOSE_METHOD).getDueDate())
        .isEqualTo(japan("2026-09-30T23:59"));
    assertThat(project(number).departmentGroup()).isEqualTo("dept-fukushi");

    LocalDate deadline = LocalDate.of(2026, 7, 31);
    String call = scenario.publishedCall(number, deadline);
    ProcessInstance application = scenario.apply("hikari", call);
    scenario.callDecided(number, deadline, application);
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AGREEMENT);
    assertThat(scenario.variable(lifecycle, Project.PARTNER_GROUP.name())).isEqualTo("org-hikari");
    // ③ 翌年度実施型: signed in April of fiscal year 2027.
    assertThat(scenario.task(number, AgreementProcess.Elements.ASSIGN_PARTIES).getDueDate())
        .isEqualTo(japan("2027-04-30T23:59"));

    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.EXECUTION);
    assertThat(scenario.variable(lifecycle, Project.AGREEMENT_NUMBER.name())).isEqualTo("2027-fukushi-001");
    assertThat(scenario.task(number, ExecutionProcess.Elements.PARTNER_REPORTS_ISSUE).getDueDate())
        .isEqualTo(japan("2028-04-15T23:59"));
    List<String> executed = scenario.executionCompleted(number, "hikari");
    assertThat(executed).containsSubsequence(ExecutionProcess.Elements.PAY_ADVANCE, ExecutionProcess.Elements.SUBMIT_REPORT,
        ExecutionProcess.Elements.MIDTERM, ExecutionProcess.Elements.SUBMIT_COMPLETION, ExecutionProcess.Elements.INSPECT,
        ExecutionProcess.Elements.PAY_AFTER_COMPLETION);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(ExecutionProcess.Elements.SUBMIT_REPORT).list())
        .as("a progress report keeps its own due date").hasSize(3)
        .allSatisfy(t -> assertThat(t.getDueDate()).isNotEqualTo(japan("2028-04-15T23:59")));

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.EVALUATION).hasPassed(Elements.HAND_OVER_GOALS);
    assertThat(scenario.variable(lifecycle, AGREEMENT_GOALS).toString()).contains("\"id\":\"G1\"", "達成期限 2028-03-31");
    ProcessInstance evaluation = scenario.phaseInstance(number, EvaluationProcess.KEY);
    assertThat(scenario.variable(evaluation, EvaluationProcess.GOALS.get(0).description().name()))
        .isEqualTo("独居高齢者の見守り訪問");
    scenario.evaluationRecorded(number, "hikari");
    assertThat(scenario.variable(lifecycle, LATEST_GRADE.name())).isEqualTo("A");
    scenario.complete(number, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    scenario.complete(number, ImprovementProcess.Elements.PARTNER_REVIEW, "hikari",
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("CONTINUE", "見守りが定着しつつあり、同じ団体と続ける"));

    // The second fiscal year: straight to the draft with the same partner and staff; the April date has passed.
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AGREEMENT).hasPassed(Elements.CONTINUE_NEXT_YEAR);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2028L);
    assertThat(scenario.variable(lifecycle, Project.AGREEMENT_NUMBER.name())).isNull();
    assertThat(scenario.tasks(number, AgreementProcess.Elements.ASSIGN_PARTIES)).as("partner and staff known").isEmpty();
    Task draft = scenario.task(number, AgreementProcess.Elements.DRAFT);
    assertThat(draft.getAssignee()).isEqualTo("suzuki");
    LocalDate enteredOn = LifecycleScenario.today();
    assertThat(draft.getDueDate()).isEqualTo(Date.from(enteredOn.plusDays(30).atTime(23, 59)
        .atZone(CityCalendar.ZONE).toInstant()));
    assertThat((String) scenario.variable(lifecycle, PHASE_DUE_RULE.name())).contains("暦の期限（2028-04-30）を過ぎてから始まった");

    scenario.yearUpToTheDecision(number, "hikari", 2028);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ExaminationScenario.with(ImprovementScenario.decision("END", "地域の見守りの仕組みができた"),
            ImprovementProcess.END_REASON.name(), "PURPOSE_ACHIEVED"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_ENDED);
    assertThat(decisions(number)).containsExactly(
        "EXAMINATION:1:2027:APPROVED:tanaka", "SELECTION:1:2027:SELECTED:sato", "AGREEMENT:1:2027:CONCLUDED:suzuki",
        "EXECUTION:1:2027:COMPLETED:suzuki", "EVALUATION:1:2027:A:suzuki", "IMPROVEMENT:1:2027:CONTINUE:suzuki",
        "AGREEMENT:1:2028:CONCLUDED:suzuki", "EXECUTION:1:2028:COMPLETED:suzuki", "EVALUATION:1:2028:A:suzuki",
        "IMPROVEMENT:1:2028:END:suzuki");
    assertThat(scenario.projects.decisions(number).get(4).decision().reason()).contains("協働パートナーの確認: hikari");
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
        "\"reason\":\"見守りが定着しつつあり、同じ団体と続ける\"");

    // What the phases keep to themselves stays in them; Cockpit reads the rest as plain values or JSON.
    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(lifecycle.getId()).list();
    Set<String> names = new TreeSet<>(variables.stream().map(HistoricVariableInstance::getName).toList());
    assertThat(names).contains(PHASE.name(), PHASE_DUE_DATE.name(), Project.PARTNER_NAME.name(), Project.DOMAIN.name(),
        LATEST_GRADE.name(), DECISIONS, ImprovementProcess.REASON.name())
        .doesNotContain(ExaminationProcess.REVIEW_COMMENT.name(), ExaminationProcess.VOLUNTARY_PUBLIC_INTEREST.name(),
            SelectionProcess.METHOD.name(), SelectionProcess.REVIEWERS.name(), SelectionProcess.DEADLINE_AT.name(),
            AgreementProcess.PARTNER_DECISION.name(), AgreementProcess.PURPOSE.name(), ExecutionProcess.REPORT_CYCLE.name(),
            EvaluationItem.values()[0].answer().name(), EvaluationProcess.SHARED_FINDINGS.name(),
            ImprovementProcess.DIALOGUE_PARTICIPANTS.name());
    assertThat(variables).allSatisfy(v -> assertThat(v.getTypeName()).as(v.getName())
        .isIn("string", "long", "integer", "boolean", "date", "json", "null", "double"));
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
      assertThat(project(number).phase()).as(number).isEqualTo(Phase.AGREEMENT);
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

    assertThat(scenario.variable(lifecycle, CHOSEN_FORM_LABEL.name())).isEqualTo("その他（" + description + "）");
    assertThat(scenario.variable(scenario.phaseInstance(number, SelectionProcess.KEY), Project.OTHER_FORM_DESCRIPTION.name()))
        .isEqualTo(description);
    assertThat(project(number).otherFormDescription()).isEqualTo(description);
    assertThat(new jp.kyodo.publication.PublicResultsApi(scenario.jdbc, new jp.kyodo.publication.PublicationRepository(
        scenario.jdbc)).project(number)).containsEntry("formLabel", "その他（" + description + "）");

    scenario.soleSource(number, "org-hikari");
    assertThat(scenario.variable(scenario.phaseInstance(number, AgreementProcess.KEY), Project.OTHER_FORM_DESCRIPTION.name()))
        .isEqualTo(description);
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
        LocalDate.of(2027, 4, 1));
    var agreement = scenario.agreement.agreements.find((String) scenario.variable(lifecycle,
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
    scenario.yearUpToTheDecision(number, "hikari", 2027);
    assertThat((String) engine.getTaskService().getVariable(scenario.task(number, ImprovementProcess.Elements.DECIDE).getId(),
        ImprovementProcess.FIXATION_NOTICE.name())).contains("2025〜2027年度の3年度続けて");

    assertRefused(() -> scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("CONTINUE", "同じ団体と続けたい"))).contains("固定化の防止");
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.IMPROVEMENT);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki",
        ImprovementScenario.decision("RECALL", "3年度続けて同じ団体のため、公募で選び直す"));

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.SELECTION).hasPassed(Elements.RECALL_NEXT_YEAR);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2028L);
    assertThat(scenario.variable(lifecycle, Project.PARTNER_GROUP.name())).isNull();
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

    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.AGREEMENT);
    assertThat(scenario.variable(lifecycle, Project.PARTNER_NAME.name())).isEqualTo("みどり町内会");
    assertThat(scenario.task(number, AgreementProcess.Elements.DRAFT).getAssignee()).as("the staff stay").isEqualTo("suzuki");
    scenario.yearUpToTheDecision(number, "midori", 2028);
    scenario.complete(number, ImprovementProcess.Elements.DECIDE, "suzuki", ExaminationScenario.with(
        ImprovementScenario.decision("HANDOVER", "町内会が自ら運営できるようになった"),
        ImprovementProcess.HANDOVER_SUPPORT.name(), "市の広報紙での案内を続ける"));

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_HANDED_OVER);
    assertThat(decisions(number)).containsExactly(
        "EXAMINATION:1:2027:APPROVED:tanaka", "SELECTION:1:2027:SELECTED:sato", "AGREEMENT:1:2027:CONCLUDED:suzuki",
        "EXECUTION:1:2027:COMPLETED:suzuki", "EVALUATION:1:2027:A:suzuki", "IMPROVEMENT:1:2027:RECALL:suzuki",
        "SELECTION:1:2028:SELECTED:sato", "AGREEMENT:1:2028:CONCLUDED:suzuki", "EXECUTION:1:2028:COMPLETED:suzuki",
        "EVALUATION:1:2028:A:suzuki", "IMPROVEMENT:1:2028:HANDOVER:suzuki");
    assertThat(project(number)).satisfies(p -> {
      assertThat(p.outcome()).isEqualTo(ProjectOutcome.HANDED_OVER.name());
      assertThat(p.partnerGroup()).isEqualTo("org-midori");
    });
    assertThat((String) scenario.historic(lifecycle, PROJECT_OUTCOME_REASON.name()))
        .isEqualTo("町内会が自ら運営できるようになった／引き継いだ後も市が続ける関わり: 市の広報紙での案内を続ける");
    assertThat(scenario.selection.registry.partnerships("org-midori")).extracting(Partnership::fiscalYear).contains(2028);
  }

  @Test
  void reviseAndRestartBeginsASecondRoundOfTheExaminationForTheSameProject() {
    ProcessInstance lifecycle = proposedByHikari();
    String number = approvedWithHikari(lifecycle);
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
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.SELECTION);
    assertThat(scenario.variable(lifecycle, Project.FISCAL_YEAR.name())).isEqualTo(2029L);
    // ② 当年度実施型: 4～5月 of the year it is carried out.
    assertThat(scenario.task(number, SelectionProcess.Elements.CHOOSE_METHOD).getDueDate())
        .isEqualTo(japan("2029-05-31T23:59"));
    assertThat(decisions(number)).endsWith("IMPROVEMENT:1:2027:REVISE:suzuki", "EXAMINATION:2:2029:APPROVED:tanaka");
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

    BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(Elements.END_AT_EXAMINATION).hasNotPassed(Elements.SELECTION);
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
    BpmnAwareTests.assertThat(lifecycle).isWaitingAt(Elements.SELECTION);
    assertThat(scenario.variable(lifecycle, PHASE_OVERDUE.name())).isEqualTo(false);
    assertThat(project(number).overdueSince()).isNull();
    // ② 翌年度実施型 was due in September: it starts late and gets the minimum lead of 30 days.
    assertThat(scenario.variable(lifecycle, PHASE_DUE_DATE.name())).isEqualTo(japan("2026-12-01T23:59"));
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
