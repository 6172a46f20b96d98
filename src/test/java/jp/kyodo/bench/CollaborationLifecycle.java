package jp.kyodo.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.evaluation.EvaluationScenario;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.execution.ExecutionScenario;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.improvement.ImprovementScenario;
import jp.kyodo.lifecycle.CollaborationProcess;
import jp.kyodo.lifecycle.FiscalYearProcess;
import jp.kyodo.lifecycle.LifecycleScenario;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.selection.CallApplicationProcess;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.selection.SelectionScenario;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * One whole 協働事業 lifecycle on the running application, worked by the demo people through the forms with the
 * values Tasklist sends (the phases' test scenarios): a citizen proposal of NPO法人ひかり → ① taken in, checked,
 * assessed and approved for fiscal year 2027 → ② a public call, hikari applies, the deadline passes, screening,
 * conflict declaration, scoring, the committee's proposal and the manager's approval, hikari reads the result →
 * 予算要求 (requested, granted) → ③ parties, draft, both confirmations, approval, the 協定書 PDF (an async job), the exchange → ④ the whole term
 * (来年度の進め方: left to ⑥) with its advance, quarterly reports and reviews, mid-term check, completion report, inspection and final payment,
 * the clock following the timers → ⑤ outcomes, both self-evaluations, the joint review, the partner's confirmation
 * → ⑥ dialogue, the partner's review, 終了. Timers and the PDF job run through the job API.
 */
final class CollaborationLifecycle {

  static final Instant PROPOSED_AT = LifecycleScenario.PROPOSED_AT;
  static final LocalDate CALL_DEADLINE = LocalDate.of(2026, 7, 31);
  static final LocalDate TERM_START = LocalDate.of(2027, 4, 1);
  static final LocalDate TERM_END = LocalDate.of(2028, 3, 31);

  private static final java.util.concurrent.atomic.AtomicInteger TITLES = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Who works one client's lifecycles: a department with its main and deputy staff, and a partner organisation's
   * user. Clients side by side work for different departments, as different clerks do.
   */
  record Team(String department, String main, String deputy, String partner) {
    static final List<Team> ALL = List.of(new Team("dept-fukushi", "suzuki", "yamamoto", "hikari"),
        new Team("dept-kankyo", "kankyo1", "kankyo2", "midori"), new Team("dept-kosodate", "kosodate1", "kosodate2", "hikari"),
        new Team("dept-bosai", "bosai1", "bosai2", "midori"));

    static Team of(int client) {
      return ALL.get(client % ALL.size());
    }

    /** The staff of the departments other than 福祉課 (the demo people have only 福祉課's). */
    static void hire(org.camunda.bpm.engine.IdentityService identity) {
      for (Team team : ALL) {
        for (String id : List.of(team.main(), team.deputy())) {
          if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("職員");
            user.setPassword(id);
            identity.saveUser(user);
            identity.createMembership(id, jp.kyodo.identity.KyodoGroups.DEPARTMENTS);
            identity.createMembership(id, team.department());
          }
        }
      }
    }
  }

  /** What one lifecycle cost in people's actions. */
  record Outcome(String projectNumber, int tasks, int starts) {}

  private final ProcessEngine engine;
  private final Desk desk;
  private final Lockstep clock;
  private final Script script;
  private final SqlCounter counter;
  private final Team team;
  private int tasks;
  private int starts;
  /** When set, the lifecycle stops before the first task with this key, left open for the browser probe. */
  String pauseBefore;

  /** Thrown by {@link #run()} at {@link #pauseBefore}: the task the lifecycle stopped at. */
  static final class Paused extends RuntimeException {
    final transient Task task;
    final String projectNumber;

    Paused(Task task, String projectNumber) {
      super("paused before " + task.getTaskDefinitionKey(), null, false, false);
      this.task = task;
      this.projectNumber = projectNumber;
    }
  }

  /** {@code script} is null, or receives every step (the recording run). */
  CollaborationLifecycle(Desk desk, Lockstep clock, Team team, Script script) {
    this(desk, clock, team, script, null);
  }

  /** While recording, {@code counter} measures the statements of each action into the script. */
  CollaborationLifecycle(Desk desk, Lockstep clock, Team team, Script script, SqlCounter counter) {
    this.counter = counter;
    this.engine = desk.engine;
    this.team = team;
    this.desk = desk;
    this.clock = clock;
    this.script = script;
  }

  Outcome run() {
    moveTo(PROPOSED_AT);
    String number = propose();
    // ① 事業の検討
    work(number, ExaminationProcess.Elements.INTAKE, "tanaka", ExaminationScenario.intake(team.department()));
    work(number, ExaminationProcess.Elements.CHECK_SHEET, team.main(), ExaminationScenario.with(ExaminationScenario.checkSheet(),
        ExaminationProcess.MAIN_STAFF.name(), team.main(), ExaminationProcess.DEPUTY_STAFF.name(), team.deputy()));
    work(number, ExaminationProcess.Elements.ASSESS, team.main(), ExaminationScenario.with(ExaminationScenario.assessment(),
        ExaminationProcess.PLANNED_FISCAL_YEAR.name(), 2027, ExaminationProcess.CALENDAR_PATTERN.name(), "NEXT_YEAR"));
    work(number, ExaminationProcess.Elements.REVIEW, "tanaka", ExaminationScenario.review("PROCEED", "地域の課題に合っている"));
    // ② パートナーの選定: a public call
    work(number, SelectionProcess.Elements.CHOOSE_METHOD, team.main(), SelectionScenario.publicCall());
    work(number, SelectionProcess.Elements.WRITE_CALL, team.main(), SelectionScenario.values(
        SelectionProcess.CALL_PURPOSE.name(), "独居高齢者の見守りとサロン運営", SelectionProcess.CALL_ELIGIBILITY.name(),
        "市内で活動する登録団体", "criterion1Label", "事業の実現性", "criterion1Weight", 60, "criterion2Label", "地域への効果",
        "criterion2Weight", 40, SelectionProcess.APPLICATION_DEADLINE.name(), CALL_DEADLINE.toString(),
        SelectionProcess.CALL_FIELDS.name(), jp.kyodo.variables.ListVar.json(java.util.List.of("WELFARE"))));
    work(number, SelectionProcess.Elements.CHECK_CALL, "tanaka", SelectionScenario.publish(1, "takahashi"));
    ProcessInstance selection = phase(number, SelectionProcess.KEY);
    String call = (String) engine.getRuntimeService().getVariable(selection.getId(), SelectionProcess.CALL_NUMBER.name());
    ProcessInstance application = apply(call, SelectionScenario.application(call, team.partner() + "の見守りサロン"));
    moveTo(day(CALL_DEADLINE.plusDays(1)));
    for (Task screening : desk.tasks(number, SelectionProcess.Elements.SCREEN)) {
      work(screening, "tanaka", SelectionScenario.values(SelectionProcess.SCREENING.name(), "ELIGIBLE"));
    }
    work(number, SelectionProcess.Elements.DECLARE_CONFLICTS, "takahashi",
        SelectionScenario.values(SelectionProcess.DECLARATION_CONFIRMED.name(), true));
    for (Task score : desk.tasks(number, SelectionProcess.Elements.SCORE)) {
      work(score, "takahashi", SelectionScenario.scores(4, 4));
    }
    String applicationId = (String) engine.getRuntimeService().getVariable(application.getId(),
        SelectionProcess.APPLICATION_ID.name());
    work(number, SelectionProcess.Elements.PROPOSE, "tanaka", SelectionScenario.values(
        SelectionProcess.SELECTED_APPLICATION.name(), applicationId, SelectionProcess.SELECTION_REASON.name(),
        "地域での実績と計画の実現性が高い"));
    work(number, SelectionProcess.Elements.APPROVE_SELECTION, "sato",
        SelectionScenario.values(SelectionProcess.SELECTION_APPROVAL.name(), "APPROVE"));
    work(desk.taskOfInstance(application.getId(), CallApplicationProcess.Elements.CONFIRM_RESULT), team.partner(), Map.of());
    // 予算要求 (the department asks, the office records what was granted)
    work(number, FiscalYearProcess.Elements.REQUEST_BUDGET, team.main(), Map.of(
        FiscalYearProcess.REQUESTED_BUDGET.name(), 1_200_000, FiscalYearProcess.BUDGET_BASIS.name(), "謝礼と会場費"));
    work(number, FiscalYearProcess.Elements.DECIDE_BUDGET, "tanaka", Map.of(FiscalYearProcess.BUDGET_DECISION.name(), "APPROVED"));
    // ③ 協定・契約 (the staff were named in ①)
    work(number, AgreementProcess.Elements.DRAFT, team.main(), LifecycleScenario.draft(TERM_START, TERM_END));
    work(number, AgreementProcess.Elements.PARTNER_CONFIRMS, team.partner(), Map.of(AgreementProcess.PARTNER_DECISION.name(), "AGREE"));
    work(number, AgreementProcess.Elements.DEPARTMENT_CONFIRMS, team.deputy(),
        Map.of(AgreementProcess.DEPARTMENT_DECISION.name(), "AGREE"));
    work(number, AgreementProcess.Elements.APPROVE, "sato", Map.of(AgreementProcess.APPROVAL_DECISION.name(), "APPROVE"));
    runOwnJobs(number);
    moveTo(day(TERM_START));
    work(number, AgreementProcess.Elements.EXCHANGE, team.main(), Map.of(AgreementProcess.SIGNED_ON.name(), TERM_START.toString()));
    // ④ 事業の実施, and 来年度の進め方 left to ⑥
    work(number, FiscalYearProcess.Elements.PLAN_NEXT_YEAR, team.main(), Map.of(FiscalYearProcess.NEXT_YEAR_PLAN.name(), "NONE"));
    execution(number);
    // ⑤ 事業の評価
    work(number, EvaluationProcess.Elements.RECORD_OUTCOMES, team.main(), EvaluationScenario.outcomes("YES", "YES"));
    work(number, EvaluationProcess.Elements.DEPARTMENT_SELF, team.main(), EvaluationScenario.sheet(Answer.YES));
    work(number, EvaluationProcess.Elements.PARTNER_SELF, team.partner(), EvaluationScenario.sheet(Answer.YES));
    work(number, EvaluationProcess.Elements.JOINT_REVIEW, team.main(), EvaluationScenario.jointReview(Answer.YES));
    work(number, EvaluationProcess.Elements.CONFIRM, team.partner(), EvaluationScenario.confirmation("AGREE", null));
    // ⑥ 事業の改善, and the project ends
    work(number, ImprovementProcess.Elements.DIALOGUE, team.main(), ImprovementScenario.dialogueOnMetGoals());
    work(number, ImprovementProcess.Elements.PARTNER_REVIEW, team.partner(),
        ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    work(number, ImprovementProcess.Elements.DECIDE, team.main(), ExaminationScenario.with(
        ImprovementScenario.decision("END", "地域の見守りの仕組みができた"), ImprovementProcess.END_REASON.name(), "PURPOSE_ACHIEVED"));
    long running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count();
    if (running != 0) {
      throw new IllegalStateException("lifecycle " + number + " has not ended: " + running + " instance(s) still running");
    }
    return new Outcome(number, tasks, starts);
  }

  /**
   * The partner applies on the call's page: Kyodo's server starts the application at its draft (the second process
   * start of a lifecycle), then the partner submits the draft's form in Tasklist like any task.
   */
  private ProcessInstance apply(String call, Map<String, Object> values) {
    jp.kyodo.selection.CallApplications.Draft draft = desk.openDraft(team.partner(), call);
    starts++;
    if (script != null) {
      script.add(new Script.Start(1, team.partner(), Map.of()));
    }
    Map<String, Object> form = new java.util.HashMap<>(values);
    form.remove(SelectionProcess.CALL_NUMBER.name());
    work(engine.getTaskService().createTaskQuery().taskId(draft.taskId()).singleResult(), team.partner(), form);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(draft.processInstanceId())
        .singleResult();
  }

  /** hikari's proposal starts the lifecycle. */
  private String propose() {
    // Numbered titles only tell the projects apart in the benchmark's records; the registry keys by project number.
    Map<String, Object> proposal = ExaminationScenario.with(ExaminationScenario.proposal(), ExaminationProcess.TITLE.name(),
        "高齢者の見守りと居場所づくり 第" + TITLES.incrementAndGet() + "号");
    ProcessInstance started = desk.start(team.partner(), desk.latestDefinition(CollaborationProcess.KEY), null, proposal);
    starts++;
    if (script != null) {
      script.add(new Script.Start(0, team.partner(), proposal));
    }
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.getId()).singleResult()
        .getBusinessKey();
  }

  /** Everything the term asks for, done on the day it comes due; the clock follows the execution's timers. */
  private void execution(String number) {
    ProcessInstance instance = phase(number, ExecutionProcess.KEY);
    for (int step = 0; step < 60; step++) {
      boolean worked = workExecutionTasks(instance);
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        return;
      }
      if (!worked) {
        Job next = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
            .orderByJobDuedate().asc().listPage(0, 1).get(0);
        moveTo(next.getDuedate().toInstant().plusSeconds(60));
      }
    }
    throw new IllegalStateException("the execution of " + number + " did not end");
  }

  private boolean workExecutionTasks(ProcessInstance instance) {
    String today = LifecycleScenario.today().toString();
    boolean worked = false;
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime()
        .asc().list()) {
      var work = ExecutionScenario.asPlanned(task.getTaskDefinitionKey(), name -> variable(instance, name), today);
      if (work.isEmpty()) {
        continue; // the standing tasks (issues, plan changes, handover) stay open until the completion report
      }
      work(task, work.get().byPartner() ? team.partner() : team.main(), work.get().values());
      worked = true;
      boolean mayEnd = task.getTaskDefinitionKey().equals(ExecutionProcess.Elements.INSPECT)
          || task.getTaskDefinitionKey().equals(ExecutionProcess.Elements.PAY_AFTER_COMPLETION);
      if (mayEnd && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        break;
      }
    }
    return worked;
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  private ProcessInstance phase(String number, String processKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(processKey).active().singleResult();
  }

  private void work(String number, String taskKey, String userId, Map<String, Object> values) {
    work(desk.task(number, taskKey), userId, values);
  }

  private void work(Task task, String userId, Map<String, Object> values) {
    if (task.getTaskDefinitionKey().equals(pauseBefore)) {
      throw new Paused(task, engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    }
    if (script != null) {
      List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      List<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList();
      int instance = desk.processKey(task).equals(CallApplicationProcess.KEY) ? 1 : 0;
      script.add(new Script.Work(instance, task.getTaskDefinitionKey(), desk.formKey(task), userId, groups,
          task.getAssignee(), Desk.copy(values)));
    }
    if (jp.kyodo.support.Attachments.needsStatement(task)) {
      // the partner attaches the 収支決算書 on the documents page before the report (旭川 Q19); not measured here
      jp.kyodo.support.Attachments.statement(new org.springframework.jdbc.core.JdbcTemplate(
          engine.getProcessEngineConfiguration().getDataSource()), task, userId);
    }
    long before = counter == null ? 0 : counter.snapshot().statements();
    if (counter != null) {
      counter.startProfile();
    }
    desk.work(task, userId, values);
    if (counter != null) {
      script.statements.add(java.util.Map.entry(task.getTaskDefinitionKey(), counter.snapshot().statements() - before));
      script.profiles.add(counter.stopProfile());
    }
    tasks++;
  }

  private void moveTo(Instant at) {
    if (script != null) {
      script.add(new Script.Clock(at));
    }
    clock.moveTo(at);
  }

  /** The async jobs of this project's processes (the 協定書 PDF), run at once as the job executor would. */
  private void runOwnJobs(String number) {
    for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
        .list()) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /** 10:00 in Japan on that day. */
  static Instant day(LocalDate day) {
    return day.atTime(10, 0).atZone(CityCalendar.ZONE).toInstant();
  }

  static LocalDate today() {
    return CityCalendar.today();
  }
}
