package jp.kyodo;

import jp.kyodo.support.RunningApplication;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, as a table: every role — the administrator, the collaboration office (coordinators), a department
 * (福祉課), managers, reviewers (ito is the reviewer of a call and declared a conflict on NPO法人ひかり's application),
 * each partner organisation, evaluators, and anonymous — against every resource: the Tasklist, Cockpit and Admin
 * apps, the start of each process, each kind of task (seen and worked), process and history data through
 * {@code /engine-rest}, Kyodo's own API, {@code /public/} and Actuator. Each cell is its own test, named
 * "role × resource → allowed/refused". Runs in the shared application context ({@link RunningApplication}).
 */
@RunningApplication
class AuthorizationMatrixTest {

  static final String REST = "/engine-rest";

  /** The people of each role (demo users; password = user id), null for anonymous. */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("admin", "administrator");
    ROLES.put("tanaka", "coordinators");
    ROLES.put("suzuki", "departments (福祉課)");
    ROLES.put("sato", "managers");
    ROLES.put("takahashi", "reviewers");
    ROLES.put("ito", "reviewers (ito, of the call)");
    ROLES.put("hikari", "partner NPO法人ひかり");
    ROLES.put("midori", "partner みどり町内会");
    ROLES.put("watanabe", "evaluators");
    ROLES.put(null, "anonymous");
  }

  static final Set<String> EVERYONE = new java.util.HashSet<>(ROLES.keySet());
  static final Set<String> LOGGED_IN = ROLES.keySet().stream().filter(java.util.Objects::nonNull)
      .collect(java.util.stream.Collectors.toSet());

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AgreementRepository agreements;

  /** Answers, for one user, whether the resource was reachable (allowed) or refused. */
  interface Probe {
    boolean allowed(AuthorizationMatrixTest test, String user);
  }

  record Resource(String name, Set<String> allowed, Probe probe) {}

  static Set<String> users(String... users) {
    return new java.util.HashSet<>(Arrays.asList(users));
  }

  AppFixtures fixtures() {
    return new AppFixtures(port, engine, agreements);
  }

  /** One client per user and port (an HTTP client is costly to create; HTTP Basic keeps no state between calls). */
  static final Map<String, RestClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

  RestClient client(String user) {
    return CLIENTS.computeIfAbsent(port + ":" + user, key -> RestClient.basic(port, user));
  }

  Response get(String user, String path) {
    return client(user).get(path);
  }

  // --- probes

  /** 200 and, for a list, at least one entry. */
  static Probe reads(java.util.function.Function<AuthorizationMatrixTest, String> path) {
    return (test, user) -> {
      Response response = test.get(user, path.apply(test));
      if (response.status() != 200) {
        assertThat(response.status()).as("a refusal, never an error: " + response.body()).isIn(401, 403, 404);
        return false;
      }
      JsonNode json = response.json();
      return !json.isArray() || !json.isEmpty();
    };
  }

  /** 200, whatever the content (an empty list is still an answer). */
  static Probe answers(String path) {
    return (test, user) -> {
      Response response = test.get(user, path);
      assertThat(response.status()).as("an answer or a refusal, never an error: " + response.body()).isIn(200, 401, 403, 404);
      return response.status() == 200;
    };
  }

  static Probe reads(String path) {
    return reads(test -> path);
  }

  static Probe webapp(String app) {
    return (test, user) -> {
      int status = RestClient.webappLogin(test.port, "default", user, app);
      assertThat(status).as(app + " login").isIn(200, 401, 403, 404);
      return status == 200;
    };
  }

  /**
   * Starts the process for real through its start form, with values its form accepts: allowed is 200 (an instance
   * exists); refused is 401 or 403 (no right to start it) or 400 (the process itself refuses the starter, e.g. the
   * administrator, who is in no department or organisation) — never anything else.
   */
  static Probe starts(String key,
      java.util.function.BiFunction<AuthorizationMatrixTest, String, Map<String, Object>> values) {
    return (test, user) -> {
      Response response = test.client(user).post(REST + "/process-definition/key/" + key + "/submit-form",
          RestClient.variables(values.apply(test, user)));
      if (response.status() == 200) {
        assertThat(test.engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(response.json().path("id").asText()).count()
            + test.engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(response.json().path("id").asText()).count()).isPositive();
        return true;
      }
      assertThat(response.status()).as("a refusal, never an error: " + response.body()).isIn(400, 401, 403, 404);
      assertThat(response.json().path("message").asText()).as("a clerk's message").isNotBlank();
      return false;
    };
  }

  /** Sees the task (REST) — and the engine's TASK_WORK authorization says the same about working it. */
  static Probe seesTask(String fixture) {
    return reads(test -> REST + "/task/" + test.fixtures().get(fixture).taskId());
  }

  /**
   * Submits the task's form for real. First on the shared fixture with nothing filled in: the engine checks the
   * right to work the task before the form's values, so someone refused gets 401/403/404 (and the task stays open),
   * someone allowed gets the form's own 400. Someone allowed then submits values the form accepts on a fresh copy of
   * the fixture (the shared one stays for the others) and must get 204.
   */
  static Probe worksTask(String fixture, Map<String, Object> values) {
    return (test, user) -> {
      String copy = fixture + "#works-" + user;
      String shared = test.fixtures().get(fixture).taskId();
      Response tried = test.client(user).post(REST + "/task/" + shared + "/submit-form", RestClient.variables(Map.of()));
      if (List.of(401, 403, 404).contains(tried.status())) {
        assertThat(test.engine.getTaskService().createTaskQuery().taskId(shared).count()).as("still open").isOne();
        return false;
      }
      // Past the engine's right to work it: the real completion happens on a copy of the fixture, where the process's
      // own rule about who acts may still refuse (400, e.g. only the reviewer named on the call scores).
      assertThat(tried.status()).as("a refusal or the form's own check, never an error: " + tried.body()).isEqualTo(400);
      String task = test.fixtures().get(copy).taskId();
      Response worked = test.client(user).post(REST + "/task/" + task + "/submit-form", RestClient.variables(values));
      if (worked.status() == 400) {
        assertThat(test.engine.getTaskService().createTaskQuery().taskId(task).count()).as("still open").isOne();
        return false;
      }
      assertThat(worked.status()).as(user + " works " + copy + ": " + worked.body()).isEqualTo(204);
      assertThat(test.engine.getTaskService().createTaskQuery().taskId(task).count()).as("completed").isZero();
      return true;
    };
  }

  /** Webapp sessions (a Tasklist login) per user and port: the session knows which apps the user may use. */
  static final Map<String, RestClient> SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

  static Probe webappApi(String path) {
    return (test, user) -> {
      RestClient client = user == null ? RestClient.basic(test.port, null) : SESSIONS.computeIfAbsent(
          test.port + ":" + user, key -> RestClient.tasklistSession(test.port, "default", user));
      Response response = client.get(path);
      if (response.status() != 200) {
        assertThat(response.status()).as("a refusal, never an error: " + response.body()).isIn(401, 403, 404);
        return false;
      }
      JsonNode json = response.json();
      return json.isArray() ? !json.isEmpty() : !json.has("count") || json.path("count").asLong() > 1;
    };
  }

  static Probe status(String path, int allowedStatus) {
    return (test, user) -> test.get(user, path).status() == allowedStatus;
  }

  /** Whether a task to score that application of the call exists that this user can see. */
  static Probe scores(String applicationSuffix) {
    return (test, user) -> {
      AppFixtures.Fixture call = test.fixtures().get("conflictedCall");
      String application = call.detail() + applicationSuffix;
      return test.engine.getTaskService().createTaskQuery().processInstanceId(call.instanceId())
          .taskDefinitionKey("ScoreApplication").list().stream()
          .filter(task -> application.equals(test.engine.getTaskService().getVariable(task.getId(), "applicationId")))
          .anyMatch(task -> test.get(user, REST + "/task/" + task.getId()).status() == 200);
    };
  }

  static String projectNumber(AuthorizationMatrixTest test, String fixture) {
    return test.fixtures().get(fixture).detail();
  }

  static List<Resource> resources() {
    Set<String> office = users("admin", "tanaka");
    Set<String> fukushi = users("admin", "tanaka", "suzuki");
    List<Resource> all = new ArrayList<>(List.of(
        // --- the webapps
        new Resource("Tasklist app", LOGGED_IN, webapp("tasklist")),
        new Resource("Cockpit app", office, webapp("cockpit")),
        new Resource("Admin app", users("admin"), webapp("admin")),
        // --- starting each process
        new Resource("start 協働事業 (collaboration)", users("suzuki", "hikari", "midori"), starts("collaboration",
            (t, user) -> ExaminationScenario.with(ExaminationScenario.proposal(), "title", "権限の確認（提案）"))),
        new Resource("start ① examination (integrations)", users("suzuki", "hikari", "midori"),
            starts("examination", (t, user) -> ExaminationScenario.with(ExaminationScenario.proposal(), "title",
                "権限の確認（提案のみ）"))),
        new Resource("start ② partner-selection", users("suzuki"), starts("partner-selection",
            (t, user) -> AppFixtures.selectionStart("権限の確認（選定）"))),
        // 公募への応募 starts only from the call's page (the server opens the draft), never over the engine's API.
        new Resource("start 公募への応募 (call-application) over REST", users(), starts("call-application",
            (t, user) -> AppFixtures.application("権限の確認（応募）"))),
        new Resource("「この公募に応募する」 (open the draft)", users("hikari", "midori"), (test, user) -> {
          String call = test.fixtures().get("openCall").detail();
          RestClient client = user == null ? RestClient.basic(test.port, null)
              : RestClient.tasklistSession(test.port, "default", user);
          Response response = client.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), client.origin());
          if (response.status() == 200) {
            return true;
          }
          assertThat(response.status()).as("a refusal, never an error: " + response.body()).isIn(401, 403);
          return false;
        }),
        new Resource("start ③ agreement", users("suzuki"), starts("agreement", (t, user) -> t.fixtures().agreementStart())),
        new Resource("start ④ execution", users("suzuki"), starts("execution", (t, user) -> Map.of("agreementNumber",
            t.fixtures().get("approvedAgreement#" + user).detail()))),
        new Resource("start ⑤ evaluation", users("suzuki"), starts("evaluation",
            (t, user) -> jp.kyodo.evaluation.EvaluationScenario.startForm())),
        new Resource("start ⑥ improvement", users("suzuki"), starts("improvement",
            (t, user) -> jp.kyodo.improvement.ImprovementScenario.startForm(true, "A"))),
        // 担当者の交代: the project's department or a manager; the administrator, in neither, is refused by the process.
        new Resource("start 担当者の交代 (staff-handover)", users("suzuki", "sato"), starts("staff-handover",
            (t, user) -> Map.of("projectNumber", projectNumber(t, "staffedProject")))),
        new Resource("start 団体登録 (partner-registration)", users("admin", "hikari", "midori"),
            starts("partner-registration", (t, user) -> AppFixtures.registrationApplication("権限確認の会 " + user))),
        // --- each kind of task: seen over REST, and worked (the engine's TASK_WORK)
        new Resource("see ① AssignDepartment (coordinators)", office, seesTask("hikariProject")),
        new Resource("work ① AssignDepartment (coordinators)", office, worksTask("hikariProject", ExaminationScenario.intake("dept-fukushi"))),
        new Resource("see ① FillCheckSheet (${departmentGroup})", fukushi, seesTask("checkSheet")),
        new Resource("work ① FillCheckSheet (${departmentGroup})", users("admin", "suzuki"), worksTask("checkSheet", ExaminationScenario.checkSheet())),
        new Resource("see ① CoordinatorReview (coordinators)", office, seesTask("review")),
        new Resource("work ① CoordinatorReview (coordinators)", office, worksTask("review", ExaminationScenario.review("PROCEED", "進めてください"))),
        new Resource("see ① ConfirmEnding (coordinators)", office, seesTask("confirmEnding")),
        new Resource("work ① ConfirmEnding (coordinators)", office,
            worksTask("confirmEnding", ExaminationScenario.endingConfirmation("REEXAMINE", "もう一度確認してください"))),
        new Resource("see ① ExplainEnding (${proposerGroup} = ひかり)", users("admin", "tanaka", "hikari"),
            seesTask("explainEnding")),
        new Resource("work ① ExplainEnding (${proposerGroup} = ひかり)", users("admin", "hikari"),
            worksTask("explainEnding", ExaminationScenario.endingResponse("ACCEPT", null))),
        new Resource("see ② ChooseSelectionMethod (${departmentGroup})", fukushi, seesTask("method")),
        new Resource("work ② ChooseSelectionMethod (${departmentGroup})", users("admin", "suzuki"), worksTask("method", Map.of("selectionMethod", "PUBLIC_CALL"))),
        new Resource("see ② ScoreApplication (the reviewer ito)", users("admin", "tanaka", "ito"),
            seesTask("conflictedCall")),
        new Resource("work ② ScoreApplication (the reviewer ito)", users("ito"),
            worksTask("conflictedCall", Map.of("score1", 4, "reviewComment", "丁寧な計画です"))),
        new Resource("see ③ DraftAgreement (${mainStaff})", fukushi, seesTask("draft")),
        new Resource("work ③ DraftAgreement (${mainStaff})", users("admin", "suzuki"), worksTask("draft", BadInputTest.draft())),
        new Resource("see ③ PartnerProposesChanges (${partnerGroup} = ひかり)", users("admin", "tanaka", "hikari"),
            seesTask("partnerProposal")),
        new Resource("work ③ PartnerProposesChanges (${partnerGroup} = ひかり)", users("admin", "hikari"),
            worksTask("partnerProposal", Map.of("partnerProposalReason", "訪問の回数を団体と話し合って決めたい"))),
        new Resource("see ④ PayAdvance (${mainStaff})", fukushi, seesTask("execution")),
        new Resource("see ④ PartnerReportsIssue (${partnerGroup} = ひかり)", users("admin", "tanaka", "hikari"),
            seesTask("partnerIssue")),
        new Resource("work ④ PartnerReportsIssue (${partnerGroup} = ひかり)", users("admin", "hikari"),
            worksTask("partnerIssue", Map.of("issueTitle", "会場の不足", "issueDescription",
                "会場が足りません", "issueSeverity", "MINOR"))),
        new Resource("see ⑤ RecordOutcomes (${departmentGroup})", fukushi, seesTask("outcomes")),
        new Resource("see ⑥ ImprovementDialogue (${departmentGroup})", fukushi, seesTask("dialogue")),
        new Resource("see 協働事業 HandleOverduePhase (managers)", users("admin", "tanaka", "sato"), seesTask("overdue")),
        new Resource("work 協働事業 HandleOverduePhase (managers)", users("admin", "sato"), worksTask("overdue", Map.of("overdueAction", "今週中の受付を指示した"))),
        new Resource("see 団体登録 ReviewRegistration (coordinators)", office, seesTask("registration")),
        // --- process and history data of みどり町内会's project through /engine-rest
        new Resource("みどり's project: instance variables", office,
            reads(t -> REST + "/process-instance/" + t.fixtures().get("midoriProject").instanceId() + "/variables")),
        new Resource("みどり's project: variable instances", office, reads(t -> REST
            + "/variable-instance?processInstanceIdIn=" + t.fixtures().get("midoriProject").instanceId())),
        new Resource("みどり's project: historic variables", office, reads(t -> REST
            + "/history/variable-instance?processInstanceId=" + t.fixtures().get("midoriProject").instanceId())),
        new Resource("みどり's project: historic instance", office, reads(t -> REST
            + "/history/process-instance?processInstanceId=" + t.fixtures().get("midoriProject").instanceId())),
        new Resource("みどり's project: historic activities", office, reads(t -> REST
            + "/history/activity-instance?processInstanceId=" + t.fixtures().get("midoriProject").instanceId())),
        new Resource("みどり's project: running instances by business key", office,
            reads(t -> REST + "/process-instance?businessKey=" + projectNumber(t, "midoriProject"))),
        new Resource("みどり's project: historic tasks", office,
            reads(t -> REST + "/history/task?processInstanceBusinessKey=" + projectNumber(t, "midoriProject"))),
        new Resource("ひかり's issue task: its variables", users("admin", "tanaka", "hikari"),
            reads(t -> REST + "/task/" + t.fixtures().get("partnerIssue").taskId() + "/variables")),
        new Resource("ひかり's issue task: its form variables", users("admin", "tanaka", "hikari"),
            reads(t -> REST + "/task/" + t.fixtures().get("partnerIssue").taskId() + "/form-variables")),
        new Resource("engine: deployments", office, reads(REST + "/deployment")),
        new Resource("engine: decision definitions", office, reads(REST + "/decision-definition")),
        new Resource("engine: other people's user profiles", users("admin", "tanaka", "suzuki", "sato"), (t, user) -> {
          Response response = t.get(user, REST + "/user");
          return response.status() == 200 && response.json().findValuesAsText("id").stream().anyMatch(id -> !id.equals(user));
        }),
        new Resource("engine: authorizations of others", users("admin"), reads(REST + "/authorization?groupIdIn=coordinators")),
        // --- Kyodo's own API
        new Resource("api: project list", users("admin", "tanaka", "suzuki", "sato", "hikari", "midori"),
            reads("/api/projects")),
        new Resource("api: ひかり's project", users("admin", "tanaka", "sato", "hikari"),
            reads(t -> "/api/projects/" + projectNumber(t, "hikariProject"))),
        new Resource("api: みどり's project", users("admin", "tanaka", "sato", "midori"),
            reads(t -> "/api/projects/" + projectNumber(t, "midoriProject"))),
        new Resource("api: organisations", users("admin", "tanaka", "suzuki", "sato", "takahashi", "ito", "hikari",
            "midori"), reads("/api/organisations")),
        new Resource("api: NPO法人ひかり's registry entry", users("admin", "tanaka", "suzuki", "sato", "takahashi", "ito",
            "hikari"), reads("/api/organisations/org-hikari")),
        new Resource("api: NPO法人ひかり's partnerships", users("admin", "tanaka", "suzuki", "sato", "hikari"),
            answers("/api/organisations/org-hikari/partnerships")),
        new Resource("api: the partner-fixation check", users("admin", "tanaka", "suzuki", "sato"),
            reads("/api/organisations/org-hikari/fixation?department=dept-fukushi&fiscalYear=2027")),
        new Resource("api: NPO法人ひかり's member changes", users("admin", "tanaka"),
            answers("/api/organisations/org-hikari/member-changes")),
        new Resource("api: published calls", LOGGED_IN, reads("/api/calls")),
        new Resource("api: applications to the call (own, assigned or all)", users("admin", "tanaka", "suzuki", "sato",
            "ito", "hikari", "midori"), reads(t -> "/api/calls/" + t.fixtures().get("conflictedCall").detail()
            + "/applications")),
        new Resource("api: ひかり's application to the call", users("admin", "tanaka", "suzuki", "sato", "hikari"),
            (t, user) -> {
              Response response = t.get(user, "/api/calls/" + t.fixtures().get("conflictedCall").detail() + "/applications");
              return response.status() == 200 && response.json().findValuesAsText("organisationId").contains("org-hikari");
            }),
        new Resource("score ひかり's application (ito declared a conflict)", users(), scores("-A01")),
        new Resource("score みどり's application (no conflict)", users("admin", "tanaka", "ito"), scores("-A02")),
        new Resource("api: the 協定書 of ひかり's agreement", users("admin", "tanaka", "suzuki", "sato", "hikari"),
            (t, user) -> RestClient.basic(t.port, user).download("/api/agreements/" + t.fixtures().get("execution").detail()
                + "/document").status() == 200),
        // --- public pages and Actuator
        new Resource("/public/ (the results pages)", EVERYONE, (t, user) -> {
          Response index = t.get(user, "/public/");
          // Until the public pages' own mapping serves the folder URL, its index page is the same file.
          return index.status() == 200 || index.status() == 404 && t.get(user, "/public/index.html").status() == 200;
        }),
        new Resource("/public/register.html (団体登録の申請)", EVERYONE, status("/public/register.html", 200)),
        new Resource("/public/api/registrations/form (a form token to apply)", EVERYONE,
            reads("/public/api/registrations/form")),
        new Resource("/account/api/organisation: NPO法人ひかり's members", users("hikari"), (t, user) -> {
          RestClient client = user == null ? RestClient.basic(t.port, null) : SESSIONS.computeIfAbsent(
              t.port + ":" + user, key -> RestClient.tasklistSession(t.port, "default", user));
          Response response = client.get("/account/api/organisation");
          assertThat(response.status()).as("an answer or a refusal: " + response.body()).isIn(200, 401);
          return response.status() == 200 && response.body().contains("\"org-hikari\"");
        }),
        new Resource("/actuator/health", EVERYONE, status("/actuator/health", 200)),
        new Resource("/actuator (the list of endpoints)", users(), status("/actuator", 200)),
        new Resource("/actuator/info", users(), status("/actuator/info", 200)),
        new Resource("/actuator/env", users(), status("/actuator/env", 200)),
        new Resource("/actuator/metrics", users(), status("/actuator/metrics", 200)),
        // --- the webapps' own data APIs, with a login session (anonymous: without one)
        new Resource("Tasklist's engine API (its filters)", LOGGED_IN, webappApi("/camunda/api/engine/engine/default/filter")),
        new Resource("Cockpit's plugin API (process statistics)", office,
            webappApi("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")),
        new Resource("the webapps' engine API: other people's user profiles", users("admin", "tanaka", "suzuki", "sato"),
            webappApi("/camunda/api/engine/engine/default/user/count"))));
    return all;
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cells = new ArrayList<>();
    for (Resource resource : resources()) {
      for (Map.Entry<String, String> role : ROLES.entrySet()) {
        boolean allowed = resource.allowed().contains(role.getKey());
        cells.add(Arguments.of(role.getValue() + " × " + resource.name() + " → " + (allowed ? "allowed" : "refused"),
            role.getKey(), resource, allowed));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void everyRoleReachesExactlyWhatItMay(String cell, String user, Resource resource, boolean allowed) {
    assertThat(resource.probe().allowed(this, user)).as(cell).isEqualTo(allowed);
  }

  /** A partner never reads another organisation's data, by any route that carries it. */
  @Test
  void aPartnerFindsNothingOfAnotherOrganisationAnywhere() {
    String hikarisNumber = fixtures().get("hikariProject").detail();
    String lifecycle = fixtures().get("hikariProject").instanceId();
    String title = "hikariの協働事業（権限の確認）";
    for (String path : List.of(REST + "/task", REST + "/task?processInstanceBusinessKey=" + hikarisNumber,
        REST + "/history/task", REST + "/history/process-instance", REST + "/history/variable-instance",
        REST + "/variable-instance", REST + "/history/detail", REST + "/history/activity-instance", REST + "/execution",
        REST + "/process-instance", REST + "/history/identity-link-log", REST + "/history/user-operation",
        REST + "/history/variable-instance?variableName=title", "/api/projects?limit=200", "/api/organisations")) {
      Response response = get("midori", path);
      assertThat(response.status()).as(path).isIn(200, 403, 404);
      assertThat(response.body()).as("midori reading " + path).doesNotContain(title).doesNotContain(lifecycle)
          .doesNotContain("org-hikari\"");
    }
    assertThat(get("midori", "/api/projects/" + hikarisNumber).status()).isEqualTo(404);
  }

  @Test
  void everyRoleAndEveryResourceIsInTheTable() {
    assertThat(ROLES.values()).contains("administrator", "coordinators", "managers", "evaluators", "anonymous");
    List<Resource> resources = resources();
    assertThat(resources.stream().map(Resource::name).distinct().count()).isEqualTo(resources.size());
    for (String kind : List.of("start ①", "start ②", "start ③", "start ④", "start ⑤", "start ⑥", "start 担当者の交代",
        "① ", "② ", "③ ", "④ ",
        "⑤ ", "⑥ ", "api: ", "/public/", "/actuator", "app")) {
      assertThat(resources).as(kind).anyMatch(r -> r.name().contains(kind));
    }
  }
}
