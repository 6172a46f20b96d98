package jp.kyodo.lifecycle;

import static jp.kyodo.examination.ExaminationScenario.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.agreement.AgreementScenario;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.evaluation.EvaluationScenario;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.execution.ExecutionScenario;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.improvement.ImprovementScenario;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.selection.SelectionScenario;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives whole lifecycles of 協働事業 the way people do in Tasklist: every task of every phase submitted through
 * its form by the user whose role owns it, with the phases' own scenario values, the clock moved by hand and due
 * timers run as the job executor would. Tasks are found by the project number, which every phase carries as its
 * business key.
 */
public final class LifecycleScenario {

  public static final String[] RESOURCES = {CollaborationProcess.RESOURCE, FiscalYearProcess.RESOURCE,
      "processes/phase-due-date.dmn", "forms/collaboration-overdue.form", "forms/budget-request.form",
      "forms/budget-decision.form", "forms/next-year-plan.form"};

  /** A citizen proposal in May 2026 (fiscal year 2026), to be carried out in fiscal year 2027. */
  public static final Instant PROPOSED_AT = Instant.parse("2026-05-11T01:00:00Z");
  public static final long FIRST_YEAR = 2027;

  public final ProcessEngine engine;
  public final ExaminationScenario examination;
  public final SelectionScenario selection;
  public final ExecutionScenario execution;
  public final AgreementScenario agreement;
  public final EvaluationScenario evaluation;
  public final ImprovementScenario improvement;
  public final JdbcTemplate jdbc;
  public final ProjectRepository projects;
  public final ProjectYearRepository years;

  public LifecycleScenario(ProcessEngine engine) {
    this.engine = engine;
    // Each phase's scenario registers that phase's delegates and people (and clears its tables).
    examination = new ExaminationScenario(engine);
    selection = new SelectionScenario(engine);
    execution = new ExecutionScenario(engine);
    agreement = execution.agreement;
    evaluation = new EvaluationScenario(engine);
    improvement = new ImprovementScenario(engine);
    jdbc = agreement.jdbc;
    jdbc.update("DELETE FROM kyodo_project_decision");
    jdbc.update("DELETE FROM kyodo_staff_handover");
    jdbc.update("DELETE FROM kyodo_project_year");
    jdbc.update("DELETE FROM kyodo_project");
    jdbc.update("DELETE FROM kyodo_number_series");
    projects = new ProjectRepository(jdbc);
    years = new ProjectYearRepository(jdbc);
    PhaseDueDateRule rule = new PhaseDueDateRule("P30D");
    Mocks.register("openProject", new OpenProjectDelegate(projects));
    Mocks.register("enterPhase", new EnterPhaseDelegate(projects, rule));
    Mocks.register("startFiscalYear", new StartFiscalYearDelegate(years));
    Mocks.register("stopRunningYears", new StopRunningYearsDelegate(years, projects));
    Mocks.register("startNextYear", new StartNextYearDelegate());
    Mocks.register("partnerDeclined", new PartnerDeclinedDelegate(selection.registry));
    Mocks.register("endFiscalYear", new EndFiscalYearListener(years));
    Mocks.register("recordYearEnd", new RecordYearEndListener(years, projects));
    Mocks.register("recordBudget", new RecordBudgetListener(years));
    Mocks.register("planNextYear", new PlanNextYearListener(rule, new jp.kyodo.registry.PartnerFixation(selection.registry, 3), years, projects));
    Mocks.register("handOverAgreementGoals", new HandOverAgreementGoalsDelegate(agreement.agreements));
    Mocks.register("recordPhaseOutcome", new RecordPhaseOutcomeListener(projects));
    Mocks.register("recordProjectOutcome", new RecordProjectOutcomeListener(projects));
    Mocks.register("overduePhase", new OverduePhaseListener(projects));
    Mocks.register("recordRevisedProposal", new RecordRevisedProposalListener());
    moveTo(PROPOSED_AT);
  }

  /** The lifecycle and every phase it calls, in one deployment. */
  public String deploy() {
    Set<String> resources = new LinkedHashSet<>();
    Stream.of(RESOURCES, ExaminationScenario.RESOURCES, SelectionScenario.RESOURCES, AgreementScenario.RESOURCES,
        ExecutionScenario.RESOURCES, EvaluationScenario.RESOURCES, ImprovementScenario.RESOURCES)
        .forEach(list -> resources.addAll(List.of(list)));
    var builder = engine.getRepositoryService().createDeployment().name("lifecycle-test");
    resources.forEach(builder::addClasspathResource);
    return builder.deploy().getId();
  }

  // --- the clock and the job executor

  public static void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** 10:00 in Japan on that day. */
  public static void moveTo(LocalDate day) {
    moveTo(day.atTime(10, 0).atZone(CityCalendar.ZONE).toInstant());
  }

  public static LocalDate today() {
    return CityCalendar.today();
  }

  /** Runs every job due on the current clock, as the job executor would, until none is left. */
  public int runDueJobs() {
    int ran = 0;
    for (int round = 0; round < 50; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().executable().list();
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

  // --- acting as people

  public ProcessInstance propose(String userId, Map<String, Object> values) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(CollaborationProcess.KEY).latestVersion().singleResult().getId();
    ProcessInstance started = agreement.as(userId, () -> engine.getFormService().submitStartForm(definition, values));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getId()).singleResult();
  }

  public List<Task> tasks(String projectNumber, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectNumber)
        .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
  }

  public Task task(String projectNumber, String taskKey) {
    List<Task> open = tasks(projectNumber, taskKey);
    if (open.size() != 1) {
      throw new AssertionError("expected one open " + taskKey + " of " + projectNumber + ", found " + open.size()
          + "; open: " + openTaskKeys(projectNumber));
    }
    return open.get(0);
  }

  public List<String> openTaskKeys(String projectNumber) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(projectNumber).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  public void complete(String projectNumber, String taskKey, String userId, Map<String, Object> values) {
    complete(task(projectNumber, taskKey), userId, values);
  }

  public void complete(Task task, String userId, Map<String, Object> values) {
    if (jp.kyodo.support.Attachments.needsStatement(task)) {
      jp.kyodo.support.Attachments.statement(jdbc, task, userId);
    }
    agreement.as(userId, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  /** The running phase instance of that process key for the project. */
  public ProcessInstance phaseInstance(String projectNumber, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(projectNumber)
        .processDefinitionKey(processKey).active().singleResult();
  }

  public Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  /** The latest value a variable of the lifecycle instance had (it may have ended). */
  public Object historic(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> v.getTaskId() == null).map(v -> v.getValue()).findFirst()
        .orElse(null);
  }

  // --- the fiscal years

  /** The running year of the project for that fiscal year. */
  public ProcessInstance year(String projectNumber, long fiscalYear) {
    return years.ofProject(projectNumber).stream()
        .filter(y -> y.fiscalYear() == fiscalYear && ProjectYearRepository.RUNNING.equals(y.status()))
        .map(y -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(y.processInstanceId())
            .singleResult())
        .filter(java.util.Objects::nonNull).findFirst()
        .orElseThrow(() -> new AssertionError("no running year " + fiscalYear + " of " + projectNumber + "; years: "
            + years.ofProject(projectNumber)));
  }

  /** The year (running or not) of the project for that fiscal year, as the list of years keeps it. */
  public ProjectYearRepository.ProjectYear yearRecord(String projectNumber, long fiscalYear) {
    return years.ofProject(projectNumber).stream().filter(y -> y.fiscalYear() == fiscalYear)
        .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no year " + fiscalYear));
  }

  /** The department requests {@code amount} yen; the office records what the budget granted. */
  public void budgetDecided(String projectNumber, long amount, String decision, Long approved, String comment) {
    complete(projectNumber, FiscalYearProcess.Elements.REQUEST_BUDGET, "suzuki", Map.of(
        FiscalYearProcess.REQUESTED_BUDGET.name(), amount, FiscalYearProcess.BUDGET_BASIS.name(),
        "見守り訪問員の謝礼 12か月分とサロンの会場費"));
    Map<String, Object> values = new java.util.HashMap<>();
    values.put(FiscalYearProcess.BUDGET_DECISION.name(), decision);
    if (approved != null) {
      values.put(FiscalYearProcess.APPROVED_BUDGET.name(), approved);
    }
    if (comment != null) {
      values.put(FiscalYearProcess.BUDGET_COMMENT.name(), comment);
    }
    complete(projectNumber, FiscalYearProcess.Elements.DECIDE_BUDGET, "tanaka", values);
  }

  /** The budget request granted as requested (1,200,000 yen: the scenario's draft has the city spend 950,000). */
  public void budgetApproved(String projectNumber) {
    budgetDecided(projectNumber, 1_200_000L, "APPROVED", null, null);
  }

  /** 来年度の進め方, decided by the department while ④ runs. */
  public void nextYearPlanned(String projectNumber, String plan, String note) {
    Map<String, Object> values = new java.util.HashMap<>();
    values.put(FiscalYearProcess.NEXT_YEAR_PLAN.name(), plan);
    if (note != null) {
      values.put(FiscalYearProcess.NEXT_YEAR_NOTE.name(), note);
    }
    complete(projectNumber, FiscalYearProcess.Elements.PLAN_NEXT_YEAR, "suzuki", values);
  }

  // --- ① 事業の検討

  /** Taken in (a citizen proposal), checked and assessed by 福祉課, approved by the office. */
  public void examinationApproved(String projectNumber, boolean citizenProposal, long plannedYear, String pattern) {
    examinationApproved(projectNumber, citizenProposal, plannedYear, pattern, Map.of());
  }

  /** As above, the assessment changed by {@code assessed} (another form of collaboration, say). */
  public void examinationApproved(String projectNumber, boolean citizenProposal, long plannedYear, String pattern,
      Map<String, Object> assessed) {
    if (citizenProposal) {
      complete(projectNumber, ExaminationProcess.Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    }
    complete(projectNumber, ExaminationProcess.Elements.CHECK_SHEET, "suzuki", checkSheet());
    Map<String, Object> assessment = new java.util.HashMap<>(with(assessment(),
        ExaminationProcess.PLANNED_FISCAL_YEAR.name(), (int) plannedYear, ExaminationProcess.CALENDAR_PATTERN.name(), pattern));
    assessment.putAll(assessed);
    complete(projectNumber, ExaminationProcess.Elements.ASSESS, "suzuki", assessment);
    complete(projectNumber, ExaminationProcess.Elements.REVIEW, "tanaka", review("PROCEED", "地域の課題に合っている"));
  }

  // --- ② パートナーの選定

  public void soleSource(String projectNumber, String organisation) {
    complete(projectNumber, SelectionProcess.Elements.CHOOSE_METHOD, "suzuki",
        SelectionScenario.soleSource(organisation, "提案した団体で、地域で同種の活動をしている唯一の団体"));
    complete(projectNumber, SelectionProcess.Elements.APPROVE_SOLE_SOURCE, "sato", SelectionScenario.values(
        SelectionProcess.SOLE_SOURCE_APPROVAL.name(), "APPROVE", SelectionProcess.SOLE_SOURCE_APPROVAL_COMMENT.name(),
        "理由は妥当（旭川 Q45）"));
  }

  /** A public call the office publishes with one reviewer; its deadline is {@code deadline}. Returns the call number. */
  public String publishedCall(String projectNumber, LocalDate deadline) {
    complete(projectNumber, SelectionProcess.Elements.CHOOSE_METHOD, "suzuki", SelectionScenario.publicCall());
    complete(projectNumber, SelectionProcess.Elements.WRITE_CALL, "suzuki", SelectionScenario.values(
        SelectionProcess.CALL_PURPOSE.name(), "独居高齢者の見守りとサロン運営", SelectionProcess.CALL_ELIGIBILITY.name(),
        "市内で活動する登録団体", "criterion1Label", "事業の実現性", "criterion1Weight", 60, "criterion2Label", "地域への効果",
        "criterion2Weight", 40, SelectionProcess.APPLICATION_DEADLINE.name(), deadline.toString(),
        SelectionProcess.CALL_FIELDS.name(), jp.kyodo.variables.ListVar.json(java.util.List.of("WELFARE")),
        SelectionProcess.CALL_BUDGET.name(), 1_200_000));
    complete(projectNumber, SelectionProcess.Elements.CHECK_CALL, "tanaka", SelectionScenario.publish(1, "takahashi"));
    return (String) variable(phaseInstance(projectNumber, SelectionProcess.KEY), SelectionProcess.CALL_NUMBER.name());
  }

  /** A partner user applies to the call: 「この公募に応募する」 opens the draft, which the partner submits. */
  public ProcessInstance apply(String userId, String callNumber) {
    return selection.apply(userId, SelectionScenario.application(callNumber, userId + "の見守りサロン"));
  }

  /** The deadline passes; every application is eligible and scored; the committee proposes that one; a manager approves. */
  public void callDecided(String projectNumber, LocalDate deadline, ProcessInstance chosenApplication) {
    moveTo(deadline.plusDays(1));
    runDueJobs();
    for (Task screening : tasks(projectNumber, SelectionProcess.Elements.SCREEN)) {
      complete(screening, "tanaka", SelectionScenario.values(SelectionProcess.SCREENING.name(), "ELIGIBLE"));
    }
    complete(projectNumber, SelectionProcess.Elements.DECLARE_CONFLICTS, "takahashi",
        SelectionScenario.values(SelectionProcess.DECLARATION_CONFIRMED.name(), true));
    for (Task score : tasks(projectNumber, SelectionProcess.Elements.SCORE)) {
      complete(score, "takahashi", SelectionScenario.scores(4, 4));
    }
    String applicationId = (String) engine.getRuntimeService().getVariable(chosenApplication.getId(),
        SelectionProcess.APPLICATION_ID.name());
    complete(projectNumber, SelectionProcess.Elements.PROPOSE, "tanaka", SelectionScenario.values(
        SelectionProcess.SELECTED_APPLICATION.name(), applicationId, SelectionProcess.SELECTION_REASON.name(),
        "地域での実績と計画の実現性が高い"));
    complete(projectNumber, SelectionProcess.Elements.APPROVE_SELECTION, "sato",
        SelectionScenario.values(SelectionProcess.SELECTION_APPROVAL.name(), "APPROVE"));
  }

  // --- ③ 協定・契約

  /** The draft of AgreementScenario, moved into the fiscal year's term. */
  public static Map<String, Object> draft(LocalDate termStart, LocalDate termEnd) {
    return AgreementScenario.with(AgreementScenario.draft(), AgreementProcess.TERM_START.name(), termStart.toString(),
        AgreementProcess.TERM_END.name(), termEnd.toString(), AgreementProcess.GOAL_DUE.get(0).name(), termEnd.toString(),
        AgreementProcess.GOAL_DUE.get(1).name(), termEnd.toString());
  }

  /**
   * Parties (the first year only), draft, both confirmations, the manager's approval, the document job and the
   * exchange, signed on {@code signedOn} (the clock is moved there).
   */
  public void agreementConcluded(String projectNumber, String partnerUser, LocalDate termStart, LocalDate termEnd,
      LocalDate signedOn) {
    agreementApproved(projectNumber, partnerUser, termStart, termEnd);
    agreementSigned(projectNumber, signedOn);
  }

  /** Up to the manager's approval and the document: the agreement waits to be exchanged and signed. */
  public void agreementApproved(String projectNumber, String partnerUser, LocalDate termStart, LocalDate termEnd) {
    if (!tasks(projectNumber, AgreementProcess.Elements.ASSIGN_PARTIES).isEmpty()) {
      complete(projectNumber, AgreementProcess.Elements.ASSIGN_PARTIES, "suzuki", SelectionScenario.values(
          AgreementProcess.MAIN_STAFF.name(), "suzuki", AgreementProcess.DEPUTY_STAFF.name(), "yamamoto"));
    }
    complete(projectNumber, AgreementProcess.Elements.DRAFT, "suzuki", draft(termStart, termEnd));
    complete(projectNumber, AgreementProcess.Elements.PARTNER_CONFIRMS, partnerUser,
        Map.of(AgreementProcess.PARTNER_DECISION.name(), "AGREE"));
    complete(projectNumber, AgreementProcess.Elements.DEPARTMENT_CONFIRMS, "yamamoto",
        Map.of(AgreementProcess.DEPARTMENT_DECISION.name(), "AGREE"));
    complete(projectNumber, AgreementProcess.Elements.APPROVE, "sato", Map.of(AgreementProcess.APPROVAL_DECISION.name(), "APPROVE"));
    runDueJobs();
  }

  /** Both sides sign on {@code signedOn} (the clock is moved there). */
  public void agreementSigned(String projectNumber, LocalDate signedOn) {
    moveTo(signedOn);
    complete(projectNumber, AgreementProcess.Elements.EXCHANGE, "suzuki", Map.of(AgreementProcess.SIGNED_ON.name(), signedOn.toString()));
  }

  // --- ④ 事業の実施

  /**
   * The whole term: whatever the execution asks for is done on the day it comes due — the advance, each progress
   * report and its review, the mid-term check — then the completion report after the last day, the inspection and
   * the final payment. Returns the task keys completed, in order.
   */
  public List<String> executionCompleted(String projectNumber, String partnerUser) {
    ProcessInstance instance = phaseInstance(projectNumber, ExecutionProcess.KEY);
    List<String> done = new ArrayList<>();
    for (int step = 0; step < 40; step++) {
      boolean worked = workOpenExecutionTasks(projectNumber, partnerUser, instance, done);
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        return done;
      }
      if (!worked) {
        Job next = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
            .orderByJobDuedate().asc().listPage(0, 1).get(0);
        moveTo(next.getDuedate().toInstant().plusSeconds(60));
        runDueJobs();
      }
    }
    throw new AssertionError("the execution did not end; open: " + openTaskKeys(projectNumber));
  }

  private boolean workOpenExecutionTasks(String projectNumber, String partnerUser, ProcessInstance instance,
      List<String> done) {
    String today = today().toString();
    boolean worked = false;
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime()
        .asc().list()) {
      var work = ExecutionScenario.asPlanned(task.getTaskDefinitionKey(), name -> variable(instance, name), today);
      if (work.isEmpty()) {
        continue; // the standing tasks (issues, plan changes, handover) stay open until the completion report
      }
      complete(task, work.get().byPartner() ? partnerUser : "suzuki", work.get().values());
      done.add(task.getTaskDefinitionKey());
      worked = true;
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        break;
      }
    }
    return worked;
  }

  // --- ⑤ 事業の評価 and ⑥ 事業の改善

  /** Both goals met; both sides answer yes throughout; the partner agrees to the result. */
  public void evaluationRecorded(String projectNumber, String partnerUser) {
    complete(projectNumber, EvaluationProcess.Elements.RECORD_OUTCOMES, "suzuki", EvaluationScenario.outcomes("YES", "YES"));
    complete(projectNumber, EvaluationProcess.Elements.DEPARTMENT_SELF, "suzuki", EvaluationScenario.sheet(Answer.YES));
    complete(projectNumber, EvaluationProcess.Elements.PARTNER_SELF, partnerUser, EvaluationScenario.sheet(Answer.YES));
    complete(projectNumber, EvaluationProcess.Elements.JOINT_REVIEW, "suzuki", EvaluationScenario.jointReview(Answer.YES));
    complete(projectNumber, EvaluationProcess.Elements.CONFIRM, partnerUser, EvaluationScenario.confirmation("AGREE", null));
  }

  /** The dialogue on goals that were met, the partner agrees, and the department decides with these values. */
  public void improvementDecided(String projectNumber, String partnerUser, Map<String, Object> decision) {
    complete(projectNumber, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    complete(projectNumber, ImprovementProcess.Elements.PARTNER_REVIEW, partnerUser,
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    complete(projectNumber, ImprovementProcess.Elements.DECIDE, "suzuki", decision);
  }

  /** One fiscal year from ③ to the open decision of ⑥: agreement on 1 April, the year's term, evaluation in April. */
  public void yearUpToTheDecision(String projectNumber, String partnerUser, long fiscalYear) {
    LocalDate start = LocalDate.of((int) fiscalYear, 4, 1);
    LocalDate end = LocalDate.of((int) fiscalYear + 1, 3, 31);
    agreementConcluded(projectNumber, partnerUser, start.isBefore(today()) ? today().plusDays(1) : start, end,
        start.isBefore(today()) ? today() : start);
    executionCompleted(projectNumber, partnerUser);
    evaluationRecorded(projectNumber, partnerUser);
    complete(projectNumber, ImprovementProcess.Elements.DIALOGUE, "suzuki", ImprovementScenario.dialogueOnMetGoals());
    complete(projectNumber, ImprovementProcess.Elements.PARTNER_REVIEW, partnerUser,
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
  }
}
