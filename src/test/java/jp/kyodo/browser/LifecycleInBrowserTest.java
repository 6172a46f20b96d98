package jp.kyodo.browser;

import jp.kyodo.support.RunningApplication;
import static jp.kyodo.examination.ExaminationScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationChoices.Grade;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.evaluation.EvaluationScenario;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.execution.ExecutionScenario;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.improvement.ImprovementScenario;
import jp.kyodo.lifecycle.CollaborationProcess;
import jp.kyodo.lifecycle.FiscalYearProcess;
import jp.kyodo.lifecycle.ProjectYearRepository;
import jp.kyodo.lifecycle.LifecycleScenario;
import jp.kyodo.lifecycle.ProjectRecord;
import jp.kyodo.lifecycle.ProjectRepository;
import jp.kyodo.overview.OverviewApi;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.selection.CallApplicationProcess;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.selection.SelectionScenario;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One collaboration project through its whole lifecycle in real headless Chromium: every person logs in to the
 * Japanese Tasklist and does their part by filling the rendered Camunda Forms — hikari proposes, the office takes it
 * in, 福祉課 checks and assesses, the office approves; a public call that hikari applies to, screened, scored and
 * decided; the agreement drafted, confirmed by both sides, approved and exchanged; the year carried out with its
 * reports, mid-term check, completion report, inspection and payments; both sides' evaluation, the joint review and
 * the partner's confirmation; the dialogue and the decision to end. Cockpit shows the project's instance, the public
 * page its published results, the office's overview its figures. The values are those of the engine tests'
 * scenarios ({@link LifecycleScenario} and the phases' own), and Tasklist must send exactly them.
 *
 * <p>The application runs in this JVM (the Spring context of {@code KyodoApplicationTest}, job executor off), so the
 * engine's clock is moved by hand to the days things happen, and due timers are run as the job executor would run
 * them. Screenshots of every step go to {@code target/screenshots}. Without Chromium the test is skipped with a
 * message saying how to install it (and fails under KYODO_REQUIRE_ALL=true, as in .ci/run).
 */
@RunningApplication
@ExtendWith(Chromium.Installed.class)
class LifecycleInBrowserTest {

  static final String TITLE = "高齢者の見守りと居場所づくり";
  static final LocalDate CALL_DEADLINE = LocalDate.of(2026, 7, 31);
  static final LocalDate TERM_START = LocalDate.of(2027, 4, 1);
  static final LocalDate TERM_END = LocalDate.of(2028, 3, 31);
  static final String SELECTION_REASON = "地域での実績と計画の実現性が高い";
  static final String END_REASON = "地域の見守りの仕組みができた";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  OverviewApi overview;

  @Autowired
  ProjectRepository projects;

  @Autowired
  ProjectYearRepository years;

  @Autowired
  jp.kyodo.mail.OutboxSender sender;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Autowired
  org.springframework.mail.javamail.JavaMailSenderImpl mailSender;

  /** The SMTP server the application sends to while this test runs (a real one, in this JVM). */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final com.icegreen.greenmail.junit5.GreenMailExtension SMTP = new com.icegreen.greenmail.junit5.GreenMailExtension(
      com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  Chromium chromium;
  final Map<String, Tasklist> tasklists = new HashMap<>();
  Instant began;
  Instant lap;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aProjectGoesThroughItsWholeLifecycleInTasklistAndShowsInCockpitOnThePublicPageAndInTheOverview() {
    began = lap = Instant.now();
    mailSender.setHost("localhost");
    mailSender.setPort(SMTP.getSmtp().getPort());
    chromium = new Chromium(port);
    try {
      wholeLifecycle();
    } catch (RuntimeException | AssertionError failure) {
      chromium.screenshotEveryWindow("failed");
      throw failure;
    }
  }

  void wholeLifecycle() {
    Map<String, Object> figuresBefore = overview.data();
    Long outboxBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM kyodo_mail_outbox", Long.class);

    String number = examinationApproved();
    lap("① 事業の検討");
    selectionByPublicCall(number);
    lap("② パートナーの選定");
    budgetGranted(number, LifecycleScenario.FIRST_YEAR);
    lap("予算要求");
    agreementConcluded(number);
    lap("③ 協定・契約");
    nextYearStartsNow(number);
    lap("来年度の準備（継続の年度の予算要求）");
    List<String> executed = executionCompleted(number);
    assertThat(executed).containsSubsequence(ExecutionProcess.Elements.PAY_ADVANCE, ExecutionProcess.Elements.SUBMIT_REPORT,
        ExecutionProcess.Elements.REVIEW_REPORT, ExecutionProcess.Elements.MIDTERM, ExecutionProcess.Elements.SUBMIT_COMPLETION,
        ExecutionProcess.Elements.INSPECT, ExecutionProcess.Elements.PAY_AFTER_COMPLETION);
    lap("④ 事業の実施");
    evaluationRecorded(number);
    lap("⑤ 事業の評価");
    cockpitShowsTheProject(number);
    lap("Cockpit");
    improvementEnds(number);
    lap("⑥ 事業の改善");

    ClockUtil.reset();
    publicPageShowsTheResults(number);
    lap("公開ページ");
    overviewShowsTheProject(figuresBefore);
    lap("概況");
    everyMailOfTheLifecycleArrivedOnce(outboxBefore);
    lap("メール");
  }

  /**
   * Every notice the lifecycle queued (tasks offered, results, the registration's mails, the daily digests) goes out
   * and arrives at the SMTP server exactly once, however often the sender runs.
   */
  void everyMailOfTheLifecycleArrivedOnce(long outboxBefore) {
    // The lifecycle ran on the engine's clock into 2028: the sender runs after the last digest hour it queued for.
    java.sql.Timestamp last = jdbc.queryForObject("SELECT MAX(send_after) FROM kyodo_mail_outbox WHERE id > ?",
        java.sql.Timestamp.class, outboxBefore);
    moveTo(last.toInstant().plus(Duration.ofMinutes(1)));
    sender.sendDue();
    sender.sendDue();
    ClockUtil.reset();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT notice_key, status, message_id FROM kyodo_mail_outbox"
        + " WHERE id > ?", outboxBefore);
    assertThat(rows).as("the lifecycle queued notices").hasSizeGreaterThan(20);
    assertThat(rows).as("none left waiting or failed").allSatisfy(r -> assertThat(r.get("status")).as(r.toString())
        .isIn("SENT", "SKIPPED"));
    Map<String, Integer> arrived = new HashMap<>();
    for (jakarta.mail.internet.MimeMessage mail : SMTP.getReceivedMessages()) {
      try {
        arrived.merge(mail.getMessageID(), 1, Integer::sum);
      } catch (jakarta.mail.MessagingException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(arrived).as("no mail arrived twice").allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
    Set<String> sent = new LinkedHashSet<>();
    rows.stream().filter(r -> "SENT".equals(r.get("status"))).forEach(r -> sent.add((String) r.get("message_id")));
    assertThat(arrived.keySet()).as("every sent notice's mail arrived").containsAll(sent);

    // The office sees what went out in the overview's delivery log.
    WebDriver driver = chromium.as("tanaka");
    driver.get(chromium.base + "/overview/");
    WebElement log = Chromium.waitOn(driver).withMessage("the overview shows no mail delivery log")
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("mail")));
    Chromium.waitOn(driver).withMessage("the delivery log lists the mails to hikari").until(
        d -> log.getText().contains("hikari"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", log);
    chromium.screenshot(driver, "overview-mail-log");
  }

  // --- ① 事業の検討

  String examinationApproved() {
    moveTo(LifecycleScenario.PROPOSED_AT);
    var lifecycle = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CollaborationProcess.KEY).latestVersion().singleResult();
    JsonNode started = as("hikari").start(lifecycle.getName(), lifecycle.getId(), with(proposal(), TITLE_KEY, TITLE),
        "hikari-proposal");
    String number = started.path("businessKey").asText();
    assertThat(number).as("the project number").matches("2026-\\d{3}");

    work("tanaka", number, ExaminationProcess.Elements.INTAKE, intake("dept-fukushi"));
    work("suzuki", number, ExaminationProcess.Elements.CHECK_SHEET, checkSheet());
    work("suzuki", number, ExaminationProcess.Elements.ASSESS, with(assessment(),
        ExaminationProcess.PLANNED_FISCAL_YEAR.name(), (int) LifecycleScenario.FIRST_YEAR,
        ExaminationProcess.CALENDAR_PATTERN.name(), "NEXT_YEAR"));
    work("tanaka", number, ExaminationProcess.Elements.REVIEW, review("PROCEED", "地域の課題に合っている"));
    assertThat(phaseInstance(number, SelectionProcess.KEY)).as("② has begun").isNotNull();
    return number;
  }

  static final String TITLE_KEY = ExaminationProcess.TITLE.name();

  // --- ② パートナーの選定: a public call that hikari applies to

  void selectionByPublicCall(String number) {
    work("suzuki", number, SelectionProcess.Elements.CHOOSE_METHOD, SelectionScenario.publicCall());
    work("suzuki", number, SelectionProcess.Elements.WRITE_CALL, SelectionScenario.values(
        SelectionProcess.CALL_PURPOSE.name(), "独居高齢者の見守りとサロン運営", SelectionProcess.CALL_ELIGIBILITY.name(),
        "市内で活動する登録団体", "criterion1Label", "事業の実現性", "criterion1Weight", 60, "criterion2Label", "地域への効果",
        "criterion2Weight", 40, SelectionProcess.APPLICATION_DEADLINE.name(), CALL_DEADLINE.toString(),
        SelectionProcess.CALL_FIELDS.name(), jp.kyodo.variables.ListVar.json(List.of("WELFARE"))));
    work("tanaka", number, SelectionProcess.Elements.CHECK_CALL, SelectionScenario.publish(1, "takahashi"));
    String call = (String) engine.getRuntimeService().getVariable(phaseInstance(number, SelectionProcess.KEY).getId(),
        SelectionProcess.CALL_NUMBER.name());

    // 「この公募に応募する」 on the call's public page opens the draft in Tasklist with the call chosen.
    String draftId = as("hikari").applyFromCallPage(call, "hikari-apply");
    Task draft = engine.getTaskService().createTaskQuery().taskId(draftId).singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo(CallApplicationProcess.Elements.DRAFT);
    String application = draft.getProcessInstanceId();
    java.util.Map<String, Object> written = new java.util.HashMap<>(SelectionScenario.application(call, "hikariの見守りサロン"));
    written.remove(CallApplicationProcess.CALL_NUMBER.name());
    work("hikari", draft, written);
    String applicationId = (String) engine.getRuntimeService().getVariable(application,
        CallApplicationProcess.APPLICATION_ID.name());
    String newcomersApplication = aNewGroupRegistersAndAppliesFromTheCallPage(call);

    moveTo(CALL_DEADLINE.plusDays(1));
    runDueJobs(number);
    for (Task screening : tasks(number, SelectionProcess.Elements.SCREEN)) {
      work("tanaka", screening, SelectionScenario.values(SelectionProcess.SCREENING.name(), "ELIGIBLE"));
    }
    work("takahashi", number, SelectionProcess.Elements.DECLARE_CONFLICTS,
        SelectionScenario.values(SelectionProcess.DECLARATION_CONFIRMED.name(), true));
    for (Task score : tasks(number, SelectionProcess.Elements.SCORE)) {
      work("takahashi", score, SelectionScenario.scores(4, 4));
    }
    work("tanaka", number, SelectionProcess.Elements.PROPOSE, SelectionScenario.values(
        SelectionProcess.SELECTED_APPLICATION.name(), applicationId, SelectionProcess.SELECTION_REASON.name(), SELECTION_REASON));
    work("sato", number, SelectionProcess.Elements.APPROVE_SELECTION,
        SelectionScenario.values(SelectionProcess.SELECTION_APPROVAL.name(), "APPROVE"));
    // The applicant reads the result in its own task.
    work("hikari", only(engine.getTaskService().createTaskQuery().processInstanceId(application)
        .taskDefinitionKey(CallApplicationProcess.Elements.CONFIRM_RESULT).list(), "the applicant's result"), Map.of());
    work(NEWCOMER, only(engine.getTaskService().createTaskQuery().processInstanceId(newcomersApplication)
        .taskDefinitionKey(CallApplicationProcess.Elements.CONFIRM_RESULT).list(), "the newcomer's result"), Map.of());
    assertThat(tasks(number, FiscalYearProcess.Elements.REQUEST_BUDGET)).as("予算要求 has begun (翌年度実施型: after ②)")
        .hasSize(1);
  }

  // --- 予算要求 (旭川 Q50): the department asks, the office records what the budget granted

  void budgetGranted(String number, long fiscalYear) {
    work("suzuki", number, FiscalYearProcess.Elements.REQUEST_BUDGET, Map.of(
        FiscalYearProcess.REQUESTED_BUDGET.name(), 1_200_000, FiscalYearProcess.BUDGET_BASIS.name(),
        "訪問員の謝礼 12か月分とサロンの会場費"));
    work("tanaka", number, FiscalYearProcess.Elements.DECIDE_BUDGET, Map.of(
        FiscalYearProcess.BUDGET_DECISION.name(), "APPROVED"));
    ProjectYearRepository.ProjectYear year = years.ofProject(number).stream().filter(y -> y.fiscalYear() == fiscalYear)
        .findFirst().orElseThrow();
    assertThat(year.approvedBudget()).isEqualTo(1_200_000L);
    assertThat(year.budgetDecidedBy()).isEqualTo("tanaka");
  }

  // --- 来年度の進め方 while ④ runs: the project continues, next year's budget is requested now (旭川 Q52)

  void nextYearStartsNow(String number) {
    work("suzuki", number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR, Map.of(
        FiscalYearProcess.NEXT_YEAR_PLAN.name(), "CONTINUE", FiscalYearProcess.NEXT_YEAR_NOTE.name(),
        "見守りの登録者が増えており、同じ団体と続ける"));
    ProjectYearRepository.ProjectYear next = years.ofProject(number).stream()
        .filter(y -> y.fiscalYear() == LifecycleScenario.FIRST_YEAR + 1).findFirst().orElseThrow();
    assertThat(next.mode()).isEqualTo(jp.kyodo.lifecycle.FiscalYearChoices.YearMode.CONTINUE);
    assertThat(engine.getRuntimeService().getVariable(next.processInstanceId(), "partnerName")).isEqualTo("NPO法人ひかり");
    budgetGranted(number, LifecycleScenario.FIRST_YEAR + 1);
    assertThat(phaseInstance(number, AgreementProcess.KEY)).as("next year's ③ has begun").isNotNull();
  }

  // --- ③ 協定・契約

  void agreementConcluded(String number) {
    // The main and deputy staff were named in ① (旭川 Q57): ③ starts at the draft.
    work("suzuki", number, AgreementProcess.Elements.DRAFT, LifecycleScenario.draft(TERM_START, TERM_END));
    work("hikari", number, AgreementProcess.Elements.PARTNER_CONFIRMS, Map.of(AgreementProcess.PARTNER_DECISION.name(), "AGREE"));
    work("yamamoto", number, AgreementProcess.Elements.DEPARTMENT_CONFIRMS,
        Map.of(AgreementProcess.DEPARTMENT_DECISION.name(), "AGREE"));
    work("sato", number, AgreementProcess.Elements.APPROVE, Map.of(AgreementProcess.APPROVAL_DECISION.name(), "APPROVE"));
    runDueJobs(number); // the 協定書 (PDF) is made in the background
    moveTo(TERM_START);
    work("suzuki", number, AgreementProcess.Elements.EXCHANGE, Map.of(AgreementProcess.SIGNED_ON.name(), TERM_START.toString()));
  }

  // --- ④ 事業の実施: whatever comes due is done that day, as LifecycleScenario#executionCompleted does

  List<String> executionCompleted(String number) {
    ProcessInstance instance = phaseInstance(number, ExecutionProcess.KEY);
    List<String> done = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      boolean worked = false;
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime()
          .asc().list()) {
        String today = today().toString();
        String user = "suzuki";
        Map<String, Object> values;
        switch (task.getTaskDefinitionKey()) {
          case ExecutionProcess.Elements.PAY_ADVANCE -> values = ExecutionScenario.values(
              ExecutionProcess.ADVANCE_PAID_AMOUNT.name(), variable(instance, ExecutionProcess.ADVANCE_AMOUNT.name()),
              ExecutionProcess.ADVANCE_PAID_ON.name(), today);
          case ExecutionProcess.Elements.SUBMIT_REPORT -> {
            values = ExecutionScenario.report("予定どおり実施した（" + today + "）");
            user = "hikari";
          }
          case ExecutionProcess.Elements.REVIEW_REPORT -> values = ExecutionScenario.values(
              ExecutionProcess.REVIEW_DECISION.name(), "ACCEPT");
          case ExecutionProcess.Elements.MIDTERM -> values = ExecutionScenario.values(ExecutionProcess.MIDTERM_PROGRESS.name(),
              "ON_TRACK", ExecutionProcess.MIDTERM_FINDINGS.name(), "計画どおり進んでいる",
              ExecutionProcess.MIDTERM_WITH_PARTNER.name(), true);
          case ExecutionProcess.Elements.SUBMIT_COMPLETION -> {
            values = ExecutionScenario.completion();
            user = "hikari";
            // the 収支決算書 the report needs (旭川 Q19), as the documents page stores it (DocumentRoutesTest uploads it)
            jp.kyodo.support.Attachments.statement(jdbc, task, user);
          }
          case ExecutionProcess.Elements.INSPECT -> values = ExecutionScenario.values(
              ExecutionProcess.INSPECTION_RESULT.name(), "PASS", ExecutionProcess.INSPECTED_ON.name(), today);
          case ExecutionProcess.Elements.PAY_AFTER_COMPLETION -> values = ExecutionScenario.values(
              ExecutionProcess.FINAL_PAID_AMOUNT.name(), variable(instance, ExecutionProcess.FINAL_AMOUNT.name()),
              ExecutionProcess.FINAL_PAID_ON.name(), today);
          default -> {
            continue; // the standing tasks (issues, plan changes, handover) stay open until the completion report
          }
        }
        work(user, task, values);
        done.add(task.getTaskDefinitionKey());
        worked = true;
        if (ended(instance.getId())) {
          return done;
        }
      }
      if (!worked) {
        Job next = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
            .orderByJobDuedate().asc().listPage(0, 1).get(0);
        moveTo(next.getDuedate().toInstant().plusSeconds(60));
        runDueJobs(number);
      }
    }
    throw new AssertionError("the execution did not end; open: " + openTaskKeys(number));
  }

  // --- ⑤ 事業の評価

  void evaluationRecorded(String number) {
    work("suzuki", number, EvaluationProcess.Elements.RECORD_OUTCOMES, EvaluationScenario.outcomes("YES", "YES"));
    work("suzuki", number, EvaluationProcess.Elements.DEPARTMENT_SELF, EvaluationScenario.sheet(Answer.YES));
    work("hikari", number, EvaluationProcess.Elements.PARTNER_SELF, EvaluationScenario.sheet(Answer.YES));
    work("suzuki", number, EvaluationProcess.Elements.JOINT_REVIEW, EvaluationScenario.jointReview(Answer.YES));
    work("hikari", number, EvaluationProcess.Elements.CONFIRM, EvaluationScenario.confirmation("AGREE", null));
    assertThat(phaseInstance(number, ImprovementProcess.KEY)).as("⑥ has begun").isNotNull();
  }

  // --- Cockpit: the office finds the project by its number (the business key)

  void cockpitShowsTheProject(String number) {
    WebDriver driver = chromium.as("tanaka");
    WebDriverWait wait = Chromium.waitOn(driver);
    // The year being evaluated; next year, started early (旭川 Q52), is listed beside it.
    String lifecycle = years.ofProject(number).stream().filter(y -> y.fiscalYear() == LifecycleScenario.FIRST_YEAR)
        .findFirst().orElseThrow().processInstanceId();
    driver.get(chromium.base + "/camunda/app/cockpit/default/#/processes");
    Chromium.click(driver, By.xpath("//table//a[normalize-space()='" + engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(FiscalYearProcess.KEY).latestVersion().singleResult()
        .getName() + "']"), "Cockpit does not list the fiscal years 協働事業の1年度");
    wait.until(ExpectedConditions.urlContains("/process-definition/"));
    Chromium.click(driver, By.cssSelector(".search-container input"), "Cockpit's instance search cannot be used");
    Chromium.click(driver, By.xpath("//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='業務キー']"),
        "Cockpit's instance search offers no Business Key");
    // The new criterion's value opens for typing by itself; if it has not yet, a click on its 「??」 opens it.
    WebElement value = wait.withMessage("Cockpit's business key criterion takes no value")
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
          for (WebElement input : d.findElements(By.cssSelector(".search-label .value-field input"))) {
            if (input.isDisplayed()) {
              return input;
            }
          }
          d.findElements(By.cssSelector(".search-label .value-field .view-value")).stream().filter(WebElement::isDisplayed)
              .findFirst().ifPresent(WebElement::click);
          return null;
        });
    value.sendKeys(number, Keys.ENTER);
    By row = By.xpath("//table//tr[td[normalize-space()='" + number + "']]");
    wait.withMessage("Cockpit lists no instance with the business key " + number).until(
        ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(driver.findElements(row)).as("the project's two fiscal years are listed").hasSize(2);
    chromium.screenshot(driver, "cockpit-search");
    Chromium.click(driver, By.xpath("//table//tr[td[normalize-space()='" + number + "']]//a[contains(@href,'" + lifecycle
        + "')]"), "the instance of " + number + " cannot be opened");
    wait.withMessage("Cockpit does not show the instance of " + number).until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//dd[contains(@class,'business-key') and normalize-space()='" + number + "']")));
    Chromium.click(driver, By.xpath("//a[normalize-space()='変数']"), "Cockpit shows no variables tab");
    // The year's variables, first page by name: its agreement, its budget and how it was granted, its form.
    for (String shown : List.of("agreementNumber", "2027-fukushi-001", "approvedBudget", "1200000", "budgetDecisionLabel",
        "要求どおり認められた", "chosenFormLabel", "共同事業")) {
      wait.withMessage("Cockpit's variables of " + number + " do not show " + shown).until(ExpectedConditions
          .visibilityOfElementLocated(By.xpath("//table//td[contains(normalize-space(), '" + shown + "')]")));
    }
    chromium.screenshot(driver, "cockpit-instance");
  }

  // --- ⑥ 事業の改善: the collaboration ends

  void improvementEnds(String number) {
    String lifecycle = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CollaborationProcess.KEY)
        .processInstanceBusinessKey(number).singleResult().getId();
    work("suzuki", number, ImprovementProcess.Elements.DIALOGUE, ImprovementScenario.dialogueOnMetGoals());
    work("hikari", number, ImprovementProcess.Elements.PARTNER_REVIEW,
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    work("suzuki", number, ImprovementProcess.Elements.DECIDE, with(ImprovementScenario.decision("END", END_REASON),
        ImprovementProcess.END_REASON.name(), "PURPOSE_ACHIEVED"));

    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(lifecycle).singleResult();
    assertThat(ended.getEndTime()).as("the lifecycle has ended").isNotNull();
    assertThat(ended.getEndActivityId()).isEqualTo(CollaborationProcess.Elements.END_ENDED);
    assertThat(years.ofProject(number)).extracting(ProjectYearRepository.ProjectYear::status)
        .as("⑥ stopped the year that had started").containsExactly(ProjectYearRepository.ENDED, ProjectYearRepository.STOPPED);
    ProjectRecord project = projects.find(number).orElseThrow();
    assertThat(project.status()).isEqualTo(ProjectRecord.CLOSED);
    assertThat(project.latestGrade()).isEqualTo("A");
    assertThat(project.partnerName()).isEqualTo("NPO法人ひかり");
    assertThat(project.fiscalYear()).isEqualTo((int) LifecycleScenario.FIRST_YEAR);
    assertThat(projects.decisions(number).stream().map(d -> d.phase() + ":" + d.decision().outcome() + ":" + d.decision().decidedBy()).toList())
        .containsExactly("EXAMINATION:APPROVED:tanaka", "SELECTION:SELECTED:sato", "BUDGET:APPROVED:tanaka",
            "AGREEMENT:CONCLUDED:suzuki", "EXECUTION:NEXT_YEAR_CONTINUE:suzuki", "BUDGET:APPROVED:tanaka",
            "EXECUTION:COMPLETED:suzuki", "EVALUATION:A:suzuki", "IMPROVEMENT:END:suzuki", "IMPROVEMENT:YEAR_STOPPED:suzuki");
  }

  // --- the public page: anyone, without logging in

  void publicPageShowsTheResults(String number) {
    WebDriver driver = chromium.visitor();
    WebDriverWait wait = Chromium.waitOn(driver);
    driver.get(chromium.base + "/public/");
    wait.until(ExpectedConditions.textMatches(By.id("count"), java.util.regex.Pattern.compile("件")));
    driver.findElement(By.id("q")).sendKeys(TITLE);
    driver.findElement(By.cssSelector("#filters button[type='submit']")).click();
    // The list is rebuilt when the answer comes; its cells are read in one go once the project's row is there.
    @SuppressWarnings("unchecked")
    Map<String, String> listed = wait.withMessage("the public list does not show " + number).until(d ->
        (Map<String, String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
            const row = [...document.querySelectorAll('#projects tbody tr')]
                .find(r => r.querySelector("td[data-label='事業番号']")?.textContent.trim() === arguments[0]);
            return row ? Object.fromEntries([...row.cells].map(c => [c.dataset.label, c.textContent.trim()])) : null;
            """, number));
    assertThat(listed).containsEntry("事業名", TITLE).containsEntry("段階", "終了").containsEntry("担当課", "福祉課")
        .containsEntry("協働パートナー", "NPO法人ひかり").containsEntry("協働の形態", "共同事業")
        .containsEntry("協働の領域", "③ 市民行政協力");
    assertThat(listed.get("年度")).startsWith("2027年度");
    chromium.screenshot(driver, "public-list");

    Chromium.click(driver, By.xpath("//table[@id='projects']//tr[td[@data-label='事業番号' and normalize-space()='" + number
        + "']]//a[normalize-space()='" + TITLE + "']"), "the project's title does not open its page");
    wait.withMessage("the public page of " + number + " does not open").until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//div[@id='project']/h1[normalize-space()='" + TITLE + "']")));
    String page = driver.findElement(By.id("project")).getText();
    assertThat(page).as("the published selection").contains("公募と選定の結果", "選定した団体", "NPO法人ひかり", SELECTION_REASON,
        "事業の実現性", "60点", "地域への効果", "40点", "1位");
    assertThat(page).as("the agreement's terms").contains("協定の主な内容", "独居高齢者の孤立を防ぎ、地域で見守る仕組みをつくる",
        TERM_START + " 〜 " + TERM_END, "独居高齢者の見守り訪問", "訪問 延べ400件", "訪問とサロンの運営", "訪問員の謝礼",
        "600,000円", "負担金", "検査済み");
    assertThat(page).as("the evaluation").contains("2027年度の評価", Grade.A.label(), "見守り訪問が地域に定着した",
        "事業の目的は明確ですか");
    assertThat(page).as("the improvement").contains("事業の改善", END_REASON);
    assertThat(page).as("no staff, reviewers or confidential clauses").doesNotContain("suzuki", "tanaka", "takahashi",
        "yamamoto", "@", "個人情報を第三者に漏らさない");
    chromium.screenshot(driver, "public-project");
  }

  // --- the office's overview: tanaka, logged in to Tasklist in the same browser

  void overviewShowsTheProject(Map<String, Object> before) {
    Map<String, Object> after = overview.data();
    WebDriver driver = chromium.as("tanaka");
    WebDriverWait wait = Chromium.waitOn(driver);
    driver.get(chromium.base + "/overview/");
    wait.withMessage("the overview does not load for tanaka").until(ExpectedConditions.textToBePresentInElementLocated(
        By.id("status"), "tanaka さんとして表示しています"));

    String year = LifecycleScenario.FIRST_YEAR + "年度";
    long endedBefore = cell(before, "byPhaseAndYear", year, "終了");
    long endedAfter = cell(after, "byPhaseAndYear", year, "終了");
    assertThat(endedAfter).as("the project has ended in fiscal year " + year).isEqualTo(endedBefore + 1);
    assertThat(tableCell(driver, "段階と年度", year, "終了")).isEqualTo(String.valueOf(endedAfter));

    long gradedBefore = grades(before, LifecycleScenario.FIRST_YEAR, "A");
    long gradedAfter = grades(after, LifecycleScenario.FIRST_YEAR, "A");
    assertThat(gradedAfter).as("its evaluation graded A in " + year).isEqualTo(gradedBefore + 1);
    assertThat(tableCell(driver, "年度ごとの評価", year, "A")).isEqualTo(String.valueOf(gradedAfter));

    @SuppressWarnings("unchecked")
    Map<String, Object> hikari = ((List<Map<String, Object>>) after.get("partners")).stream()
        .filter(p -> "NPO法人ひかり".equals(p.get("organisationName"))).findFirst().orElseThrow();
    assertThat(tableCell(driver, "団体ごとの担当", "NPO法人ひかり", "担当した年度の数"))
        .isEqualTo(String.valueOf(hikari.get("fiscalYearsHeld")));
    assertThat(driver.findElements(By.cssSelector("svg.bar-chart"))).as("the charts").hasSizeGreaterThanOrEqualTo(4);
    chromium.screenshot(driver, "overview");
  }

  @SuppressWarnings("unchecked")
  static long cell(Map<String, Object> figures, String part, String row, String column) {
    Map<String, Object> rows = (Map<String, Object>) ((Map<String, Object>) figures.get(part)).get("rows");
    Object value = ((Map<String, Object>) rows.getOrDefault(row, Map.of())).get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  static long grades(Map<String, Object> figures, long fiscalYear, String grade) {
    return ((List<Map<String, Object>>) figures.get("grades")).stream()
        .filter(g -> ((Number) g.get("fiscalYear")).longValue() == fiscalYear)
        .map(g -> ((Map<String, Object>) g.get("byGrade")).get(grade)).filter(n -> n != null)
        .mapToLong(n -> ((Number) n).longValue()).sum();
  }

  /** The text of a table cell found by the table's caption, the row's first cell and the column's heading. */
  static String tableCell(WebDriver driver, String caption, String row, String column) {
    WebElement table = driver.findElement(By.xpath("//table[caption[normalize-space()='" + caption + "']]"));
    List<String> headings = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    int index = headings.indexOf(column);
    assertThat(index).as("column " + column + " of " + caption + " in " + headings).isNotNegative();
    WebElement line = table.findElement(By.xpath(".//tbody/tr[td[1][normalize-space()='" + row + "']]"));
    return line.findElements(By.cssSelector("td")).get(index).getText();
  }

  // --- the citizens' door: a group that has no account finds the open call, registers and applies

  static final String NEWCOMER = "sakura-kodomo";
  static final String NEWCOMER_ADDRESS = "daihyo@sakura-kodomo.example.org";
  static final String NEWCOMER_PASSWORD = "Sakura-2026-kodomo!";
  static final String NEWCOMER_NAME = "子ども食堂さくら";

  /**
   * A visitor sees the open call on the public page, follows 「この公募に応募する」 to registration (no account yet),
   * applies for registration, confirms the address from the mail the test SMTP server received, the office registers
   * the group in Tasklist, the representative sets a password from the second mail, logs in and applies from the
   * call's page. Returns the newcomer's application instance.
   */
  String aNewGroupRegistersAndAppliesFromTheCallPage(String call) {
    WebDriver visitor = chromium.visitor();
    WebDriverWait wait = Chromium.waitOn(visitor);
    visitor.get(chromium.base + "/public/");
    By callLink = By.cssSelector("a[href*='call.html?n=" + call + "']");
    wait.withMessage("the public page lists the open call " + call).until(ExpectedConditions.visibilityOfElementLocated(callLink));
    assertThat(visitor.findElement(By.tagName("main")).getText()).contains("公募中", "独居高齢者の見守りとサロン運営");
    chromium.screenshot(visitor, "public-open-calls");
    Chromium.click(visitor, callLink, "the open call's page does not open");
    Chromium.click(visitor, By.id("apply-link"), "the call page offers no 「この公募に応募する」");
    Chromium.click(visitor, By.cssSelector("a[href='/public/register.html']"),
        "a visitor without an account is not led to registration");

    wait.withMessage("the registration form").until(ExpectedConditions.visibilityOfElementLocated(By.id("organisationName")));
    Map<String, String> fields = Map.of("organisationName", NEWCOMER_NAME, "representative", "桜井 桃子",
        "contactEmail", NEWCOMER_ADDRESS, "contactPhone", "0166-00-1234", "address", "旭川市さくら町1-2-3",
        "activityRecord", "2019年から月2回の子ども食堂（毎回30人）", "financialState", "会費と寄付で年間60万円",
        "lastName", "桜井", "firstName", "桃子", "email", NEWCOMER_ADDRESS);
    fields.forEach((id, value) -> visitor.findElement(By.id(id)).sendKeys(value));
    visitor.findElement(By.id("loginId")).sendKeys(NEWCOMER);
    new org.openqa.selenium.support.ui.Select(visitor.findElement(By.id("organisationType"))).selectByValue("VOLUNTEER_GROUP");
    visitor.findElement(By.cssSelector("input[name='activityFields'][value='WELFARE']")).click();
    visitor.findElement(By.cssSelector("input[name='activityFields'][value='CHILDREN']")).click();
    // The form token is valid from a few seconds after the page was read (a person, not a script, fills the form).
    moveTo(CityCalendar.now().plusSeconds(10));
    chromium.screenshot(visitor, "registration-form");
    Chromium.click(visitor, By.id("send"), "申請する cannot be pressed");
    wait.withMessage("the application for registration is not accepted").until(
        ExpectedConditions.textMatches(By.id("result"), java.util.regex.Pattern.compile(".*メール.*")));
    assertThat(engine.getIdentityService().createUserQuery().userId(NEWCOMER).count())
        .as("nothing is created before the address is confirmed").isZero();

    visitor.get(link(mailTo(NEWCOMER_ADDRESS, "メールアドレスの確認")));
    Chromium.click(visitor, By.id("send"), "the confirmation page offers no button");
    wait.withMessage("the address is not confirmed").until(
        ExpectedConditions.textMatches(By.id("result"), java.util.regex.Pattern.compile(".*(確認|受け付け).*")));
    chromium.screenshot(visitor, "registration-confirmed");

    Task review = only(engine.getTaskService().createTaskQuery()
        .processDefinitionKey(jp.kyodo.registry.RegistrationProcess.KEY)
        .taskDefinitionKey(jp.kyodo.registry.RegistrationProcess.Elements.REVIEW)
        .processVariableValueEquals(jp.kyodo.registry.RegistrationProcess.ORGANISATION_NAME.name(), NEWCOMER_NAME).list(),
        "the office's review of the new group");
    work("tanaka", review, Map.of(jp.kyodo.registry.RegistrationProcess.DECISION.name(), "REGISTER",
        jp.kyodo.registry.RegistrationProcess.REASON.name(), "活動実績と財務の状況を確認しました"));

    visitor.get(link(mailTo(NEWCOMER_ADDRESS, "パスワード")));
    wait.withMessage("the password page").until(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword")));
    visitor.findElement(By.id("newPassword")).sendKeys(NEWCOMER_PASSWORD);
    visitor.findElement(By.id("repeat")).sendKeys(NEWCOMER_PASSWORD);
    Chromium.click(visitor, By.id("send"), "the password page offers no button");
    wait.withMessage("the password is not set").until(
        ExpectedConditions.textMatches(By.id("result"), java.util.regex.Pattern.compile(".*パスワード.*")));

    Tasklist newcomer = tasklists.computeIfAbsent(NEWCOMER, u -> new Tasklist(chromium, engine, u, NEWCOMER_PASSWORD));
    Task draft = engine.getTaskService().createTaskQuery().taskId(newcomer.applyFromCallPage(call, "newcomer-apply")).singleResult();
    assertThat(draft.getTaskDefinitionKey()).isEqualTo(CallApplicationProcess.Elements.DRAFT);
    Map<String, Object> written = new HashMap<>(SelectionScenario.application(call, "さくらの子ども見守り食堂"));
    written.remove(CallApplicationProcess.CALL_NUMBER.name());
    work(NEWCOMER, draft, written);
    assertThat(engine.getRuntimeService().getVariable(draft.getProcessInstanceId(), CallApplicationProcess.APPLICATION_ID.name()))
        .as("the new group's application is recorded").isNotNull();
    return draft.getProcessInstanceId();
  }

  /** Sends what the outbox holds to the test SMTP server and returns the newest mail to that address about that. */
  String mailTo(String address, String subjectPart) {
    sender.sendDue();
    List<String> texts = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage mail : SMTP.getReceivedMessagesForDomain(address)) {
      try {
        if (mail.getSubject().contains(subjectPart)) {
          texts.add(String.valueOf(mail.getContent()));
        }
      } catch (jakarta.mail.MessagingException | IOException e) {
        throw new AssertionError(e);
      }
    }
    assertThat(texts).as("a mail to " + address + " about " + subjectPart).isNotEmpty();
    return texts.get(texts.size() - 1);
  }

  /** The page link in a mail, on this test's server (mails name kyodo.base-url). */
  String link(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^/\\s]+(/public/[^\\s]+)").matcher(text);
    assertThat(m.find()).as("a link in the mail: " + text).isTrue();
    return chromium.base + m.group(1);
  }

  // --- people, tasks, the clock and the job executor

  Tasklist as(String user) {
    return tasklists.computeIfAbsent(user, u -> new Tasklist(chromium, engine, u));
  }

  void work(String user, String number, String taskKey, Map<String, Object> values) {
    work(user, only(tasks(number, taskKey), taskKey + " of " + number), values);
  }

  void work(String user, Task task, Map<String, Object> values) {
    as(user).complete(task, values, user + "-" + task.getTaskDefinitionKey());
  }

  List<Task> tasks(String number, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().list();
  }

  Task only(List<Task> tasks, String what) {
    assertThat(tasks).as("one open task: " + what).hasSize(1);
    return tasks.get(0);
  }

  List<String> openTaskKeys(String number) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  ProcessInstance phaseInstance(String number, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(processKey).active().singleResult();
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  boolean ended(String instanceId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
  }

  static void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** 10:00 in Japan on that day. */
  static void moveTo(LocalDate day) {
    moveTo(day.atTime(10, 0).atZone(CityCalendar.ZONE).toInstant());
  }

  static LocalDate today() {
    return CityCalendar.today();
  }

  /**
   * Runs the due jobs of this project's instances, as the job executor would (it is off in this context, and the
   * other tests' instances are left alone).
   */
  void runDueJobs(String number) {
    for (int round = 0; round < 50; round++) {
      Set<String> instances = new LinkedHashSet<>();
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).list()
          .forEach(p -> instances.add(p.getId()));
      List<Job> due = new ArrayList<>();
      for (String instance : instances) {
        due.addAll(engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming due");
  }

  void lap(String what) {
    Instant now = Instant.now();
    System.out.printf("ブラウザのテスト: %s %d 秒（通算 %d 秒）%n", what, Duration.between(lap, now).toSeconds(),
        Duration.between(began, now).toSeconds());
    lap = now;
  }
}
