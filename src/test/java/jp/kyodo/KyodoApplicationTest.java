package jp.kyodo;

import jp.kyodo.support.RunningApplication;
import static jp.kyodo.examination.ExaminationProcess.*;
import static jp.kyodo.examination.ExaminationScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.examination.ExaminationProcess.Elements;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.ModelDeployer;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application on a random port with its demo people: deployment, security, the REST
 * APIs of Tasklist and of integrations, and who sees which task.
 */
@RunningApplication
class KyodoApplicationTest {

  /** The application's engine; the fast process tests run theirs under another name in the same JVM. */
  static final String ENGINE = "default";
  static final String REST = "/engine-rest";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  ModelDeployer deployer;

  RestClient as(String user) {
    return RestClient.basic(port, user);
  }

  String startProposal(String user, String title) {
    Response response = as(user).post(REST + "/process-definition/key/examination/submit-form",
        RestClient.variables(with(proposal(), TITLE.name(), title)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  String taskId(String instanceId, String taskKey) {
    Response response = as("admin").get(REST + "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey);
    assertThat(response.json()).as(taskKey + " open in " + instanceId).hasSize(1);
    return response.json().get(0).path("id").asText();
  }

  void submit(String user, String instanceId, String taskKey, Map<String, Object> values) {
    Response response = as(user).post(REST + "/task/" + taskId(instanceId, taskKey) + "/submit-form", RestClient.variables(values));
    assertThat(response.status()).as(user + " " + taskKey + ": " + response.body()).isEqualTo(204);
  }

  /** A proposal from that partner, sent back to it for revision; returns the instance id. */
  String proposalSentBackTo(String partner) {
    String instance = startProposal(partner, partner + "の提案");
    submit("tanaka", instance, Elements.INTAKE, intake("dept-fukushi"));
    submit("suzuki", instance, Elements.CHECK_SHEET, checkSheet());
    submit("suzuki", instance, Elements.ASSESS, assessment());
    submit("tanaka", instance, Elements.REVIEW, review("REVISE", "役割分担を具体的に"));
    return instance;
  }

  /** Kyodo's translations and configs as the running application serves them to the browser. */
  String webappResource(String file) throws IOException {
    try (var in = new org.springframework.core.io.ClassPathResource("META-INF/resources/webjars/camunda/app/" + file)
        .getInputStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void tasklistServesItsJapaneseTranslationAndOffersItNextToEnglish() throws IOException {
    Response japanese = as(null).get("/camunda/app/tasklist/locales/ja.json");
    assertThat(japanese.status()).isEqualTo(200);
    assertThat(japanese.json()).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(webappResource("tasklist/locales/ja.json")));
    assertThat(japanese.json().path("labels").path("CLAIM_TASK").asText()).isEqualTo("担当する");
    assertThat(japanese.json().path("labels").path("START_PROCESS").asText()).isEqualTo("プロセスを開始");

    Response config = as(null).get("/camunda/app/tasklist/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).as("Kyodo's config.js, not the webjar's").isEqualTo(webappResource("tasklist/scripts/config.js"))
        .contains("availableLocales: ['en', 'ja']").contains("claimTask: {");

    Response english = as(null).get("/camunda/app/tasklist/locales/en.json");
    assertThat(english.status()).isEqualTo(200);
    assertThat(english.body()).contains("\"CLAIM_TASK\": \"Claim\"");
  }

  @Test
  void theWelcomeAppWithTheProfilePageSpeaksJapaneseToo() throws IOException {
    Response japanese = as(null).get("/camunda/app/welcome/locales/ja.json");
    assertThat(japanese.status()).isEqualTo(200);
    assertThat(japanese.json().path("labels").path("CHANGE_PASSWORD").asText()).isEqualTo("パスワードを変更");
    Response config = as(null).get("/camunda/app/welcome/scripts/config.js");
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).isEqualTo(webappResource("welcome/scripts/config.js")).contains("availableLocales: ['en', 'ja']");
  }

  @Test
  void everyModelInTheRepositoryIsDeployedUnderItsRepositoryName() throws IOException {
    List<String> files = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> paths = Files.walk(Path.of(folder))) {
        paths.map(Path::toString).filter(p -> p.endsWith(".bpmn") || p.endsWith(".dmn") || p.endsWith(".form"))
            .forEach(files::add);
      }
    }
    Deployment deployment = engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ModelDeployer.DEPLOYMENT_NAME).orderByDeploymentTime().asc().list().get(0);
    assertThat(new TreeSet<>(engine.getRepositoryService().getDeploymentResourceNames(deployment.getId())))
        .isEqualTo(new TreeSet<>(files))
        .contains(RESOURCE);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).singleResult()
        .getResourceName()).isEqualTo(RESOURCE);
  }

  @Test
  void deployingAgainWithoutChangesAddsNothing() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    long definitions = engine.getRepositoryService().createProcessDefinitionQuery().count();

    deployer.deploy(engine.getRepositoryService());

    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void theRestApiRefusesAnonymousAndWrongCredentials() {
    assertThat(as(null).get(REST + "/task").status()).isEqualTo(401);
    assertThat(as(null).get(REST + "/process-definition").status()).isEqualTo(401);
    assertThat(RestClient.basic(port, "hikari").get(REST + "/engine").status()).isEqualTo(200);
    Response wrong = as(null).post(REST + "/process-definition/key/examination/submit-form", "{}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("x").count()).isZero();
  }

  /**
   * Deserialization type validation is on: an Object value that names a class outside the engine's safe list is not
   * turned into an object when read, even where the application itself stored it (a form never sends one).
   */
  @Test
  void anObjectValueOfAnUnlistedClassIsNotReadBack() {
    String instance = startProposal("suzuki", "型の確認");
    engine.getRuntimeService().setVariable(instance, "probe", org.camunda.bpm.engine.variable.Variables
        .serializedObjectValue("\"http://example.jp/\"").serializationDataFormat("application/json")
        .objectTypeName("java.net.URL").create());

    assertThatThrownBy(() -> engine.getRuntimeService().getVariable(instance, "probe"))
        .hasMessageContaining("java.net.URL");
    engine.getRuntimeService().removeVariable(instance, "probe");
  }

  @Test
  void healthIsOpenForLoadBalancersAndTheRestOfActuatorIsClosed() {
    Response health = as(null).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(health.json().path("components").has("processEngine")).isTrue();
    assertThat(health.json().path("components").has("db")).isTrue();
    for (String closed : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/metrics")) {
      assertThat(as("admin").get(closed).status()).as(closed).isEqualTo(404);
    }
  }

  @Test
  void aPartnerSeesAndWorksOnlyItsOwnOrganisationsTasksAndACoordinatorSeesAllButWorksOnlyTheOffices() {
    String hikaris = proposalSentBackTo("hikari");
    String midoris = proposalSentBackTo("midori");
    String hikariTask = taskId(hikaris, Elements.REVISE);
    String midoriTask = taskId(midoris, Elements.REVISE);

    JsonNode hikariSees = as("hikari").get(REST + "/task").json();
    assertThat(hikariSees.findValuesAsText("id")).contains(hikariTask).doesNotContain(midoriTask);
    assertThat(as("hikari").get(REST + "/task/" + midoriTask).status()).isIn(403, 404);
    Response steal = as("hikari").post(REST + "/task/" + midoriTask + "/submit-form", RestClient.variables(proposal()));
    assertThat(steal.status()).isIn(403, 404);
    assertThat(as("hikari").get(REST + "/task/" + midoriTask + "/form-variables").status()).isIn(403, 404);
    assertThat(taskId(midoris, Elements.REVISE)).isEqualTo(midoriTask);

    assertThat(as("hikari").get(REST + "/task/" + hikariTask + "/deployed-form").status()).isEqualTo(200);
    assertThat(as("hikari").post(REST + "/task/" + hikariTask + "/submit-form", RestClient.variables(proposal())).status())
        .isEqualTo(204);

    assertThat(as("tanaka").get(REST + "/task").json().findValuesAsText("id")).contains(midoriTask);
    assertThat(as("tanaka").post(REST + "/task/" + midoriTask + "/submit-form", RestClient.variables(proposal())).status())
        .as("the office follows every project but works only its own tasks").isEqualTo(403);
    assertThat(taskId(midoris, Elements.REVISE)).isEqualTo(midoriTask);
    assertThat(as("midori").post(REST + "/task/" + midoriTask + "/submit-form", RestClient.variables(proposal())).status())
        .isEqualTo(204);
    assertThat(as("midori").get(REST + "/task?processInstanceId=" + midoris).json().findValuesAsText("taskDefinitionKey"))
        .doesNotContain(Elements.REVISE);
  }

  @Test
  void aDepartmentSeesItsOwnProjectsTasksOnly() {
    String instance = startProposal("suzuki", "福祉課の課題提案");
    String checkSheet = taskId(instance, Elements.CHECK_SHEET);
    assertThat(as("suzuki").get(REST + "/task").json().findValuesAsText("id")).contains(checkSheet);
    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(checkSheet);
    assertThat(as("suzuki").post(REST + "/task/" + checkSheet + "/claim", Map.of("userId", "suzuki")).status()).isEqualTo(204);
    assertThat(as("suzuki").post(REST + "/task/" + checkSheet + "/unclaim", "").status()).as("hand a task back").isEqualTo(204);
    assertThat(as("hikari").post(REST + "/task/" + checkSheet + "/claim", Map.of("userId", "hikari")).status()).isIn(403, 404);
    assertThat(as("sato").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(checkSheet);
  }

  @Test
  void aPartnerCanOpenTheStartFormButNotStartWhatItMayNot() {
    Response form = as("hikari").get(REST + "/process-definition/key/examination/deployed-start-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().path("id").asText()).isEqualTo(FormIds.PROPOSAL);
    Response reviewer = as("takahashi").post(REST + "/process-definition/key/examination/submit-form",
        RestClient.variables(proposal()));
    assertThat(reviewer.status()).as("a reviewer cannot even see the definition").isIn(403, 404);
  }

  @Test
  void badInputIsA400WithAClearMessageOnTheRestApiAndLeavesTheTaskAsItWas() {
    String instance = startProposal("suzuki", "入力チェック");
    String task = taskId(instance, Elements.CHECK_SHEET);
    Map<String, Object> before = engine.getRuntimeService().getVariables(instance);

    Response response = as("suzuki").post(REST + "/task/" + task + "/submit-form",
        RestClient.variables(with(checkSheet(), LEADERSHIP.name(), "UNKNOWN", NOT_FOR_PROFIT.name(), "はい")));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).startsWith("入力内容を確認してください")
        .contains("「事業の担い手」に「UNKNOWN」という選択肢はありません").contains("はい／いいえ");
    assertThat(response.json().path("problems")).hasSize(2);
    assertThat(taskId(instance, Elements.CHECK_SHEET)).isEqualTo(task);
    assertThat(engine.getRuntimeService().getVariables(instance).keySet()).isEqualTo(before.keySet());

    Response start = as("hikari").post(REST + "/process-definition/key/examination/submit-form",
        RestClient.variables(with(proposal(), PROPOSED_BUDGET.name(), -1)));
    assertThat(start.status()).isEqualTo(400);
    assertThat(start.json().path("message").asText()).contains("「想定する事業費（円）」は0以上");
  }

  @Test
  void badInputIsA400InTasklistToo() {
    String instance = startProposal("suzuki", "Tasklist からの入力チェック");
    String task = taskId(instance, Elements.CHECK_SHEET);
    RestClient tasklist = RestClient.tasklistSession(port, ENGINE, "suzuki");

    Response response = tasklist.post("/camunda/api/engine/engine/" + ENGINE + "/task/" + task + "/submit-form",
        RestClient.variables(with(checkSheet(), COLLABORATION_MERITS.name(), List.of())));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("協働で行う利点");

    Response ok = tasklist.post("/camunda/api/engine/engine/" + ENGINE + "/task/" + task + "/submit-form",
        RestClient.variables(checkSheet()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    taskId(instance, Elements.ASSESS);
  }

  @Test
  void everyRoleOpensTasklistAndSeesAFilterOfItsWork() {
    Filter groupFilter = engine.getFilterService().createFilterQuery().filterName("わたしのグループのタスク").singleResult();
    Filter mine = engine.getFilterService().createFilterQuery().filterName("わたしのタスク").singleResult();
    for (String user : List.of("tanaka", "suzuki", "sato", "takahashi", "ito", "hikari", "midori", "watanabe")) {
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      var authorizations = engine.getAuthorizationService();
      assertThat(authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
          .as(user + " tasklist").isTrue();
      assertThat(authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.FILTER, groupFilter.getId()))
          .as(user + " group filter").isTrue();
      assertThat(authorizations.isUserAuthorized(user, groups, Permissions.READ, Resources.FILTER, mine.getId())).isTrue();
      assertThat(authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
          .as(user + " cockpit").isEqualTo(groups.contains(KyodoGroups.COORDINATORS));
    }
  }

  @Test
  void noVariableIsJavaSerialized() {
    proposalSentBackTo("hikari");
    List<HistoricVariableInstance> variables = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .disableCustomObjectDeserialization().list();
    assertThat(variables).isNotEmpty();
    for (HistoricVariableInstance variable : variables) {
      TypedValue value = variable.getTypedValue();
      if (value instanceof ObjectValue object) {
        assertThat(object.getSerializationDataFormat()).as(variable.getName()).isEqualTo("application/json");
      }
    }
  }

  @Test
  void valuesGoThroughTheFormsNotAroundThem() {
    String instance = startProposal("suzuki", "フォームを迂回しない");
    String task = taskId(instance, Elements.CHECK_SHEET);

    Response complete = as("suzuki").post(REST + "/task/" + task + "/complete",
        RestClient.variables(with(checkSheet(), DEPARTMENT_GROUP.name(), "dept-kankyo")));
    assertThat(complete.status()).as(complete.body()).isEqualTo(400);
    assertThat(complete.json().path("message").asText()).contains("submit-form");
    assertThat(taskId(instance, Elements.CHECK_SHEET)).isEqualTo(task);
    assertThat(engine.getRuntimeService().getVariable(instance, DEPARTMENT_GROUP.name())).isEqualTo("dept-fukushi");

    Response start = as("hikari").post(REST + "/process-definition/key/examination/start",
        RestClient.variables(proposal()));
    assertThat(start.status()).isEqualTo(400);

    Response injected = as("suzuki").post(REST + "/task/" + task + "/submit-form",
        RestClient.variables(with(checkSheet(), DEPARTMENT_GROUP.name(), "dept-kankyo")));
    assertThat(injected.status()).isEqualTo(400);
    assertThat(injected.json().path("message").asText()).contains("「departmentGroup」はこのフォームの項目ではない");

    Response putVariable = RestClient.basic(port, "suzuki").post(REST + "/task/" + task + "/variables",
        "{\"modifications\":{\"departmentGroup\":{\"value\":\"dept-kankyo\"}}}");
    assertThat(putVariable.status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().getVariable(instance, DEPARTMENT_GROUP.name())).isEqualTo("dept-fukushi");
  }

  @Test
  void theCollaborationOfficeReadsEveryProjectsVariablesAndPartnersReadNoneOfOthers() {
    String instance = proposalSentBackTo("midori");
    Response variables = as("tanaka").get(REST + "/process-instance/" + instance + "/variables");
    assertThat(variables.status()).as(variables.body()).isEqualTo(200);
    assertThat(variables.json().path(TITLE.name()).path("value").asText()).isEqualTo("midoriの提案");
    assertThat(as("tanaka").get(REST + "/history/variable-instance?processInstanceId=" + instance).json()).isNotEmpty();
    String revise = taskId(instance, Elements.REVISE);
    assertThat(as("tanaka").get(REST + "/task/" + revise + "/form-variables").status()).isEqualTo(200);

    assertThat(as("hikari").get(REST + "/process-instance/" + instance + "/variables").status()).isIn(403, 404);
    assertThat(as("hikari").get(REST + "/history/variable-instance?processInstanceId=" + instance).json()).isEmpty();
    assertThat(as("hikari").get(REST + "/history/process-instance?processInstanceId=" + instance).json()).isEmpty();
    assertThat(as("midori").get(REST + "/task/" + revise + "/form-variables").status()).isEqualTo(200);
  }

  @Test
  void theRegistryShowsEachRoleWhatItMaySee() {
    assertThat(as(null).get("/api/organisations").status()).isEqualTo(401);
    assertThat(as("tanaka").get("/api/organisations").json().findValuesAsText("id")).contains("org-hikari", "org-midori");
    // Only its own (the authorization matrix has hikari apply for another group's registration too).
    assertThat(as("hikari").get("/api/organisations").json().findValuesAsText("id")).contains("org-hikari")
        .doesNotContain("org-midori");
    assertThat(as("hikari").get("/api/organisations/org-midori").status()).isEqualTo(404);
    JsonNode forReviewer = as("takahashi").get("/api/organisations/org-hikari").json();
    assertThat(forReviewer.path("name").asText()).isEqualTo("NPO法人ひかり");
    assertThat(forReviewer.path("contactEmail").isNull()).as("reviewers see no contact details").isTrue();
    assertThat(as("suzuki").get("/api/organisations/org-hikari").json().path("contactEmail").asText()).contains("@");
    assertThat(as("suzuki").get("/api/organisations?status=APPLIED").status()).isEqualTo(403);
    assertThat(as("watanabe").get("/api/organisations").status()).isEqualTo(403);
    Response fixation = as("suzuki").get("/api/organisations/org-hikari/fixation?department=dept-fukushi&fiscalYear=2027");
    assertThat(fixation.status()).as(fixation.body()).isEqualTo(200);
    assertThat(fixation.json().path("fixed").asBoolean()).isFalse();
    assertThat(fixation.json().path("limit").asInt()).isEqualTo(3);
    assertThat(as("hikari").get("/api/organisations/org-hikari/fixation?department=dept-fukushi&fiscalYear=2027").status())
        .isEqualTo(403);
  }

  @Test
  void aPartnerRegistersItsOrganisationAndThenActsForIt() {
    Map<String, Object> application = new java.util.HashMap<>(Map.of(
        "organisationName", "あおぞら子ども食堂", "organisationType", "VOLUNTEER_GROUP", "representative", "青空 広志",
        "contactEmail", "sora@example.jp", "activityRecord", "月2回の子ども食堂", "financialState", "寄付で運営"));
    application.put("activityFields", jp.kyodo.variables.ListVar.json(List.of("CHILDREN")));
    Response started = as("sora").post(REST + "/process-definition/key/partner-registration/submit-form",
        RestClient.variables(application));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    String review = taskId(instance, "ReviewRegistration");
    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(review);
    assertThat(as("sora").get("/api/organisations").json().findValuesAsText("status")).as("its own application")
        .containsExactly("APPLIED");

    Response decided = as("tanaka").post(REST + "/task/" + review + "/submit-form",
        RestClient.variables(Map.of("registrationDecision", "REGISTER", "registrationReason", "活動実績を確認")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);

    JsonNode own = as("sora").get("/api/organisations").json();
    assertThat(own.findValuesAsText("name")).containsExactly("あおぞら子ども食堂");
    assertThat(own.get(0).path("status").asText()).isEqualTo("REGISTERED");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("sora")
        .groupType(KyodoGroups.TYPE_ORGANISATION).count()).isEqualTo(1);
  }

  /** A public call through the REST API as Tasklist would drive it, up to the reviewers' conflict declarations. */
  @Test
  void aCallShowsEachRoleOnlyTheApplicationsItMaySee() {
    String deadline = jp.kyodo.platform.CityCalendar.today().plusDays(10).toString();
    Response started = as("suzuki").post(REST + "/process-definition/key/partner-selection/submit-form",
        RestClient.variables(Map.of("title", "子育てひろば", "content", "週2回のひろば運営", "chosenForm", "JOINT_PROJECT",
            "fiscalYear", (int) jp.kyodo.platform.CityCalendar.currentFiscalYear() + 1)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String selection = started.json().path("id").asText();
    submit("suzuki", selection, "ChooseSelectionMethod", Map.of("selectionMethod", "PUBLIC_CALL"));
    submit("suzuki", selection, "WriteCall", Map.of("callPurpose", "子育てひろばの運営", "callEligibility", "登録団体",
        "criterion1Label", "実現性", "criterion1Weight", 100, "applicationDeadline", deadline,
        "callFields", jp.kyodo.variables.ListVar.json(List.of("CHILDREN"))));
    submit("tanaka", selection, "CheckCall", Map.of("callCheckDecision", "PUBLISH", "reviewQuorum", 1,
        "selectionReviewers", jp.kyodo.variables.ListVar.json(List.of("takahashi", "ito"))));
    String call = (String) engine.getRuntimeService().getVariable(selection, "callNumber");

    JsonNode open = as("midori").get("/api/calls?status=OPEN").json();
    assertThat(open.findValuesAsText("callNumber")).contains(call);
    assertThat(open.get(0).has("reviewers")).as("reviewers stay unnamed to applicants").isFalse();
    assertThat(as("tanaka").get("/api/calls/" + call).json().path("reviewers").toString()).contains("takahashi");
    assertThat(as(null).get("/api/calls").status()).isEqualTo(401);

    for (String partner : List.of("hikari", "midori")) {
      new jp.kyodo.support.AppFixtures(port, engine, agreementRepository).apply(partner, call, partner + "の提案");
    }
    if (engine.getIdentityService().createUserQuery().userId("kaze").count() == 0) {
      org.camunda.bpm.engine.identity.User kaze = engine.getIdentityService().newUser("kaze");
      kaze.setPassword("kaze");
      engine.getIdentityService().saveUser(kaze);
      engine.getIdentityService().createMembership("kaze", KyodoGroups.PARTNERS);
    }
    RestClient kaze = RestClient.tasklistSession(port, "default", "kaze");
    Response unregistered = kaze.postFrom("/apply/api/calls/" + call + "/draft", Map.of(), kaze.origin());
    assertThat(unregistered.status()).isEqualTo(403);
    assertThat(unregistered.json().path("message").asText()).contains("団体登録");

    assertThat(as("hikari").get("/api/calls/" + call + "/applications").json().findValuesAsText("organisationId"))
        .containsExactly("org-hikari");
    assertThat(as("midori").get("/api/calls/" + call + "/applications").json().findValuesAsText("organisationId"))
        .containsExactly("org-midori");
    assertThat(as("suzuki").get("/api/calls/" + call + "/applications").json()).hasSize(2);
    assertThat(as("takahashi").get("/api/calls/" + call + "/applications").json()).as("nothing assigned yet").isEmpty();
    assertThat(as("watanabe").get("/api/calls/" + call + "/applications").status()).isEqualTo(403);

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(12))));
    try {
      String timer = engine.getManagementService().createJobQuery().processInstanceId(selection).timers().singleResult().getId();
      engine.getManagementService().executeJob(timer);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    for (org.camunda.bpm.engine.task.Task screening : engine.getTaskService().createTaskQuery().processInstanceId(selection)
        .taskDefinitionKey("ScreenApplication").list()) {
      Response screened = as("tanaka").post(REST + "/task/" + screening.getId() + "/submit-form",
          RestClient.variables(Map.of("screening", "ELIGIBLE")));
      assertThat(screened.status()).as(screened.body()).isEqualTo(204);
    }
    String hikariApplication = call + "-A01";
    String takahashiDeclares = engine.getTaskService().createTaskQuery().processInstanceId(selection)
        .taskDefinitionKey("DeclareConflicts").taskAssignee("takahashi").singleResult().getId();
    assertThat(as("ito").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(takahashiDeclares);
    Response declared = as("takahashi").post(REST + "/task/" + takahashiDeclares + "/submit-form", RestClient.variables(Map.of(
        "conflictedApplications", jp.kyodo.variables.ListVar.json(List.of(hikariApplication)), "conflictNote", "会員",
        "declarationConfirmed", true)));
    assertThat(declared.status()).as(declared.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(selection, "conflictedApplications"))
        .as("a reviewer's declaration stays on the task, out of the others' sight").isNull();

    assertThat(as("takahashi").get("/api/calls/" + call + "/applications").json().findValuesAsText("organisationId"))
        .containsExactly("org-midori");
    assertThat(as("takahashi").get(REST + "/task").json().findValuesAsText("taskDefinitionKey"))
        .containsExactly("ScoreApplication");
    assertThat(as("hikari").get(REST + "/process-instance/" + selection + "/variables").status()).isEqualTo(403);
  }

  /** ③ and ④ over the REST API as Tasklist uses it, and the agreement document for the project's people only. */
  @Test
  void anAgreementIsDraftedAgreedApprovedDownloadedAndItsExecutionStarted() throws Exception {
    long year = jp.kyodo.platform.CityCalendar.currentFiscalYear();
    // ③ started on its own rests on a partner ② chose for the project's year (written into ②'s tables by the fixture).
    Map<String, Object> start = new jp.kyodo.support.AppFixtures(port, engine, agreementRepository).agreementStart();
    Response started = as("suzuki").post(REST + "/process-definition/key/agreement/submit-form", RestClient.variables(start));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    assertThat(as("hikari").post(REST + "/process-definition/key/agreement/submit-form", RestClient.variables(start)).status())
        .as("partners do not start agreements").isIn(403, 404);

    submit("suzuki", instance, "AssignAgreementParties", jp.kyodo.agreement.AgreementScenario.staff("suzuki", "yamamoto"));
    Map<String, Object> draft = new java.util.HashMap<>(jp.kyodo.agreement.AgreementScenario.draft());
    draft.replaceAll((name, value) -> value instanceof String text && text.matches("202[67]-\\d\\d-\\d\\d")
        ? (Long.parseLong(text.substring(0, 4)) - 2026 + year) + text.substring(4) : value);
    submit("suzuki", instance, "DraftAgreement", draft);
    String partnerTask = taskId(instance, "PartnerConfirmsAgreement");
    assertThat(as("midori").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(partnerTask);
    submit("hikari", instance, "PartnerConfirmsAgreement", Map.of("partnerDecision", "AGREE"));
    submit("yamamoto", instance, "DepartmentConfirmsAgreement", Map.of("departmentDecision", "AGREE"));
    submit("sato", instance, "ApproveAgreement", Map.of("approvalDecision", "APPROVE"));
    String number = (String) engine.getRuntimeService().getVariable(instance, "agreementNumber");
    String document = "/api/agreements/" + number + "/document";
    assertThat(engine.getRuntimeService().getVariable(instance, "agreementDocumentUrl"))
        .isEqualTo("/documents/agreements/" + number);
    assertThat(as("suzuki").download(document).status()).as("not generated yet").isEqualTo(404);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId());

    RestClient.Download pdf = as("hikari").download(document);
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    try (var read = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(read)).contains("協働事業に関する協定書", number, "NPO法人ひかり");
    }
    for (String user : List.of("suzuki", "yamamoto", "tanaka", "sato", "admin")) {
      assertThat(as(user).download(document).status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("midori", "takahashi", "watanabe", "sora")) {
      assertThat(as(user).download(document).status()).as(user).isEqualTo(403);
    }
    assertThat(as(null).download(document).status()).isEqualTo(401);
    assertThat(as("suzuki").download("/api/agreements/1999-none-001/document").status())
        .as("an outsider learns nothing from a number").isEqualTo(403);
    assertThat(as("tanaka").download("/api/agreements/1999-none-001/document").status()).isEqualTo(404);

    // From Tasklist: the form's link, opened with the Tasklist login — no Basic prompt, the same rule.
    String link = "/documents/agreements/" + number;
    RestClient.Download fromTasklist = RestClient.tasklistSession(port, "default", "hikari").download(link);
    assertThat(fromTasklist.status()).isEqualTo(200);
    assertThat(fromTasklist.contentType()).startsWith("application/pdf");
    for (String user : List.of("suzuki", "tanaka", "sato")) {
      assertThat(RestClient.tasklistSession(port, "default", user).download(link).status()).as(user).isEqualTo(200);
    }
    RestClient midori = RestClient.tasklistSession(port, "default", "midori");
    assertThat(midori.download(link).status()).isEqualTo(403);
    assertThat(midori.download("/documents/agreements/1999-none-001").status()).as("exists or not").isEqualTo(403);
    RestClient.Download anonymous = as(null).download(link);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.headers()).as("no browser password prompt").doesNotContainKey("www-authenticate");
    assertThat(new String(anonymous.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("ログインしてから");
    assertThat(as("hikari").download(link).status()).as("Basic credentials are not a login here").isEqualTo(401);
    submit("suzuki", instance, "ExchangeAgreement", Map.of("signedOn", jp.kyodo.platform.CityCalendar.today().toString()));

    Response refused = as("suzuki").post(REST + "/process-definition/key/execution/submit-form",
        RestClient.variables(Map.of("agreementNumber", "1999-none-001")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("決裁済みの協定はありません");
    assertThat(as("hikari").post(REST + "/process-definition/key/execution/submit-form",
        RestClient.variables(Map.of("agreementNumber", number))).status()).isIn(403, 404);
    Response execution = as("suzuki").post(REST + "/process-definition/key/execution/submit-form",
        RestClient.variables(Map.of("agreementNumber", number)));
    assertThat(execution.status()).as(execution.body()).isEqualTo(200);
    String running = execution.json().path("id").asText();
    String issueTask = taskId(running, "PartnerReportsIssue");
    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("id")).contains(issueTask);
    assertThat(as("midori").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(issueTask);
    Response bad = as("hikari").post(REST + "/task/" + issueTask + "/submit-form",
        RestClient.variables(Map.of("issueTitle", "件名", "issueSeverity", "VERY")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("message").asText()).contains("「重大さ」に「VERY」という選択肢はありません");
    assertThat(taskId(running, "PartnerReportsIssue")).isEqualTo(issueTask);
  }

  // ⑤ 事業の評価 and ⑥ 事業の改善 through the REST API, with the application's authorizations

  String startPhase(String user, String key, Map<String, Object> values) {
    Response response = as(user).post(REST + "/process-definition/key/" + key + "/submit-form", RestClient.variables(values));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  @Autowired
  jp.kyodo.evaluation.EvaluationRepository evaluations;

  @Autowired
  jp.kyodo.registry.OrganisationRepository organisations;

  @Autowired
  jp.kyodo.agreement.AgreementRepository agreementRepository;

  @Test
  void aPartnerCannotReadTheDepartmentsSelfEvaluationBeforeBothAreInNorAnotherOrganisationsEvaluation() {
    String instance = startPhase("suzuki", jp.kyodo.evaluation.EvaluationProcess.KEY,
        jp.kyodo.evaluation.EvaluationScenario.startForm());
    submit("suzuki", instance, "RecordOutcomes", jp.kyodo.evaluation.EvaluationScenario.outcomes("YES", "YES"));
    String departmentTask = taskId(instance, "DepartmentSelfEvaluation");
    String partnerTask = taskId(instance, "PartnerSelfEvaluation");
    assertThat(as("hikari").get(REST + "/task/" + departmentTask + "/form-variables").status()).isIn(403, 404);
    submit("suzuki", instance, "DepartmentSelfEvaluation", with(
        jp.kyodo.evaluation.EvaluationScenario.sheet(jp.kyodo.evaluation.EvaluationChoices.Answer.YES),
        "plan2", "NO", "plan2Comment", "担当課だけの所見"));

    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("id")).contains(partnerTask)
        .doesNotContain(departmentTask);
    Response ownTask = as("hikari").get(REST + "/task/" + partnerTask + "/variables");
    assertThat(ownTask.status()).as(ownTask.body()).isEqualTo(200);
    assertThat(ownTask.json().path(TITLE.name()).path("value").asText()).isEqualTo("高齢者の見守りと居場所づくり");
    assertThat(ownTask.json().path("plan2").path("value").isNull()).as("only its own, still empty answer").isTrue();
    assertThat(ownTask.body()).doesNotContain("担当課だけの所見");
    Response ownForm = as("hikari").get(REST + "/task/" + partnerTask + "/form-variables");
    assertThat(ownForm.status()).isEqualTo(200);
    assertThat(ownForm.body()).doesNotContain("担当課だけの所見");
    assertThat(as("hikari").get(REST + "/process-instance/" + instance + "/variables").status()).isIn(403, 404);
    assertThat(as("hikari").get(REST + "/history/variable-instance?processInstanceId=" + instance).json()).isEmpty();
    assertThat(as("hikari").get(REST + "/history/variable-instance?variableName=plan2Comment").json()).isEmpty();
    assertThat(as("hikari").get(REST + "/variable-instance?variableName=plan2Comment").body()).doesNotContain("担当課だけの所見");
    assertThat(as("hikari").get(REST + "/history/task?processInstanceId=" + instance).json().toString())
        .doesNotContain("担当課だけの所見");

    assertThat(as("midori").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(partnerTask);
    assertThat(as("midori").get(REST + "/task/" + partnerTask + "/variables").status()).isIn(403, 404);
    assertThat(as("midori").post(REST + "/task/" + partnerTask + "/submit-form", RestClient.variables(
        jp.kyodo.evaluation.EvaluationScenario.sheet(jp.kyodo.evaluation.EvaluationChoices.Answer.YES))).status())
        .isIn(403, 404);

    submit("hikari", instance, "PartnerSelfEvaluation",
        jp.kyodo.evaluation.EvaluationScenario.sheet(jp.kyodo.evaluation.EvaluationChoices.Answer.YES));
    submit("suzuki", instance, "JointReview",
        jp.kyodo.evaluation.EvaluationScenario.jointReview(jp.kyodo.evaluation.EvaluationChoices.Answer.YES));
    String confirmation = taskId(instance, "PartnerConfirmation");
    assertThat(as("hikari").get(REST + "/task/" + confirmation + "/form-variables").body())
        .as("once both are in, the two views are shared").contains("担当課だけの所見");
    assertThat(as("midori").get(REST + "/task/" + confirmation + "/form-variables").status()).isIn(403, 404);
    submit("hikari", instance, "PartnerConfirmation", jp.kyodo.evaluation.EvaluationScenario.confirmation("AGREE", null));

    var record = evaluations.find(instance).orElseThrow();
    assertThat(record.grade()).isEqualTo("A");
    assertThat(record.differingItems()).containsExactly("plan2");
    assertThat(record.confirmedBy()).isEqualTo("hikari");
  }

  @Test
  void onlyDepartmentsStartTheEvaluationAndTheImprovementOnTheirOwn() {
    for (String key : List.of(jp.kyodo.evaluation.EvaluationProcess.KEY, jp.kyodo.improvement.ImprovementProcess.KEY)) {
      assertThat(as("suzuki").get(REST + "/process-definition/key/" + key + "/deployed-start-form").status()).isEqualTo(200);
      for (String user : List.of("hikari", "watanabe", "takahashi")) {
        Response refused = as(user).post(REST + "/process-definition/key/" + key + "/submit-form",
            RestClient.variables(jp.kyodo.evaluation.EvaluationScenario.startForm()));
        assertThat(refused.status()).as(user + " " + key).isIn(403, 404);
      }
    }
  }

  @Test
  void theImprovementRefusesToContinueWithAFixedPartnerWithA400() {
    long year = jp.kyodo.platform.CityCalendar.currentFiscalYear();
    for (long back : new long[] {1, 2}) {
      organisations.recordPartnership(new jp.kyodo.registry.Partnership("org-midori", "dept-fukushi", null, "公園の花壇づくり",
          (int) (year - back), null));
    }
    String instance = startPhase("suzuki", jp.kyodo.improvement.ImprovementProcess.KEY,
        with(jp.kyodo.improvement.ImprovementScenario.startForm(true, "B"), PARTNER_NAME.name(), "みどり町内会"));
    submit("suzuki", instance, "ImprovementDialogue", jp.kyodo.improvement.ImprovementScenario.dialogueOnMetGoals());
    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("processInstanceId")).doesNotContain(instance);
    submit("midori", instance, "PartnerDialogueReview",
        jp.kyodo.improvement.ImprovementScenario.partnerReview("AGREE", null, "CONTINUE"));
    String decide = taskId(instance, "DecideNextStep");

    Response refused = as("suzuki").post(REST + "/task/" + decide + "/submit-form",
        RestClient.variables(jp.kyodo.improvement.ImprovementScenario.decision("CONTINUE", "花壇が定着した")));
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("みどり町内会は福祉課の協働事業を").contains("3年度続けて")
        .contains("千葉県 協働推進マニュアル②");
    assertThat(taskId(instance, "DecideNextStep")).isEqualTo(decide);

    submit("suzuki", instance, "DecideNextStep",
        jp.kyodo.improvement.ImprovementScenario.decision("RECALL", "固定化を避けて公募する"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("improvementDecidedBy").singleResult().getValue()).isEqualTo("suzuki");
  }

  @Test
  void aTaskCompletedTwiceAnswersTheSecondCallerWithoutAServerError() {
    String instance = startProposal("hikari", "二重送信の確認");
    String task = taskId(instance, Elements.INTAKE);
    Response first = as("tanaka").post(REST + "/task/" + task + "/submit-form", RestClient.variables(intake("dept-fukushi")));
    assertThat(first.status()).isEqualTo(204);
    Response second = as("tanaka").post(REST + "/task/" + task + "/submit-form", RestClient.variables(intake("dept-fukushi")));
    assertThat(second.status()).as(second.body()).isEqualTo(404);
    assertThat(second.json().path("message").asText()).contains("既に完了したか");
    assertThat(second.body()).doesNotContain("at org.");
  }

  // --- 協働事業 (the lifecycle) and the project API

  @Autowired
  jp.kyodo.lifecycle.ProjectRepository projectRepository;

  /** Starts the lifecycle through its start form, as Tasklist does; returns the project number. */
  String propose(String user, String title) {
    Response response = as(user).post(REST + "/process-definition/key/" + jp.kyodo.lifecycle.CollaborationProcess.KEY
        + "/submit-form", RestClient.variables(with(proposal(), TITLE.name(), title)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return as("tanaka").get(REST + "/process-instance/" + response.json().path("id").asText()).json().path("businessKey")
        .asText();
  }

  /** Submits the one open task of that key of the project (in whichever phase it is). */
  void submitInProject(String user, String number, String taskKey, Map<String, Object> values) {
    JsonNode tasks = as("admin").get(REST + "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey).json();
    assertThat(tasks).as(taskKey + " open in " + number).hasSize(1);
    Response response = as(user).post(REST + "/task/" + tasks.get(0).path("id").asText() + "/submit-form",
        RestClient.variables(values));
    assertThat(response.status()).as(user + " " + taskKey + ": " + response.body()).isEqualTo(204);
  }

  java.util.List<String> projectNumbers(String user, String query) {
    Response response = as(user).get("/api/projects" + query);
    assertThat(response.status()).as(user + " " + query + ": " + response.body()).isEqualTo(200);
    return response.json().path("projects").findValuesAsText("projectNumber");
  }

  @Test
  void aProposalInTasklistStartsTheLifecycleAndTheProjectApiShowsEachReaderItsOwnProjects() {
    JsonNode startable = as("hikari").get(REST + "/process-definition?latestVersion=true&startableInTasklist=true"
        + "&startablePermissionCheck=true").json();
    assertThat(startable.findValuesAsText("key")).contains(jp.kyodo.lifecycle.CollaborationProcess.KEY)
        .as("① is the lifecycle's first phase").doesNotContain(KEY);
    Response form = as("hikari").get(REST + "/process-definition/key/collaboration/deployed-start-form");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.json().path("id").asText()).isEqualTo(FormIds.PROPOSAL);

    String hikaris = propose("hikari", "ひかりの見守り");
    String midoris = propose("midori", "みどりの花壇");
    String issue = propose("suzuki", "福祉課の課題提案");
    assertThat(hikaris).matches("\\d{4}-\\d{3}");
    assertThat(as("tanaka").get(REST + "/process-instance?businessKey=" + hikaris).json().findValuesAsText("definitionId"))
        .as("the lifecycle and its phase carry the project number").hasSize(2);

    assertThat(as(null).get("/api/projects").status()).isEqualTo(401);
    for (String outsider : List.of("takahashi", "watanabe")) {
      assertThat(as(outsider).get("/api/projects").status()).as(outsider).isEqualTo(403);
      assertThat(as(outsider).get("/api/projects/" + hikaris).status()).as(outsider).isEqualTo(403);
    }
    assertThat(projectNumbers("tanaka", "?phase=EXAMINATION&limit=200")).contains(hikaris, midoris, issue);
    assertThat(projectNumbers("sato", "?limit=200")).contains(hikaris, midoris, issue);
    assertThat(projectNumbers("hikari", "?limit=200")).contains(hikaris).doesNotContain(midoris, issue);
    assertThat(projectNumbers("midori", "?limit=200")).contains(midoris).doesNotContain(hikaris, issue);
    assertThat(projectNumbers("suzuki", "?limit=200")).contains(issue).doesNotContain(midoris);
    assertThat(as("hikari").get("/api/projects/" + midoris).status()).isEqualTo(404);
    Response own = as("hikari").get("/api/projects/" + hikaris);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().path("phaseLabel").asText()).isEqualTo("① 事業の検討");
    assertThat(own.json().path("phaseDueAt").asText()).isNotBlank();
    assertThat(own.json().path("decisions")).isEmpty();

    Response badPhase = as("tanaka").get("/api/projects?phase=LUNCH");
    assertThat(badPhase.status()).isEqualTo(400);
    assertThat(badPhase.json().path("message").asText()).contains("EXAMINATION");
    assertThat(as("tanaka").get("/api/projects?limit=0").status()).isEqualTo(400);
    assertThat(as("tanaka").get("/api/projects?status=SLEEPING").status()).isEqualTo(400);
    Response page = as("tanaka").get("/api/projects?limit=1&offset=1");
    assertThat(page.json().path("projects")).hasSize(1);
    assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(3);

    // ① for hikari's proposal: the department is known once ① has handed the project on.
    submitInProject("tanaka", hikaris, Elements.INTAKE, intake("dept-fukushi"));
    submitInProject("suzuki", hikaris, Elements.CHECK_SHEET, checkSheet());
    submitInProject("suzuki", hikaris, Elements.ASSESS, assessment());
    submitInProject("tanaka", hikaris, Elements.REVIEW, review("PROCEED", "地域の課題に合っている"));
    long year = jp.kyodo.platform.CityCalendar.currentFiscalYear() + 1;
    assertThat(projectNumbers("suzuki", "?phase=SELECTION&department=dept-fukushi&fiscalYear=" + year)).contains(hikaris);
    assertThat(projectNumbers("suzuki", "?phase=SELECTION&fiscalYear=" + (year + 1))).doesNotContain(hikaris);
    JsonNode project = as("suzuki").get("/api/projects/" + hikaris).json();
    assertThat(project.path("departmentName").asText()).isEqualTo("福祉課");
    assertThat(project.path("chosenFormLabel").asText()).isEqualTo("共同事業");
    assertThat(project.path("decisions").get(0).path("decision").asText()).isEqualTo("APPROVED");
    assertThat(project.path("decisions").get(0).path("decidedBy").asText()).isEqualTo("tanaka");
    assertThat(project.path("lastDecision").path("reason").asText()).isEqualTo("地域の課題に合っている");

    // Cockpit: the office reads where the project stands (its first year is at ②); a partner cannot read it.
    String lifecycle = as("tanaka").get(REST + "/process-instance?processDefinitionKey=collaboration&businessKey=" + hikaris)
        .json().get(0).path("id").asText();
    JsonNode variables = as("tanaka").get(REST + "/process-instance/" + lifecycle + "/variables").json();
    assertThat(variables.path("fiscalYear").path("value").asLong()).isEqualTo(year);
    assertThat(variables.path("projectDecisions").path("type").asText()).isEqualTo("Json");
    String firstYear = as("tanaka").get(REST + "/process-instance?processDefinitionKey="
        + jp.kyodo.lifecycle.FiscalYearProcess.KEY + "&businessKey=" + hikaris).json().get(0).path("id").asText();
    JsonNode yearVariables = as("tanaka").get(REST + "/process-instance/" + firstYear + "/variables").json();
    assertThat(yearVariables.path("phaseLabel").path("value").asText()).isEqualTo("② パートナーの選定");
    assertThat(yearVariables.path("fiscalYear").path("value").asLong()).isEqualTo(year);
    assertThat(as("hikari").get(REST + "/process-instance/" + lifecycle + "/variables").status()).isIn(403, 404);
    assertThat(as("hikari").get(REST + "/process-instance/" + firstYear + "/variables").status()).isIn(403, 404);
    assertThat(project.path("years").get(0).path("fiscalYear").asLong()).isEqualTo(year);
    assertThat(project.path("years").get(0).path("status").asText()).isEqualTo("RUNNING");

    // ② sole source, then 予算要求: the office collects the year's requests and records what was granted.
    submitInProject("suzuki", hikaris, jp.kyodo.selection.SelectionProcess.Elements.CHOOSE_METHOD,
        jp.kyodo.selection.SelectionScenario.soleSource("org-hikari", "提案した団体で、地域で唯一の担い手"));
    submitInProject("sato", hikaris, jp.kyodo.selection.SelectionProcess.Elements.APPROVE_SOLE_SOURCE, Map.of(
        jp.kyodo.selection.SelectionProcess.SOLE_SOURCE_APPROVAL.name(), "APPROVE",
        jp.kyodo.selection.SelectionProcess.SOLE_SOURCE_APPROVAL_COMMENT.name(), "理由は妥当（旭川 Q45）"));
    Response refused = as("suzuki").post(REST + "/task/" + as("admin").get(REST + "/task?processInstanceBusinessKey="
        + hikaris + "&taskDefinitionKey=RequestBudget").json().get(0).path("id").asText() + "/submit-form",
        RestClient.variables(Map.of("requestedBudget", -1, "budgetBasis", "謝礼")));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("「要求額（円）」は0以上");
    submitInProject("suzuki", hikaris, "RequestBudget", Map.of("requestedBudget", 900_000, "budgetBasis", "謝礼と会場費"));
    Response requests = as("tanaka").get("/api/budget-requests?fiscalYear=" + year);
    assertThat(requests.status()).as(requests.body()).isEqualTo(200);
    assertThat(requests.json().path("requests").findValuesAsText("projectNumber")).contains(hikaris);
    assertThat(requests.json().path("undecided").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(as("suzuki").get("/api/budget-requests?fiscalYear=" + year).json().path("requests")
        .findValuesAsText("projectNumber")).contains(hikaris);
    assertThat(as("hikari").get("/api/budget-requests?fiscalYear=" + year).status()).isEqualTo(403);
    assertThat(as(null).get("/api/budget-requests?fiscalYear=" + year).status()).isEqualTo(401);
    assertThat(as("tanaka").get("/api/budget-requests?fiscalYear=12").status()).isEqualTo(400);
    submitInProject("tanaka", hikaris, "DecideBudget", Map.of("budgetDecision", "CUT", "approvedBudget", 700_000,
        "budgetComment", "回数を見直して査定"));
    JsonNode decided = as("sato").get("/api/budget-requests?fiscalYear=" + year).json().path("requests");
    JsonNode row = java.util.stream.StreamSupport.stream(decided.spliterator(), false)
        .filter(r -> r.path("projectNumber").asText().equals(hikaris)).findFirst().orElseThrow();
    assertThat(row.path("requestedBudget").asLong()).isEqualTo(900_000L);
    assertThat(row.path("approvedBudget").asLong()).isEqualTo(700_000L);
    assertThat(row.path("decisionLabel").asText()).isEqualTo("減額して認められた");
    assertThat(row.path("decidedBy").asText()).isEqualTo("tanaka");
    assertThat(projectNumbers("tanaka", "?phase=AGREEMENT&limit=200")).contains(hikaris);
  }

  @Test
  void aRefusedProposalIsA400AndLeavesNoProjectBehind() {
    var everything = jp.kyodo.lifecycle.ProjectRepository.Visibility.everything();
    var any = new jp.kyodo.lifecycle.ProjectRepository.Filter(null, null, null, null);
    long before = projectRepository.list(any, everything, 0, 1).total();

    Response blank = as("hikari").post(REST + "/process-definition/key/collaboration/submit-form",
        RestClient.variables(with(proposal(), TITLE.name(), " ")));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.json().path("message").asText()).contains("「事業名」を入力してください");
    // The administrator may start anything but is neither a partner nor a department: ① refuses after the
    // project was numbered, and the numbering is rolled back with it.
    Response neither = as("admin").post(REST + "/process-definition/key/collaboration/submit-form",
        RestClient.variables(proposal()));
    assertThat(neither.status()).as(neither.body()).isEqualTo(400);
    assertThat(neither.json().path("message").asText()).contains("協働パートナーの団体（事業提案）か担当課の職員（課題提案）");
    Response reviewer = as("takahashi").post(REST + "/process-definition/key/collaboration/submit-form",
        RestClient.variables(proposal()));
    assertThat(reviewer.status()).isIn(403, 404);

    assertThat(projectRepository.list(any, everything, 0, 1).total()).isEqualTo(before);
  }

  @Test
  void anOverduePhaseReachesTheManagersWhoAnswerItInTasklist() {
    String number = propose("hikari", "期限を過ぎる提案");
    String lifecycle = as("tanaka").get(REST + "/process-instance?processDefinitionKey=collaboration&businessKey=" + number)
        .json().get(0).path("id").asText();
    JsonNode timers = as("admin").get(REST + "/job?processInstanceId=" + lifecycle + "&timers=true").json();
    assertThat(timers).as("the phase's due-date timer").hasSize(1);
    // As the job executor does on the due date.
    assertThat(as("admin").post(REST + "/job/" + timers.get(0).path("id").asText() + "/execute", "").status()).isEqualTo(204);

    JsonNode overdue = as("admin").get(REST + "/task?processInstanceId=" + lifecycle + "&taskDefinitionKey=HandleOverduePhase")
        .json();
    assertThat(overdue).hasSize(1);
    String task = overdue.get(0).path("id").asText();
    assertThat(as("sato").get(REST + "/task").json().findValuesAsText("id")).contains(task);
    assertThat(as("hikari").get(REST + "/task").json().findValuesAsText("id")).doesNotContain(task);
    assertThat(as("suzuki").get(REST + "/task/" + task + "/form-variables").status()).isIn(403, 404);
    JsonNode shown = as("sato").get(REST + "/task/" + task + "/form-variables").json();
    assertThat(shown.path("overduePhaseLabel").path("value").asText()).isEqualTo("① 事業の検討");
    assertThat(shown.path("overdueOpenTasks").path("value").asText()).contains("提案を受け付け担当課を決める", "coordinators");
    assertThat(shown.path("title").path("value").asText()).isEqualTo("期限を過ぎる提案");
    assertThat(as("admin").get(REST + "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + Elements.INTAKE)
        .json()).as("the phase goes on").hasSize(1);

    Response answered = as("sato").post(REST + "/task/" + task + "/submit-form",
        RestClient.variables(Map.of("overdueAction", "市民協働課に今週中の受付を指示した")));
    assertThat(answered.status()).as(answered.body()).isEqualTo(204);
    JsonNode project = as("sato").get("/api/projects/" + number).json();
    assertThat(project.path("lastDecision").path("decision").asText()).isEqualTo("OVERDUE_HANDLED");
    assertThat(project.path("lastDecision").path("decidedBy").asText()).isEqualTo("sato");
    assertThat(project.path("overdueSince").asText()).isNotBlank();
  }

  @Test
  void thePublicPagesAndTheirApiAreOpenToAnyone() {
    Response page = as(null).get("/public/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("協働事業の一覧", "lang=\"ja\"");
    Response projects = as(null).get("/public/api/projects");
    assertThat(projects.status()).as(projects.body()).isEqualTo(200);
    assertThat(projects.json().has("total")).isTrue();
    assertThat(as(null).get("/public/api/projects?phase=NO_SUCH").status()).isEqualTo(400);
    assertThat(as(null).get("/public/api/projects/1999-999").status()).isEqualTo(404);
    assertThat(as(null).get("/public/api/filters").json().path("phases").toString()).contains("① 事業の検討");
  }

  @Test
  void theOfficesOverviewUsesTheWebappLoginAndIsForTheOfficeAndManagersOnly() {
    assertThat(as(null).get("/overview/").status()).isEqualTo(200);
    assertThat(as(null).get("/overview/api/summary").status()).isEqualTo(401);
    assertThat(as("tanaka").get("/overview/api/summary").status()).as("HTTP Basic is not the webapps' login").isEqualTo(401);
    assertThat(RestClient.tasklistSession(port, ENGINE, "hikari").get("/overview/api/summary").status()).isEqualTo(403);
    assertThat(RestClient.tasklistSession(port, ENGINE, "suzuki").get("/overview/api/summary").status()).isEqualTo(403);
    Response summary = RestClient.tasklistSession(port, ENGINE, "tanaka").get("/overview/api/summary");
    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    assertThat(summary.json().path("user").asText()).isEqualTo("tanaka");
    assertThat(summary.json().path("byPhaseAndYear").path("columns").toString()).contains("① 事業の検討", "終了");
    for (String part : List.of("overduePhases", "overdueTasks", "byForm", "byDomain", "partners", "grades")) {
      assertThat(summary.json().path(part).isArray()).as(part).isTrue();
    }
    assertThat(RestClient.tasklistSession(port, ENGINE, "sato").get("/overview/api/summary").status()).isEqualTo(200);
  }
}
