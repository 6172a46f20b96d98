package jp.kyodo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;

/**
 * Instances of every phase waiting at a known task, created once per running application (the tests that use them
 * share KyodoApplicationTest's Spring context) through the REST API as the people whose work it is: a task of each
 * phase to send bad input to, a project of each partner organisation, a call with a declared conflict. Tests that
 * use a fixture must leave it as they found it (refused input changes nothing).
 */
public final class AppFixtures {

  static final String REST = "/engine-rest";
  private static final Map<String, Fixture> CREATED = new ConcurrentHashMap<>();

  /** A process instance and the open task of interest in it (null where only the instance matters). */
  public record Fixture(String instanceId, String taskId, String detail) {}

  private final int port;
  private final ProcessEngine engine;
  private final AgreementRepository agreements;

  public AppFixtures(int port, ProcessEngine engine, AgreementRepository agreements) {
    this.port = port;
    this.engine = engine;
    this.agreements = agreements;
  }

  public RestClient as(String user) {
    return RestClient.basic(port, user);
  }

  /** The fixture of that name, created on first use. */
  public Fixture get(String name) {
    String key = port + ":" + name;
    Fixture existing = CREATED.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (CREATED) {
      Fixture created = CREATED.get(key);
      if (created == null) {
        created = create(name);
        CREATED.put(key, created);
      }
      return created;
    }
  }

  public String start(String user, String key, Map<String, Object> values) {
    Response response = as(user).post(REST + "/process-definition/key/" + key + "/submit-form", RestClient.variables(values));
    assertThat(response.status()).as(user + " starts " + key + ": " + response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  /** The one open task of that key in the instance or in the instances it called. */
  public String task(String instanceId, String taskKey) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(taskKey)
        .list();
    if (tasks.isEmpty()) {
      String business = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult().getBusinessKey();
      tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(business).taskDefinitionKey(taskKey)
          .list();
    }
    assertThat(tasks).as(taskKey + " open in " + instanceId).hasSize(1);
    return tasks.get(0).getId();
  }

  public void submit(String user, String instanceId, String taskKey, Map<String, Object> values) {
    Response response = as(user).post(REST + "/task/" + task(instanceId, taskKey) + "/submit-form",
        RestClient.variables(values));
    assertThat(response.status()).as(user + " " + taskKey + ": " + response.body()).isEqualTo(204);
  }

  private Fixture at(String instanceId, String taskKey) {
    return new Fixture(instanceId, task(instanceId, taskKey), null);
  }

  static long thisYear() {
    return CityCalendar.currentFiscalYear();
  }

  /**
   * A fixture of that name; "name#anything" is a fresh one made the same way (with fresh ones of what it builds on),
   * for a test that uses it up — completes its task, say.
   */
  private Fixture create(String fullName) {
    String name = fullName.contains("#") ? fullName.substring(0, fullName.indexOf('#')) : fullName;
    String copy = fullName.substring(name.length());
    return switch (name) {
      // ① 事業の検討
      case "intake" -> at(start("hikari", "examination", ExaminationScenario.proposal()), "AssignDepartment");
      case "checkSheet" -> at(start("suzuki", "examination", ExaminationScenario.proposal()), "FillCheckSheet");
      case "assess" -> {
        String instance = start("suzuki", "examination", ExaminationScenario.proposal());
        submit("suzuki", instance, "FillCheckSheet", ExaminationScenario.checkSheet());
        yield at(instance, "AssessPriorityAndForm");
      }
      case "review" -> {
        String instance = start("suzuki", "examination", ExaminationScenario.proposal());
        submit("suzuki", instance, "FillCheckSheet", ExaminationScenario.checkSheet());
        submit("suzuki", instance, "AssessPriorityAndForm", ExaminationScenario.assessment());
        yield at(instance, "CoordinatorReview");
      }
      // A citizen proposal the department found ineligible (小金井 第2章(2)), for the office to confirm; then confirmed,
      // for NPO法人ひかり to answer.
      case "confirmEnding" -> {
        String instance = start("hikari", "examination", ExaminationScenario.proposal());
        submit("tanaka", instance, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
        submit("suzuki", instance, "FillCheckSheet", ExaminationScenario.with(ExaminationScenario.checkSheet(),
            "notForProfit", false));
        yield at(instance, "ConfirmEnding");
      }
      case "explainEnding" -> {
        // its own proposal: the ones the office works in the matrix are used up
        String instance = get("confirmEnding#explain" + copy).instanceId();
        submit("tanaka", instance, "ConfirmEnding", ExaminationScenario.endingConfirmation("CONFIRM", "営利を目的とする活動です"));
        yield at(instance, "ExplainEnding");
      }
      // ② パートナーの選定
      case "method" -> at(start("suzuki", "partner-selection", selectionStart("選定の方法の入力チェック")),
          "ChooseSelectionMethod");
      case "writeCall" -> {
        String instance = start("suzuki", "partner-selection", selectionStart("公募の入力チェック"));
        submit("suzuki", instance, "ChooseSelectionMethod", Map.of("selectionMethod", "PUBLIC_CALL"));
        yield at(instance, "WriteCall");
      }
      // ③ 協定・契約
      case "parties" -> at(start("suzuki", "agreement", agreementStart()), "AssignAgreementParties");
      case "draft" -> {
        String instance = start("suzuki", "agreement", agreementStart());
        submit("suzuki", instance, "AssignAgreementParties", Map.of("mainStaff", "suzuki", "deputyStaff", "yamamoto"));
        yield at(instance, "DraftAgreement");
      }
      // The partner rewriting the terms in its own task (③ 協定書案への修正案を出す)
      case "partnerProposal" -> {
        String instance = start("suzuki", "agreement", agreementStart());
        submit("suzuki", instance, "AssignAgreementParties", Map.of("mainStaff", "suzuki", "deputyStaff", "yamamoto"));
        submit("suzuki", instance, "DraftAgreement", agreementDraft());
        submit("hikari", instance, "PartnerConfirmsAgreement", Map.of("partnerDecision", "PROPOSE_CHANGES"));
        yield at(instance, "PartnerProposesChanges");
      }
      // ④ 事業の実施, on an agreement written straight into the tables (③ itself is tested elsewhere)
      case "execution" -> {
        String number = approvedAgreement();
        String instance = start("suzuki", "execution", Map.of("agreementNumber", number));
        yield new Fixture(instance, task(instance, "PayAdvance"), number);
      }
      case "partnerIssue" -> {
        Fixture execution = get("execution" + copy);
        yield new Fixture(execution.instanceId(), task(execution.instanceId(), "PartnerReportsIssue"), execution.detail());
      }
      // ⑤ 事業の評価 and ⑥ 事業の改善
      case "outcomes" -> at(start("suzuki", "evaluation", jp.kyodo.evaluation.EvaluationScenario.startForm()),
          "RecordOutcomes");
      case "dialogue" -> at(start("suzuki", "improvement", jp.kyodo.improvement.ImprovementScenario.startForm(true, "A")),
          "ImprovementDialogue");
      // 協働事業: a project of each partner organisation; hikari's with an overdue phase answered by the managers
      case "hikariProject", "midoriProject" -> {
        String user = name.startsWith("hikari") ? "hikari" : "midori";
        String lifecycle = start(user, "collaboration", ExaminationScenario.with(ExaminationScenario.proposal(),
            "title", user + "の協働事業（権限の確認）"));
        String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lifecycle).singleResult()
            .getBusinessKey();
        yield new Fixture(lifecycle, task(lifecycle, "AssignDepartment"), number);
      }
      case "overdue" -> {
        String lifecycle = get("hikariProject" + copy).instanceId();
        String timer = engine.getManagementService().createJobQuery().processInstanceId(lifecycle).timers().singleResult()
            .getId();
        engine.getManagementService().executeJob(timer);
        yield new Fixture(lifecycle, task(lifecycle, "HandleOverduePhase"), get("hikariProject" + copy).detail());
      }
      // A project of 福祉課 at ③ whose main and deputy staff are named (suzuki, yamamoto): what 担当者の交代 needs.
      case "staffedProject" -> staffedProject();
      // A partner's proposal whose check sheet 福祉課's suzuki has claimed: the target of writes around the forms.
      case "claimedCheckSheet" -> {
        String lifecycle = start("hikari", "collaboration", ExaminationScenario.with(ExaminationScenario.proposal(),
            "title", "フォームの外からの書き込み（確認）"));
        submit("tanaka", lifecycle, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
        String checkSheet = task(lifecycle, "FillCheckSheet");
        Response claimed = as("suzuki").post(REST + "/task/" + checkSheet + "/claim", Map.of("userId", "suzuki"));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lifecycle).singleResult()
            .getBusinessKey();
        yield new Fixture(lifecycle, checkSheet, number);
      }
      // 団体登録 by a citizen group of its own (the demo people's registrations stay as other tests expect them)
      case "registration" -> {
        user("umi", KyodoGroups.PARTNERS);
        yield at(start("umi", "partner-registration", registrationApplication("うみの子ども会")), "ReviewRegistration");
      }
      // A public call whose only reviewer (ito) declared a conflict on hikari's application and scores midori's.
      case "conflictedCall" -> conflictedCall();
      // A published call still open for applications.
      case "openCall" -> {
        String selection = publishedCall("応募受付中の公募");
        yield new Fixture(selection, null, (String) engine.getRuntimeService().getVariable(selection, "callNumber"));
      }
      // An approved agreement of 福祉課 with NPO法人ひかり whose execution has not started.
      case "approvedAgreement" -> new Fixture(null, null, approvedAgreement());
      default -> throw new IllegalArgumentException("no fixture " + name);
    };
  }

  /**
   * hikari proposes, the office gives it to 福祉課, which checks and assesses it for next fiscal year; the office
   * approves; みどり町内会 is chosen as sole source with the manager's approval; the budget is granted; 福祉課 names
   * suzuki main and yamamoto deputy with the partner at ③.
   */
  private Fixture staffedProject() {
    String lifecycle = start("hikari", "collaboration", ExaminationScenario.with(ExaminationScenario.proposal(),
        "title", "担当者の交代（権限の確認）"));
    submit("tanaka", lifecycle, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
    submit("suzuki", lifecycle, "FillCheckSheet", ExaminationScenario.checkSheet());
    submit("suzuki", lifecycle, "AssessPriorityAndForm", ExaminationScenario.assessment());
    submit("tanaka", lifecycle, "CoordinatorReview", ExaminationScenario.review("PROCEED", "地域の課題に合っている"));
    submit("suzuki", lifecycle, "ChooseSelectionMethod", Map.of("selectionMethod", "SOLE_SOURCE",
        "soleSourceOrganisation", "org-midori", "soleSourceReason", "地域で同種の活動をしている唯一の団体"));
    submit("sato", lifecycle, "ApproveSoleSource", Map.of("soleSourceApproval", "APPROVE",
        "soleSourceApprovalComment", "理由は妥当（旭川 Q45）"));
    submit("suzuki", lifecycle, "RequestBudget", Map.of("requestedBudget", 1_200_000, "budgetBasis", "謝礼と会場費"));
    submit("tanaka", lifecycle, "DecideBudget", Map.of("budgetDecision", "APPROVED"));
    String number = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(lifecycle).singleResult()
        .getBusinessKey();
    return new Fixture(lifecycle, task(lifecycle, "DraftAgreement"), number);
  }

  public static Map<String, Object> registrationApplication(String organisation) {
    Map<String, Object> application = new java.util.HashMap<>(Map.of("organisationName", organisation,
        "organisationType", "VOLUNTEER_GROUP", "representative", "海野 太郎", "contactEmail", "umi@example.jp",
        "activityRecord", "夏の海岸清掃", "financialState", "会費で運営"));
    application.put("activityFields", jp.kyodo.variables.ListVar.json(List.of("ENVIRONMENT")));
    return application;
  }

  /** What an applicant writes in the draft of an application (the call is chosen on the call's page). */
  public static Map<String, Object> application(String title) {
    return Map.of("proposalTitle", title, "proposal", "内容", "budgetPlan", "10万円", "aimsConfirmed", true);
  }

  /**
   * Applies as a partner does: logged in to Tasklist, 「この公募に応募する」 on the call's page opens the draft (a POST
   * from the page), and the partner submits the draft's form. Returns the application's process instance.
   */
  public String apply(String partner, String call, String title) {
    RestClient session = RestClient.tasklistSession(port, "default", partner);
    Response draft = session.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), session.origin());
    assertThat(draft.status()).as(draft.body()).isEqualTo(200);
    String taskId = draft.json().path("taskId").asText();
    String instance = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    Response submitted = as(partner).post("/engine-rest/task/" + taskId + "/submit-form",
        RestClient.variables(application(title)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);
    return instance;
  }

  public static Map<String, Object> selectionStart(String title) {
    return Map.of("title", title, "content", "週2回のひろば運営", "chosenForm", "JOINT_PROJECT", "fiscalYear",
        (int) thisYear() + 1);
  }

  /**
   * The start form of ③ for a fresh project of 福祉課 this fiscal year, whose partner (NPO法人ひかり) ② chose by a public
   * call: the selection is written into ②'s tables (③ started on its own needs one) and named in the form.
   */
  public Map<String, Object> agreementStart() {
    String project = "FX-" + System.nanoTime();
    String selection = "FXS-" + System.nanoTime();
    java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
    new org.springframework.jdbc.core.JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource()).update(
        "INSERT INTO kyodo_selection (selection_number, process_instance_id, project_number, project_title, department_group,"
            + " fiscal_year, method, outcome, organisation_id, reason, decided_by, decided_at, created_at)"
            + " VALUES (?, ?, ?, '協定の入力チェック', 'dept-fukushi', ?, 'PUBLIC_CALL', 'SELECTED', 'org-hikari', '選定の理由',"
            + " 'sato', ?, ?)", selection, "fixture-" + selection, project, (int) thisYear(), now, now);
    return Map.of("title", "協定の入力チェック", "chosenForm", "JOINT_PROJECT", "fiscalYear", (int) thisYear(),
        "costEstimate", 1_200_000, "projectNumber", project, "selectionNumber", selection);
  }

  /** The process tests' draft of ③, its dates moved into this fiscal year. */
  public static Map<String, Object> agreementDraft() {
    Map<String, Object> draft = new java.util.HashMap<>(jp.kyodo.agreement.AgreementScenario.draft());
    draft.replaceAll((name, value) -> value instanceof String text && text.matches("202[67]-\\d\\d-\\d\\d")
        ? (Long.parseLong(text.substring(0, 4)) - 2026 + thisYear()) + text.substring(4) : value);
    return draft;
  }

  /** An approved agreement of 福祉課 with NPO法人ひかり for this fiscal year, 300,000 yen paid in advance. */
  private String approvedAgreement() {
    int year = (int) CityCalendar.currentFiscalYear();
    int serial;
    String number;
    do { // a number another context of this JVM took in the same in-memory database is passed over
      // its serial counts among 福祉課's, the department it is inserted for (their serials are unique per year)
      serial = agreements.nextSerial(year, "dept-fukushi");
      number = year + "-fixture-" + String.format("%03d", serial);
    } while (agreements.find(number).isPresent());
    insertApprovedAgreement(agreements, number, year, null, "見守りとサロン（入力チェック）", serial);
    // The 協定書 as the job would store it (its content is tested elsewhere): who may download it is what matters here.
    agreements.storeDocument(number, number + ".pdf", "%PDF-1.4 協定書".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Instant.now());
    return number;
  }

  /** A selection of 福祉課 whose public call (one criterion, reviewer ito, deadline in 10 days) the office published. */
  public String publishedCall(String title) {
    String selection = start("suzuki", "partner-selection", selectionStart(title));
    submit("suzuki", selection, "ChooseSelectionMethod", Map.of("selectionMethod", "PUBLIC_CALL"));
    submit("suzuki", selection, "WriteCall", Map.of("callPurpose", "ひろばの運営", "callEligibility", "登録団体",
        "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline",
        CityCalendar.today().plusDays(10).toString(), "callFields", jp.kyodo.variables.ListVar.json(List.of("CHILDREN"))));
    submit("tanaka", selection, "CheckCall", Map.of("callCheckDecision", "PUBLISH", "reviewQuorum", 1,
        "selectionReviewers", jp.kyodo.variables.ListVar.json(List.of("ito"))));
    return selection;
  }

  private Fixture conflictedCall() {
    String selection = publishedCall("利害関係の確認");
    String call = (String) engine.getRuntimeService().getVariable(selection, "callNumber");
    for (String partner : List.of("hikari", "midori")) {
      apply(partner, call, partner + "の提案");
    }
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plus(java.time.Duration.ofDays(12))));
    try {
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(selection)
          .timers().singleResult().getId());
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    for (Task screening : engine.getTaskService().createTaskQuery().processInstanceId(selection)
        .taskDefinitionKey("ScreenApplication").list()) {
      Response screened = as("tanaka").post(REST + "/task/" + screening.getId() + "/submit-form",
          RestClient.variables(Map.of("screening", "ELIGIBLE")));
      assertThat(screened.status()).as(screened.body()).isEqualTo(204);
    }
    String hikariApplication = call + "-A01";
    submit("ito", selection, "DeclareConflicts", Map.of("conflictedApplications",
        jp.kyodo.variables.ListVar.json(List.of(hikariApplication)), "conflictNote", "ひかりの会員", "declarationConfirmed",
        true));
    return new Fixture(selection, task(selection, "ScoreApplication"), call);
  }

  private void user(String id, String... groups) {
    if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = engine.getIdentityService().newUser(id);
      user.setPassword(id);
      engine.getIdentityService().saveUser(user);
      for (String group : groups) {
        engine.getIdentityService().createMembership(id, group);
      }
    }
  }

  /**
   * Inserts an approved 協定 of 福祉課 with NPO法人ひかり for the fiscal year, 300,000 yen paid in advance and 500,000
   * after completion, as ③ would have stored it: ④ starts from its number.
   */
  public static void insertApprovedAgreement(AgreementRepository agreements, String number, int year, String projectNumber,
      String title, int serial) {
    LocalDate end = LocalDate.of(year + 1, 3, 31);
    agreements.insert(new Agreement(number, year, projectNumber, title, "dept-fukushi", "福祉課", "org-hikari",
        "NPO法人ひかり", "JOINT_PROJECT", null, 1_200_000L, "suzuki", "yamamoto", "地域で見守る", null,
        List.of(new Agreement.Goal("G1", "見守り訪問", "延べ400件", end)),
        List.of(new Agreement.Role("訪問", "PARTNER"), new Agreement.Role("会場", "CITY")),
        List.of(new Agreement.BudgetLine("謝礼", 800_000, "CITY_PAYMENT")), 0, 0, 0,
        new Agreement.PaymentPlan("BURDEN_CHARGE", "PARTIAL_ADVANCE", 800_000, 300_000, 500_000, "一部を前払い", null,
            List.of(new Agreement.Instalment(1, "ADVANCE", LocalDate.of(year, 4, 1), 300_000),
                new Agreement.Instalment(2, "AFTER_COMPLETION", end, 500_000))),
        LocalDate.of(year, 4, 1), end, "QUARTERLY",
        new Agreement.Clauses("個人情報を守る。", "剰余は返還する。", "双方が公表できる。", "双方で協議する。"),
        List.of(), Agreement.APPROVED, "sato", Instant.now(), null, "fixture-" + number, "訪問とサロンを毎月行う。", null),
        serial);
  }
}
