package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;
import static jp.kyodo.examination.ExaminationScenario.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationProcess.Elements;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of ① 事業の検討, driven through the forms as Tasklist submits them. */
class ExaminationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  ExaminationScenario scenario;
  String deploymentId;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new ExaminationScenario(engine);
    deploymentId = scenario.deploy();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
  }

  /** Refused input arrives wrapped by the engine (a task listener's error, for instance). */
  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return org.assertj.core.api.Assertions.assertThat(input.getMessage());
      }
    }
    throw new AssertionError("expected the input to be refused, got " + thrown, thrown);
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  /** ①'s decision log as it ended or stands: one JSON object per decision, oldest first. */
  List<com.fasterxml.jackson.databind.JsonNode> decisions(ProcessInstance instance) {
    try {
      com.fasterxml.jackson.databind.JsonNode log = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(variable(instance, DECISIONS).toString());
      List<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.ArrayList<>();
      log.forEach(entries::add);
      return entries;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** step, decision, decidedBy and revision of each logged decision, for comparing a log at a glance. */
  List<String> decisionSummary(ProcessInstance instance) {
    return decisions(instance).stream().map(d -> d.path("step").asText() + " " + d.path("decision").asText() + " "
        + d.path("decidedBy").asText() + " " + d.path("revision").asLong()).toList();
  }

  /** The department's finding is waiting for the office, with the answers' reason for it; nothing has ended. */
  void assertEndingProposed(ProcessInstance instance, ExaminationOutcome ending, String findingPart) {
    assertThat(instance).isWaitingAt(Elements.CONFIRM_ENDING).hasNotPassed(ending.endEventId());
    assertThat(task()).hasCandidateGroup("coordinators");
    assertThat(instance).variables().containsEntry(PROPOSED_ENDING.name(), ending.name())
        .containsEntry(PROPOSED_ENDING_LABEL.name(), ending.label());
    org.assertj.core.api.Assertions.assertThat((String) runtimeVariable(instance, ENDING_FINDING.name())).contains(findingPart);
  }

  Object runtimeVariable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  void assertOutcome(ProcessInstance instance, String endEvent, ExaminationOutcome outcome, String who, String reasonPart) {
    assertThat(instance).isEnded().hasPassed(endEvent);
    org.assertj.core.api.Assertions.assertThat(variable(instance, OUTCOME.name())).isEqualTo(outcome.name());
    org.assertj.core.api.Assertions.assertThat(variable(instance, OUTCOME_LABEL.name())).isEqualTo(outcome.label());
    org.assertj.core.api.Assertions.assertThat((String) variable(instance, OUTCOME_REASON.name())).contains(reasonPart);
    org.assertj.core.api.Assertions.assertThat(variable(instance, OUTCOME_DECIDED_BY.name())).isEqualTo(who);
    org.assertj.core.api.Assertions.assertThat(variable(instance, OUTCOME_DECIDED_AT.name())).isNotNull();
  }


  @Test
  void citizenProposalGoesToTheCollaborationOfficeThenToTheChosenDepartment() {
    ProcessInstance instance = scenario.start("hikari", proposal());

    assertThat(instance).isWaitingAt(Elements.INTAKE).hasPassed(Elements.RESOLVE_PROPOSER);
    assertThat(task()).hasCandidateGroup("coordinators");
    assertThat(instance).variables()
        .containsEntry(PROPOSAL_TYPE.name(), "CITIZEN")
        .containsEntry(PARTNER_GROUP.name(), "org-hikari")
        .containsEntry(PARTNER_NAME.name(), "NPO法人ひかり")
        .containsEntry(PROPOSER.name(), "hikari");

    scenario.complete(instance, Elements.INTAKE, "tanaka", intake("dept-fukushi"));

    assertThat(instance).isWaitingAt(Elements.CHECK_SHEET);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
    assertThat(instance).variables().containsEntry(DEPARTMENT_NAME.name(), "福祉課");
  }

  @Test
  void issuePosedByADepartmentGoesStraightToThatDepartment() {
    ProcessInstance instance = scenario.start("suzuki", proposal());

    assertThat(instance).isWaitingAt(Elements.CHECK_SHEET).hasNotPassed(Elements.INTAKE);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
    assertThat(instance).variables()
        .containsEntry(PROPOSAL_TYPE.name(), "ISSUE")
        .containsEntry(DEPARTMENT_GROUP.name(), "dept-fukushi")
        .containsEntry(PROPOSER_GROUP.name(), "dept-fukushi");
  }

  @Test
  void someoneInNeitherRoleCannotPropose() {
    assertRefused(() -> scenario.start("nobody", proposal())).contains("協働パートナーの団体");
    assertRefused(() -> scenario.start("twohats", proposal()));
    assertRefused(() -> scenario.start("lonely", proposal())).contains("団体が登録されていません");
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ExaminationProcess.KEY).count()).isZero();
  }


  @Test
  void theDepartmentNamesAMainAndADeputyWhenItTakesTheProjectUpAndTheExaminationHandsThemBack() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    org.assertj.core.api.Assertions.assertThat(jp.kyodo.forms.Options.read(
            engine.getRuntimeService().getVariable(instance.getId(), STAFF_OPTIONS)))
        .as("福祉課's members, named as the form shows them").containsKeys("suzuki", "yamamoto")
        .containsEntry("yamamoto", "山本 さくら (yamamoto)").doesNotContainKeys("yamada", "hikari", "tanaka");

    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki",
        with(checkSheet(), MAIN_STAFF.name(), "yamamoto", DEPUTY_STAFF.name(), "suzuki"));
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("PROCEED", null));

    assertThat(instance).isEnded();
    org.assertj.core.api.Assertions.assertThat(variable(instance, MAIN_STAFF.name())).isEqualTo("yamamoto");
    org.assertj.core.api.Assertions.assertThat(variable(instance, DEPUTY_STAFF.name())).isEqualTo("suzuki");
    for (jp.kyodo.variables.Var<?> handedBack : HANDED_BACK) {
      if (!List.of(TARGET, ROLE_IDEA, RELATED_DEPARTMENT_HINT, OTHER_FORM_DESCRIPTION).contains(handedBack)) {
        org.assertj.core.api.Assertions.assertThat(variable(instance, handedBack.name())).as(handedBack.name()).isNotNull();
      }
    }
  }

  /** What the lifecycle takes from ① must be what ① says it hands back (mainStaff and deputyStaff are for it to map). */
  @Test
  void theLifecycleTakesOnlyWhatTheExaminationHandsBack() {
    org.camunda.bpm.model.bpmn.BpmnModelInstance lifecycle = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(
        new java.io.File("processes/collaboration.bpmn"));
    java.util.Set<String> handedBack = new java.util.TreeSet<>();
    HANDED_BACK.forEach(v -> handedBack.add(v.name()));
    handedBack.addAll(List.of(OUTCOME.name(), OUTCOME_LABEL.name(), OUTCOME_REASON.name(), OUTCOME_DECIDED_BY.name(),
        OUTCOME_DECIDED_AT.name(), DECISIONS));
    java.util.List<String> taken = new java.util.ArrayList<>();
    for (org.camunda.bpm.model.bpmn.instance.CallActivity call
        : lifecycle.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
      if (KEY.equals(call.getCalledElement())) {
        call.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut.class)
            .list().forEach(out -> taken.add(out.getCamundaSource()));
      }
    }
    org.assertj.core.api.Assertions.assertThat(taken).isNotEmpty();
    org.assertj.core.api.Assertions.assertThat(handedBack).containsAll(taken);
  }

  @Test
  void theSamePersonTwiceOrSomeoneOutsideTheDepartmentIsRefusedAsStaff() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), DEPUTY_STAFF.name(), "suzuki"),
        "「副担当」は主担当とは別の、担当課の職員から選んでください");
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), MAIN_STAFF.name(), "yamada"),
        "「主担当」に「yamada」という選択肢はありません");
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), DEPUTY_STAFF.name(), "hikari"),
        "「副担当」に「hikari」という選択肢はありません");
    Map<String, Object> noDeputy = checkSheet();
    noDeputy.remove(DEPUTY_STAFF.name());
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, noDeputy, "「副担当」を入力してください");
  }

  /** Someone offered when the check sheet opened who has left the department since is refused at submission. */
  @Test
  void staffWhoLeftTheDepartmentSinceTheCheckSheetOpenedAreRefused() {
    jp.kyodo.support.TestIdentity.user(engine.getIdentityService(), "tenkin", jp.kyodo.identity.KyodoGroups.DEPARTMENTS,
        "dept-fukushi");
    try {
      ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
      engine.getIdentityService().deleteMembership("tenkin", "dept-fukushi");
      assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), MAIN_STAFF.name(), "tenkin"),
          "「主担当」は担当課の職員から選んでください");
    } finally {
      engine.getIdentityService().deleteUser("tenkin");
    }
  }

  /** A department that cannot name two people would stop the proposal at its check sheet (旭川 Q57). */
  @Test
  void theOfficeCannotHandAProposalToADepartmentWithFewerThanTwoStaff() {
    jp.kyodo.support.TestIdentity.group(engine.getIdentityService(), "dept-hitori",
        jp.kyodo.identity.KyodoGroups.TYPE_DEPARTMENT, "一人課");
    jp.kyodo.support.TestIdentity.user(engine.getIdentityService(), "hitori", jp.kyodo.identity.KyodoGroups.DEPARTMENTS,
        "dept-hitori");
    try {
      ProcessInstance instance = scenario.start("hikari", proposal());
      assertRefusedAndUnchanged(instance, Elements.INTAKE, intake("dept-hitori"), "職員が2人以上いる課から選んでください");
      scenario.complete(instance, Elements.INTAKE, "tanaka", intake("dept-fukushi"));
      assertThat(instance).isWaitingAt(Elements.CHECK_SHEET);
    } finally {
      engine.getIdentityService().deleteUser("hitori");
      engine.getIdentityService().deleteGroup("dept-hitori");
    }
  }

  @Test
  void approvedByTheCoordinator() {
    ProcessInstance instance = scenario.atReview();
    assertThat(instance).isWaitingAt(Elements.REVIEW)
        .hasPassed(Elements.DECIDE_ELIGIBILITY, Elements.DECIDE_DOMAIN, Elements.RECOMMEND_FORM,
            Elements.CHECK_CHARACTER, Elements.RATE_PRIORITY);
    assertThat(task()).hasCandidateGroup("coordinators");
    assertThat(instance).variables()
        .containsEntry(DOMAIN.name(), 3)
        .containsEntry(DOMAIN_LABEL.name(), "③ 市民行政協力")
        .containsEntry(RECOMMENDED_FORM.name(), "JOINT_PROJECT")
        .containsEntry(PRIORITY_RANK.name(), "A")
        .containsEntry(NOT_COLLABORATION.name(), false)
        .containsEntry(COST_ESTIMATE.name(), 1_200_000L);

    scenario.complete(instance, Elements.REVIEW, "tanaka", review("PROCEED", null));

    assertOutcome(instance, Elements.END_APPROVED, ExaminationOutcome.APPROVED, "tanaka", "承認");
  }

  /** The cut-offs are the city's (kyodo.rules.priority.*), not the guideline's: the same scores rank as the city sets. */
  @Test
  void thePriorityCutOffsAreTheCitysSetting() {
    org.camunda.bpm.engine.test.mock.Mocks.register("priorityThresholds", new PriorityThresholds(21, 13));
    ProcessInstance instance = scenario.atReview();
    assertThat(instance).variables().containsEntry(PRIORITY_RANK.name(), "B").containsEntry(PRIORITY_LABEL.name(), "B（優先度中）")
        .as("the cut-offs are the task's own inputs, not the project's").doesNotContainKeys("priorityAFrom", "priorityBFrom");
  }

  @Test
  void rejectedByTheCoordinatorWithTheReasonKept() {
    ProcessInstance instance = scenario.atReview();
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("REJECT", "既存の委託事業と重複するため"));
    assertOutcome(instance, Elements.END_REJECTED, ExaminationOutcome.REJECTED, "tanaka", "既存の委託事業と重複");
  }

  // ---- An end as not collaboration is never silent: the office confirms it with a reason or sends it back, and a
  // ---- citizen proposer is told why and revises or accepts (東久留米 II-4(5), 関市 IV-3(2)). One test per path.

  /** Ineligible (小金井 第2章(2)) → the office confirms with a reason → the proposer is told and accepts. */
  @Test
  void anIneligibleActivityEndsOnlyWhenTheOfficeConfirmedItAndTheProposerWasTold() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki",
        with(checkSheet(), NOT_FOR_PROFIT.name(), false, NOT_POLITICAL_OR_RELIGIOUS.name(), false));

    assertEndingProposed(instance, ExaminationOutcome.INELIGIBLE, "営利を目的とする活動");
    assertThat(instance).hasNotPassed(Elements.DECIDE_DOMAIN);
    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka",
        endingConfirmation("CONFIRM", "会員向けの物品販売が事業の中心で、営利を目的とする活動にあたります。"));

    assertThat(instance).isWaitingAt(Elements.EXPLAIN_ENDING);
    assertThat(task()).hasCandidateGroup("org-hikari");
    org.assertj.core.api.Assertions.assertThat(jp.kyodo.forms.Options.read(runtimeVariable(instance, ENDING_RESPONSE_OPTIONS)))
        .containsOnlyKeys("REVISE", "ACCEPT");
    scenario.complete(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse("ACCEPT", "了解しました"));

    assertOutcome(instance, Elements.END_INELIGIBLE, ExaminationOutcome.INELIGIBLE, "tanaka", "営利を目的とする活動");
    org.assertj.core.api.Assertions.assertThat((String) variable(instance, OUTCOME_REASON.name()))
        .contains("会員向けの物品販売");
    org.assertj.core.api.Assertions.assertThat(ListVar.read(variable(instance, INELIGIBILITY_REASONS.name())))
        .hasSize(2).anyMatch(r -> r.contains("政治活動・宗教活動"));
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).containsExactly(
        "FillCheckSheet INELIGIBLE suzuki 0", "ConfirmEnding CONFIRM tanaka 0", "ExplainEnding ACCEPT hikari 0");
    org.assertj.core.api.Assertions.assertThat(decisions(instance).get(1).path("reason").asText()).contains("会員向けの物品販売");
    org.assertj.core.api.Assertions.assertThat(decisions(instance).get(2).path("reason").asText()).isEqualTo("了解しました");
    org.assertj.core.api.Assertions.assertThat(decisions(instance)).allMatch(d -> !d.path("decidedAt").asText().isEmpty());
  }

  /**
   * Outside the domain (関市 図1 ① 市民主体) → confirmed → the proposer revises and submits again: back into ①,
   * counted as a revision, the department sees the office's comment; once the proposal reaches the review the end is
   * settled.
   */
  @Test
  void aProposerToldItsProposalIsOutsideTheDomainRevisesItAndTheDepartmentExaminesItAgain() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", with(checkSheet(), LEADERSHIP.name(), "CITIZEN_ALONE"));
    assertEndingProposed(instance, ExaminationOutcome.OUTSIDE_DOMAIN, "市民が単独で");
    org.assertj.core.api.Assertions.assertThat(runtimeVariable(instance, DOMAIN.name())).isEqualTo(1);
    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka",
        endingConfirmation("CONFIRM", "市の役割が書かれていません。市の支援を求める内容にすれば協働として検討できます。"));

    scenario.complete(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse("REVISE", null));
    assertThat(instance).isWaitingAt(Elements.REVISE).hasNotPassed(Elements.END_OUTSIDE_DOMAIN);
    assertThat(task()).hasCandidateGroup("org-hikari");
    assertThat(instance).variables().containsEntry(REVISION_COUNT.name(), 1L)
        .containsEntry(ENDING_REASON.name(), "市の役割が書かれていません。市の支援を求める内容にすれば協働として検討できます。");

    scenario.complete(instance, Elements.REVISE, "hikari", with(proposal(), ROLE_IDEA.name(), "市と団体で企画し、市は会場と広報を担う"));
    assertThat(instance).isWaitingAt(Elements.CHECK_SHEET);
    assertThat(instance).variables().containsEntry(ROLE_IDEA.name(), "市と団体で企画し、市は会場と広報を担う")
        .containsKey(ENDING_REASON.name());
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());

    assertThat(instance).isWaitingAt(Elements.REVIEW);
    org.assertj.core.api.Assertions.assertThat(runtimeVariable(instance, ENDING_REASON.name())).as("settled").isNull();
    org.assertj.core.api.Assertions.assertThat(runtimeVariable(instance, PROPOSED_ENDING.name())).isNull();
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("PROCEED", null));
    assertOutcome(instance, Elements.END_APPROVED, ExaminationOutcome.APPROVED, "tanaka", "承認");
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).containsExactly(
        "FillCheckSheet OUTSIDE_DOMAIN suzuki 0", "ConfirmEnding CONFIRM tanaka 0", "ExplainEnding REVISE hikari 0",
        "CoordinatorReview PROCEED tanaka 1");
  }

  /**
   * The office does not confirm an end it doubts: it sends the proposal back to the department with what to look at
   * again; the department corrects its answers and the examination goes on. Not a revision of the proposal.
   */
  @Test
  void theOfficeSendsAnEndBackToTheDepartmentForReExamination() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", with(checkSheet(), EXERCISES_PUBLIC_AUTHORITY.name(), true));
    assertEndingProposed(instance, ExaminationOutcome.OUTSIDE_DOMAIN, "公の権力");

    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka",
        endingConfirmation("REEXAMINE", "見守り訪問は許認可を伴いません。チェックシートを見直してください。"));

    assertThat(instance).isWaitingAt(Elements.CHECK_SHEET).hasNotPassed(Elements.EXPLAIN_ENDING, Elements.END_OUTSIDE_DOMAIN);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
    assertThat(instance).variables().containsEntry(REVISION_COUNT.name(), 0L)
        .containsEntry(ENDING_REASON.name(), "見守り訪問は許認可を伴いません。チェックシートを見直してください。");
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());

    assertThat(instance).isWaitingAt(Elements.ASSESS);
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).containsExactly(
        "FillCheckSheet OUTSIDE_DOMAIN suzuki 0", "ConfirmEnding REEXAMINE tanaka 0");
  }

  /** Plain outsourcing (旭川 Q20), found again after a re-examination: the office's new answer is asked afresh. */
  @Test
  void aCommissionOnASpecificationTheCityWroteAloneIsPlainOutsourcingOnceTheOfficeConfirmsIt() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki",
        with(checkSheet(), LEADERSHIP.name(), "CITY_LED", CITY_FUNDING.name(), true));
    assertThat(instance).variables().containsEntry(RECOMMENDED_FORM.name(), "COMMISSION")
        .containsEntry(CHOSEN_FORM.name(), "COMMISSION");
    Map<String, Object> cityWroteIt = with(assessment(), CHOSEN_FORM.name(), "COMMISSION", SPEC_AUTHOR.name(), "CITY_ALONE");
    scenario.complete(instance, Elements.ASSESS, "suzuki", cityWroteIt);
    assertEndingProposed(instance, ExaminationOutcome.PLAIN_OUTSOURCING, "協働ではありません");
    assertThat(instance).hasNotPassed(Elements.REVIEW);

    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("REEXAMINE", "仕様は団体と作れませんか"));
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki",
        with(checkSheet(), LEADERSHIP.name(), "CITY_LED", CITY_FUNDING.name(), true));
    scenario.complete(instance, Elements.ASSESS, "suzuki", cityWroteIt);
    assertEndingProposed(instance, ExaminationOutcome.PLAIN_OUTSOURCING, "協働ではありません");
    assertThat(instance).variables().as("the earlier answer is not offered again")
        .containsEntry(ENDING_DECISION.name(), null).containsEntry(ENDING_REASON.name(), null);

    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka",
        endingConfirmation("CONFIRM", "法令で定められた検査業務で、仕様を団体と作る余地がありません。"));
    scenario.complete(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse("ACCEPT", null));
    assertOutcome(instance, Elements.END_OUTSOURCING, ExaminationOutcome.PLAIN_OUTSOURCING, "tanaka", "法令で定められた検査業務");
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).containsExactly(
        "AssessPriorityAndForm PLAIN_OUTSOURCING suzuki 0", "ConfirmEnding REEXAMINE tanaka 0",
        "AssessPriorityAndForm PLAIN_OUTSOURCING suzuki 0", "ConfirmEnding CONFIRM tanaka 0", "ExplainEnding ACCEPT hikari 0");
  }

  @Test
  void aCommissionWhoseSpecificationIsWrittenTogetherGoesOnToReview() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki",
        with(checkSheet(), LEADERSHIP.name(), "CITY_LED", CITY_FUNDING.name(), true));
    scenario.complete(instance, Elements.ASSESS, "suzuki",
        with(assessment(), CHOSEN_FORM.name(), "COMMISSION", SPEC_AUTHOR.name(), "TOGETHER"));
    assertThat(instance).isWaitingAt(Elements.REVIEW);
  }

  /** 小金井 第2章(4): the forms are not limited to the traditional ones; an OTHER form says what it is. */
  @Test
  void anOtherFormOfCollaborationIsChosenWithWhatItIs() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    Map<String, Object> other = with(assessment(), CHOSEN_FORM.name(), "OTHER", FORM_CHANGE_REASON.name(),
        "空き店舗を使う新しい形で行うため");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, other,
        "「その他の形態の内容」を入力してください（協働の形態に「その他」を選んだ場合）");

    scenario.complete(instance, Elements.ASSESS, "suzuki",
        with(other, OTHER_FORM_DESCRIPTION.name(), "団体が空き店舗を借り、市は広報と相談員の派遣を担う"));
    assertThat(instance).isWaitingAt(Elements.REVIEW);
    assertThat(instance).variables().containsEntry(CHOSEN_FORM.name(), "OTHER")
        .containsEntry(OTHER_FORM_DESCRIPTION.name(), "団体が空き店舗を借り、市は広報と相談員の派遣を担う");
  }

  /** Urgent work the city does alone (旭川 Q9): revising cannot change it, so the proposer can only accept. */
  @Test
  void urgentWorkThatCannotWaitIsDoneByTheCityAloneAndTheProposerCanOnlyAcceptIt() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki",
        with(assessment(), CITY_ALONE_URGENT.name(), true, CITY_ALONE_REASON.name(), "台風被害の復旧で即時対応が必要"));
    assertEndingProposed(instance, ExaminationOutcome.CITY_ALONE, "台風被害");
    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka",
        endingConfirmation("CONFIRM", "復旧は市が直ちに行います。平常時の見守りは改めてご提案ください。"));

    org.assertj.core.api.Assertions.assertThat(jp.kyodo.forms.Options.read(runtimeVariable(instance, ENDING_RESPONSE_OPTIONS)))
        .containsOnlyKeys("ACCEPT");
    assertRefusedAndUnchanged(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse("REVISE", null),
        "「どうしますか」に「REVISE」という選択肢はありません");
    scenario.complete(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse("ACCEPT", null));

    assertOutcome(instance, Elements.END_CITY_ALONE, ExaminationOutcome.CITY_ALONE, "tanaka", "台風被害");
    org.assertj.core.api.Assertions.assertThat((String) variable(instance, OUTCOME_REASON.name())).contains("平常時の見守り");
  }

  /** A department's own issue (課題提案): the department is the proposer and knows; the office's confirmation ends it. */
  @Test
  void anIssuePosedByADepartmentEndsOnTheOfficesConfirmationWithoutAskingTheDepartmentAgain() {
    ProcessInstance instance = scenario.start("suzuki", proposal());
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", with(checkSheet(), NOT_AGAINST_PUBLIC_ORDER.name(), false));
    assertEndingProposed(instance, ExaminationOutcome.INELIGIBLE, "公序良俗");
    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("CONFIRM", "公序良俗に反するおそれがあります。"));

    assertOutcome(instance, Elements.END_INELIGIBLE, ExaminationOutcome.INELIGIBLE, "tanaka", "公序良俗に反するおそれ");
    assertThat(instance).hasNotPassed(Elements.EXPLAIN_ENDING);
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).containsExactly(
        "FillCheckSheet INELIGIBLE suzuki 0", "ConfirmEnding CONFIRM tanaka 0");
  }

  @Test
  void theOfficeMustSayWhyItEndsOrSendsBackAProposal() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", with(checkSheet(), NOT_FOR_PROFIT.name(), false));
    assertRefusedAndUnchanged(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("CONFIRM", null),
        "「理由」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("REEXAMINE", "  "),
        "「理由」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("MAYBE", "理由"),
        "選択肢はありません");
    scenario.complete(instance, Elements.CONFIRM_ENDING, "tanaka", endingConfirmation("CONFIRM", "営利目的です"));
    assertRefusedAndUnchanged(instance, Elements.EXPLAIN_ENDING, "hikari", endingResponse(null, "考えます"),
        "「どうしますか」を入力してください");
  }

  @Test
  void aCitizenProposalGoesBackToTheProposingOrganisationAsOftenAsNeeded() {
    ProcessInstance instance = scenario.atReview();

    scenario.complete(instance, Elements.REVIEW, "tanaka", review("REVISE", "役割分担を具体的に書いてください"));
    assertThat(instance).isWaitingAt(Elements.REVISE);
    assertThat(task()).hasCandidateGroup("org-hikari");
    assertThat(instance).variables().containsEntry(REVISION_COUNT.name(), 1L)
        .containsEntry(REVIEW_COMMENT.name(), "役割分担を具体的に書いてください");

    scenario.complete(instance, Elements.REVISE, "hikari",
        with(proposal(), ROLE_IDEA.name(), "市は会場、団体は運営", REVIEW_COMMENT.name(), "書き換えの試み"));
    assertThat(instance).isWaitingAt(Elements.CHECK_SHEET);
    assertThat(instance).variables().containsEntry(ROLE_IDEA.name(), "市は会場、団体は運営")
        .containsEntry(REVIEW_COMMENT.name(), "役割分担を具体的に書いてください");

    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("REVISE", "予算の内訳を"));
    assertThat(instance).variables().containsEntry(REVISION_COUNT.name(), 2L);
    scenario.complete(instance, Elements.REVISE, "hikari", proposal());
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("PROCEED", "修正を確認しました"));

    assertOutcome(instance, Elements.END_APPROVED, ExaminationOutcome.APPROVED, "tanaka", "修正を確認しました");
    org.assertj.core.api.Assertions.assertThat(decisionSummary(instance)).as("every review, not only the last")
        .containsExactly("CoordinatorReview REVISE tanaka 0", "CoordinatorReview REVISE tanaka 1",
            "CoordinatorReview PROCEED tanaka 2");
    org.assertj.core.api.Assertions.assertThat(decisions(instance).get(0).path("reason").asText())
        .isEqualTo("役割分担を具体的に書いてください");
  }

  @Test
  void anIssuePosedByADepartmentGoesBackToThatDepartment() {
    ProcessInstance instance = scenario.start("suzuki", proposal());
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("REVISE", "課題の根拠データを"));
    assertThat(instance).isWaitingAt(Elements.REVISE);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
  }


  String variablesOf(ProcessInstance instance) {
    return new java.util.TreeMap<>(engine.getRuntimeService().getVariables(instance.getId())).toString();
  }

  void assertRefusedAndUnchanged(ProcessInstance instance, String taskKey, Map<String, Object> values, String message) {
    assertRefusedAndUnchanged(instance, taskKey, "suzuki", values, message);
  }

  void assertRefusedAndUnchanged(ProcessInstance instance, String taskKey, String user, Map<String, Object> values,
      String message) {
    String taskId = scenario.task(instance, taskKey).getId();
    String before = variablesOf(instance);
    assertRefused(() -> scenario.complete(instance, taskKey, user, values)).contains(message);
    org.assertj.core.api.Assertions.assertThat(scenario.task(instance, taskKey).getId()).isEqualTo(taskId);
    org.assertj.core.api.Assertions.assertThat(variablesOf(instance)).isEqualTo(before);
  }

  @Test
  void aStartWithoutRequiredValuesCreatesNothing() {
    assertRefused(() -> scenario.start("hikari", with(proposal(), TITLE.name(), "  ", PROPOSED_BUDGET.name(), -1)))
        .contains("「事業名」を入力してください")
        .contains("「想定する事業費（円）」は0以上");
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ExaminationProcess.KEY).count()).isZero();
  }

  @Test
  void anUnknownDepartmentIsRefusedAtIntake() {
    ProcessInstance instance = scenario.start("hikari", proposal());
    assertRefusedAndUnchanged(instance, Elements.INTAKE, intake("dept-nowhere"), "という選択肢はありません");
    assertRefusedAndUnchanged(instance, Elements.INTAKE, intake("org-midori"), "という選択肢はありません");
  }

  @Test
  void theCheckSheetRefusesMissingAnswersAndUnknownOptions() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    Map<String, Object> missing = checkSheet();
    missing.remove(LEADERSHIP.name());
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, missing, "「事業の担い手」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), LEADERSHIP.name(), "SOMEONE"),
        "「事業の担い手」に「SOMEONE」という選択肢はありません");
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET,
        with(checkSheet(), COLLABORATION_MERITS.name(), ListVar.json(List.of())), "「協働で行う利点」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.CHECK_SHEET, with(checkSheet(), NOT_FOR_PROFIT.name(), "yes"),
        "はい／いいえ");
  }

  @Test
  void theAssessmentRefusesWrongNumbersAndMissingReasons() {
    ProcessInstance instance = scenario.citizenProposalAtCheckSheet();
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), COST_ESTIMATE.name(), -100), "「概算経費（円）」は0以上");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), COST_ESTIMATE.name(), "１２０万"), "半角数字");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), URGENCY.name(), 6), "「緊急性」は1以上5以下");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), FEASIBILITY.name(), 2.5), "整数");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), CHOSEN_FORM.name(), "SUBSIDY"),
        "「推奨と異なる形態を選ぶ理由」を入力してください（推奨と異なる協働の形態を選んだ場合）");
    assertRefusedAndUnchanged(instance, Elements.ASSESS,
        with(assessment(), CHOSEN_FORM.name(), "COMMISSION", FORM_CHANGE_REASON.name(), "専門性のため"),
        "「仕様書の作成方法」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), CITY_ALONE_URGENT.name(), true),
        "「市が単独で実施する理由」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), PLANNED_FISCAL_YEAR.name(), 2001),
        "今年度から5年度先まで");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), COST_SHARING.name(), "x".repeat(2001)),
        "2000文字以内");
    assertRefusedAndUnchanged(instance, Elements.ASSESS, with(assessment(), COST_SHARING.name(), "会場費\u0000"),
        "制御文字");
  }

  @Test
  void aRejectionOrRevisionWithoutAReasonIsRefused() {
    ProcessInstance instance = scenario.atReview();
    assertRefusedAndUnchanged(instance, Elements.REVIEW, review("REJECT", null), "「理由・修正してほしい点」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.REVIEW, review("REVISE", " "), "「理由・修正してほしい点」を入力してください");
    assertRefusedAndUnchanged(instance, Elements.REVIEW, review("MAYBE", "x"), "選択肢はありません");
  }

  @Test
  void aSubmissionCannotSetWhatItsFormDoesNotAsk() {
    assertRefused(() -> scenario.start("hikari", with(proposal(), PROPOSER_GROUP.name(), "org-midori")))
        .contains("「proposerGroup」はこのフォームの項目ではない");
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ExaminationProcess.KEY).count()).isZero();

    ProcessInstance instance = scenario.start("hikari", proposal());
    assertRefusedAndUnchanged(instance, Elements.INTAKE, with(intake("dept-fukushi"), PARTNER_GROUP.name(), "org-midori"),
        "「partnerGroup」はこのフォームの項目ではない");
  }

  @Test
  void whatAFormOnlyShowsIsNotTakenFromTheSubmission() {
    ProcessInstance instance = scenario.start("hikari", proposal());
    scenario.complete(instance, Elements.INTAKE, "tanaka", with(intake("dept-fukushi"), TITLE.name(), "書き換えた事業名"));
    assertThat(instance).variables().containsEntry(TITLE.name(), proposal().get(TITLE.name()));
  }
}
