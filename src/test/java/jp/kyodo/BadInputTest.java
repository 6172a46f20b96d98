package jp.kyodo;

import jp.kyodo.support.RunningApplication;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.support.AppFixtures.Fixture;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input, table-driven, over the REST API exactly as a browser or an integration sends it: the start forms, a
 * task form of every phase, and Kyodo's own API. Missing and empty values, wrong types, out-of-range numbers,
 * unknown options, dates outside the fiscal year, 1 MB strings, full-width digits, control characters, script and
 * SQL fragments, unknown variables, malformed JSON. Every one answers 4xx with a message a clerk understands (in
 * Japanese, no stack trace), never 5xx, and leaves the task, the instance, every variable and Kyodo's tables as
 * they were. Runs in the shared application context ({@link RunningApplication}).
 */
@RunningApplication
class BadInputTest {

  static final String REST = "/engine-rest";
  static final Pattern JAPANESE = Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
  static final String ONE_MEGABYTE = "あ".repeat(1 << 20);
  static final long YEAR = CityCalendar.currentFiscalYear();

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AgreementRepository agreements;

  @Autowired
  JdbcTemplate jdbc;

  /** One bad input: where it goes, as whom, what it sends, and the answer it must get. */
  record Bad(String name, String fixture, String user, String method, String path, String body, int status,
      String says) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Bad start(String name, String user, String key, Map<String, Object> values, String says) {
    return new Bad(name, null, user, "POST", REST + "/process-definition/key/" + key + "/submit-form", form(values), 400,
        says);
  }

  static Bad task(String name, String fixture, String user, Map<String, Object> values, String says) {
    return new Bad(name, fixture, user, "POST", REST + "/task/{task}/submit-form", form(values), 400, says);
  }

  static Bad raw(String name, String fixture, String user, String method, String path, String body, int status,
      String says) {
    return new Bad(name, fixture, user, method, path, body, status, says);
  }

  static String form(Map<String, Object> values) {
    return RestClient.variables(values).toString();
  }

  /** A form whose one value carries an explicit type, as an integration may send it. */
  static String typed(Map<String, Object> values, String name, String value, String type) {
    com.fasterxml.jackson.databind.node.ObjectNode body = RestClient.variables(values);
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.path("variables")).putObject(name).put("value", value)
        .put("type", type);
    return body.toString();
  }

  static Map<String, Object> with(Map<String, Object> values, Object... keysAndValues) {
    Map<String, Object> copy = new HashMap<>(values);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] == null) {
        copy.remove((String) keysAndValues[i]);
      } else {
        copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return copy;
  }

  static Map<String, Object> proposal() {
    return ExaminationScenario.proposal();
  }

  static Map<String, Object> draft() {
    return AppFixtures.agreementDraft();
  }

  static Stream<Bad> badInputs() {
    String today = CityCalendar.today().toString();
    List<Bad> all = new ArrayList<>(List.of(
        // --- start forms: 協働事業 (the proposal) ---
        start("proposal: title missing", "hikari", "collaboration", with(proposal(), "title", null), "「事業名」を入力してください"),
        start("proposal: title only spaces", "hikari", "collaboration", with(proposal(), "title", "   "),
            "「事業名」を入力してください"),
        start("proposal: budget negative", "hikari", "collaboration", with(proposal(), "proposedBudget", -1),
            "「想定する事業費（円）」は0以上"),
        start("proposal: budget in full-width digits", "hikari", "collaboration",
            with(proposal(), "proposedBudget", "５０００００"), "半角数字"),
        start("proposal: budget as words", "hikari", "collaboration", with(proposal(), "proposedBudget", "五十万円"),
            "半角数字"),
        start("proposal: budget with a fraction", "hikari", "collaboration", with(proposal(), "proposedBudget", 12.5),
            "整数"),
        start("proposal: budget beyond any budget", "hikari", "collaboration", with(proposal(), "proposedBudget", 1.0e15),
            "以下で入力"),
        start("proposal: title of 1 MB", "hikari", "collaboration", with(proposal(), "title", ONE_MEGABYTE), "文字以内"),
        start("proposal: content of 1 MB", "hikari", "collaboration", with(proposal(), "content", ONE_MEGABYTE), "文字以内"),
        start("proposal: NUL character", "hikari", "collaboration", with(proposal(), "title", "見守り\u0000事業"),
            "制御文字"),
        start("proposal: bell and escape characters", "hikari", "collaboration",
            with(proposal(), "content", "内容\u0007\u001b[31m"), "制御文字"),
        start("proposal: script tag", "hikari", "collaboration",
            with(proposal(), "title", "<script>alert('x')</script>"), "HTML のタグ"),
        start("proposal: image tag with handler", "hikari", "collaboration",
            with(proposal(), "issue", "課題 <img src=x onerror=alert(1)>"), "HTML のタグ"),
        start("proposal: unknown variable", "hikari", "collaboration", with(proposal(), "departmentGroup", "dept-fukushi"),
            "このフォームの項目ではない"),
        start("proposal: SQL as a variable name", "hikari", "collaboration",
            with(proposal(), "title'; DROP TABLE kyodo_project; --", "x"), "このフォームの項目ではない"),
        start("proposal: title as a number", "hikari", "collaboration", with(proposal(), "title", 42), "文字で入力"),
        start("proposal: title as a list", "hikari", "collaboration", with(proposal(), "title", List.of("a", "b")),
            "文字で入力"),
        raw("proposal: typed Integer that is not one", null, "hikari", "POST",
            REST + "/process-definition/key/collaboration/submit-form", typed(proposal(), "proposedBudget", "五十万", "Integer"),
            400, "送信された内容を受け付けられませんでした"),
        raw("proposal: unknown value type", null, "hikari", "POST", REST + "/process-definition/key/collaboration/submit-form",
            typed(proposal(), "title", "見守り", "Spaceship"), 400, "送信された内容を受け付けられませんでした"),
        raw("proposal: malformed JSON", null, "hikari", "POST", REST + "/process-definition/key/collaboration/submit-form",
            "{\"variables\": {\"title\": {\"value\": \"見守り\"", 400, "JSON の形式"),
        raw("proposal: JSON array instead of an object", null, "hikari", "POST",
            REST + "/process-definition/key/collaboration/submit-form", "[1, 2, 3]", 400, "JSON の形式"),
        raw("proposal: values around the form (start with variables)", null, "hikari", "POST",
            REST + "/process-definition/key/collaboration/start", form(proposal()), 400, "submit-form"),
        // --- start forms of the phases, 公募への応募 and 団体登録 ---
        start("selection: fiscal year 1999", "suzuki", "partner-selection",
            with(AppFixtures.selectionStart("選定"), "fiscalYear", 1999), "実施年度"),
        start("selection: unknown form of collaboration", "suzuki", "partner-selection",
            with(AppFixtures.selectionStart("選定"), "chosenForm", "LUNCH"), "「LUNCH」という選択肢はありません"),
        start("selection: SQL where a year is due", "suzuki", "partner-selection",
            with(AppFixtures.selectionStart("選定"), "fiscalYear", "2027; DROP TABLE kyodo_selection"), "半角数字"),
        start("agreement: cost negative", "suzuki", "agreement", Map.of("title", "協定", "chosenForm", "JOINT_PROJECT",
            "fiscalYear", (int) YEAR, "costEstimate", -5), "概算経費"),
        start("agreement: fiscal year missing", "suzuki", "agreement", Map.of("title", "協定", "chosenForm", "JOINT_PROJECT",
            "costEstimate", 100), "「協定の年度」を入力してください"),
        start("agreement: no partner chosen in ② (no way around the selection)", "suzuki", "agreement", Map.of("title",
            "協定", "chosenForm", "JOINT_PROJECT", "fiscalYear", (int) YEAR, "costEstimate", 100, "selectionNumber",
            "1999-S999"), "選定番号「1999-S999」の選定はありません"),
        start("execution: SQL as the agreement number", "suzuki", "execution", Map.of("agreementNumber", "' OR '1'='1"),
            "協定番号"),
        start("execution: an agreement that does not exist", "suzuki", "execution", Map.of("agreementNumber",
            "1999-none-001"), "決裁済みの協定はありません"),
        start("evaluation: a fiscal year that has not begun", "suzuki", "evaluation",
            with(jp.kyodo.evaluation.EvaluationScenario.startForm(), "fiscalYear", (int) YEAR + 2), "年度"),
        start("improvement: unknown grade", "suzuki", "improvement",
            with(jp.kyodo.improvement.ImprovementScenario.startForm(true, "A"), "evaluationGrade", "Z"),
            "「Z」という選択肢はありません"),
        start("registration: not an e-mail address", "sora", "partner-registration", Map.of("organisationName", "そらの会",
            "organisationType", "VOLUNTEER_GROUP", "representative", "空", "contactEmail", "sora at example",
            "activityFields", jp.kyodo.variables.ListVar.json(List.of("WELFARE")), "activityRecord", "実績",
            "financialState", "会費"), "メールアドレス"),
        start("registration: unknown activity field", "sora", "partner-registration", Map.of("organisationName", "そらの会",
            "organisationType", "VOLUNTEER_GROUP", "representative", "空", "contactEmail", "sora@example.jp",
            "activityFields", jp.kyodo.variables.ListVar.json(List.of("SPACE_TRAVEL")), "activityRecord", "実績",
            "financialState", "会費"), "「SPACE_TRAVEL」という選択肢はありません"),
        // --- ① 事業の検討 ---
        task("① intake: a department that does not exist", "intake", "tanaka", Map.of("departmentGroup", "dept-unknown"),
            "担当課"),
        task("① intake: script as the department", "intake", "tanaka", Map.of("departmentGroup", "<script>x</script>"),
            "担当課"),
        task("① check sheet: leadership missing", "checkSheet", "suzuki", with(ExaminationScenario.checkSheet(),
            "leadership", null), "「事業の担い手」を入力してください"),
        task("① check sheet: no merit chosen", "checkSheet", "suzuki", with(ExaminationScenario.checkSheet(),
            "collaborationMerits", jp.kyodo.variables.ListVar.json(List.of())), "協働で行う利点"),
        task("① check sheet: merits as plain text", "checkSheet", "suzuki", with(ExaminationScenario.checkSheet(),
            "collaborationMerits", "LOCAL_NEEDS"), "選択肢の一覧"),
        task("① check sheet: yes in Japanese where a checkbox is due", "checkSheet", "suzuki",
            with(ExaminationScenario.checkSheet(), "notForProfit", "はい"), "はい／いいえ"),
        task("① assessment: necessity 6 of 5", "assess", "suzuki", with(ExaminationScenario.assessment(), "necessity", 6),
            "「必要性」は1以上5以下"),
        task("① assessment: necessity in full-width digits", "assess", "suzuki",
            with(ExaminationScenario.assessment(), "necessity", "４"), "半角数字"),
        task("① assessment: a fiscal year already past", "assess", "suzuki",
            with(ExaminationScenario.assessment(), "plannedFiscalYear", (int) YEAR - 1), "実施予定年度"),
        task("① review: unknown decision", "review", "tanaka", Map.of("reviewDecision", "MAYBE"), "「MAYBE」という選択肢はありません"),
        task("① review: rejected without a reason", "review", "tanaka", Map.of("reviewDecision", "REJECT"), "理由"),
        // --- ② パートナーの選定 ---
        task("② method: sole source without organisation and reason", "method", "suzuki",
            Map.of("selectionMethod", "SOLE_SOURCE"), "「選定する団体」を入力してください"),
        task("② method: an organisation that is not offered", "method", "suzuki", Map.of("selectionMethod", "SOLE_SOURCE",
            "soleSourceOrganisation", "org-nowhere", "soleSourceReason", "理由"), "「org-nowhere」という選択肢はありません"),
        task("② call: weights that do not add up to 100", "writeCall", "suzuki", Map.of("callPurpose", "目的",
            "callEligibility", "資格", "criterion1Label", "実現性", "criterion1Weight", 50, "criterion2Label", "効果",
            "criterion2Weight", 40, "applicationDeadline", CityCalendar.today().plusDays(10).toString(), "callFields", jp.kyodo.variables.ListVar.json(List.of("WELFARE"))), "100"),
        task("② call: 30 February", "writeCall", "suzuki", Map.of("callPurpose", "目的", "callEligibility", "資格",
            "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline", YEAR + 1 + "-02-30", "callFields", jp.kyodo.variables.ListVar.json(List.of("WELFARE"))), "日付"),
        task("② call: a deadline in the past", "writeCall", "suzuki", Map.of("callPurpose", "目的", "callEligibility", "資格",
            "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline",
            CityCalendar.today().minusDays(1).toString(), "callFields", jp.kyodo.variables.ListVar.json(List.of("WELFARE"))), "締切"),
        task("② call: a field of activity that does not exist", "writeCall", "suzuki", Map.of("callPurpose", "目的",
            "callEligibility", "資格", "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline",
            CityCalendar.today().plusDays(10).toString(), "callFields", jp.kyodo.variables.ListVar.json(List.of("SPACE_TRAVEL"))),
            "「SPACE_TRAVEL」という選択肢はありません"),
        task("② call: a budget frame below zero", "writeCall", "suzuki", Map.of("callPurpose", "目的",
            "callEligibility", "資格", "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline",
            CityCalendar.today().plusDays(10).toString(), "callFields", jp.kyodo.variables.ListVar.json(List.of("WELFARE")), "callBudget", -1), "予算の枠"),
        // --- ③ 協定・契約 ---
        task("③ parties: the same person as main and deputy", "parties", "suzuki",
            Map.of("mainStaff", "suzuki", "deputyStaff", "suzuki"), "副担当"),
        task("③ parties: a partner as the city's main staff", "parties", "suzuki",
            Map.of("mainStaff", "hikari", "deputyStaff", "yamamoto"), "主担当"),
        task("③ draft: a term ending after the fiscal year", "draft", "suzuki",
            with(draft(), "termEnd", (YEAR + 2) + "-03-31"), "年度"),
        task("③ draft: a term starting after it ends", "draft", "suzuki",
            with(draft(), "termStart", (YEAR + 1) + "-03-31", "termEnd", YEAR + "-05-01"), "協定の期間"),
        task("③ draft: a negative budget line", "draft", "suzuki", with(draft(), "budget1Amount", -1), "経費1の金額"),
        // --- ④ 事業の実施 ---
        task("④ advance: more than agreed", "execution", "suzuki",
            Map.of("advancePaidAmount", 300_001, "advancePaidOn", today), "支払った額"),
        task("④ advance: paid tomorrow", "execution", "suzuki",
            Map.of("advancePaidAmount", 300_000, "advancePaidOn", CityCalendar.today().plusDays(1).toString()), "支払日"),
        task("④ issue: unknown severity", "partnerIssue", "hikari", Map.of("issueTitle", "件名", "issueDescription", "内容",
            "issueSeverity", "VERY"), "「重大さ」に「VERY」という選択肢はありません"),
        // --- ⑤ 事業の評価 and ⑥ 事業の改善 ---
        task("⑤ outcomes: 101 percent satisfied", "outcomes", "suzuki",
            with(jp.kyodo.evaluation.EvaluationScenario.outcomes("YES", "YES"), "satisfactionPercent", 101), "割合"),
        task("⑤ outcomes: nothing planned", "outcomes", "suzuki",
            with(jp.kyodo.evaluation.EvaluationScenario.outcomes("YES", "YES"), "plannedEffect", 0), "見込んだ効果"),
        task("⑥ dialogue: participants missing", "dialogue", "suzuki",
            Map.of("effectRaisingMeasures", "広げる"), "「対話の参加者（市・団体）」を入力してください"),
        // --- the lifecycle and the registry ---
        task("lifecycle: overdue answered with nothing", "overdue", "sato", Map.of("overdueAction", " "), "対応の内容"),
        task("registry: refused without a reason", "registration", "tanaka", Map.of("registrationDecision", "REFUSE"),
            "理由"),
        // --- the task API around the forms ---
        raw("task: complete with variables (around the form)", "checkSheet", "suzuki", "POST", REST + "/task/{task}/complete",
            form(ExaminationScenario.checkSheet()), 400, "submit-form"),
        raw("task: a task that does not exist", null, "suzuki", "POST", REST + "/task/no-such-task/submit-form",
            form(ExaminationScenario.checkSheet()), 404, "既に完了したか"),
        raw("task: plain text instead of JSON", "checkSheet", "suzuki", "POST-TEXT", REST + "/task/{task}/submit-form",
            "leadership=EQUAL", 415, "JSON"),
        raw("task: malformed JSON", "checkSheet", "suzuki", "POST", REST + "/task/{task}/submit-form", "{\"variables\":",
            400, "JSON の形式"),
        // --- Kyodo's own API ---
        raw("api: limit as a word", null, "tanaka", "GET", "/api/projects?limit=many", null, 400, "「limit」"),
        raw("api: limit 0", null, "tanaka", "GET", "/api/projects?limit=0", null, 400, "limit は1以上"),
        raw("api: SQL as the phase", null, "tanaka", "GET", "/api/projects?phase=%27%20OR%201%3D1--", null, 400,
            "phase は"),
        raw("api: script as a project number", null, "tanaka", "GET", "/api/projects/%3Cscript%3E", null, 404,
            "見つかりません"),
        raw("api: unknown registration status", null, "tanaka", "GET", "/api/organisations?status=SLEEPING", null, 400,
            "「status」"),
        raw("api: unknown call status", null, "tanaka", "GET", "/api/calls?status=LUNCH", null, 400, "status は"),
        raw("api: fiscal year as words for the fixation check", null, "suzuki", "GET",
            "/api/organisations/org-hikari/fixation?department=dept-fukushi&fiscalYear=next", null, 400, "「fiscalYear」"),
        raw("api: fixation check without the department", null, "suzuki", "GET",
            "/api/organisations/org-hikari/fixation?fiscalYear=2027", null, 400, "「department」"),
        raw("api: SQL as an agreement number", null, "suzuki", "GET", "/api/agreements/%27%20OR%201%3D1/document", null,
            403, "関係者"),
        raw("api: writing to the read-only project API", null, "tanaka", "POST", "/api/projects", "{}", 405, "読み取り専用"),
        // --- self-service registration (anonymous) and setting a password from a mailed link ---
        raw("public registration: plain text instead of JSON", null, null, "POST-TEXT", "/public/api/registrations",
            "organisationName=x", 415, "読み取れません"),
        raw("public registration: malformed JSON", null, null, "POST", "/public/api/registrations", "{\"formToken\":", 400,
            "読み取れません"),
        raw("public registration: a list instead of an object", null, null, "POST", "/public/api/registrations", "[1,2]",
            400, "読み取れません"),
        raw("public registration: a 1 MB string", null, null, "POST", "/public/api/registrations",
            "{\"formToken\":\"" + "x".repeat(1_000_000) + "\"}", 413, "大きすぎます"),
        raw("public registration: an unknown field", null, null, "POST", "/public/api/registrations",
            "{\"status\":\"REGISTERED\"}", 400, "「status」という項目は受け付けていません"),
        raw("public registration: the account as a number", null, null, "POST", "/public/api/registrations",
            "{\"account\":5}", 400, "「account」は項目の一覧"),
        raw("public registration: a form token of another server", null, null, "POST", "/public/api/registrations",
            "{\"formToken\":\"1700000000000.AAAA.forged\"}", 400, "フォームの確認情報が正しくありません"),
        raw("public confirmation: SQL as the token", null, null, "POST", "/public/api/registrations/confirm",
            "{\"token\":\"' OR 1=1--\"}", 400, "この確認リンクは使えません"),
        raw("public confirmation: the token as a number", null, null, "POST", "/public/api/registrations/confirm",
            "{\"token\":5}", 400, "文字で入力"),
        raw("public password: a 1 MB password", null, null, "POST", "/public/api/password",
            "{\"token\":\"x\",\"password\":\"" + "x".repeat(1_000_000) + "\"}", 413, "大きすぎます"),
        raw("public password: an unknown token", null, null, "POST", "/public/api/password",
            "{\"token\":\"nosuchtoken\",\"password\":\"Kawasemi#2027\"}", 400, "このリンクは使えません"),
        raw("account: members without a login", null, null, "GET", "/account/api/organisation", null, 401,
            "ログインしてから")));
    return all.stream();
  }

  @Autowired
  jp.kyodo.registry.ClientLimit clientLimit;

  /** The public routes count every attempt per client address; these attempts are about their input, not their number. */
  @org.junit.jupiter.api.BeforeEach
  void freshClientLimit() {
    clientLimit.clear();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void isRefusedWithAClerksMessageAndChangesNothing(Bad bad) {
    AppFixtures fixtures = new AppFixtures(port, engine, agreements);
    Fixture fixture = bad.fixture() == null ? null : fixtures.get(bad.fixture());
    String path = fixture == null ? bad.path() : bad.path().replace("{task}", fixture.taskId());
    Map<String, Object> before = state(fixture);

    Response response = send(fixtures.as(bad.user()), bad.method(), path, bad.body());

    assertThat(response.status()).as(bad.name() + ": " + abbreviate(response.body())).isEqualTo(bad.status());
    String message = response.json().path("message").asText();
    assertThat(message).as("a message a clerk understands").matches(m -> JAPANESE.matcher(m).find(), "is Japanese")
        .contains(bad.says());
    assertThat(response.body()).as("no stack trace").doesNotContain("\tat ", "at org.", "at jp.", "at java.");
    assertThat(state(fixture)).as("nothing changed").isEqualTo(before);
  }

  static String abbreviate(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }

  Response send(RestClient client, String method, String path, String body) {
    return switch (method) {
      case "GET" -> client.get(path);
      case "POST" -> client.post(path, body);
      case "POST-TEXT" -> client.postText(path, body);
      default -> throw new IllegalArgumentException(method);
    };
  }

  /**
   * What must not change: the task (open, same assignee), every variable of its instance and of the task, the open
   * tasks and jobs of the instance; everywhere, every row of Kyodo's tables and of the engine's runtime tables, and
   * the engine's history (see {@link jp.kyodo.support.DatabaseSnapshot}).
   */
  Map<String, Object> state(Fixture fixture) {
    Map<String, Object> state = new TreeMap<>();
    state.put("database", jp.kyodo.support.DatabaseSnapshot.of(jdbc));
    if (fixture != null) {
      Task task = engine.getTaskService().createTaskQuery().taskId(fixture.taskId()).singleResult();
      state.put("task", task == null ? "gone" : task.getTaskDefinitionKey() + " assignee " + task.getAssignee());
      String instance = task == null ? fixture.instanceId() : task.getProcessInstanceId();
      state.put("instance variables", strings(engine.getRuntimeService().getVariables(instance)));
      state.put("task variables", task == null ? Map.of() : strings(engine.getTaskService().getVariablesLocal(task.getId())));
      state.put("open tasks", engine.getTaskService().createTaskQuery().processInstanceId(instance).list().stream()
          .map(Task::getId).sorted().toList());
      state.put("jobs", engine.getManagementService().createJobQuery().processInstanceId(instance).count());
    }
    return state;
  }

  static Map<String, String> strings(Map<String, Object> variables) {
    Map<String, String> out = new TreeMap<>();
    variables.forEach((name, value) -> out.put(name, String.valueOf(value)));
    return out;
  }

  /**
   * Why refused input leaves no row behind: Kyodo's repositories write with the application's JdbcTemplate on the
   * engine's own DataSource, and the engine runs every command in a Spring transaction of that DataSource — a
   * delegate's rows commit or roll back with the engine's command.
   */
  @org.junit.jupiter.api.Test
  void kyodosTablesAreWrittenInTheEnginesTransaction() {
    var configuration = (org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
    var transactions = (org.springframework.jdbc.datasource.DataSourceTransactionManager) configuration.getTransactionManager();
    assertThat(transactions.getDataSource()).isSameAs(jdbc.getDataSource());
    javax.sql.DataSource engineDataSource = configuration.getDataSource();
    if (engineDataSource instanceof org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy proxy) {
      engineDataSource = proxy.getTargetDataSource();
    }
    assertThat(engineDataSource).isSameAs(jdbc.getDataSource());
  }

  /** At least 50 cases, across start forms, a task of every phase, the task API and Kyodo's own API. */
  @org.junit.jupiter.api.Test
  void theTableCoversEveryKindOfInput() {
    List<Bad> all = badInputs().toList();
    assertThat(all).hasSizeGreaterThanOrEqualTo(50);
    assertThat(all.stream().map(Bad::name).distinct().count()).isEqualTo(all.size());
    Set<String> phases = Set.of("①", "②", "③", "④", "⑤", "⑥", "proposal", "api", "task", "lifecycle", "registry");
    assertThat(phases).allMatch(p -> all.stream().anyMatch(b -> b.name().startsWith(p)));
  }
}
