package jp.kyodo;

import static jp.kyodo.examination.ExaminationScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationProcess.Elements;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.platform.ModelDeployer;
import jp.kyodo.support.OnPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application on the {@code postgres} profile against a local PostgreSQL (database, user and
 * password {@code kyodo}). {@code .ci/run} installs and starts one and sets KYODO_TEST_POSTGRES=true;
 * elsewhere this test is skipped ({@link OnPostgres}, never under KYODO_REQUIRE_ALL=true). The database outlives the
 * run, so it counts differences only.
 */
@OnPostgres
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=kyodoPostgresTest",
    "camunda.bpm.job-execution.enabled=false"})
class PostgresStartupTest {

  @Autowired
  ProcessEngine engine;

  @Autowired
  ModelDeployer deployer;

  @Autowired
  jp.kyodo.agreement.AgreementRepository agreements;

  @Autowired
  jp.kyodo.agreement.AgreementDocument documents;

  @Autowired
  jp.kyodo.execution.ExecutionRepository executions;

  /** The V3/V4 tables on PostgreSQL: an agreement with its parts, its PDF (BYTEA) and an execution with a payment. */
  @Test
  void keepsAgreementsTheirDocumentsAndExecutions() {
    String number = "2026-pgtest-" + (System.nanoTime() % 1_000_000_000L);
    jp.kyodo.agreement.Agreement agreement = jp.kyodo.agreement.AgreementDocumentTest.agreement(number, "PostgreSQL で保存する",
        java.util.List.of(new jp.kyodo.agreement.Agreement.Role("運営", "PARTNER")));
    int serial = agreements.nextSerial(agreement.fiscalYear(), "pgtest-" + number);
    agreements.insert(new jp.kyodo.agreement.Agreement(number, agreement.fiscalYear(), null, agreement.title(),
        "pgtest-" + number, agreement.departmentName(), agreement.partnerGroup(), agreement.partnerName(), agreement.chosenForm(),
        agreement.otherFormDescription(), agreement.costEstimate(), agreement.mainStaff(), agreement.deputyStaff(), agreement.purpose(), agreement.finalGoal(),
        agreement.goals(), agreement.roles(), agreement.budget(), 0, 0, 0, agreement.payment(), agreement.termStart(),
        agreement.termEnd(), agreement.reportRhythm(), agreement.clauses(), agreement.decisions(), agreement.status(),
        agreement.approvedBy(), agreement.approvedAt(), null, "pi-" + number, agreement.workPlan(),
        agreement.selectionNumber()), serial);
    byte[] pdf = documents.render(agreements.find(number).orElseThrow());
    agreements.storeDocument(number, documents.fileName(agreement), pdf, java.time.Instant.now());
    assertThat(agreements.document(number).orElseThrow().content()).isEqualTo(pdf);
    assertThat(agreements.find(number).orElseThrow().goals()).extracting(jp.kyodo.agreement.Agreement.Goal::id).containsExactly("G1");
    executions.start(number, "pi-" + number, "suzuki", "yamamoto", "suzuki", java.time.Instant.now());
    executions.payment(number, "AFTER_COMPLETION", 450_000, 450_000, jp.kyodo.platform.CityCalendar.today(), null, "suzuki",
        jp.kyodo.platform.CityCalendar.now());
    assertThat(executions.payments(number)).hasSize(1);
  }

  @Autowired
  jp.kyodo.lifecycle.ProjectRepository projects;

  /** The V6 tables on PostgreSQL: a project numbered, moved on, decided, and listed per reader with paging. */
  @Test
  void keepsProjectsAndListsThemPerReader() {
    int year = 3000 + (int) (System.nanoTime() % 6000);
    java.time.Instant now = java.time.Instant.now();
    String number = projects.open(year, "PostgreSQL の協働事業", "hikari", "org-pgtest", "pi-" + System.nanoTime(), now);
    assertThat(number).startsWith(year + "-");
    projects.enterPhase(number, new jp.kyodo.lifecycle.ProjectRecord.Facts("PostgreSQL の協働事業", "dept-pgtest", "試験課",
        "org-pgtest", "試験の会", "JOINT_PROJECT", null, 3, "NEXT_YEAR"), new jp.kyodo.lifecycle.ProjectRecord.PhaseEntry(
        jp.kyodo.lifecycle.Phase.SELECTION, 1, year, now, now.plusSeconds(3600)), now);
    projects.recordDecision(number, new jp.kyodo.lifecycle.ProjectDecision(jp.kyodo.lifecycle.Phase.EXAMINATION, 1,
        (long) year, new jp.kyodo.platform.Decision("APPROVED", "承認", "理由", "tanaka", now)));
    var page = projects.list(new jp.kyodo.lifecycle.ProjectRepository.Filter(jp.kyodo.lifecycle.Phase.SELECTION, year,
        "dept-pgtest", "ACTIVE"), jp.kyodo.lifecycle.ProjectRepository.Visibility.ofGroups(java.util.List.of("org-pgtest")), 0, 10);
    assertThat(page.total()).isEqualTo(1);
    assertThat(page.projects().get(0).lastDecision()).isEqualTo("APPROVED");
    assertThat(projects.decisions(number)).hasSize(1);
  }

  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactionManager;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * A number the series has not given out yet is in the table already (a restore, an import, a row written before the
   * series existed): the project's insert is refused by the unique constraint, undone under a savepoint, and the next
   * number is taken in the same transaction — on PostgreSQL a failed statement would otherwise abort it ("current
   * transaction is aborted") — which then commits, with one project for the instance however often its step runs.
   */
  @Test
  void aNumberTakenOutsideTheSeriesIsSkippedAndTheTransactionGoesOnAndCommits() {
    int year = 3000 + (int) (System.nanoTime() % 6000);
    java.time.Instant now = java.time.Instant.now();
    String first = projects.open(year, "先に番号を取った提案", "hikari", null, "pi-first-" + System.nanoTime(), now);
    jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title, proposer, phase, round_no,"
        + " status, process_instance_id, opened_at, updated_at) VALUES (?, ?, 2, '取り込んだ事業', 'tanaka', 'EXAMINATION',"
        + " 0, 'ACTIVE', ?, ?, ?)", year + "-002", year, "pi-imported-" + System.nanoTime(),
        java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
    String instance = "pi-second-" + System.nanoTime();
    String second = new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> {
      String number = projects.open(year, "取り込みの後の提案", "midori", null, instance, now);
      assertThat(projects.open(year, "取り込みの後の提案", "midori", null, instance, now)).as("once per instance").isEqualTo(number);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project WHERE proposal_year = ?", Integer.class, year))
          .as("the transaction goes on after the refused insert").isEqualTo(3);
      return number;
    });
    assertThat(second).isEqualTo(year + "-003");
    assertThat(first).isEqualTo(year + "-001");
    assertThat(projects.find(second)).as("committed").hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("取り込みの後の提案"));
  }

  @Test
  void startsOnPostgresDeploysOnceAndRunsAnExamination() {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ExaminationProcess.KEY).latestVersion().singleResult().getResourceName())
        .isEqualTo(ExaminationProcess.RESOURCE);

    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    deployer.deploy(engine.getRepositoryService());
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);

    ExaminationScenario scenario = new ExaminationScenario(engine, false);
    ProcessInstance instance = scenario.start("hikari", proposal());
    scenario.complete(instance, Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    scenario.complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(instance, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(instance, Elements.REVIEW, "tanaka", review("PROCEED", "PostgreSQL で承認"));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getEndActivityId()).isEqualTo(Elements.END_APPROVED);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(ExaminationProcess.OUTCOME_DECIDED_BY.name()).singleResult().getValue()).isEqualTo("tanaka");
  }

  /** The lifecycle on PostgreSQL: numbered, ① run in its phase instance, handed on to ② with the project's record. */
  @Test
  void runsALifecycleFromTheProposalIntoThePartnerSelection() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(jp.kyodo.lifecycle.CollaborationProcess.KEY).latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication("hikari", java.util.List.of("partners", "org-hikari"));
    ProcessInstance lifecycle;
    try {
      lifecycle = engine.getFormService().submitStartForm(definition, proposal());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lifecycle.getId())
        .singleResult().getBusinessKey();
    ExaminationScenario scenario = new ExaminationScenario(engine, false);
    ProcessInstance examination = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(ExaminationProcess.KEY).singleResult();
    scenario.complete(examination, Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    scenario.complete(examination, Elements.CHECK_SHEET, "suzuki", checkSheet());
    scenario.complete(examination, Elements.ASSESS, "suzuki", assessment());
    scenario.complete(examination, Elements.REVIEW, "tanaka", review("PROCEED", "PostgreSQL で承認"));

    // From ② on, the project's phase is its fiscal year's (collaboration-year), started with the project number.
    String year = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(jp.kyodo.lifecycle.FiscalYearProcess.KEY).processInstanceBusinessKey(number).singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(year, "phase")).isEqualTo("SELECTION");
    assertThat(engine.getRuntimeService().getVariable(lifecycle.getId(), "projectDecisions").toString()).contains("APPROVED");
    jp.kyodo.lifecycle.ProjectRecord project = projects.find(number).orElseThrow();
    assertThat(project.phase()).isEqualTo(jp.kyodo.lifecycle.Phase.SELECTION);
    assertThat(project.departmentGroup()).isEqualTo("dept-fukushi");
    assertThat(projects.decisions(number)).extracting(d -> d.decision().decidedBy()).containsExactly("tanaka");
  }

  @Autowired
  jp.kyodo.mail.Outbox outbox;

  @Autowired
  jp.kyodo.mail.OutboxSender sender;

  /**
   * The mail tables (V17–V19) on PostgreSQL: a notice queued once (the second insert of its key refused under a
   * savepoint), a person's choice kept, a digest row, the claim's UPDATE taken once, and (mail off here) the row LOGGED.
   */
  @Test
  void queuesClaimsAndLogsMailOnPostgres() {
    String run = "pgtest-" + System.nanoTime();
    String user = "pg" + (System.nanoTime() % 1_000_000);
    outbox.preferences().save(user, java.util.Map.of(jp.kyodo.mail.NoticeKind.TASK_ASSIGNED,
        jp.kyodo.mail.MailPreferences.Choice.IMMEDIATE));
    assertThat(outbox.preferences().choice(user, jp.kyodo.mail.NoticeKind.TASK_ASSIGNED))
        .isEqualTo(jp.kyodo.mail.MailPreferences.Choice.IMMEDIATE);
    jp.kyodo.mail.Notice notice = new jp.kyodo.mail.Notice(run + ":1", user, user + "@example.org",
        jp.kyodo.mail.NoticeKind.TASK_ASSIGNED, false, "PostgreSQL の通知", "本文", "/account/");
    assertThat(outbox.enqueue(notice)).isTrue();
    assertThat(outbox.enqueue(notice)).isFalse();
    assertThat(outbox.enqueue(new jp.kyodo.mail.Notice(run + ":2", "someone-else", "x@example.org",
        jp.kyodo.mail.NoticeKind.TASK_ASSIGNED, false, "まとめ", "本文", null))).isTrue();
    assertThat(jdbc.queryForObject("SELECT digest FROM kyodo_mail_outbox WHERE notice_key = ?", Boolean.class, run + ":2"))
        .isTrue();
    long id = jdbc.queryForObject("SELECT id FROM kyodo_mail_outbox WHERE notice_key = ?", Long.class, run + ":1");
    assertThat(sender.claim("pg-a", "id = ?", id)).isTrue();
    assertThat(sender.claim("pg-b", "id = ?", id)).isFalse();
    jdbc.update("UPDATE kyodo_mail_outbox SET claimed_until = NULL WHERE id = ?", id);
    sender.sendDue();
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_mail_outbox WHERE id = ?", String.class, id))
        .isEqualTo("LOGGED");
  }
}
