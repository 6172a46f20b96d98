package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.agreement.AgreementScenario;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives ④ 事業の実施 on a concluded agreement (③ run through {@link AgreementScenario}): forms as
 * Tasklist submits them, the clock moved by hand and due timers run as the job executor would.
 */
public final class ExecutionScenario {

  public static final String[] RESOURCES = {
      RESOURCE,
      "forms/execution-start.form",
      "forms/execution-advance-payment.form",
      "forms/execution-final-payment.form",
      "forms/execution-midterm.form",
      "forms/execution-progress-report.form",
      "forms/execution-report-review.form",
      "forms/execution-late-report.form",
      "forms/execution-issue-report.form",
      "forms/execution-issue-handling.form",
      "forms/execution-issue-decision.form",
      "forms/execution-issue-view.form",
      "forms/execution-issue-resolution.form",
      "forms/execution-settlement-draft.form",
      "forms/execution-settlement-confirmation.form",
      "forms/execution-settlement-approval.form",
      "forms/execution-plan-change-proposal.form",
      "forms/execution-plan-change-answer.form",
      "forms/execution-plan-change-approval.form",
      "forms/execution-handover-request.form",
      "forms/execution-handover.form",
      "forms/execution-handover-confirmation.form",
      "forms/execution-completion-report.form",
      "forms/execution-inspection.form"};

  public final ProcessEngine engine;
  public final AgreementScenario agreement;
  public final ExecutionRepository executions;

  /** ④'s own tables of V13, children first: cleared before ③'s scenario clears the agreements and executions. */
  static final List<String> OWN_TABLES = List.of("kyodo_document_event", "kyodo_document_content", "kyodo_document",
      "kyodo_execution_amendment", "kyodo_execution_settlement",
      "kyodo_execution_suspension");

  public ExecutionScenario(ProcessEngine engine) {
    this.engine = engine;
    clearOwnTables(new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource()));
    agreement = new AgreementScenario(engine);
    executions = new ExecutionRepository(agreement.jdbc);
    AgreementRepository agreements = agreement.agreements;
    Mocks.register("startExecution", new StartExecutionDelegate(agreements, executions, "P7D", "P14D"));
    Mocks.register("openProgressReport", new OpenProgressReportDelegate(executions));
    Mocks.register("remindLateReport", new RemindLateReportDelegate(executions, new jp.kyodo.mail.Outbox(agreement.jdbc)));
    Mocks.register("openIssue", new OpenIssueDelegate(executions));
    Mocks.register("openPlanChange", new OpenPlanChangeDelegate(executions));
    Mocks.register("settlePlanChange", new SettlePlanChangeDelegate(executions, agreements));
    Mocks.register("prefillPlanChange", new PrefillPlanChangeListener(agreements));
    Mocks.register("recordPlanChangeAnswer", new RecordPlanChangeAnswerListener(executions));
    Mocks.register("produceAmendedAgreement", new ProduceAmendedAgreementDelegate(executions, agreements,
        agreement.document));
    Mocks.register("openHandover", new OpenHandoverDelegate(executions));
    Mocks.register("completeHandover", new CompleteHandoverDelegate(executions));
    Mocks.register("closeExecution", new CloseExecutionDelegate(executions));
    Mocks.register("recordExecutionRequest", new RecordExecutionRequestListener(executions, agreements));
    Mocks.register("recordPayment", new RecordPaymentListener(executions));
    Mocks.register("recordMidterm", new RecordMidtermListener(executions));
    Mocks.register("recordProgressReport", new RecordProgressReportListener(executions));
    Mocks.register("recordIssueHandling", new RecordIssueHandlingListener(executions));
    Mocks.register("recordHandover", new RecordHandoverListener(executions));
    Mocks.register("recordCompletion", new RecordCompletionListener(executions));
    Mocks.register("requireStatement", new jp.kyodo.documents.RequireStatementListener(
        new jp.kyodo.documents.DocumentRepository(agreement.jdbc)));
    Mocks.register("suspendExecution", new SuspendExecutionDelegate(executions));
    Mocks.register("resumeExecution", new ResumeExecutionDelegate(executions));
    Mocks.register("recordSettlement", new RecordSettlementListener(executions));
    Mocks.register("settleTermination", new SettleTerminationDelegate(executions));
  }

  /**
   * Deletes the rows of ④'s V13 tables, which refer to executions and issues: ③'s scenario clears those next, in this
   * test class or the next one that shares the in-memory database.
   */
  public static void clearOwnTables(JdbcTemplate jdbc) {
    for (String table : OWN_TABLES) {
      Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = ?",
          Integer.class, table);
      if (n != null && n > 0) {
        jdbc.update("DELETE FROM " + table);
      }
    }
  }

  public void clearOwnTables() {
    clearOwnTables(agreement.jdbc);
  }

  /** Deploys ③ and ④; returns both deployment ids. */
  public List<String> deploy() {
    var builder = engine.getRepositoryService().createDeployment().name("execution-test");
    for (String resource : RESOURCES) {
      builder.addClasspathResource(resource);
    }
    return List.of(agreement.deploy(), builder.deploy().getId());
  }

  public ProcessInstance start(String userId, String agreementNumber) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(KEY).latestVersion().singleResult().getId();
    return agreement.as(userId, () -> engine.getFormService().submitStartForm(definitionId,
        Map.of(AGREEMENT_NUMBER.name(), agreementNumber)));
  }

  public static void moveTo(String isoInstant) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(isoInstant)));
  }

  /** Runs every job that is due on the current clock, as the job executor would, until none is left. */
  public int runDueJobs(ProcessInstance instance) {
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable()
          .active().list();
      if (due.isEmpty()) {
        return ran;
      }
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
        ran++;
      }
    }
    throw new AssertionError("jobs keep coming due");
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().list();
  }

  /** Completes the task as the user does in Tasklist; a completion report gets its 収支決算書 attached first (旭川 Q19). */
  public void complete(Task task, String userId, Map<String, Object> values) {
    if (jp.kyodo.support.Attachments.needsStatement(task)) {
      jp.kyodo.support.Attachments.statement(agreement.jdbc, task, userId);
    }
    agreement.as(userId, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  /** Completes the one open task of that key. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    List<Task> open = tasks(instance, taskKey);
    if (open.size() != 1) {
      throw new AssertionError("expected one open " + taskKey + ", found " + open.size());
    }
    complete(open.get(0), userId, values);
  }

  public Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> v.getValue() != null).map(v -> v.getValue()).reduce((a, b) -> b)
        .orElse(null);
  }

  public static Map<String, Object> values(Object... keysAndValues) {
    return jp.kyodo.support.TestDesk.values(keysAndValues);
  }

  /** What is submitted on a task of the term when everything goes as planned, and whether the partner does it. */
  public record PlannedWork(boolean byPartner, Map<String, Object> values) {}

  /**
   * The submission of a task of the term done as planned on {@code today}, reading the agreed amounts with
   * {@code variable}; empty for the standing tasks (issues, plan changes, handover), which stay open until the end.
   */
  public static java.util.Optional<PlannedWork> asPlanned(String taskKey, java.util.function.Function<String, Object> variable,
      String today) {
    PlannedWork work = switch (taskKey) {
      case Elements.PAY_ADVANCE -> new PlannedWork(false, values(ADVANCE_PAID_AMOUNT.name(),
          variable.apply(ADVANCE_AMOUNT.name()), ADVANCE_PAID_ON.name(), today));
      case Elements.SUBMIT_REPORT -> new PlannedWork(true, report("予定どおり実施した（" + today + "）"));
      case Elements.REVIEW_REPORT -> new PlannedWork(false, values(REVIEW_DECISION.name(), "ACCEPT"));
      case Elements.MIDTERM -> new PlannedWork(false, values(MIDTERM_PROGRESS.name(), "ON_TRACK", MIDTERM_FINDINGS.name(),
          "計画どおり進んでいる", MIDTERM_WITH_PARTNER.name(), true));
      case Elements.SUBMIT_COMPLETION -> new PlannedWork(true, completion());
      case Elements.INSPECT -> new PlannedWork(false, values(INSPECTION_RESULT.name(), "PASS", INSPECTED_ON.name(), today));
      case Elements.PAY_AFTER_COMPLETION -> new PlannedWork(false, values(FINAL_PAID_AMOUNT.name(),
          variable.apply(FINAL_AMOUNT.name()), FINAL_PAID_ON.name(), today));
      default -> null;
    };
    return java.util.Optional.ofNullable(work);
  }

  public static Map<String, Object> report(String summary) {
    return values(REPORT_SUMMARY.name(), summary, REPORT_GOAL_PROGRESS.name(), "G1 訪問 延べ120件", REPORT_CITIZEN_INFO.name(),
        "広報紙に掲載");
  }

  public static Map<String, Object> completion() {
    return values(COMPLETION_SUMMARY.name(), "見守り訪問とサロンを1年間実施した", GOAL_RESULT.get(0).name(), "ACHIEVED",
        GOAL_RESULT.get(1).name(), "PARTLY", GOAL_RESULT_NOTES.name(), "訪問 延べ420件、サロン参加者 月平均25人",
        ACTUAL_EXPENDITURE.name(), 1_030_000, SURPLUS_AMOUNT.name(), 20_000, CITIZEN_INFO.name(), "成果報告会を3月に開催");
  }
}
