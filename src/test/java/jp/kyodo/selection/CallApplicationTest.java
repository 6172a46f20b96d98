package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;
import static jp.kyodo.selection.SelectionScenario.application;
import static jp.kyodo.selection.SelectionScenario.scores;
import static jp.kyodo.selection.SelectionScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.selection.CallApplicationProcess.Elements;
import jp.kyodo.support.TestDesk;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * 「この公募に応募する」: the application starts only from the call's page, as the partner, with the call chosen, at a
 * draft that closes with the deadline; and the notices ② queues when a call opens and when its result is out.
 */
class CallApplicationTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  SelectionScenario scenario;
  String deploymentId;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new SelectionScenario(engine);
    deploymentId = scenario.deploy();
    // くじらの会: registered for 環境 only, its member has an address — a call for 福祉 is not its concern.
    jp.kyodo.support.TestIdentity.group(engine.getIdentityService(), "org-kujira", jp.kyodo.identity.KyodoGroups.TYPE_ORGANISATION,
        "くじらの会");
    jp.kyodo.support.TestIdentity.user(engine.getIdentityService(), "kujira", jp.kyodo.identity.KyodoGroups.PARTNERS, "org-kujira");
    if (scenario.registry.find("org-kujira").isEmpty()) {
      scenario.registry.insert(new jp.kyodo.registry.Organisation("org-kujira", "くじらの会",
          jp.kyodo.registry.OrganisationType.VOLUNTEER_GROUP, "代表 花子", "kujira@example.jp", null, null,
          List.of("ENVIRONMENT"), "海岸清掃", "会費で運営", jp.kyodo.registry.RegistrationStatus.REGISTERED, null, null, null,
          List.of("kujira")));
    }
    for (String user : List.of("hikari", "midori", "suzuki", "kujira")) {
      User person = engine.getIdentityService().createUserQuery().userId(user).singleResult();
      person.setEmail(user + "@example.jp");
      engine.getIdentityService().saveUser(person);
    }
  }

  @AfterEach
  void tearDown() {
    // くじらの会 is this class's own: other tests on this engine and database must not meet it.
    scenario.jdbc.update("DELETE FROM kyodo_organisation_member WHERE organisation_id = 'org-kujira'");
    scenario.jdbc.update("DELETE FROM kyodo_organisation WHERE id = 'org-kujira'");
    engine.getIdentityService().deleteUser("kujira");
    engine.getIdentityService().deleteGroup("org-kujira");
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
    SelectionScenario.resetClock();
  }

  Task task(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
  }

  static String refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ResponseStatusException refused) {
        return refused.getStatusCode().value() + " " + refused.getReason();
      }
      if (t instanceof InvalidInputException input) {
        return input.getMessage();
      }
    }
    throw new AssertionError("expected a refusal, got " + thrown, thrown);
  }

  long applicationInstances() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallApplicationProcess.KEY).count();
  }

  @Test
  void aPartnerGoesStraightToTheDraftWithTheCallChosen() {
    String call = scenario.callNumber(scenario.publishedCall(1, "ito"));
    // A selection started on its own (no project row): the call itself names its department and form.
    Map<String, Object> published = new jp.kyodo.publication.PublicCallsApi(scenario.jdbc,
        new jp.kyodo.publication.PublicationRepository(scenario.jdbc)).call(call);
    assertThat(published).containsEntry("departmentName", "福祉課").containsEntry("budgetFrame", 1_800_000L);
    assertThat(published.get("formLabel")).isNotNull();
    CallApplications.Draft draft = scenario.openDraft("hikari", call, null);

    Task task = task(draft.taskId());
    assertThat(task.getTaskDefinitionKey()).isEqualTo(Elements.DRAFT);
    assertThat(task.getName()).isEqualTo("応募書を作成する");
    assertThat(task.getAssignee()).isEqualTo("hikari");
    assertThat(draft.reopened()).isFalse();
    assertThat(draft.organisationId()).isEqualTo("org-hikari");
    Map<String, Object> shown = engine.getTaskService().getVariables(task.getId());
    assertThat(shown).containsEntry("callNumber", call).containsEntry("callTitle", "高齢者の見守りと居場所づくり")
        .containsEntry("applicantName", "NPO法人ひかり").containsEntry("applicant", "hikari");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(draft.processInstanceId())
        .singleResult().getStartUserId()).as("started as the partner").isEqualTo("hikari");
    assertThat(scenario.records.applications(call)).as("nothing is applied before the draft is submitted").isEmpty();

    // The form's own checks now run on the draft's submission, and the call number is not the applicant's to change.
    Map<String, Object> unconfirmed = new java.util.HashMap<>(application(call, "見守り"));
    unconfirmed.remove("callNumber");
    unconfirmed.put(CallApplicationProcess.AIMS_CONFIRMED.name(), false);
    assertThat(refusal(catchThrowable(() -> scenario.complete(task, "hikari", unconfirmed)))).contains("確認欄にチェック");
    // The call number shown on the draft is the application's, whatever a client sends in its place.
    Map<String, Object> written = new java.util.HashMap<>(application("2099-S001-K1", "ひかり見守りサロン"));
    scenario.complete(task, "hikari", written);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(draft.processInstanceId())
        .variableName("callNumber").singleResult().getValue()).isEqualTo(call);
    assertThat(scenario.records.applications(call)).singleElement()
        .satisfies(a -> assertThat(a.organisationId()).isEqualTo("org-hikari"))
        .satisfies(a -> assertThat(a.proposalTitle()).isEqualTo("ひかり見守りサロン"));
    BpmnAwareTests.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(draft.processInstanceId()).singleResult()).isWaitingAt(Elements.RESULT_RECEIVED);
  }

  @Test
  void applyingAgainReopensTheSameDraftAndAfterTheSubmissionIsRefused() {
    String call = scenario.callNumber(scenario.publishedCall(1, "ito"));
    CallApplications.Draft first = scenario.openDraft("hikari", call, null);
    CallApplications.Draft again = scenario.openDraft("hikari", call, "org-hikari");
    assertThat(again.taskId()).isEqualTo(first.taskId());
    assertThat(again.reopened()).isTrue();
    assertThat(applicationInstances()).isEqualTo(1);

    scenario.apply("midori", application(call, "みどり町の居場所"));
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("midori", call, null)))).startsWith("409")
        .contains("既に応募しています");
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("hikari", call, "org-midori")))).startsWith("403")
        .contains("あなたが応募できる登録団体ではありません");
    assertThat(applicationInstances()).isEqualTo(2);
  }

  @Test
  void staffAndUnregisteredPeopleAreRefused() {
    String call = scenario.callNumber(scenario.publishedCall(1, "ito"));
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("suzuki", call, null)))).startsWith("403")
        .contains("市の職員・審査委員のアカウントでは公募に応募できません");
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("takahashi", call, null)))).startsWith("403");
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("sora", call, null)))).contains("団体登録が済んでいない方");
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("kumo", call, null)))).contains("団体登録が承認されていない団体");
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("hikari", "2099-S001-K1", null)))).startsWith("404");
    assertThat((String) scenario.drafts.status(call, "suzuki", List.of("departments", "dept-fukushi")).get("message"))
        .contains("市の職員");
    assertThat(applicationInstances()).isZero();
  }

  @Test
  void aClosedCallTakesNoDraft() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    String call = scenario.callNumber(selection);
    scenario.deadlinePasses(selection);
    assertThat(refusal(catchThrowable(() -> scenario.openDraft("hikari", call, null)))).startsWith("409")
        .contains("2026年12月10日で締め切りました");
    assertThat(scenario.drafts.status(call, "hikari", List.of("partners", "org-hikari"))).containsEntry("open", false);
    assertThat(applicationInstances()).isZero();
  }

  @Test
  void noOtherStartIsAccepted() {
    String call = scenario.callNumber(scenario.publishedCall(1, "ito"));
    TestDesk desk = new TestDesk(engine);
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CallApplicationProcess.KEY).latestVersion().singleResult().getId();
    assertThat(engine.getRepositoryService().getProcessDefinition(definition).isStartableInTasklist())
        .as("not offered in Tasklist's start dialog").isFalse();
    assertThat(refusal(catchThrowable(() -> desk.as("hikari", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(CallApplicationProcess.KEY, Map.of("callNumber", call))))))
        .contains("「この公募に応募する」から");
    assertThat(refusal(catchThrowable(() -> desk.start(CallApplicationProcess.KEY, "hikari", Map.of()))))
        .contains("「この公募に応募する」から");
    assertThat(refusal(catchThrowable(() -> desk.start(CallApplicationProcess.KEY, "hikari",
        Map.of("callNumber", call, "proposalTitle", "提案"))))).as("values no form carries").contains("このフォームの項目ではない");
    assertThat(refusal(catchThrowable(() -> desk.as("admin", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(CallApplicationProcess.KEY))))).contains("「この公募に応募する」から");
    assertThat(applicationInstances()).isZero();
  }

  @Test
  void anUnsubmittedDraftClosesAtTheDeadline() {
    String call = scenario.callNumber(scenario.publishedCall(1, "ito"));
    CallApplications.Draft draft = scenario.openDraft("hikari", call, null);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(draft.processInstanceId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(scenario.records.call(call).orElseThrow().deadlineAt()));

    SelectionScenario.resetClock();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.Instant.parse("2026-12-10T15:00:01Z")));
    engine.getManagementService().executeJob(timer.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(draft.processInstanceId()).singleResult().getEndTime()).as("the draft has ended").isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(draft.processInstanceId())
        .activityId(Elements.DRAFT_EXPIRED).count()).isEqualTo(1);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(Elements.DRAFT_EXPIRED)
        .singleResult().getActivityName()).isEqualTo("締切までに提出されなかった");
    assertThat(scenario.records.applications(call)).isEmpty();
  }

  @Test
  void theRegisteredOrganisationsOfTheCallsFieldsAreToldOnceAndTheApplicantsOfTheResult() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    String call = scenario.callNumber(selection);
    // org-hikari and org-midori are registered for WELFARE, one of the call's fields; umi (registered too) has no
    // e-mail address; kumo's organisation is not registered; suzuki (with an address) is city staff; kujira's
    // organisation is registered for 環境 only.
    assertThat(scenario.outbox.queuedAt("call-opened:" + call + ":hikari")).isNotNull();
    assertThat(scenario.outbox.queuedAt("call-opened:" + call + ":midori")).isNotNull();
    assertThat(queued("call-opened:%")).containsExactlyInAnyOrder("call-opened:" + call + ":hikari",
        "call-opened:" + call + ":midori");
    Map<String, Object> notice = scenario.jdbc.queryForMap("SELECT * FROM kyodo_mail_outbox WHERE notice_key = ?",
        "call-opened:" + call + ":hikari");
    assertThat(notice).containsEntry("KIND", "CALL_OPENED").containsEntry("ADDRESS", "hikari@example.jp")
        .containsEntry("LINK", "/public/call.html?n=" + call);
    assertThat((String) notice.get("BODY")).contains("保健・医療・福祉", "2026年12月10日", "この公募に応募する");
    assertThat(scenario.drafts != null).isTrue();
    assertThat(new CallNotices(scenario.outbox, scenario.registry).callOpened(engine.getIdentityService(),
        scenario.records.call(call).orElseThrow())).as("queued once").isZero();

    ProcessInstance hikari = scenario.apply("hikari", application(call, "ひかり見守りサロン"));
    scenario.deadlinePasses(selection);
    scenario.complete(scenario.tasks(selection, SelectionProcess.Elements.SCREEN).get(0), "tanaka",
        values(SCREENING.name(), "ELIGIBLE"));
    scenario.complete(selection, SelectionProcess.Elements.DECLARE_CONFLICTS, "ito", values(DECLARATION_CONFIRMED.name(), true));
    scenario.complete(selection, SelectionProcess.Elements.SCORE, "ito", scores(4, 4));
    String applicationId = (String) scenario.variable(hikari, APPLICATION_ID.name());
    scenario.complete(selection, SelectionProcess.Elements.PROPOSE, "tanaka",
        values(SELECTED_APPLICATION.name(), applicationId, SELECTION_REASON.name(), "実現性が高い"));
    scenario.complete(selection, SelectionProcess.Elements.APPROVE_SELECTION, "sato", values(SELECTION_APPROVAL.name(), "APPROVE"));

    assertThat(queued("application-result:%")).containsExactly("application-result:" + applicationId + ":hikari");
    Map<String, Object> result = scenario.jdbc.queryForMap("SELECT * FROM kyodo_mail_outbox WHERE notice_key = ?",
        "application-result:" + applicationId + ":hikari");
    assertThat(result).containsEntry("KIND", "APPLICATION_RESULT").containsEntry("LINK", "/public/call.html?n=" + call);
    assertThat((String) result.get("BODY")).contains("選定されました", applicationId).doesNotContain("ito");
  }

  @Test
  void theCallIsOfferedTheBudgetGrantedForTheProjectsYear() {
    java.sql.Timestamp now = java.sql.Timestamp.from(SelectionScenario.NOW);
    scenario.jdbc.update("DELETE FROM kyodo_project_year WHERE project_number = '2026-901'");
    scenario.jdbc.update("DELETE FROM kyodo_project WHERE project_number = '2026-901'");
    scenario.jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title, proposer, phase,"
        + " round_no, status, process_instance_id, opened_at, updated_at) VALUES ('2026-901', 2026, 901, '見守り', 'hikari',"
        + " 'SELECTION', 1, 'ACTIVE', 'p-901', ?, ?)", now, now);
    scenario.jdbc.update("INSERT INTO kyodo_project_year (project_number, fiscal_year, year_mode, status, process_instance_id,"
        + " started_at, budget_decision, approved_budget, budget_decided_at) VALUES ('2026-901', 2027, 'FIRST', 'RUNNING',"
        + " 'y-901', ?, 'CUT', 900000, ?)", now, now);
    Map<String, Object> handedOver = new java.util.HashMap<>(SelectionScenario.start());
    handedOver.put(PROJECT_NUMBER.name(), "2026-901");
    handedOver.put(DEPARTMENT_GROUP.name(), "dept-fukushi");
    ProcessInstance selection = new TestDesk(engine).startCalled(SelectionProcess.KEY, handedOver);
    scenario.complete(selection, SelectionProcess.Elements.CHOOSE_METHOD, "suzuki", SelectionScenario.publicCall());
    assertThat(engine.getRuntimeService().getVariable(selection.getId(), CALL_BUDGET.name()))
        .as("prefilled with what the city granted").isEqualTo(900_000L);

    Map<String, Object> written = new java.util.HashMap<>(SelectionScenario.call());
    written.remove(CALL_BUDGET.name());
    scenario.complete(selection, SelectionProcess.Elements.WRITE_CALL, "suzuki", written);
    scenario.complete(selection, SelectionProcess.Elements.CHECK_CALL, "tanaka", SelectionScenario.publish(1, "ito"));
    assertThat(scenario.records.call(scenario.callNumber(selection)).orElseThrow().budgetFrame()).isEqualTo(900_000L);
    scenario.jdbc.update("DELETE FROM kyodo_project_year WHERE project_number = '2026-901'");
  }

  List<String> queued(String pattern) {
    return scenario.jdbc.queryForList("SELECT notice_key FROM kyodo_mail_outbox WHERE notice_key LIKE ?", String.class,
        pattern);
  }
}
