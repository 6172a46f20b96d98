package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;
import static jp.kyodo.execution.ExecutionScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.agreement.AgreementScenario;
import static jp.kyodo.agreement.AgreementScenario.with;
import jp.kyodo.execution.ExecutionProcess.Elements;
import jp.kyodo.forms.InvalidInputException;
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
 * Every path of ④ 事業の実施 on a concluded agreement (term 2026-04-01 – 2027-03-31, quarterly reports,
 * a burden charge of 800,000 yen with 300,000 in advance), timers run on a controlled clock.
 */
class ExecutionProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  ExecutionScenario scenario;
  List<String> deployments;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new ExecutionScenario(engine);
    deployments = scenario.deploy();
  }

  @AfterEach
  void tearDown() {
    scenario.clearOwnTables();
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    Mocks.reset();
    ClockUtil.reset();
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return assertThat(input.getMessage());
      }
    }
    throw new AssertionError("expected the input to be refused, got " + thrown, thrown);
  }

  void withAddress(String userId, String address) {
    org.camunda.bpm.engine.identity.User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    user.setEmail(address);
    engine.getIdentityService().saveUser(user);
  }

  /**
   * The late report by mail (docs/notifications.md): the reminder queued REPORT_LATE for the partner's members with a
   * link to the open report task, the escalation for the managers; a real SMTP server (GreenMail) receives both.
   */
  void lateReportMail(Task late, Task escalation) throws Exception {
    org.springframework.jdbc.core.JdbcTemplate jdbc = scenario.agreement.jdbc;
    java.util.List<Map<String, Object>> rows = jdbc.queryForList("SELECT notice_key, user_id, kind, subject, link, status"
        + " FROM kyodo_mail_outbox WHERE kind = 'REPORT_LATE' AND (link LIKE ? OR link LIKE ?)",
        "%task=" + late.getId(), "%task=" + escalation.getId());
    assertThat(rows).extracting(r -> r.get("USER_ID") + " " + r.get("SUBJECT")).containsExactlyInAnyOrder(
        "hikari 進捗報告（第2回）の提出をお願いします",
        "sato 督促後も進捗報告が提出されていません（協定 " + engine.getRuntimeService()
            .getVariable(escalation.getProcessInstanceId(), AGREEMENT_NUMBER.name()) + "）");
    com.icegreen.greenmail.util.GreenMail smtp =
        new com.icegreen.greenmail.util.GreenMail(com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try {
      org.springframework.mail.javamail.JavaMailSenderImpl mail = new org.springframework.mail.javamail.JavaMailSenderImpl();
      mail.setHost("localhost");
      mail.setPort(smtp.getSmtp().getPort());
      var beans = new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("mailSender", mail));
      var sender = new jp.kyodo.mail.OutboxSender(jdbc,
          beans.getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class),
          new jp.kyodo.mail.MailSettings(true, "noreply@kyodo.example.jp", "https://kyodo.city.example.jp", 3, "PT1M",
              "PT1H", "PT5M", 50));
      sender.sendDue();
      String toHikari = null;
      String toSato = null;
      for (jakarta.mail.internet.MimeMessage received : smtp.getReceivedMessages()) {
        String to = String.valueOf(java.util.Arrays.asList(received.getAllRecipients()));
        String text = received.getSubject() + "\n" + received.getContent();
        if (to.contains("hikari@example.org") && text.contains("task=" + late.getId())) {
          toHikari = text;
        } else if (to.contains("sato@city.example.jp") && text.contains("task=" + escalation.getId())) {
          toSato = text;
        }
      }
      assertThat(toHikari).startsWith("【Kyodo】進捗報告（第2回）の提出をお願いします").contains("光 陽子 様",
          "https://kyodo.city.example.jp/camunda/app/tasklist/" + engine.getName() + "/#/?task=" + late.getId());
      assertThat(toSato).startsWith("【Kyodo】督促後も進捗報告が提出されていません").contains("佐藤 健 様", "報告の遅れに対応する");
    } finally {
      smtp.stop();
    }
  }

  String variablesOf(ProcessInstance instance) {
    return new TreeMap<>(engine.getRuntimeService().getVariables(instance.getId())).toString();
  }

  void assertRefusedAndUnchanged(ProcessInstance instance, Task task, String user, Map<String, Object> values, String message) {
    String before = variablesOf(instance);
    assertRefused(() -> scenario.complete(task, user, values)).contains(message);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(variablesOf(instance)).isEqualTo(before);
  }

  Task only(ProcessInstance instance, String key) {
    List<Task> open = scenario.tasks(instance, key);
    assertThat(open).as(key).hasSize(1);
    return open.get(0);
  }

  boolean candidate(Task task, String group) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> group.equals(link.getGroupId()));
  }

  String agreementNumber;

  ProcessInstance started() {
    agreementNumber = scenario.agreement.concluded();
    return scenario.start("suzuki", agreementNumber);
  }

  @Test
  void theWholeTermFromAdvancePaymentToInspectionAndFinalPayment() throws Exception {
    ProcessInstance instance = started();
    assertThat(scenario.variable(instance, REPORT_CYCLE.name())).isEqualTo("R3/2026-07-01T09:00:00+09:00/P3M");
    assertThat(scenario.variable(instance, TITLE.name())).isEqualTo("高齢者の見守りと居場所づくり");
    Task advance = only(instance, Elements.PAY_ADVANCE);
    assertThat(advance.getAssignee()).isEqualTo("suzuki");
    assertThat(candidate(advance, "dept-fukushi")).isTrue();
    for (String standing : List.of(Elements.PARTNER_REPORTS_ISSUE, Elements.PARTNER_PROPOSES_CHANGE)) {
      assertThat(candidate(only(instance, standing), "org-hikari")).as(standing).isTrue();
    }
    for (String standing : List.of(Elements.DEPARTMENT_REPORTS_ISSUE, Elements.DEPARTMENT_PROPOSES_CHANGE, Elements.REQUEST_HANDOVER)) {
      assertThat(candidate(only(instance, standing), "dept-fukushi")).as(standing).isTrue();
    }

    scenario.complete(advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000, ADVANCE_PAID_ON.name(), "2026-04-01"));

    // First quarter: the report comes due, the department asks for more, then accepts.
    moveTo("2026-07-01T00:00:01Z");
    assertThat(scenario.runDueJobs(instance)).isEqualTo(1);
    Task report = only(instance, Elements.SUBMIT_REPORT);
    assertThat(candidate(report, "org-hikari")).isTrue();
    assertThat(report.getDueDate()).isEqualTo(Date.from(java.time.Instant.parse("2026-07-08T00:00:01Z")));
    scenario.complete(report, "hikari", report("4月〜6月: 訪問を開始"));
    scenario.complete(instance, Elements.REVIEW_REPORT, "suzuki",
        values(REVIEW_DECISION.name(), "MORE", REVIEW_COMMENT.name(), "訪問件数の内訳を"));
    Task again = only(instance, Elements.SUBMIT_REPORT);
    assertThat(engine.getTaskService().getVariable(again.getId(), REVIEW_COMMENT.name())).isEqualTo("訪問件数の内訳を");
    scenario.complete(again, "hikari", report("4月〜6月: 訪問を開始（内訳を追加）"));
    scenario.complete(instance, Elements.REVIEW_REPORT, "suzuki", values(REVIEW_DECISION.name(), "ACCEPT"));
    assertThat(scenario.tasks(instance, Elements.SUBMIT_REPORT)).isEmpty();

    // Mid-term check at the middle of the term.
    moveTo("2026-09-30T00:00:01Z");
    scenario.runDueJobs(instance);
    Task midterm = only(instance, Elements.MIDTERM);
    assertThat(midterm.getAssignee()).isEqualTo("suzuki");
    scenario.complete(midterm, "suzuki", values(MIDTERM_PROGRESS.name(), "DELAYED", MIDTERM_FINDINGS.name(), "サロン参加者が少ない",
        MIDTERM_ACTIONS.name(), "チラシを自治会で回覧", MIDTERM_WITH_PARTNER.name(), true));

    // A trouble (serious: to the manager, who asks once for a better response), a plan change both agree to.
    scenario.complete(instance, Elements.PARTNER_REPORTS_ISSUE, "hikari", values(ISSUE_TITLE.name(), "訪問先で転倒事故",
        ISSUE_DESCRIPTION.name(), "10月2日、訪問先の高齢者が転倒", ISSUE_SEVERITY.name(), "SERIOUS"));
    assertThat(candidate(only(instance, Elements.PARTNER_REPORTS_ISSUE), "org-hikari")).as("stays open for the next").isTrue();
    Task handle = only(instance, Elements.HANDLE_ISSUE);
    assertThat(engine.getTaskService().getVariable(handle.getId(), CLAUSE_TROUBLE.name())).asString().contains("双方協力して解決");
    scenario.complete(handle, "suzuki", values(ISSUE_RESPONSE.name(), "家族に連絡し、保険の手続き", ESCALATE_ISSUE.name(), false));
    assertThat(scenario.tasks(instance, Elements.DECIDE_ISSUE)).as("the partner is heard first").isEmpty();
    Task view = only(instance, Elements.STATE_ISSUE_VIEW);
    assertThat(candidate(view, "org-hikari")).isTrue();
    scenario.complete(view, "hikari", values(ISSUE_PARTNER_VIEW.name(), "訪問時の声かけを徹底したい", ISSUE_PARTNER_WISH.name(), "CONTINUE"));
    Task decide = only(instance, Elements.DECIDE_ISSUE);
    assertThat(candidate(decide, "managers")).isTrue();
    assertThat(engine.getTaskService().getVariable(decide.getId(), ISSUE_PARTNER_VIEW.name())).isEqualTo("訪問時の声かけを徹底したい");
    scenario.complete(decide, "sato", values(ISSUE_DECISION.name(), "REDO", ISSUE_DECISION_COMMENT.name(), "再発防止策も"));
    scenario.complete(instance, Elements.HANDLE_ISSUE, "suzuki",
        values(ISSUE_RESPONSE.name(), "訪問は2人1組にする", ESCALATE_ISSUE.name(), false));
    scenario.complete(instance, Elements.STATE_ISSUE_VIEW, "hikari", values(ISSUE_PARTNER_VIEW.name(), "2人1組で対応できる",
        ISSUE_PARTNER_WISH.name(), "CONTINUE"));
    scenario.complete(instance, Elements.DECIDE_ISSUE, "sato", values(ISSUE_DECISION.name(), "ACCEPT", ISSUE_DECISION_COMMENT.name(), "了承"));
    assertThat(scenario.tasks(instance, Elements.HANDLE_ISSUE)).isEmpty();

    scenario.complete(instance, Elements.PARTNER_PROPOSES_CHANGE, "hikari", values(CHANGE_SUMMARY.name(), "サロンを月3回に",
        CHANGE_REASON.name(), "参加希望が多い", CHANGE_DETAILS.name(), "サロンを月3回、会場は同じ"));
    Task answer = only(instance, Elements.ANSWER_PLAN_CHANGE);
    assertThat(candidate(answer, "dept-fukushi")).isTrue();
    scenario.complete(answer, "suzuki", values(PLAN_CHANGE_ANSWER.name(), "AGREE"));

    // The second report is late: a reminder, then an escalation, and the report task stays open throughout.
    moveTo("2026-10-01T00:00:01Z");
    scenario.runDueJobs(instance);
    Task late = only(instance, Elements.SUBMIT_REPORT);
    withAddress("hikari", "hikari@example.org");
    withAddress("sato", "sato@city.example.jp");
    moveTo("2026-10-08T00:00:02Z");
    scenario.runDueJobs(instance);
    assertThat(only(instance, Elements.SUBMIT_REPORT).getId()).isEqualTo(late.getId());
    assertThat(engine.getTaskService().getVariable(late.getId(), REPORT_REMINDED_ON.name())).isEqualTo("2026-10-08");
    assertThat(scenario.tasks(instance, Elements.HANDLE_LATE_REPORT)).isEmpty();
    moveTo("2026-10-15T00:00:02Z");
    scenario.runDueJobs(instance);
    Task escalation = only(instance, Elements.HANDLE_LATE_REPORT);
    assertThat(candidate(escalation, "dept-fukushi")).isTrue();
    assertThat(only(instance, Elements.SUBMIT_REPORT).getId()).isEqualTo(late.getId());
    lateReportMail(late, escalation);
    scenario.complete(escalation, "suzuki", values(LATE_ACTION.name(), "電話で確認、事故対応で遅れている"));
    scenario.complete(late, "hikari", report("7月〜9月: 事故対応のため遅れて提出"));

    // Staff change while the review of that report waits for the outgoing main person.
    Task review = only(instance, Elements.REVIEW_REPORT);
    assertThat(review.getAssignee()).isEqualTo("suzuki");
    scenario.complete(instance, Elements.REQUEST_HANDOVER, "suzuki", values(NEW_MAIN_STAFF.name(), "kobayashi",
        NEW_DEPUTY_STAFF.name(), "yamamoto", HANDOVER_REASON.name(), "人事異動"));
    Task hold = only(instance, Elements.HOLD_HANDOVER);
    assertThat(hold.getAssignee()).isEqualTo("suzuki");
    Map<String, Object> meeting = values(HANDOVER_HELD_ON.name(), "2026-10-15", PARTNER_ATTENDEE.name(), "光 陽子（代表）",
        HANDOVER_NOTES.name(), "目的・役割分担・事故対応の経過を共有", HANDOVER_PURPOSE_SHARED.name(), true);
    scenario.complete(hold, "suzuki", meeting);
    scenario.complete(instance, Elements.CONFIRM_HANDOVER, "hikari",
        values(HANDOVER_CONFIRMATION.name(), "DISPUTE", HANDOVER_PARTNER_COMMENT.name(), "副担当の方も同席してほしい"));
    scenario.complete(instance, Elements.HOLD_HANDOVER, "suzuki", meeting);
    scenario.complete(instance, Elements.CONFIRM_HANDOVER, "hikari", values(HANDOVER_CONFIRMATION.name(), "CONFIRM"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), MAIN_STAFF.name())).isEqualTo("kobayashi");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), DEPUTY_STAFF.name())).isEqualTo("yamamoto");
    assertThat(only(instance, Elements.REVIEW_REPORT).getAssignee()).as("the work moved to the new person").isEqualTo("kobayashi");
    scenario.complete(instance, Elements.REVIEW_REPORT, "kobayashi", values(REVIEW_DECISION.name(), "ACCEPT"));

    // Third quarter, then the term ends: the completion report closes the standing requests.
    moveTo("2027-01-01T00:00:01Z");
    scenario.runDueJobs(instance);
    scenario.complete(instance, Elements.SUBMIT_REPORT, "hikari", report("10月〜12月"));
    scenario.complete(instance, Elements.REVIEW_REPORT, "kobayashi", values(REVIEW_DECISION.name(), "ACCEPT"));
    moveTo("2027-03-31T15:00:01Z");
    scenario.runDueJobs(instance);
    assertThat(scenario.tasks(instance, Elements.SUBMIT_REPORT)).as("three reports only").isEmpty();
    scenario.complete(instance, Elements.SUBMIT_COMPLETION, "hikari", completion());
    for (String standing : List.of(Elements.PARTNER_REPORTS_ISSUE, Elements.DEPARTMENT_REPORTS_ISSUE,
        Elements.PARTNER_PROPOSES_CHANGE, Elements.DEPARTMENT_PROPOSES_CHANGE, Elements.REQUEST_HANDOVER)) {
      assertThat(scenario.tasks(instance, standing)).as(standing + " withdrawn").isEmpty();
    }

    // Inspection: once corrected, then passed; the rest is paid (reduced by the surplus) and the execution closes.
    Task inspect = only(instance, Elements.INSPECT);
    assertThat(inspect.getAssignee()).isEqualTo("kobayashi");
    assertThat(engine.getTaskService().getVariable(inspect.getId(), APPLIED_PLAN_CHANGES.name())).asString().contains("サロンを月3回に");
    scenario.complete(inspect, "kobayashi", values(INSPECTION_RESULT.name(), "CORRECT",
        INSPECTION_COMMENT.name(), "経費の内訳を添付", INSPECTED_ON.name(), "2027-03-31"));
    scenario.complete(instance, Elements.CORRECT_COMPLETION, "hikari", completion());
    scenario.complete(instance, Elements.INSPECT, "kobayashi", values(INSPECTION_RESULT.name(), "PASS", INSPECTED_ON.name(), "2027-03-31"));
    scenario.complete(instance, Elements.PAY_AFTER_COMPLETION, "kobayashi", values(FINAL_PAID_AMOUNT.name(), 480_000,
        FINAL_PAID_ON.name(), "2027-03-31", FINAL_REDUCTION_REASON.name(), "剰余金2万円を減額（旭川 Q27）"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.CLOSE, Elements.END_COMPLETED);
    assertThat(scenario.variable(instance, EXECUTION_COMPLETED.name())).isEqualTo(true);
    assertThat(scenario.variable(instance, EXECUTION_OUTCOME.name())).isEqualTo("COMPLETED");
    assertThat(scenario.variable(instance, EXECUTION_OUTCOME_LABEL.name())).isEqualTo("完了（実施報告の検査に合格）");
    assertThat(scenario.variable(instance, SETTLEMENT_SUMMARY.name())).isNull();
    ExecutionRepository.Execution record = scenario.executions.execution(agreementNumber);
    assertThat(record.status()).isEqualTo("COMPLETED");
    assertThat(record.mainStaff()).isEqualTo("kobayashi");
    assertThat(record.inspectionResult()).isEqualTo("PASS");
    assertThat(record.midtermProgress()).isEqualTo("DELAYED");
    assertThat(scenario.executions.goalResults(agreementNumber)).containsEntry("G1", "ACHIEVED").containsEntry("G2", "PARTLY");
    assertThat(scenario.executions.payments(agreementNumber)).extracting(p -> p.kind() + ":" + p.amount() + ":" + p.paidOn())
        .containsExactly("ADVANCE:300000:2026-04-01", "AFTER_COMPLETION:480000:2027-03-31");
    List<ExecutionRepository.Report> reports = scenario.executions.reports(agreementNumber);
    assertThat(reports).extracting(ExecutionRepository.Report::status).containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED");
    assertThat(reports.get(0).rounds()).isEqualTo(2);
    assertThat(reports.get(1).remindedAt()).isNotNull();
    assertThat(reports.get(1).lateAction()).isEqualTo("電話で確認、事故対応で遅れている");
    assertThat(reports.get(1).reviewedBy()).isEqualTo("kobayashi");
    assertThat(scenario.executions.issues(agreementNumber)).singleElement()
        .satisfies(i -> assertThat(i.status() + ":" + i.decidedBy() + ":" + i.raisedSide()).isEqualTo("CLOSED:sato:PARTNER"));
    assertThat(scenario.executions.issueHearing(scenario.executions.issues(agreementNumber).get(0).id()).partnerView())
        .isEqualTo("2人1組で対応できる");
    assertThat(scenario.executions.planChanges(agreementNumber)).singleElement()
        .satisfies(c -> assertThat(c.status() + ":" + c.answeredBy()).isEqualTo("APPLIED:suzuki"));
    assertThat(scenario.executions.handovers(agreementNumber)).singleElement()
        .satisfies(h -> assertThat(h.status() + ":" + h.partnerAnswer() + ":" + h.partnerAttendee())
            .isEqualTo("COMPLETED:CONFIRM:光 陽子（代表）"));
  }

  // Serious issues: the partner heard, suspension, resumption, termination with settlement (旭川 Q76)

  /** Raises a serious issue from a standing task and has the department handle it: the partner is asked next. */
  void seriousIssue(ProcessInstance instance, String standingTask, String user, String title) {
    scenario.complete(instance, standingTask, user, values(ISSUE_TITLE.name(), title, ISSUE_DESCRIPTION.name(),
        title + "の詳細", ISSUE_SEVERITY.name(), "SERIOUS"));
    Task handle = scenario.tasks(instance, Elements.HANDLE_ISSUE).get(scenario.tasks(instance, Elements.HANDLE_ISSUE).size() - 1);
    scenario.complete(handle, "suzuki", values(ISSUE_RESPONSE.name(), "事実を確認し、団体と対応を協議した", ESCALATE_ISSUE.name(), false));
  }

  void heard(ProcessInstance instance, String wish) {
    scenario.complete(instance, Elements.STATE_ISSUE_VIEW, "hikari", values(ISSUE_PARTNER_VIEW.name(), "団体としての見解（" + wish + "）",
        ISSUE_PARTNER_WISH.name(), wish));
  }

  void decide(ProcessInstance instance, String decision, String reason) {
    scenario.complete(instance, Elements.DECIDE_ISSUE, "sato", values(ISSUE_DECISION.name(), decision,
        ISSUE_DECISION_COMMENT.name(), reason));
  }

  long timers(ProcessInstance instance, boolean suspended) {
    var query = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers();
    return (suspended ? query.suspended() : query.active()).count();
  }

  Map<String, Object> settlement(long pay, long repay) {
    return values(SETTLEMENT_DONE.name(), "4月〜9月の見守り訪問（延べ180件）とサロン12回", SETTLEMENT_PAY.name(), pay,
        SETTLEMENT_REPAY.name(), repay, SETTLEMENT_NOTE.name(), "訪問記録は市に引き渡す");
  }

  @Test
  void aSuspendedExecutionStopsItsTimersAndPaymentsUntilTheManagerResumesIt() {
    ProcessInstance instance = started();
    Task advance = only(instance, Elements.PAY_ADVANCE);
    seriousIssue(instance, Elements.PARTNER_REPORTS_ISSUE, "hikari", "訪問員の不足");
    Task view = only(instance, Elements.STATE_ISSUE_VIEW);
    assertThat(engine.getTaskService().getVariable(view.getId(), CLAUSE_TROUBLE.name())).asString().contains("双方協力して解決");
    heard(instance, "SUSPEND");
    long running = timers(instance, false);
    assertThat(running).as("report cycle, mid-term, end of reporting, end of term").isEqualTo(4);
    decide(instance, "SUSPEND", "訪問員を確保するまで停止する");

    assertThat(timers(instance, false)).isZero();
    assertThat(timers(instance, true)).isEqualTo(running);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), EXECUTION_SUSPENDED.name())).isEqualTo(true);
    assertThat(scenario.executions.execution(agreementNumber).status()).isEqualTo("SUSPENDED");
    assertRefusedAndUnchanged(instance, advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000, ADVANCE_PAID_ON.name(),
        "2026-04-01"), "一時停止中です。再開が決まるまで支払はできません");
    moveTo("2026-07-01T00:00:01Z");
    assertThat(scenario.runDueJobs(instance)).as("the report date passes while suspended").isZero();
    assertThat(scenario.tasks(instance, Elements.SUBMIT_REPORT)).isEmpty();

    // The partner raised it: the partner works on it, is heard again, and the manager resumes.
    Task resolve = only(instance, Elements.RESOLVE_SUSPENDED_ISSUE);
    assertThat(candidate(resolve, "org-hikari")).isTrue();
    assertThat(candidate(resolve, "dept-fukushi")).isFalse();
    scenario.complete(resolve, "hikari", values(ISSUE_MEASURES.name(), "訪問員を3人増やし研修を終えた", ISSUE_READY_TO_RESUME.name(), true));
    heard(instance, "CONTINUE");
    assertRefusedAndUnchanged(instance, only(instance, Elements.DECIDE_ISSUE), "sato", values(ISSUE_DECISION.name(), "ACCEPT",
        ISSUE_DECISION_COMMENT.name(), "了承"), "事業はこの課題で一時停止しています");
    decide(instance, "RESUME", "体制が整ったので再開する");

    assertThat(timers(instance, true)).isZero();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), EXECUTION_SUSPENDED.name())).isEqualTo(false);
    assertThat(scenario.runDueJobs(instance)).as("the report date that passed comes due at once").isEqualTo(1);
    assertThat(only(instance, Elements.SUBMIT_REPORT)).isNotNull();
    scenario.complete(advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000, ADVANCE_PAID_ON.name(), "2026-04-01"));
    BpmnAwareTests.assertThat(instance).hasPassed(Elements.SUSPEND, Elements.RESUME, Elements.ISSUE_RESUMED);
    assertThat(scenario.executions.execution(agreementNumber).status()).isEqualTo("RUNNING");
    assertThat(scenario.executions.suspensions(agreementNumber)).singleElement().satisfies(x -> assertThat(
        x.suspendedBy() + ":" + x.timersStopped() + ":" + x.resumedBy() + ":" + x.resumeReason())
        .isEqualTo("sato:4:sato:体制が整ったので再開する"));
    assertThat(scenario.executions.issues(agreementNumber)).singleElement().satisfies(i -> {
      assertThat(i.status() + ":" + i.managerDecision()).isEqualTo("CLOSED:RESUME");
      assertThat(scenario.executions.issueHearing(i.id()).measures()).isEqualTo("訪問員を3人増やし研修を終えた");
    });
  }

  @Test
  void anIssueTheDepartmentRaisedIsWorkedOnThereWhileSuspendedAndEndsInTerminationWithASettlement() {
    ProcessInstance instance = started();
    scenario.complete(instance, Elements.PAY_ADVANCE, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000,
        ADVANCE_PAID_ON.name(), "2026-04-01"));
    seriousIssue(instance, Elements.DEPARTMENT_REPORTS_ISSUE, "yamamoto", "個人情報を記録した名簿の紛失");
    heard(instance, "SUSPEND");
    decide(instance, "SUSPEND", "原因がわかるまで停止する");
    Task resolve = only(instance, Elements.RESOLVE_SUSPENDED_ISSUE);
    assertThat(candidate(resolve, "dept-fukushi")).as("the department raised it").isTrue();
    assertThat(candidate(resolve, "org-hikari")).isFalse();
    scenario.complete(resolve, "suzuki", values(ISSUE_MEASURES.name(), "名簿は見つからず、団体の管理体制に不備", ISSUE_READY_TO_RESUME.name(), false));
    heard(instance, "TERMINATE");
    decide(instance, "TERMINATE", "管理体制を立て直せないため中止する");

    BpmnAwareTests.assertThat(instance).hasPassed(Elements.TERMINATION_DECIDED, Elements.TERMINATING).isWaitingAt(Elements.DRAFT_SETTLEMENT);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("the term's timers went with it").isZero();
    for (String standing : List.of(Elements.PARTNER_REPORTS_ISSUE, Elements.DEPARTMENT_REPORTS_ISSUE,
        Elements.PARTNER_PROPOSES_CHANGE, Elements.DEPARTMENT_PROPOSES_CHANGE, Elements.REQUEST_HANDOVER)) {
      assertThat(scenario.tasks(instance, standing)).as(standing).isEmpty();
    }
    Task draft = only(instance, Elements.DRAFT_SETTLEMENT);
    assertThat(draft.getAssignee()).isEqualTo("suzuki");
    assertThat(engine.getTaskService().getVariable(draft.getId(), PAID_SO_FAR.name())).isEqualTo(300_000L);
    assertThat(engine.getTaskService().getVariable(draft.getId(), PAYMENT_TOTAL.name())).isEqualTo(800_000L);
    assertThat(engine.getTaskService().getVariable(draft.getId(), TERMINATION_REASON.name())).isEqualTo("管理体制を立て直せないため中止する");
    assertThat(engine.getTaskService().getVariable(draft.getId(), CLAUSE_TROUBLE.name())).asString().contains("双方協力して解決");
    assertRefusedAndUnchanged(instance, draft, "suzuki", settlement(100_000, 100_000), "支払と返還は同時に決められません");
    assertRefusedAndUnchanged(instance, draft, "suzuki", settlement(0, 300_001), "これまでに支払った額を超えられません");
    assertRefusedAndUnchanged(instance, draft, "suzuki", settlement(500_001, 0), "まだ支払っていない額を超えられません");
    scenario.complete(draft, "suzuki", settlement(0, 100_000));
    Task confirm = only(instance, Elements.CONFIRM_SETTLEMENT);
    assertThat(candidate(confirm, "org-hikari")).isTrue();
    scenario.complete(confirm, "hikari", values(SETTLEMENT_CONFIRMATION.name(), "AGREE"));
    Task approve = only(instance, Elements.APPROVE_SETTLEMENT);
    assertThat(candidate(approve, "managers")).isTrue();
    scenario.complete(approve, "sato", values(SETTLEMENT_APPROVAL.name(), "APPROVE"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.SETTLE_TERMINATION, Elements.END_TERMINATED)
        .hasNotPassed(Elements.END_COMPLETED);
    assertThat(scenario.variable(instance, EXECUTION_OUTCOME.name())).isEqualTo("TERMINATED");
    assertThat(scenario.variable(instance, EXECUTION_OUTCOME_LABEL.name())).isEqualTo("中止（精算済み）");
    assertThat(scenario.variable(instance, EXECUTION_COMPLETED.name())).isEqualTo(false);
    assertThat((String) scenario.variable(instance, SETTLEMENT_SUMMARY.name())).contains("中止の理由: 管理体制を立て直せないため中止する",
        "実施した内容: 4月〜9月の見守り訪問", "支払済みの額: 300,000円（協定の支払額 800,000円）", "精算で支払う額: 0円",
        "返還を求める額: 100,000円", "その他の取り決め: 訪問記録は市に引き渡す", "団体の同意: hikari、決裁: sato");
    ExecutionRepository.Execution record = scenario.executions.execution(agreementNumber);
    assertThat(record.status()).isEqualTo("TERMINATED");
    assertThat(record.terminatedAt()).isNotNull();
    assertThat(scenario.executions.settlement(agreementNumber)).hasValueSatisfying(x -> assertThat(x.status() + ":"
        + x.decidedBy() + ":" + x.paidBefore() + ":" + x.repayAmount() + ":" + x.partnerAnsweredBy() + ":" + x.approvedBy())
        .isEqualTo("SETTLED:sato:300000:100000:hikari:sato"));
    assertThat(scenario.executions.issues(agreementNumber)).singleElement()
        .satisfies(i -> assertThat(i.status() + ":" + i.raisedSide()).isEqualTo("TERMINATED:DEPARTMENT"));
    assertThat(scenario.executions.suspensions(agreementNumber)).singleElement()
        .satisfies(x -> assertThat(x.resumedAt()).isNull());
  }

  @Test
  void aSettlementIsDraftedAgainWhenThePartnerObjectsOrTheManagerReturnsIt() {
    ProcessInstance instance = started();
    seriousIssue(instance, Elements.PARTNER_REPORTS_ISSUE, "hikari", "代表者の辞任で活動が続けられない");
    heard(instance, "TERMINATE");
    decide(instance, "TERMINATE", "団体の申出により中止する");
    assertThat(scenario.tasks(instance, Elements.PAY_ADVANCE)).as("no payment after the decision").isEmpty();
    Task draft = only(instance, Elements.DRAFT_SETTLEMENT);
    assertRefusedAndUnchanged(instance, draft, "suzuki", settlement(0, 1), "これまでに支払った額を超えられません");
    assertRefusedAndUnchanged(instance, draft, "suzuki", settlement(800_001, 0), "まだ支払っていない額を超えられません");
    scenario.complete(draft, "suzuki", settlement(200_000, 0));
    Task confirm = only(instance, Elements.CONFIRM_SETTLEMENT);
    assertRefusedAndUnchanged(instance, confirm, "hikari", values(SETTLEMENT_CONFIRMATION.name(), "OBJECT"), "同意しない理由");
    scenario.complete(confirm, "hikari", values(SETTLEMENT_CONFIRMATION.name(), "OBJECT", SETTLEMENT_PARTNER_COMMENT.name(),
        "訪問員の謝礼の実費は30万円"));
    Task again = only(instance, Elements.DRAFT_SETTLEMENT);
    assertThat(engine.getTaskService().getVariable(again.getId(), SETTLEMENT_LAST_REQUEST.name()))
        .isEqualTo("協働パートナー（hikari）: 訪問員の謝礼の実費は30万円");
    scenario.complete(again, "suzuki", settlement(300_000, 0));
    scenario.complete(instance, Elements.CONFIRM_SETTLEMENT, "hikari", values(SETTLEMENT_CONFIRMATION.name(), "AGREE"));
    assertRefusedAndUnchanged(instance, only(instance, Elements.APPROVE_SETTLEMENT), "sato",
        values(SETTLEMENT_APPROVAL.name(), "RETURN"), "差し戻す理由");
    scenario.complete(instance, Elements.APPROVE_SETTLEMENT, "sato", values(SETTLEMENT_APPROVAL.name(), "RETURN",
        SETTLEMENT_APPROVAL_COMMENT.name(), "領収書の写しを添えて"));
    assertThat(engine.getTaskService().getVariable(only(instance, Elements.DRAFT_SETTLEMENT).getId(),
        SETTLEMENT_LAST_REQUEST.name())).isEqualTo("決裁者（sato）: 領収書の写しを添えて");
    scenario.complete(instance, Elements.DRAFT_SETTLEMENT, "suzuki", settlement(300_000, 0));
    assertThat(engine.getTaskService().getVariable(only(instance, Elements.CONFIRM_SETTLEMENT).getId(),
        SETTLEMENT_CONFIRMATION.name())).as("a new draft is answered afresh").isNull();
    scenario.complete(instance, Elements.CONFIRM_SETTLEMENT, "hikari", values(SETTLEMENT_CONFIRMATION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE_SETTLEMENT, "sato", values(SETTLEMENT_APPROVAL.name(), "APPROVE"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(Elements.END_TERMINATED).hasNotPassed(Elements.SUSPEND);
    assertThat((String) scenario.variable(instance, SETTLEMENT_SUMMARY.name())).contains("支払済みの額: 0円",
        "精算で支払う額: 300,000円", "返還を求める額: 0円");
    assertThat(scenario.executions.settlement(agreementNumber)).hasValueSatisfying(x -> assertThat(x.payAmount() + ":"
        + x.approval() + ":" + x.partnerAnswer()).isEqualTo("300000:APPROVE:AGREE"));
  }

  /** Two serious issues at once: the second cannot suspend again or resume; no new deadline starts while suspended. */
  @Test
  void onlyTheIssueThatSuspendedTheExecutionResumesItAndNoDeadlineStartsMeanwhile() {
    ProcessInstance instance = started();
    moveTo("2026-07-01T00:00:01Z");
    scenario.runDueJobs(instance);
    scenario.complete(instance, Elements.SUBMIT_REPORT, "hikari", report("4月〜6月"));
    seriousIssue(instance, Elements.PARTNER_REPORTS_ISSUE, "hikari", "会場の閉鎖");
    heard(instance, "SUSPEND");
    decide(instance, "SUSPEND", "代わりの会場が決まるまで停止する");
    Task review = only(instance, Elements.REVIEW_REPORT);
    assertRefusedAndUnchanged(instance, review, "suzuki", values(REVIEW_DECISION.name(), "MORE", REVIEW_COMMENT.name(), "詳しく"),
        "一時停止中のため、追加の報告は求められません");
    scenario.complete(review, "suzuki", values(REVIEW_DECISION.name(), "ACCEPT"));

    seriousIssue(instance, Elements.DEPARTMENT_REPORTS_ISSUE, "yamamoto", "苦情の電話");
    heard(instance, "CONTINUE");
    List<Task> decisions = scenario.tasks(instance, Elements.DECIDE_ISSUE);
    assertThat(decisions).hasSize(1);
    Task second = decisions.get(0);
    assertRefusedAndUnchanged(instance, second, "sato", values(ISSUE_DECISION.name(), "SUSPEND", ISSUE_DECISION_COMMENT.name(), "停止"),
        "別の課題で既に一時停止しています");
    assertRefusedAndUnchanged(instance, second, "sato", values(ISSUE_DECISION.name(), "RESUME", ISSUE_DECISION_COMMENT.name(), "再開"),
        "この課題で事業を一時停止しているときだけ");
    scenario.complete(second, "sato", values(ISSUE_DECISION.name(), "ACCEPT", ISSUE_DECISION_COMMENT.name(), "対応を了承"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), EXECUTION_SUSPENDED.name())).as("still suspended").isEqualTo(true);
    assertThat(scenario.executions.issues(agreementNumber)).extracting(i -> i.status() + ":" + i.raisedSide())
        .containsExactlyInAnyOrder("SUSPENDED:PARTNER", "CLOSED:DEPARTMENT");
  }

  // Plan changes change the plan (評価シート 実施段階 3, 関市 V-4): as data, 変更協定 第N号, the 協定書 made again

  static Map<String, Object> proposal(String summary, Object... changes) {
    Map<String, Object> values = values(CHANGE_SUMMARY.name(), summary, CHANGE_REASON.name(), summary + "のため");
    values.putAll(values(changes));
    return values;
  }

  static String pdfText(byte[] pdf) {
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  Object taskValue(Task task, String name) {
    return engine.getTaskService().getVariable(task.getId(), name);
  }

  Date jobDue(ProcessInstance instance, String activity) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activity)
        .singleResult().getDuedate();
  }

  @Test
  void anAgreedChangeOfGoalsAndTermAmendsTheAgreementItsDocumentAndTheTimers() {
    ProcessInstance instance = started();
    Task partners = only(instance, Elements.PARTNER_PROPOSES_CHANGE);
    assertThat(taskValue(partners, NEW_GOAL_TEXT.get(0).name())).as("filled in with the agreement").isEqualTo("独居高齢者の見守り訪問");
    assertThat(taskValue(partners, NEW_BUDGET_AMOUNT.get(0).name())).isEqualTo(600_000L);
    assertThat(taskValue(partners, NEW_ADVANCE_AMOUNT.name())).isEqualTo(300_000L);
    assertThat(taskValue(partners, NEW_TERM_END.name())).isEqualTo("2027-03-31");
    byte[] concluded = scenario.agreement.agreements.document(agreementNumber).orElseThrow().content();

    Task departments = only(instance, Elements.DEPARTMENT_PROPOSES_CHANGE);
    Map<String, Object> change = proposal("期間を2月末までにし、担い手の育成を加える", NEW_GOAL_INDICATOR.get(1).name(),
        "月3回・参加者 月40人", NEW_GOAL_TEXT.get(2).name(), "担い手の育成", NEW_GOAL_INDICATOR.get(2).name(), "新しい訪問員10人",
        NEW_GOAL_DUE.get(2).name(), "2027-02-28", NEW_TERM_END.name(), "2027-02-28");
    assertRefusedAndUnchanged(instance, departments, "suzuki", change, "「成果目標1の達成期限（修正後）」は、協定の期間（修正後）の中");
    assertRefusedAndUnchanged(instance, departments, "suzuki", with(change, NEW_GOAL_DUE.get(0).name(), "2027-02-28",
        NEW_TERM_END.name(), "2027-04-30"), "「期間の終わり（修正後）」は今日以後で、協定の年度");
    scenario.complete(departments, "suzuki", with(change, NEW_GOAL_DUE.get(0).name(), "2027-02-28"));

    Task answer = only(instance, Elements.ANSWER_PLAN_CHANGE);
    assertThat(candidate(answer, "org-hikari")).isTrue();
    assertThat((String) taskValue(answer, CHANGE_DIFF.name())).contains(
        "成果目標G1: 「独居高齢者の見守り訪問」（指標 訪問 延べ400件、期限 2027-03-31） → 「独居高齢者の見守り訪問」（指標 訪問 延べ400件、期限 2027-02-28）",
        "成果目標G3を加える: 「担い手の育成」（指標 新しい訪問員10人、期限 2027-02-28）", "期間の終わり: 2027-03-31 → 2027-02-28");
    assertThat(taskValue(answer, CHANGE_MONEY.name())).isEqualTo(false);
    scenario.complete(answer, "hikari", values(PLAN_CHANGE_ANSWER.name(), "AGREE"));

    assertThat(scenario.tasks(instance, Elements.APPROVE_PLAN_CHANGE)).as("no money changes").isEmpty();
    jp.kyodo.agreement.Agreement amended = scenario.agreement.agreements.find(agreementNumber).orElseThrow();
    assertThat(amended.goals()).extracting(g -> g.id() + " " + g.indicator() + " " + g.due()).containsExactly(
        "G1 訪問 延べ400件 2027-02-28", "G2 月3回・参加者 月40人 2026-12-31", "G3 新しい訪問員10人 2027-02-28");
    assertThat(amended.termEnd()).hasToString("2027-02-28");
    assertThat(amended.payment().amount()).isEqualTo(800_000L);
    assertThat(scenario.agreement.agreements.amendmentNo(agreementNumber)).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), AMENDMENT_NO.name())).isEqualTo(1L);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), GOAL_TEXT.get(2).name())).isEqualTo("G3 担い手の育成");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), TERM_END.name())).isEqualTo("2027-02-28");
    assertThat(jobDue(instance, Elements.TERM_END_TIMER)).isEqualTo(Date.from(java.time.Instant.parse("2027-02-28T15:00:00Z")));
    assertThat(jobDue(instance, Elements.REPORTING_UNTIL_TERM_END)).isEqualTo(Date.from(java.time.Instant.parse("2027-02-28T15:00:00Z")));
    assertThat(jobDue(instance, Elements.MIDTERM_TIMER)).isEqualTo(Date.from(java.time.Instant.parse("2026-09-14T00:00:00Z")));
    assertThat(taskValue(only(instance, Elements.PARTNER_PROPOSES_CHANGE), NEW_TERM_END.name()))
        .as("open proposals are filled in again").isEqualTo("2027-02-28");
    assertThat(scenario.executions.planChanges(agreementNumber)).singleElement().satisfies(c -> assertThat(c.status() + ":"
        + c.changedParts() + ":" + c.moneyChanged() + ":" + c.amendmentNo() + ":" + c.answeredBy())
        .isEqualTo("APPLIED:GOALS,TERM:false:1:hikari"));

    assertThat(scenario.runDueJobs(instance)).as("the amended 協定書, as its own job").isEqualTo(1);
    BpmnAwareTests.assertThat(instance).hasPassed(Elements.PRODUCE_AMENDED_AGREEMENT, Elements.AGREEMENT_AMENDED);
    String document = pdfText(scenario.agreement.agreements.document(agreementNumber).orElseThrow().content());
    assertThat(document).contains("変更協定 第1号", "変更の経過", "期間を2月末までにし、担い手の育成を加える", "担い手の育成",
        "2027年2月28日まで");
    assertThat(scenario.executions.replacedDocument(agreementNumber, 1)).as("the concluded 協定書 is kept").isEqualTo(concluded);
    assertThat(pdfText(concluded)).doesNotContain("変更協定");
  }

  @Test
  void aChangeOfMoneyTakesEffectOnlyWithTheManagersApproval() {
    ProcessInstance instance = started();
    scenario.complete(instance, Elements.PAY_ADVANCE, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000,
        ADVANCE_PAID_ON.name(), "2026-03-15"));
    Task partners = only(instance, Elements.PARTNER_PROPOSES_CHANGE);
    Map<String, Object> raise = proposal("訪問員の謝礼を増やす", NEW_BUDGET_AMOUNT.get(0).name(), 700_000);
    assertRefusedAndUnchanged(instance, partners, "hikari", with(raise, NEW_ADVANCE_AMOUNT.name(), 200_000),
        "前払金は支払済みのため");
    assertRefusedAndUnchanged(instance, partners, "hikari", with(raise, NEW_INCOME_OWN_FUNDS.name(), 50_000),
        "収支計画が合っていません");
    assertRefusedAndUnchanged(instance, partners, "hikari", proposal("変更なし"), "修正の内容がありません");
    scenario.complete(partners, "hikari", raise);
    Task answer = only(instance, Elements.ANSWER_PLAN_CHANGE);
    assertThat(taskValue(answer, CHANGE_MONEY.name())).isEqualTo(true);
    assertThat((String) taskValue(answer, CHANGE_DIFF.name())).contains("経費1: 「訪問員の謝礼」600,000円（団体が支出する（市からの支払で賄う））"
        + " → 「訪問員の謝礼」700,000円（団体が支出する（市からの支払で賄う））", "市から団体への支払: 800,000円（うち前払い 300,000円） → 900,000円（うち前払い 300,000円）");
    scenario.complete(answer, "suzuki", values(PLAN_CHANGE_ANSWER.name(), "AGREE"));
    assertThat(scenario.agreement.agreements.amendmentNo(agreementNumber)).as("not before the 決裁").isZero();

    Task approval = only(instance, Elements.APPROVE_PLAN_CHANGE);
    assertThat(candidate(approval, "managers")).isTrue();
    scenario.complete(approval, "sato", values(PLAN_CHANGE_APPROVAL.name(), "APPROVE"));

    jp.kyodo.agreement.Agreement amended = scenario.agreement.agreements.find(agreementNumber).orElseThrow();
    assertThat(amended.payment().amount() + ":" + amended.payment().advanceAmount() + ":" + amended.payment().finalAmount()
        + ":" + amended.expenditureTotal()).isEqualTo("900000:300000:600000:1150000");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), FINAL_AMOUNT.name())).isEqualTo(600_000L);
    assertThat(scenario.executions.planChanges(agreementNumber)).singleElement().satisfies(c -> assertThat(c.status() + ":"
        + c.changedParts() + ":" + c.approvedBy() + ":" + c.amendmentNo()).isEqualTo("APPLIED:BUDGET,PAYMENT:sato:1"));
    assertThat(scenario.executions.amendments(agreementNumber)).singleElement()
        .satisfies(a -> assertThat(a.approvedBy() + ":" + a.summary()).isEqualTo("sato:訪問員の謝礼を増やす"));
    scenario.runDueJobs(instance);
    assertThat(pdfText(scenario.agreement.agreements.document(agreementNumber).orElseThrow().content()))
        .contains("変更協定 第1号", "700,000円", "900,000円");
  }

  @Test
  void aChangeOfMoneyTheManagerDoesNotApproveChangesNothing() {
    ProcessInstance instance = started();
    scenario.complete(instance, Elements.DEPARTMENT_PROPOSES_CHANGE, "suzuki", proposal("前払いを減らす",
        NEW_ADVANCE_AMOUNT.name(), 200_000));
    scenario.complete(instance, Elements.ANSWER_PLAN_CHANGE, "hikari", values(PLAN_CHANGE_ANSWER.name(), "AGREE"));
    Task approval = only(instance, Elements.APPROVE_PLAN_CHANGE);
    assertRefusedAndUnchanged(instance, approval, "sato", values(PLAN_CHANGE_APPROVAL.name(), "REJECT"), "決裁しない理由");
    scenario.complete(approval, "sato", values(PLAN_CHANGE_APPROVAL.name(), "REJECT", PLAN_CHANGE_APPROVAL_COMMENT.name(),
        "団体の資金繰りに差し支える"));

    BpmnAwareTests.assertThat(instance).hasPassed(Elements.PLAN_CHANGE_SETTLED).hasNotPassed(Elements.PRODUCE_AMENDED_AGREEMENT);
    assertThat(scenario.agreement.agreements.find(agreementNumber).orElseThrow().payment().advanceAmount()).isEqualTo(300_000L);
    assertThat(scenario.agreement.agreements.amendmentNo(agreementNumber)).isZero();
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ADVANCE_AMOUNT.name())).isEqualTo(300_000L);
    assertThat(scenario.executions.planChanges(agreementNumber)).singleElement().satisfies(c -> assertThat(c.status() + ":"
        + c.answer() + ":" + c.approval() + ":" + c.approvalComment()).isEqualTo("REJECTED:AGREE:REJECT:団体の資金繰りに差し支える"));
    assertThat(scenario.executions.amendments(agreementNumber)).isEmpty();
  }

  /** A proposed plan keeps to the way the agreement pays (旭川 Q51) and to the payment being the lines the city pays for. */
  @Test
  void aProposedPlanKeepsToTheWayTheAgreementPays() {
    ProcessInstance instance = started();
    Task proposal = only(instance, Elements.DEPARTMENT_PROPOSES_CHANGE);
    assertRefusedAndUnchanged(instance, proposal, "suzuki", proposal("前払いを増やす", NEW_ADVANCE_AMOUNT.name(), 900_000),
        "「前払いする額（修正後）」は、市から団体への支払額");
    assertRefusedAndUnchanged(instance, proposal, "suzuki", proposal("市が直接支出する", NEW_BUDGET_BEARER.get(0).name(),
        "CITY_DIRECT", NEW_BUDGET_BEARER.get(1).name(), "CITY_DIRECT", NEW_ADVANCE_AMOUNT.name(), 0), "市から団体に支払う協定です");

    String commission = scenario.agreement.concluded(AgreementScenario.with(AgreementScenario.start(),
        AgreementProcess.CHOSEN_FORM.name(), "COMMISSION", AgreementProcess.PROJECT_NUMBER.name(), "2026-003"),
        AgreementScenario.with(AgreementScenario.draft(), AgreementProcess.PAYMENT_TYPE.name(), "COMMISSION_FEE",
            AgreementProcess.PAYMENT_TIMING.name(), "AFTER_COMPLETION"));
    ProcessInstance commissioned = scenario.start("suzuki", commission);
    assertRefusedAndUnchanged(commissioned, only(commissioned, Elements.DEPARTMENT_PROPOSES_CHANGE), "suzuki",
        proposal("前払いを入れる", NEW_ADVANCE_AMOUNT.name(), 100_000), "「全額を事業完了・検査の後に支払う」ため");

    Map<String, Object> unpaid = AgreementScenario.with(AgreementScenario.draft(), AgreementProcess.PAYMENT_TYPE.name(), "NONE",
        AgreementProcess.BUDGET_BEARER.get(0).name(), "CITY_DIRECT", AgreementProcess.BUDGET_BEARER.get(1).name(), "CITY_DIRECT");
    unpaid.remove(AgreementProcess.PAYMENT_TIMING.name());
    unpaid.remove(AgreementProcess.ADVANCE_AMOUNT.name());
    String cooperation = scenario.agreement.concluded(AgreementScenario.with(AgreementScenario.start(),
        AgreementProcess.PROJECT_NUMBER.name(), "2026-004"), unpaid);
    ProcessInstance unpaidInstance = scenario.start("suzuki", cooperation);
    assertRefusedAndUnchanged(unpaidInstance, only(unpaidInstance, Elements.DEPARTMENT_PROPOSES_CHANGE), "suzuki",
        proposal("団体に支払う", NEW_BUDGET_BEARER.get(0).name(), "CITY_PAYMENT"), "この協定に市から団体への支払はないため");
  }

  @Test
  void twoReportsOpenAtOnceKeepTheirOwnValues() {
    ProcessInstance instance = started();
    moveTo("2026-07-01T00:00:01Z");
    scenario.runDueJobs(instance);
    moveTo("2026-10-01T00:00:01Z");
    scenario.runDueJobs(instance);
    List<Task> open = scenario.tasks(instance, Elements.SUBMIT_REPORT);
    assertThat(open).hasSize(2);
    assertThat(open).extracting(t -> engine.getTaskService().getVariable(t.getId(), REPORT_NO.name())).containsExactly(1L, 2L);
    // The first report's reminder and escalation came due while the clock jumped: both fired on 1 October.
    assertThat(engine.getTaskService().getVariable(open.get(0).getId(), REPORT_REMINDED_ON.name())).isEqualTo("2026-10-01");
    assertThat(engine.getTaskService().getVariable(open.get(1).getId(), REPORT_REMINDED_ON.name())).isNull();
    assertThat(scenario.tasks(instance, Elements.HANDLE_LATE_REPORT)).hasSize(1);
    scenario.complete(open.get(1), "hikari", report("第2回の報告"));
    scenario.complete(open.get(0), "hikari", report("第1回の報告（遅れ）"));
    List<Task> reviews = scenario.tasks(instance, Elements.REVIEW_REPORT);
    assertThat(reviews).extracting(t -> engine.getTaskService().getVariable(t.getId(), REPORT_SUMMARY.name()))
        .containsExactly("第2回の報告", "第1回の報告（遅れ）");
  }

  @Test
  void aMinorIssueRaisedByTheDepartmentIsHandledThereUnlessItAsksTheManager() {
    ProcessInstance instance = started();
    Map<String, Object> issue = values(ISSUE_TITLE.name(), "会場の予約が重複", ISSUE_DESCRIPTION.name(), "11月の会場が重複",
        ISSUE_SEVERITY.name(), "MINOR");
    scenario.complete(instance, Elements.DEPARTMENT_REPORTS_ISSUE, "yamamoto", issue);
    scenario.complete(instance, Elements.HANDLE_ISSUE, "suzuki", values(ISSUE_RESPONSE.name(), "別の会場を確保", ESCALATE_ISSUE.name(), false));
    assertThat(scenario.tasks(instance, Elements.DECIDE_ISSUE)).isEmpty();
    scenario.complete(instance, Elements.DEPARTMENT_REPORTS_ISSUE, "yamamoto", issue);
    scenario.complete(instance, Elements.HANDLE_ISSUE, "suzuki", values(ISSUE_RESPONSE.name(), "費用の扱いを相談", ESCALATE_ISSUE.name(), true));
    assertThat(scenario.tasks(instance, Elements.DECIDE_ISSUE)).as("the partner is heard first").isEmpty();
    assertThat(candidate(only(instance, Elements.STATE_ISSUE_VIEW), "org-hikari")).isTrue();
    assertThat(scenario.executions.issues(agreementNumber)).extracting(i -> i.status() + ":" + i.raisedSide())
        .containsExactlyInAnyOrder("CLOSED:DEPARTMENT", "WITH_MANAGER:DEPARTMENT");
  }

  @Test
  void aPlanChangeProposedByTheDepartmentGoesToThePartnerAndMayBeDeclined() {
    ProcessInstance instance = started();
    scenario.complete(instance, Elements.DEPARTMENT_PROPOSES_CHANGE, "suzuki", values(CHANGE_SUMMARY.name(), "訪問を隔週に",
        CHANGE_REASON.name(), "予算の減額", CHANGE_DETAILS.name(), "訪問を隔週、件数目標を200件に"));
    Task answer = only(instance, Elements.ANSWER_PLAN_CHANGE);
    assertThat(candidate(answer, "org-hikari")).isTrue();
    assertRefusedAndUnchanged(instance, answer, "hikari", values(PLAN_CHANGE_ANSWER.name(), "DECLINE"), "同意しない理由・意見");
    scenario.complete(answer, "hikari", values(PLAN_CHANGE_ANSWER.name(), "DECLINE", PLAN_CHANGE_ANSWER_COMMENT.name(), "見守りの質が落ちる"));
    assertThat(scenario.executions.planChanges(agreementNumber)).singleElement()
        .satisfies(c -> assertThat(c.status() + ":" + c.answeredBy() + ":" + c.proposedSide()).isEqualTo("DECLINED:hikari:DEPARTMENT"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), APPLIED_PLAN_CHANGES.name())).isNull();
  }

  @Test
  void aCommissionIsPaidOnlyAfterTheInspectionAndASubsidyInOneAdvanceSum() {
    Map<String, Object> commission = AgreementScenario.with(AgreementScenario.draft(), AgreementProcess.PAYMENT_TYPE.name(),
        "COMMISSION_FEE", AgreementProcess.PAYMENT_TIMING.name(), "AFTER_COMPLETION");
    agreementNumber = scenario.agreement.concluded(AgreementScenario.with(AgreementScenario.start(),
        AgreementProcess.CHOSEN_FORM.name(), "COMMISSION"), commission);
    ProcessInstance instance = scenario.start("suzuki", agreementNumber);
    BpmnAwareTests.assertThat(instance).hasPassed("AdvanceJoin").hasNotPassed(Elements.PAY_ADVANCE);
    assertThat(scenario.tasks(instance, Elements.PAY_ADVANCE)).isEmpty();

    Map<String, Object> subsidy = AgreementScenario.with(AgreementScenario.draft(), AgreementProcess.PAYMENT_TYPE.name(),
        "SUBSIDY", AgreementProcess.PAYMENT_TIMING.name(), "ADVANCE");
    String subsidised = scenario.agreement.concluded(AgreementScenario.with(AgreementScenario.start(),
        AgreementProcess.CHOSEN_FORM.name(), "SUBSIDY", AgreementProcess.PROJECT_NUMBER.name(), "2026-003"), subsidy);
    ProcessInstance second = scenario.start("suzuki", subsidised);
    Task advance = only(second, Elements.PAY_ADVANCE);
    assertThat(engine.getTaskService().getVariable(advance.getId(), ADVANCE_AMOUNT.name())).isEqualTo(800_000L);
    assertThat(engine.getRuntimeService().getVariable(second.getId(), FINAL_AMOUNT.name())).isEqualTo(0L);
    runToInspection(second);
    scenario.complete(second, Elements.INSPECT, "suzuki", values(INSPECTION_RESULT.name(), "PASS", INSPECTED_ON.name(), "2027-03-31"));
    BpmnAwareTests.assertThat(second).isEnded().hasPassed("FinalJoin").hasNotPassed(Elements.PAY_AFTER_COMPLETION);
  }

  /** Runs the term out with no report or other work: the completion report reaches the inspection. */
  void runToInspection(ProcessInstance instance) {
    moveTo("2027-03-31T15:00:01Z");
    scenario.runDueJobs(instance);
    for (Task report : scenario.tasks(instance, Elements.SUBMIT_REPORT)) {
      scenario.complete(report, "hikari", report("報告"));
    }
    for (Task review : scenario.tasks(instance, Elements.REVIEW_REPORT)) {
      scenario.complete(review, "suzuki", values(REVIEW_DECISION.name(), "ACCEPT"));
    }
    for (Task late : scenario.tasks(instance, Elements.HANDLE_LATE_REPORT)) {
      scenario.complete(late, "suzuki", values(LATE_ACTION.name(), "確認した"));
    }
    for (Task midterm : scenario.tasks(instance, Elements.MIDTERM)) {
      scenario.complete(midterm, "suzuki", values(MIDTERM_PROGRESS.name(), "ON_TRACK", MIDTERM_FINDINGS.name(), "順調",
          MIDTERM_WITH_PARTNER.name(), true));
    }
    for (Task advance : scenario.tasks(instance, Elements.PAY_ADVANCE)) {
      scenario.complete(advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), engine.getTaskService().getVariable(advance.getId(),
          ADVANCE_AMOUNT.name()), ADVANCE_PAID_ON.name(), "2026-04-01"));
    }
    scenario.complete(instance, Elements.SUBMIT_COMPLETION, "hikari", completion());
  }

  @Test
  void startedAfterTheLastReportDateTheTermRunsWithoutProgressReports() {
    agreementNumber = scenario.agreement.concluded();
    moveTo("2027-02-01T00:00:00Z");
    ProcessInstance instance = scenario.start("suzuki", agreementNumber);
    BpmnAwareTests.assertThat(instance).hasPassed("ReportingJoin").hasNotPassed(Elements.REPORTING);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), REPORT_COUNT.name())).isEqualTo(0L);
    runToInspection(instance);
    assertThat(only(instance, Elements.INSPECT)).isNotNull();
    assertThat(scenario.executions.reports(agreementNumber)).isEmpty();
  }

  /** Two clerks start the same agreement at the same moment: both passed the check, the second one is refused. */
  @Test
  void aSecondStartAtTheSameMomentIsRefusedNotA500() {
    agreementNumber = scenario.agreement.concluded();
    scenario.start("yamamoto", agreementNumber);
    ExecutionRepository checkedBeforeTheFirstStart = new ExecutionRepository(scenario.agreement.jdbc) {
      @Override
      public boolean exists(String agreementNumber) {
        return false;
      }
    };
    Mocks.register("startExecution", new StartExecutionDelegate(scenario.agreement.agreements, checkedBeforeTheFirstStart,
        "P7D", "P14D"));
    assertRefused(() -> scenario.start("suzuki", agreementNumber)).contains("既に始まっています");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(1);
  }

  @Test
  void onlyTheAgreementsDepartmentStartsItAndOnlyOnce() {
    agreementNumber = scenario.agreement.concluded();
    assertRefused(() -> scenario.start("hikari", agreementNumber)).contains("担当課（福祉課）の職員");
    assertRefused(() -> scenario.start("yamada", agreementNumber)).contains("担当課（福祉課）の職員");
    assertRefused(() -> scenario.start("suzuki", "2026-fukushi-999")).contains("決裁済みの協定はありません");
    assertRefused(() -> scenario.start("suzuki", "協定1号")).contains("2026-fukushi-001 の形");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    scenario.start("yamamoto", agreementNumber);
    assertRefused(() -> scenario.start("suzuki", agreementNumber)).contains("既に始まっています");
    String ended = scenario.agreement.concluded(AgreementScenario.with(AgreementScenario.start(),
        AgreementProcess.PROJECT_NUMBER.name(), "2026-009"), AgreementScenario.draft());
    moveTo("2027-04-02T00:00:00Z");
    assertRefused(() -> scenario.start("suzuki", ended)).contains("期間（2027-03-31 まで）は終わっています");
  }

  @Test
  void badInputIsRefusedAndNothingChanges() {
    ProcessInstance instance = started();
    Task advance = only(instance, Elements.PAY_ADVANCE);
    assertRefusedAndUnchanged(instance, advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_001, ADVANCE_PAID_ON.name(), "2026-04-01"),
        "前払いの額を超えられません");
    assertRefusedAndUnchanged(instance, advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 300_000, ADVANCE_PAID_ON.name(), "2026-04-02"),
        "未来の日付");
    assertRefusedAndUnchanged(instance, advance, "suzuki", values(ADVANCE_PAID_AMOUNT.name(), 200_000, ADVANCE_PAID_ON.name(), "2026-04-01"),
        "「減額の理由（剰余の返還など）」を入力してください");
    Task handover = only(instance, Elements.REQUEST_HANDOVER);
    assertRefusedAndUnchanged(instance, handover, "suzuki", values(NEW_MAIN_STAFF.name(), "suzuki", NEW_DEPUTY_STAFF.name(), "yamamoto",
        HANDOVER_REASON.name(), "異動"), "いまの主担当とは別の");
    assertRefusedAndUnchanged(instance, handover, "suzuki", values(NEW_MAIN_STAFF.name(), "kobayashi", NEW_DEPUTY_STAFF.name(), "kobayashi",
        HANDOVER_REASON.name(), "異動"), "新しい主担当とは別の");
    assertRefusedAndUnchanged(instance, handover, "suzuki", values(NEW_MAIN_STAFF.name(), "yamada", NEW_DEPUTY_STAFF.name(), "yamamoto",
        HANDOVER_REASON.name(), "異動"), "「新しい主担当」に「yamada」という選択肢はありません");
    scenario.complete(handover, "suzuki", values(NEW_MAIN_STAFF.name(), "kobayashi", NEW_DEPUTY_STAFF.name(), "yamamoto",
        HANDOVER_REASON.name(), "異動"));
    assertRefusedAndUnchanged(instance, only(instance, Elements.HOLD_HANDOVER), "suzuki", values(HANDOVER_HELD_ON.name(), "2026-04-01",
        PARTNER_ATTENDEE.name(), "光", HANDOVER_NOTES.name(), "共有", HANDOVER_PURPOSE_SHARED.name(), false), "団体の同席のもとで");
    Task issue = only(instance, Elements.PARTNER_REPORTS_ISSUE);
    assertRefusedAndUnchanged(instance, issue, "hikari", values(ISSUE_TITLE.name(), "件名", ISSUE_DESCRIPTION.name(), "内容",
        ISSUE_SEVERITY.name(), "SERIOUS", MAIN_STAFF.name(), "hikari"), "「mainStaff」はこのフォームの項目ではない");
    assertRefusedAndUnchanged(instance, issue, "hikari", values(ISSUE_TITLE.name(), "件名", ISSUE_SEVERITY.name(), "SERIOUS"),
        "「何が起きたか（いつ・どこで・誰に）」を入力してください");
    moveTo("2027-03-31T15:00:01Z");
    scenario.runDueJobs(instance);
    Task completion = only(instance, Elements.SUBMIT_COMPLETION);
    // 旭川 Q19: a report whose values are all right is still refused until the 収支決算書 is attached (docs/documents.md).
    String before = variablesOf(instance);
    assertRefused(() -> scenario.agreement.as("hikari", () -> {
      engine.getFormService().submitTaskForm(completion.getId(), completion());
      return null;
    })).contains("収支決算書が添付されていません", "旭川市 Q19");
    assertThat(engine.getTaskService().createTaskQuery().taskId(completion.getId()).count()).isEqualTo(1);
    assertThat(variablesOf(instance)).isEqualTo(before);
    Map<String, Object> missingGoal = completion();
    missingGoal.remove(GOAL_RESULT.get(1).name());
    assertRefusedAndUnchanged(instance, completion, "hikari", missingGoal, "「成果目標2の達成状況」を入力してください");
    scenario.complete(completion, "hikari", completion()); // the scenario attaches it first, as the partner does
    // accepted once attached (this agreement runs on into its next year, so the process goes on there)
    assertThat(engine.getTaskService().createTaskQuery().taskId(completion.getId()).count()).isZero();
  }
}
