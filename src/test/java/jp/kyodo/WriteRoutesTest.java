package jp.kyodo;

import jp.kyodo.support.RunningApplication;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.support.AppFixtures.Fixture;
import jp.kyodo.support.DatabaseSnapshot;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every way around the forms, tried as a hostile client would: each write route of the engine's REST API that could
 * set a value, skip a step or widen someone's rights, in every spelling of its path (as written, with a trailing
 * slash, a matrix parameter, an encoded letter, upper case, doubled slashes), as a partner, a department clerk, the
 * collaboration office and — where even it is refused — the administrator. Each answers 4xx with a clerk's Japanese
 * message and no internals, and leaves every row of Kyodo's tables and of the engine's runtime, identity and
 * repository tables as it was. The target is a partner's proposal whose check sheet 福祉課's suzuki has claimed.
 * Runs in the shared application context ({@link RunningApplication}).
 */
@RunningApplication
class WriteRoutesTest {

  static final String REST = "/engine-rest";
  static final Pattern JAPANESE = Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
  static final List<String> NOT_ADMIN = List.of("hikari", "suzuki", "tanaka");

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AgreementRepository agreements;

  @Autowired
  JdbcTemplate jdbc;

  /**
   * A write route: its method and path ({task}, {instance}, {definition} filled in from the fixture; the last literal
   * segment is the one respelled), its body, the status it gets and whether the administrator is refused too (the
   * engine's own checks hold for everyone; the gate lets the administrator through).
   */
  record Route(String name, String method, String path, String contentType, String body, int status,
      boolean adminRefused) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Route json(String name, String method, String path, String body, int status) {
    return new Route(name, method, path, "application/json", body, status, false);
  }

  static Route everyone(String name, String method, String path, String body, int status) {
    return new Route(name, method, path, "application/json", body, status, true);
  }

  static String checkSheetWith(String extra) {
    String values = RestClient.variables(ExaminationScenario.checkSheet()).path("variables").toString();
    return "{\"variables\":" + values.substring(0, values.length() - 1) + "," + extra + "}}";
  }

  static final String SMUGGLED = "\"departmentGroup\":{\"value\":\"dept-kankyo\"},"
      + "\"smuggled\":{\"value\":\"<script>x</script>\"}";
  static final String ONE_VARIABLE = "{\"value\":\"dept-kankyo\",\"type\":\"String\"}";
  static final String MODIFICATIONS = "{\"modifications\":{\"departmentGroup\":{\"value\":\"dept-kankyo\"}}}";
  static final String OBJECT_VALUE = "{\"variables\":{\"leadership\":{\"value\":\"{}\",\"type\":\"Object\",\"valueInfo\":"
      + "{\"objectTypeName\":\"com.example.Gadget\",\"serializationDataFormat\":\"application/json\"}}}}";
  static final String PROPOSAL = RestClient.variables(ExaminationScenario.with(ExaminationScenario.proposal(),
      "title", "手順を飛ばした事業")).path("variables").toString();
  static final String SKIPPING_START = "{\"businessKey\":\"HACK-4\",\"skipCustomListeners\":true,\"skipIoMappings\":true,"
      + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Agreement\"}],\"variables\":"
      + PROPOSAL.substring(0, PROPOSAL.length() - 1) + ",\"partnerGroup\":{\"value\":\"org-hikari\"},"
      + "\"costEstimate\":{\"value\":5000000}}}";
  static final String MULTIPART = "multipart/form-data; boundary=kyodo";
  static final String FILE = "--kyodo\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.txt\"\r\n"
      + "Content-Type: text/plain\r\n\r\nx\r\n--kyodo--\r\n";

  static List<Route> routes() {
    return List.of(
        // --- values around a task's form
        everyone("task: complete with values outside the form", "POST", "/task/{task}/complete",
            checkSheetWith(SMUGGLED), 400),
        everyone("task: resolve with values outside the form", "POST", "/task/{task}/resolve", checkSheetWith(SMUGGLED),
            400),
        everyone("task: submit-form with values outside the form", "POST", "/task/{task}/submit-form",
            checkSheetWith(SMUGGLED), 400),
        everyone("task: submit-form with an Object value", "POST", "/task/{task}/submit-form", OBJECT_VALUE, 400),
        json("task: complete with the form's own values", "POST", "/task/{task}/complete", checkSheetWith(
            "\"intakeNote\":{\"value\":\"x\"}"), 400),
        json("task: set a variable", "PUT", "/task/{task}/variables/departmentGroup", ONE_VARIABLE, 403),
        json("task: modify variables", "POST", "/task/{task}/variables", MODIFICATIONS, 403),
        json("task: delete a variable", "DELETE", "/task/{task}/variables/title", null, 403),
        json("task: set a local variable", "PUT", "/task/{task}/localVariables/departmentGroup", ONE_VARIABLE, 403),
        json("task: modify local variables", "POST", "/task/{task}/localVariables", MODIFICATIONS, 403),
        json("task: delete a local variable", "DELETE", "/task/{task}/localVariables/title", null, 403),
        new Route("task: upload a file variable", "POST", "/task/{task}/variables/report/data", MULTIPART, FILE, 403,
            false),
        new Route("task: attach a file", "POST", "/task/{task}/attachment/create", MULTIPART, FILE, 403, false),
        json("task: change its data (due date, name)", "PUT", "/task/{task}", "{\"name\":\"x\",\"due\":null}", 403),
        json("task: add a candidate group", "POST", "/task/{task}/identity-links",
            "{\"groupId\":\"org-hikari\",\"type\":\"candidate\"}", 403),
        json("task: remove a candidate group", "POST", "/task/{task}/identity-links/delete",
            "{\"groupId\":\"dept-fukushi\",\"type\":\"candidate\"}", 403),
        json("task: throw a BPMN error", "POST", "/task/{task}/bpmnError", "{\"errorCode\":\"x\"}", 403),
        json("task: throw a BPMN escalation", "POST", "/task/{task}/bpmnEscalation", "{\"escalationCode\":\"x\"}", 403),
        json("task: delete it", "DELETE", "/task/{task}", null, 403),
        json("task: create a task of one's own", "POST", "/task/create", "{\"id\":\"mine\",\"name\":\"x\"}", 403),
        json("task: a comment of 1 MB", "POST", "/task/{task}/comment/create",
            "{\"message\":\"" + "あ".repeat(1 << 20) + "\"}", 400),
        // --- the process instance and its executions
        json("instance: set a variable", "PUT", "/process-instance/{instance}/variables/departmentGroup", ONE_VARIABLE,
            403),
        json("instance: modify variables", "POST", "/process-instance/{instance}/variables", MODIFICATIONS, 403),
        json("instance: delete a variable", "DELETE", "/process-instance/{instance}/variables/title", null, 403),
        json("instance: modification (skip to a later step)", "POST", "/process-instance/{instance}/modification",
            "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
                + "\"CoordinatorReview\"}]}", 403),
        json("instance: modification in a batch", "POST", "/process-instance/{instance}/modification-async",
            "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"FillCheckSheet\"}]}", 403),
        json("instance: suspend", "PUT", "/process-instance/{instance}/suspended", "{\"suspended\":true}", 403),
        json("instance: delete", "DELETE", "/process-instance/{instance}", null, 403),
        json("instances: variables in a batch", "POST", "/process-instance/variables-async",
            "{\"processInstanceIds\":[\"{instance}\"],\"variables\":{\"departmentGroup\":{\"value\":\"dept-kankyo\"}}}",
            403),
        json("instances: message in a batch", "POST", "/process-instance/message-async",
            "{\"messageName\":\"x\",\"processInstanceIds\":[\"{instance}\"],\"variables\":{\"a\":{\"value\":1}}}", 403),
        json("instances: delete in a batch", "POST", "/process-instance/delete",
            "{\"processInstanceIds\":[\"{instance}\"]}", 403),
        json("instances: suspend all", "PUT", "/process-instance/suspended",
            "{\"processDefinitionKey\":\"examination\",\"suspended\":true}", 403),
        json("execution: set a local variable", "PUT", "/execution/{instance}/localVariables/departmentGroup",
            ONE_VARIABLE, 403),
        json("execution: modify local variables", "POST", "/execution/{instance}/localVariables", MODIFICATIONS, 403),
        json("execution: signal with variables", "POST", "/execution/{instance}/signal",
            "{\"variables\":{\"departmentGroup\":{\"value\":\"dept-kankyo\"}}}", 403),
        json("execution: create an incident", "POST", "/execution/{instance}/create-incident",
            "{\"incidentType\":\"x\"}", 403),
        // --- starting a project anywhere but at its start
        json("start: later step, listeners skipped (HACK-4)", "POST", "/process-definition/key/collaboration/start",
            SKIPPING_START, 403),
        json("start: listeners skipped only", "POST", "/process-definition/key/collaboration/start",
            "{\"skipCustomListeners\":true,\"variables\":" + PROPOSAL + "}", 403),
        json("start: with variables instead of the form", "POST", "/process-definition/key/collaboration/start",
            "{\"variables\":" + PROPOSAL + "}", 400),
        everyone("start: submit-form with routing data", "POST", "/process-definition/key/collaboration/submit-form",
            "{\"variables\":" + PROPOSAL.substring(0, PROPOSAL.length() - 1)
                + ",\"partnerGroup\":{\"value\":\"org-hikari\"}}}", 400),
        json("start: by definition id, later step", "POST", "/process-definition/{definition}/start",
            SKIPPING_START, 403),
        json("start: restart an instance", "POST", "/process-definition/{definition}/restart",
            "{\"processInstanceIds\":[\"{instance}\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"Agreement\"}]}", 403),
        json("start: suspend a definition", "PUT", "/process-definition/{definition}/suspended",
            "{\"suspended\":true}", 403),
        json("start: through a condition", "POST", "/condition", "{\"variables\":{\"a\":{\"value\":1}}}", 403),
        // --- messages, signals, batches, migrations, jobs
        json("message: correlate with variables", "POST", "/message",
            "{\"messageName\":\"SelectionResultPublishedMessage\",\"processVariables\":{\"a\":{\"value\":1}}}", 403),
        json("signal: throw", "POST", "/signal", "{\"name\":\"x\",\"variables\":{\"a\":{\"value\":1}}}", 403),
        json("modification: execute", "POST", "/modification/execute",
            "{\"processDefinitionId\":\"{definition}\",\"processInstanceIds\":[\"{instance}\"],\"instructions\":"
                + "[{\"type\":\"startBeforeActivity\",\"activityId\":\"Agreement\"}]}", 403),
        json("migration: execute", "POST", "/migration/execute",
            "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"{definition}\",\"targetProcessDefinitionId\":"
                + "\"{definition}\",\"instructions\":[]},\"processInstanceIds\":[\"{instance}\"]}", 403),
        json("batch: delete", "DELETE", "/batch/no-such-batch", null, 403),
        json("job: set retries of all", "POST", "/job/retries", "{\"retries\":0,\"processInstanceIds\":[\"{instance}\"]}",
            403),
        json("external task: fetch and lock", "POST", "/external-task/fetchAndLock",
            "{\"workerId\":\"w\",\"maxTasks\":1,\"topics\":[{\"topicName\":\"x\",\"lockDuration\":1000}]}", 403),
        json("decision: evaluate", "POST", "/decision-definition/key/collaboration-form/evaluate",
            "{\"variables\":{}}", 403),
        json("history: delete instances", "POST", "/history/process-instance/delete",
            "{\"historicProcessInstanceIds\":[\"{instance}\"]}", 403),
        json("history: delete an instance", "DELETE", "/history/process-instance/{instance}", null, 403),
        json("history: delete variables of an instance", "DELETE", "/history/process-instance/{instance}/variable-instances",
            null, 403),
        // --- people, groups and rights
        new Route("deployment: create", "POST", "/deployment/create", MULTIPART, FILE, 403, false),
        json("user: create", "POST", "/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder\"}}", 403),
        json("user: another's profile", "PUT", "/user/midori/profile", "{\"id\":\"midori\",\"firstName\":\"x\"}", 403),
        json("user: another's password", "PUT", "/user/midori/credentials",
            "{\"password\":\"x\",\"authenticatedUserPassword\":\"x\"}", 403),
        json("group: join the office", "PUT", "/group/coordinators/members/{user}", null, 403),
        json("group: create", "POST", "/group/create", "{\"id\":\"org-new\",\"name\":\"x\"}", 403),
        json("authorization: grant oneself", "POST", "/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{user}\",\"resourceType\":0,\"resourceId\":\"*\"}", 403),
        json("filter: create", "POST", "/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{}}", 403));
  }

  /** The path as written, and respelled so that only a gate deciding on the matched resource holds. */
  static List<String[]> spellings(String path) {
    int last = path.lastIndexOf('/');
    String head = path.substring(0, last + 1);
    String segment = path.substring(last + 1);
    boolean literal = !segment.isEmpty() && !segment.startsWith("{") && Character.isLetter(segment.charAt(0));
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"as written", path});
    out.add(new String[] {"trailing slash", path + "/"});
    out.add(new String[] {"matrix parameter", path + ";x=1"});
    out.add(new String[] {"doubled slashes", "/" + path.replace("/", "//")});
    if (literal) {
      out.add(new String[] {"encoded letter", head + "%" + Integer.toHexString(segment.charAt(0)) + segment.substring(1)});
      out.add(new String[] {"upper case", head + segment.toUpperCase(java.util.Locale.ROOT)});
    }
    return out;
  }

  static Stream<Arguments> attempts() {
    List<Arguments> all = new ArrayList<>();
    for (Route route : routes()) {
      List<String> users = new ArrayList<>(NOT_ADMIN);
      if (route.adminRefused()) {
        users.add("admin");
      }
      for (String user : users) {
        for (String[] spelling : spellings(route.path())) {
          // Spellings the API does not resolve are refused before anyone's rights matter: tried as the partner.
          if (!user.equals("hikari") && List.of("doubled slashes", "encoded letter", "upper case").contains(spelling[0])) {
            continue;
          }
          all.add(Arguments.of(user + " × " + route.name() + " (" + spelling[0] + ")", user, route, spelling[0],
              spelling[1]));
        }
      }
    }
    return all.stream();
  }

  AppFixtures fixtures() {
    return new AppFixtures(port, engine, agreements);
  }

  String fill(String text, String user) {
    Fixture fixture = fixtures().get("claimedCheckSheet");
    String examination = engine.getTaskService().createTaskQuery().taskId(fixture.taskId()).singleResult()
        .getProcessInstanceId();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("collaboration")
        .latestVersion().singleResult().getId();
    return text.replace("{task}", fixture.taskId()).replace("{instance}", examination)
        .replace("{definition}", definition).replace("{user}", user);
  }

  /**
   * The database as the previous attempt left it: every attempt must leave it so, which saves reading it twice per
   * attempt. The tests that change something on purpose forget it.
   */
  static Map<String, Object> unchanged;

  @BeforeEach
  void forgetUnlessAnAttempt(TestInfo test) {
    if (!test.getTestMethod().map(m -> m.getName().equals("isRefusedWithAClerksMessageAndChangesNothing")).orElse(false)) {
      unchanged = null;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attempts")
  void isRefusedWithAClerksMessageAndChangesNothing(String attempt, String user, Route route, String spelling,
      String path) {
    String filledPath = REST + fill(path, user);
    String body = route.body() == null ? null : fill(route.body(), user);
    Map<String, Object> before = unchanged != null ? unchanged : DatabaseSnapshot.of(jdbc);

    Response response = client(user).send(route.method(), filledPath, route.contentType(), body);

    // A 400 route may meet the engine's authorization first (403) for someone with no right to the task or process.
    // A path the API does not know in that spelling is not found (404, 405); an object the user may not see is not
    // found either (404).
    if (spelling.equals("as written") || spelling.equals("trailing slash") || spelling.equals("matrix parameter")) {
      assertThat(response.status()).as(attempt + ": " + abbreviate(response.body())).isIn(route.status(), 403, 404);
    } else {
      assertThat(response.status()).as(attempt + ": " + abbreviate(response.body())).isIn(route.status(), 403, 404, 405);
    }
    JsonNode json = response.json();
    assertThat(json.path("message").asText()).as("a clerk's message").matches(m -> JAPANESE.matcher(m).find(), "Japanese");
    assertThat(response.body()).as("no internals").doesNotContain("\tat ", "at org.", "Exception:", "SQL", "org.camunda.");
    unchanged = null;
    Map<String, Object> after = DatabaseSnapshot.of(jdbc);
    assertThat(after).as(attempt + ": nothing changed").isEqualTo(before);
    unchanged = after;
  }

  // --- Kyodo's own write routes: self-service registration (anonymous) and the members page (a Tasklist session)

  /** A write route of Kyodo's own, refused as sent: who sends it (null: anonymous), and the status as written. */
  record OwnRoute(String name, String user, String method, String path, String body, int status) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<OwnRoute> ownRoutes() {
    return List.of(
        new OwnRoute("apply with a forged form token", null, "POST", "/public/api/registrations",
            "{\"formToken\":\"1.AAAA.forged\",\"account\":{\"loginId\":\"hacker\"}}", 400),
        new OwnRoute("confirm an unknown token", null, "POST", "/public/api/registrations/confirm",
            "{\"token\":\"nosuchtoken\"}", 400),
        new OwnRoute("set a password with an unknown token", null, "POST", "/public/api/password",
            "{\"token\":\"nosuchtoken\",\"password\":\"Kawasemi#2027\"}", 400),
        new OwnRoute("invite into another organisation", "hikari", "POST", "/account/api/organisation/org-midori/members",
            "{\"loginId\":\"intruder\",\"lastName\":\"侵入\",\"firstName\":\"者\",\"email\":\"x@example.jp\"}", 403),
        new OwnRoute("remove another organisation's member", "hikari", "DELETE",
            "/account/api/organisation/org-midori/members/midori", null, 403),
        new OwnRoute("invite without a login", null, "POST", "/account/api/organisation/org-hikari/members",
            "{\"loginId\":\"intruder\"}", 401));
  }

  static Stream<Arguments> ownAttempts() {
    List<Arguments> all = new ArrayList<>();
    for (OwnRoute route : ownRoutes()) {
      for (String[] spelling : spellings(route.path())) {
        all.add(Arguments.of(route.name() + " (" + spelling[0] + ")", route, spelling[0], spelling[1]));
      }
    }
    return all.stream();
  }

  @Autowired
  jp.kyodo.registry.ClientLimit clientLimit;

  static final Map<String, RestClient> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownAttempts")
  void kyodosOwnWriteRoutesRefuseInEverySpellingAndChangeNothing(String attempt, OwnRoute route, String spelling,
      String path) {
    // Every attempt counts against the client's hourly limit; these are about the routes, not their number.
    clientLimit.clear();
    RestClient client = route.user() == null ? RestClient.basic(port, null)
        : SESSIONS.computeIfAbsent(port + ":" + route.user(), key -> RestClient.tasklistSession(port, "default", route.user()));
    Map<String, Object> before = DatabaseSnapshot.of(jdbc);

    Response response = client.send(route.method(), path, route.body() == null ? null : "application/json", route.body());

    if (spelling.equals("as written") || spelling.equals("matrix parameter") || spelling.equals("encoded letter")) {
      assertThat(response.status()).as(attempt + ": " + abbreviate(response.body())).isEqualTo(route.status());
    } else {
      assertThat(response.status()).as(attempt + ": " + abbreviate(response.body())).isIn(route.status(), 403, 404, 405);
    }
    assertThat(response.json().path("message").asText()).as("a Japanese message").matches(m -> JAPANESE.matcher(m).find(),
        "Japanese");
    assertThat(response.body()).as("no internals").doesNotContain("\tat ", "at org.", "Exception:", "SQL", "jp.kyodo");
    assertThat(DatabaseSnapshot.of(jdbc)).as(attempt + ": nothing changed").isEqualTo(before);
  }

  /** One client per user and port (creating an HTTP client is costly; HTTP Basic keeps no state between calls). */
  static final Map<String, RestClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

  RestClient client(String user) {
    return CLIENTS.computeIfAbsent(port + ":" + user, key -> RestClient.basic(port, user));
  }

  static String abbreviate(String body) {
    return body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }

  // --- the reproductions of issue 13, each as it was reported

  /** 1. A trailing slash walked around the old path filter: the project moved to 環境政策課 and kept a script. */
  @Test
  void aTrailingSlashDoesNotCarryValuesPastTheForm() {
    Fixture fixture = fixtures().get("claimedCheckSheet");
    Response response = RestClient.basic(port, "suzuki").post(REST + "/task/" + fixture.taskId() + "/complete/",
        checkSheetWith(SMUGGLED));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    String examination = engine.getTaskService().createTaskQuery().taskId(fixture.taskId()).singleResult()
        .getProcessInstanceId();
    assertThat(engine.getRuntimeService().getVariable(examination, "departmentGroup")).isEqualTo("dept-fukushi");
    assertThat(engine.getRuntimeService().getVariable(examination, "smuggled")).isNull();
  }

  /** 2. A partner created a project that skipped ① and ② and waited at ③, with no row in kyodo_project. */
  @Test
  void aPartnerCannotStartAProjectAtTheAgreement() {
    Response response = RestClient.basic(port, "hikari").post(REST + "/process-definition/key/collaboration/start/",
        SKIPPING_START);

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.json().path("message").asText()).contains("最初の段階");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("HACK-4").count())
        .isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey("HACK-4")
        .count()).isZero();
  }

  /** 4. The office held UPDATE on every task and set any variable of any project. */
  @Test
  void theOfficeCannotSetAVariableOfAProject() {
    Fixture fixture = fixtures().get("claimedCheckSheet");
    Response response = RestClient.basic(port, "tanaka").post(REST + "/task/" + fixture.taskId() + "/variables",
        MODIFICATIONS);

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    String examination = engine.getTaskService().createTaskQuery().taskId(fixture.taskId()).singleResult()
        .getProcessInstanceId();
    assertThat(engine.getRuntimeService().getVariable(examination, "departmentGroup")).isEqualTo("dept-fukushi");
  }

  /** The same gate stands in front of Tasklist's own engine API (a login session instead of HTTP Basic). */
  @Test
  void tasklistsEngineApiHasTheSameGate() {
    Fixture fixture = fixtures().get("claimedCheckSheet");
    RestClient tasklist = RestClient.tasklistSession(port, "default", "suzuki");
    String api = "/camunda/api/engine/engine/default";
    Map<String, Object> before = DatabaseSnapshot.of(jdbc);

    assertThat(tasklist.post(api + "/task/" + fixture.taskId() + "/complete/", checkSheetWith(SMUGGLED)).status())
        .isEqualTo(400);
    assertThat(tasklist.send("PUT", api + "/task/" + fixture.taskId() + "/variables/departmentGroup;x=1",
        "application/json", ONE_VARIABLE).status()).isEqualTo(403);
    assertThat(tasklist.post(api + "/process-definition/key/collaboration/start", SKIPPING_START).status())
        .isEqualTo(403);
    assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(before);
  }

  /** What stays open: a clerk claims and hands back; the office reassigns. */
  @Test
  void theFormsAndTheAssignmentsStayOpen() {
    Fixture fixture = fixtures().get("claimedCheckSheet");
    String task = REST + "/task/" + fixture.taskId();
    assertThat(RestClient.basic(port, "tanaka").post(task + "/assignee", Map.of("userId", "yamamoto")).status())
        .as("the office reassigns").isEqualTo(204);
    assertThat(RestClient.basic(port, "yamamoto").post(task + "/unclaim", "").status()).isEqualTo(204);
    assertThat(RestClient.basic(port, "suzuki").post(task + "/claim", Map.of("userId", "suzuki")).status())
        .isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(fixture.taskId()).singleResult().getAssignee())
        .isEqualTo("suzuki");
  }
}
