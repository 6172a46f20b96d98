package jp.kyodo.selection;

import jp.kyodo.platform.CityCalendar;
import jp.kyodo.support.TestDesk;
import jp.kyodo.support.TestIdentity;
import static jp.kyodo.selection.SelectionProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.OrganisationType;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.registry.RegistrationStatus;
import jp.kyodo.support.TestTables;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives ② パートナーの選定 and 公募への応募 the way Tasklist does, on the test engine with Kyodo's
 * tables migrated into its database and the clock held at 2026-11-25 10:00 in Japan (fiscal year 2026).
 */
public final class SelectionScenario {

  public static final String[] RESOURCES = {
      SelectionProcess.RESOURCE, CallApplicationProcess.RESOURCE,
      "forms/selection-start.form", "forms/selection-method.form", "forms/selection-sole-source-approval.form",
      "forms/selection-fixation-exception.form",
      "forms/selection-call.form", "forms/selection-call-check.form", "forms/selection-screening.form",
      "forms/selection-conflicts.form", "forms/selection-score.form", "forms/selection-committee.form",
      "forms/selection-approval.form", "forms/selection-no-partner.form", "forms/call-application.form",
      "forms/call-application-result.form"};

  public static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
  public static final String DEADLINE = "2026-12-10";

  final ProcessEngine engine;
  final JdbcTemplate jdbc;
  public final OrganisationRepository registry;
  public final SelectionRepository records;
  final PartnerFixation fixation;
  public final CallApplications drafts;
  public final jp.kyodo.mail.Outbox outbox;

  public SelectionScenario(ProcessEngine engine) {
    this.engine = engine;
    DataSource dataSource = TestTables.migrated(engine);
    jdbc = new JdbcTemplate(dataSource);
    for (String table : List.of("kyodo_mail_outbox", "kyodo_review", "kyodo_conflict_declaration", "kyodo_application", "kyodo_call",
        "kyodo_selection", "kyodo_partnership", "kyodo_fixation_exception", "kyodo_number_series")) {
      jdbc.update("DELETE FROM " + table);
    }
    registry = new OrganisationRepository(jdbc);
    records = new SelectionRepository(jdbc);
    fixation = new PartnerFixation(registry, 3);
    drafts = new CallApplications(engine, records, registry);
    outbox = new jp.kyodo.mail.Outbox(jdbc);
    CallNotices notices = new CallNotices(outbox, registry);
    Mocks.register("openSelection", new OpenSelectionDelegate(records, registry, fixation));
    Mocks.register("checkSoleSource", new CheckSoleSourceListener(registry, fixation));
    Mocks.register("recordSoleSourceFixationException", new RecordSoleSourceFixationExceptionListener(registry, fixation));
    Mocks.register("composeCall", new ComposeCallDelegate());
    Mocks.register("publishCall", new PublishCallDelegate(records, notices));
    Mocks.register("prefillCall", new PrefillCallListener(records));
    Mocks.register("checkApplicationStart", new CheckApplicationStartListener());
    Mocks.register("closeCall", new CloseCallDelegate(records));
    Mocks.register("showApplication", new ShowApplicationListener(records, registry));
    Mocks.register("recordScreening", new RecordScreeningListener(records));
    Mocks.register("planReviews", new PlanReviewsDelegate(records, registry));
    Mocks.register("selectionPlan", new SelectionPlan(records));
    Mocks.register("recordConflictDeclaration", new RecordConflictDeclarationListener(records));
    Mocks.register("recordReview", new RecordReviewListener(records));
    Mocks.register("rankApplications", new RankApplicationsDelegate(records, registry, fixation));
    Mocks.register("checkCoPartners", new CheckCoPartnersListener(records, registry, fixation));
    Mocks.register("recordSelection", new RecordSelectionDelegate(records, registry));
    Mocks.register("notifyApplicants", new NotifyApplicantsDelegate(records, notices));
    Mocks.register("recordSelectionOutcome", new RecordSelectionOutcomeListener(records));
    Mocks.register("recordCallApplication", new RecordCallApplicationDelegate(records, registry));
    ClockUtil.setCurrentTime(Date.from(NOW));
    people();
  }

  void people() {
    IdentityService identity = engine.getIdentityService();
    TestIdentity.cityGroups(identity);
    TestIdentity.user(identity, "suzuki", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.user(identity, "tanaka", KyodoGroups.COORDINATORS);
    TestIdentity.user(identity, "sato", KyodoGroups.MANAGERS);
    TestIdentity.user(identity, "takahashi", KyodoGroups.REVIEWERS);
    TestIdentity.user(identity, "ito", KyodoGroups.REVIEWERS);
    TestIdentity.user(identity, "hikari", KyodoGroups.PARTNERS, "org-hikari");
    TestIdentity.user(identity, "midori", KyodoGroups.PARTNERS, "org-midori");
    TestIdentity.user(identity, "kumo", KyodoGroups.PARTNERS, "org-kumo");
    TestIdentity.user(identity, "sora", KyodoGroups.PARTNERS);
    TestIdentity.user(identity, "umi", KyodoGroups.PARTNERS);
    organisation("org-hikari", "NPO法人ひかり", RegistrationStatus.REGISTERED, "hikari");
    organisation("org-midori", "みどり町内会", RegistrationStatus.REGISTERED, "midori");
    organisation("org-kumo", "くもの会", RegistrationStatus.APPLIED, "kumo");
    // A third registered organisation, so that a project can have a partner and two co-partners (旭川 Q71). Its
    // Camunda group is made when ② makes it a (co-)partner, as for any organisation registered through the registry.
    organisation("org-umi", "うみの会", RegistrationStatus.REGISTERED, "umi");
  }

  void organisation(String id, String name, RegistrationStatus status, String member) {
    if (registry.find(id).isEmpty()) {
      registry.insert(new Organisation(id, name, OrganisationType.VOLUNTEER_GROUP, "代表 太郎", "info@example.jp", null,
          null, List.of("WELFARE"), "見守り活動10年", "会費で運営", status, null, null, null, List.of(member)));
    }
  }

  public String deploy() {
    return TestIdentity.deploy(engine, "selection-test", RESOURCES);
  }

  public static void resetClock() {
    ClockUtil.reset();
  }

  // --- the values Tasklist sends ---

  public static Map<String, Object> start() {
    return values(TITLE.name(), "高齢者の見守りと居場所づくり", CONTENT.name(), "週1回の見守り訪問と月2回のサロン",
        CHOSEN_FORM.name(), "JOINT_PROJECT", FISCAL_YEAR.name(), 2027);
  }

  public static Map<String, Object> publicCall() {
    return values(METHOD.name(), Method.PUBLIC_CALL.code());
  }

  public static Map<String, Object> soleSource(String organisation, String reason) {
    return values(METHOD.name(), Method.SOLE_SOURCE.code(), SOLE_SOURCE_ORGANISATION.name(), organisation,
        SOLE_SOURCE_REASON.name(), reason);
  }

  /** A sole source to an organisation the department has held for years, asking a manager for an exception (千葉 ②). */
  public static Map<String, Object> soleSourceAskingForAnException(String organisation, String reason, String request) {
    Map<String, Object> values = new java.util.HashMap<>(soleSource(organisation, reason));
    values.put(jp.kyodo.project.Project.FIXATION_EXCEPTION_REQUEST.name(), request);
    return values;
  }

  /**
   * The values with co-partners in the slots, as the form sends them: organisation and role, in pairs (a null leaves
   * that field out), and the reason for taking them without a call when any organisation is named.
   */
  public static Map<String, Object> withCoPartners(Map<String, Object> values, String... organisationsAndRoles) {
    Map<String, Object> with = new java.util.HashMap<>(values);
    boolean any = false;
    for (int i = 0; i < organisationsAndRoles.length; i += 2) {
      int slot = i / 2 + 1;
      if (organisationsAndRoles[i] != null) {
        with.put(coPartnerOrganisation(slot).name(), organisationsAndRoles[i]);
        any = true;
      }
      if (organisationsAndRoles[i + 1] != null) {
        with.put(coPartnerRole(slot).name(), organisationsAndRoles[i + 1]);
      }
    }
    if (any) {
      with.put(CO_PARTNER_REASON.name(), "地域の三団体が実行委員会を組織して担う（関市 II-7③）");
    }
    return with;
  }

  public static Map<String, Object> call() {
    return values(CALL_PURPOSE.name(), "独居高齢者の見守りとサロン運営", CALL_ELIGIBILITY.name(), "市内で活動する登録団体",
        "criterion1Label", "事業の実現性", "criterion1Weight", 60, "criterion2Label", "地域への効果", "criterion2Weight", 40,
        APPLICATION_DEADLINE.name(), DEADLINE, CALL_BUDGET.name(), 1_800_000, CALL_FIELDS.name(),
        ListVar.json(List.of("WELFARE", "CHILDREN")));
  }

  public static Map<String, Object> publish(int quorum, String... reviewers) {
    return values(CALL_CHECK.name(), CallCheck.PUBLISH.code(), REVIEWERS.name(), ListVar.json(List.of(reviewers)),
        QUORUM.name(), quorum);
  }

  public static Map<String, Object> application(String callNumber, String title) {
    return values(CallApplicationProcess.CALL_NUMBER.name(), callNumber, PROPOSAL_TITLE.name(), title,
        PROPOSAL.name(), "週1回の訪問と月2回のサロンを運営", BUDGET_PLAN.name(), "会場費 12万円、講師謝礼 6万円",
        CallApplicationProcess.AIMS_CONFIRMED.name(), true);
  }

  public static Map<String, Object> scores(int first, int second) {
    return values("score1", first, "score2", second, REVIEW_COMMENT.name(), "丁寧な計画です");
  }

  public static Map<String, Object> values(Object... keysAndValues) {
    return TestDesk.values(keysAndValues);
  }

  // --- acting as people ---

  public ProcessInstance startSelection(String userId, Map<String, Object> values) {
    return startProcess(userId, SelectionProcess.KEY, values);
  }

  /**
   * Applies as the call's page and Tasklist do: 「この公募に応募する」 opens the draft with the call chosen, the applicant
   * writes it and submits it (the call number of {@code values} chooses the call; the form does not carry it).
   */
  public ProcessInstance apply(String userId, Map<String, Object> values) {
    CallApplications.Draft draft = openDraft(userId, (String) values.get(CallApplicationProcess.CALL_NUMBER.name()), null);
    Map<String, Object> form = new java.util.LinkedHashMap<>(values);
    form.remove(CallApplicationProcess.CALL_NUMBER.name());
    complete(engine.getTaskService().createTaskQuery().taskId(draft.taskId()).singleResult(), userId, form);
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(draft.processInstanceId())
        .singleResult();
  }

  /** 「この公募に応募する」 as that user (with their groups), for that organisation (null: their only one). */
  public CallApplications.Draft openDraft(String userId, String callNumber, String organisationId) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    return drafts.openDraft(callNumber, userId, groups, organisationId);
  }

  private ProcessInstance startProcess(String userId, String key, Map<String, Object> values) {
    return new TestDesk(engine).start(key, userId, values);
  }

  /** Completes the one open task with that key (and that assignee, when given) through its form. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    complete(task(instance, taskKey), userId, values);
  }

  public void complete(Task task, String userId, Map<String, Object> values) {
    new TestDesk(engine).complete(task, userId, values);
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return new TestDesk(engine).task(instance, taskKey);
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).orderByTaskId().asc().list();
  }

  public Task reviewerTask(ProcessInstance instance, String taskKey, String reviewer, String applicationId) {
    return tasks(instance, taskKey).stream().filter(t -> reviewer.equals(t.getAssignee()))
        .filter(t -> applicationId == null || applicationId.equals(engine.getTaskService().getVariable(t.getId(), APPLICATION_ID.name())))
        .findFirst().orElse(null);
  }

  public Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  public Object historic(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .map(v -> v.getValue()).findFirst().orElse(null);
  }

  /** Moves the clock past the deadline and fires the deadline timer. */
  public void deadlinePasses(ProcessInstance instance) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse(DEADLINE).plusDays(1).atStartOfDay(CityCalendar.ZONE)
        .toInstant().plusSeconds(60)));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    engine.getManagementService().executeJob(timer.getId());
  }

  // --- whole stretches ---

  /** A department user opens a selection and chooses a public call; the office publishes it. */
  public ProcessInstance publishedCall(int quorum, String... reviewers) {
    ProcessInstance instance = startSelection("suzuki", start());
    complete(instance, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    complete(instance, Elements.WRITE_CALL, "suzuki", call());
    complete(instance, Elements.CHECK_CALL, "tanaka", publish(quorum, reviewers));
    return instance;
  }

  public String callNumber(ProcessInstance instance) {
    return (String) variable(instance, CALL_NUMBER.name());
  }

  public <T> T as(String userId, Supplier<T> action) {
    return new TestDesk(engine).as(userId, action);
  }
}
