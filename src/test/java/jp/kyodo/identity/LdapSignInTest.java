package jp.kyodo.identity;

import static jp.kyodo.examination.ExaminationProcess.TITLE;
import static jp.kyodo.examination.ExaminationScenario.assessment;
import static jp.kyodo.examination.ExaminationScenario.checkSheet;
import static jp.kyodo.examination.ExaminationScenario.intake;
import static jp.kyodo.examination.ExaminationScenario.proposal;
import static jp.kyodo.examination.ExaminationScenario.review;
import static jp.kyodo.examination.ExaminationScenario.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.File;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.examination.ExaminationProcess.Elements;
import jp.kyodo.registry.ClientLimit;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code ldap} against a real directory: UnboundID's in-memory LDAP server, started here on a free port with
 * {@code ldap/kyodo.ldif} (staff tanaka, suzuki, sato, kimura, nakamura in the city's groups). Partners, the
 * administrator and the other demo people keep their local accounts. Everything goes through HTTP as the webapps and
 * integrations call it, or through the engine's identity service as Kyodo's own code does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.profiles.active=ldap",
    "spring.datasource.url=jdbc:h2:mem:kyodo-ldap-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + LdapSignInTest.ENGINE,
    "camunda.bpm.job-execution.enabled=false",
    "kyodo.mail.enabled=true", "kyodo.mail.scheduled=false",
    "kyodo.ldap.use-ssl=false",
    "kyodo.ldap.manager-dn=cn=Directory Manager",
    "kyodo.ldap.manager-password=" + LdapSignInTest.MANAGER_PASSWORD,
    "kyodo.ldap.base-dn=dc=kyodo,dc=example",
    "kyodo.ldap.user-search-base=ou=people",
    "kyodo.ldap.user-search-filter=(objectClass=inetOrgPerson)",
    "kyodo.ldap.user-id-attribute=uid",
    "kyodo.ldap.group-search-base=ou=groups",
    "kyodo.ldap.group-search-filter=(objectClass=groupOfNames)",
    "kyodo.directory.group-mapping[kyodo-coordinators]=coordinators",
    "kyodo.directory.group-mapping[fukushi-ka]=departments,dept-fukushi",
    "kyodo.directory.group-mapping[kankyo-ka]=departments,dept-kankyo",
    "kyodo.directory.group-mapping[kacho]=managers"})
class LdapSignInTest {

  static final String ENGINE = "kyodoLdapTest";
  static final String REST = "/engine-rest/engine/" + ENGINE;
  static final String MANAGER_PASSWORD = "kanrisha-no-himitsu";
  static final Map<String, String> PASSWORDS = Map.of("tanaka", "Tanaka-Dir-2026", "suzuki", "Suzuki-Dir-2026",
      "sato", "Sato-Dir-2026", "kimura", "Kimura-Dir-2026", "nakamura", "Nakamura-Dir-2026", "ogawa", "Ogawa-Dir-2026",
      "mori", "Mori-Dir-2026");
  static final List<String> DIRECTORY_USERS = List.of("kimura", "mori", "nakamura", "ogawa", "sato", "suzuki", "tanaka");
  static final String KIMURA_DN = "uid=kimura,ou=people,dc=kyodo,dc=example";
  static final String FUKUSHI_KA = "cn=fukushi-ka,ou=groups,dc=kyodo,dc=example";

  static InMemoryDirectoryServer directory;
  static int directoryPort;

  /** The directory runs before the application starts (the demo people are checked against it). */
  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) throws Exception {
    if (directory == null) {
      try (ServerSocket free = new ServerSocket(0)) {
        directoryPort = free.getLocalPort();
      }
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=kyodo,dc=example");
      config.addAdditionalBindCredentials("cn=Directory Manager", MANAGER_PASSWORD);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", directoryPort));
      directory = new InMemoryDirectoryServer(config);
      directory.importFromLDIF(true, new File(LdapSignInTest.class.getResource("/ldap/kyodo.ldif").toURI()));
      directory.startListening();
    }
    registry.add("kyodo.ldap.server-url", () -> "ldap://localhost:" + directoryPort);
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.shutDown(true);
      directory = null;
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ClientLimit clientLimit;

  Instant clock;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    clientLimit.clear();
    clock = Instant.now();
    ClockUtil.setCurrentTime(Date.from(clock));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  RestClient staff(String user) {
    return RestClient.basic(port, user, PASSWORDS.get(user));
  }

  RestClient local(String user) {
    return RestClient.basic(port, user);
  }

  RestClient tasklist(String user) {
    return RestClient.webappSession(port, ENGINE, user, PASSWORDS.getOrDefault(user, user), "tasklist");
  }

  String startProposal(RestClient partner, String title) {
    Response response = partner.post(REST + "/process-definition/key/examination/submit-form",
        RestClient.variables(with(proposal(), TITLE.name(), title)));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asText();
  }

  String taskId(String instanceId, String taskKey) {
    Response response = local("admin").get(REST + "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey);
    assertThat(response.json()).as(taskKey + " open in " + instanceId).hasSize(1);
    return response.json().get(0).path("id").asText();
  }

  void submit(RestClient user, String instanceId, String taskKey, Map<String, Object> values) {
    Response response = user.post(REST + "/task/" + taskId(instanceId, taskKey) + "/submit-form", RestClient.variables(values));
    assertThat(response.status()).as(taskKey + ": " + response.body()).isEqualTo(204);
  }

  /** The ids of the open tasks of these instances that a session's Tasklist lists. */
  static List<String> tasksSeen(RestClient session, String base, String... instances) {
    List<String> seen = new ArrayList<>();
    for (String instance : instances) {
      Response tasks = session.get(base + "/task?processInstanceId=" + instance);
      assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
      tasks.json().forEach(task -> seen.add(instance + ":" + task.path("taskDefinitionKey").asText()));
    }
    return seen;
  }

  List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).orderByGroupId().asc().list().stream()
        .map(Group::getId).toList();
  }

  // ---------------------------------------------------------------- signing in

  @Test
  void staffSignInWithTheirDirectoryPasswordAndGetTheMappedGroups() {
    Response login = RestClient.webappLoginAnswer(port, ENGINE, "suzuki", PASSWORDS.get("suzuki"), "tasklist");
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().path("userId").asText()).isEqualTo("suzuki");
    assertThat(login.json().path("authorizedApps").toString()).contains("tasklist");
    assertThat(groupsOf("suzuki")).containsExactly("departments", "dept-fukushi");
    assertThat(groupsOf("tanaka")).containsExactly("coordinators");
    assertThat(groupsOf("sato")).containsExactly("managers");
    assertThat(groupsOf("nakamura")).as("a directory group the mapping does not name gives nothing").isEmpty();

    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "tanaka", PASSWORDS.get("tanaka"), "cockpit").status())
        .as("the office's Cockpit, through the mapped coordinators group").isEqualTo(200);
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "suzuki", PASSWORDS.get("suzuki"), "cockpit").status())
        .as("a department's clerk has no Cockpit").isNotEqualTo(200);
    Response me = staff("suzuki").get(REST + "/identity/groups?userId=suzuki");
    assertThat(me.status()).as("Basic on /engine-rest with the directory's password: " + me.body()).isEqualTo(200);
    assertThat(me.json().path("groups").findValuesAsText("id")).containsExactlyInAnyOrder("departments", "dept-fukushi");
    // (/api shares /engine-rest's Basic filter, which binds /api to the engine named "default": not this context's)
    Response overview = tasklist("tanaka").get("/overview/api/summary");
    assertThat(overview.status()).as("Kyodo's page with the webapps' session: " + overview.body()).isEqualTo(200);
    assertThat(overview.json().path("user").asText()).isEqualTo("tanaka");
    assertThat(tasklist("suzuki").get("/overview/api/summary").status()).as("the office's page only").isEqualTo(403);
    User user = engine.getIdentityService().createUserQuery().userId("suzuki").singleResult();
    assertThat(user.getEmail()).as("name and address come from the directory").isEqualTo("suzuki@city.example.jp");
    assertThat(user.getLastName()).isEqualTo("鈴木");
  }

  @Test
  void aWrongPasswordIsRefusedAndTheDemoPasswordNoLongerOpensAStaffAccount() {
    Response wrong = RestClient.webappLoginAnswer(port, ENGINE, "suzuki", "Suzuki-Dir-2025", "tasklist");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("Exception", "at org.", "javax.naming");
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "suzuki", "suzuki", "tasklist").status())
        .as("the demo people's password (= id) is not the directory's").isEqualTo(401);
    assertThat(RestClient.basic(port, "suzuki", "nope").get(REST + "/task").status()).isEqualTo(401);
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "suzuki", "", "tasklist").status())
        .as("an empty password never binds anonymously").isEqualTo(401);
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "*", "x", "tasklist").status()).isEqualTo(401);
    assertThat(engine.getIdentityService().checkPassword("suzuki", PASSWORDS.get("suzuki"))).isTrue();
    assertThat(engine.getIdentityService().checkPassword("suzuki", PASSWORDS.get("tanaka"))).isFalse();
  }

  /**
   * A proposal from a local partner goes through the office (tanaka) and 福祉課 (suzuki), both from the directory, and
   * back to the partner: each sees exactly the work of their own groups in Tasklist.
   */
  @Test
  void directoryStaffAndLocalPartnersEachSeeTheirOwnTasks() {
    RestClient hikari = local("hikari");
    String fukushi = startProposal(hikari, "ひかりの見守り活動");
    String kankyo = startProposal(local("midori"), "みどりの花壇");
    submit(staff("tanaka"), fukushi, Elements.INTAKE, intake("dept-fukushi"));
    submit(staff("tanaka"), kankyo, Elements.INTAKE, intake("dept-kankyo"));

    String base = "/camunda/api/engine/engine/" + ENGINE;
    RestClient suzuki = tasklist("suzuki");
    assertThat(tasksSeen(suzuki, base, fukushi, kankyo)).as("福祉課's check sheet only")
        .containsExactly(fukushi + ":" + Elements.CHECK_SHEET);
    assertThat(tasksSeen(tasklist("kimura"), base, fukushi, kankyo)).containsExactly(fukushi + ":" + Elements.CHECK_SHEET);
    assertThat(tasksSeen(tasklist("ogawa"), base, fukushi, kankyo)).as("環境政策課's only")
        .containsExactly(kankyo + ":" + Elements.CHECK_SHEET);
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "nakamura", PASSWORDS.get("nakamura"), "tasklist").status())
        .as("総務課 is mapped onto nothing: the right password, but no Tasklist").isEqualTo(403);
    assertThat(tasksSeen(tasklist("hikari"), base, fukushi, kankyo)).as("nothing of the city's work").isEmpty();

    submit(staff("suzuki"), fukushi, Elements.CHECK_SHEET, checkSheet());
    submit(staff("suzuki"), fukushi, Elements.ASSESS, assessment());
    submit(staff("tanaka"), fukushi, Elements.REVIEW, review("REVISE", "役割分担を具体的に"));
    assertThat(tasksSeen(tasklist("hikari"), base, fukushi, kankyo)).as("the partner's own revision")
        .containsExactly(fukushi + ":" + Elements.REVISE);
    assertThat(tasksSeen(tasklist("midori"), base, fukushi, kankyo)).isEmpty();
    assertThat(tasksSeen(suzuki, base, fukushi, kankyo)).isEmpty();
    assertThat(tasksSeen(tasklist("mori"), base, fukushi, kankyo)).containsExactly(kankyo + ":" + Elements.CHECK_SHEET);
  }

  @Test
  void localAccountsKeepSigningInWithTheirOwnPasswords() {
    for (String user : List.of("hikari", "midori", "admin", "yamamoto")) {
      assertThat(RestClient.webappLoginAnswer(port, ENGINE, user, user, "tasklist").status()).as(user).isEqualTo(200);
    }
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "admin", "admin", "admin").status()).isEqualTo(200);
    assertThat(local("hikari").get(REST + "/task").status()).as("Basic with the local password").isEqualTo(200);
    assertThat(groupsOf("hikari")).containsExactly("org-hikari", "partners");
    assertThat(groupsOf("yamamoto")).containsExactly("departments", "dept-fukushi");
    // (sora only: a wrong local password holds the account back for a while, and the other tests sign the rest in)
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "sora", "wrong-sora", "tasklist").status()).isEqualTo(401);
  }

  /** A directory that does not answer: a clean refusal everywhere, never the LDAP error; back when it is back. */
  @Test
  void aDirectoryThatIsDownGivesACleanRefusal() throws Exception {
    directory.shutDown(true);
    try {
      Response login = RestClient.webappLoginAnswer(port, ENGINE, "suzuki", PASSWORDS.get("suzuki"), "tasklist");
      assertThat(login.status()).as(login.body()).isBetween(400, 599).isNotEqualTo(200);
      Response basic = staff("suzuki").get(REST + "/task");
      assertThat(basic.status()).as(basic.body()).isBetween(400, 599);
      for (Response refused : List.of(login, basic)) {
        assertThat(refused.body()).doesNotContain("javax.naming", "Exception", "org.camunda", "ldap://", "at org.");
      }
    } finally {
      directory.startListening();
    }
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, "suzuki", PASSWORDS.get("suzuki"), "tasklist").status())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- who belongs

  @Test
  void aDepartmentsMembersAreItsLocalAndItsDirectoryMembersOnceEach() {
    assertThat(KyodoGroups.membersOf(engine.getIdentityService(), "dept-fukushi").stream().map(User::getId))
        .containsExactly("kimura", "kobayashi", "suzuki", "yamamoto");
    assertThat(KyodoGroups.membersOf(engine.getIdentityService(), "coordinators").stream().map(User::getId))
        .as("the demo's local tanaka was never created: the directory has a tanaka").containsExactly("tanaka");
    assertThat(KyodoGroups.membersOf(engine.getIdentityService(), "managers").stream().map(User::getId)).containsExactly("sato");
    assertThat(KyodoGroups.isMember(engine.getIdentityService(), "suzuki", "dept-fukushi")).isTrue();
    assertThat(KyodoGroups.isMember(engine.getIdentityService(), "suzuki", "dept-kankyo")).isFalse();
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("dept-fukushi").count()).isEqualTo(4);
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("dept-fukushi").orderByUserId().desc()
        .listPage(1, 2).stream().map(User::getId)).containsExactly("suzuki", "kobayashi");
    assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("partners").list().stream().map(User::getId))
        .as("no directory group maps onto partners").doesNotContainAnyElementsOf(DIRECTORY_USERS);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ IN ('tanaka','suzuki','sato')", Long.class))
        .as("no local copy of a directory user").isZero();
  }

  @Test
  void someoneTakenOutOfTheDirectoryGroupLosesTheKyodoGroupAtOnce() throws Exception {
    assertThat(KyodoGroups.isMember(engine.getIdentityService(), "kimura", "dept-fukushi")).isTrue();
    directory.modify(FUKUSHI_KA, new Modification(ModificationType.DELETE, "member", KIMURA_DN));
    try {
      assertThat(KyodoGroups.isMember(engine.getIdentityService(), "kimura", "dept-fukushi")).isFalse();
      assertThat(groupsOf("kimura")).isEmpty();
      assertThat(KyodoGroups.membersOf(engine.getIdentityService(), "dept-fukushi").stream().map(User::getId))
          .doesNotContain("kimura").contains("suzuki");
      Response login = RestClient.webappLoginAnswer(port, ENGINE, "kimura", PASSWORDS.get("kimura"), "tasklist");
      assertThat(login.status()).as("signed in, but no longer a Tasklist user: %s", login.body()).isNotEqualTo(200);
    } finally {
      directory.modify(FUKUSHI_KA, new Modification(ModificationType.ADD, "member", KIMURA_DN));
    }
    assertThat(KyodoGroups.isMember(engine.getIdentityService(), "kimura", "dept-fukushi")).isTrue();
  }

  /** Admin's list of users: both sources, sorted as asked, paged without a gap or a repeat, and counted alike. */
  @Test
  void adminPagesThroughLocalAndDirectoryUsersAlike() {
    long locals = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER", Long.class);
    Response count = local("admin").get(REST + "/user/count");
    assertThat(count.json().path("count").asLong()).isEqualTo(locals + DIRECTORY_USERS.size());

    for (String order : List.of("userId&sortOrder=asc", "userId&sortOrder=desc", "lastName&sortOrder=asc")) {
      List<String> paged = new ArrayList<>();
      for (int first = 0; first < locals + DIRECTORY_USERS.size() + 3; first += 4) {
        Response page = local("admin").get(REST + "/user?sortBy=" + order + "&firstResult=" + first + "&maxResults=4");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().size()).isLessThanOrEqualTo(4);
        page.json().forEach(user -> paged.add(user.path("id").asText()));
      }
      Response all = local("admin").get(REST + "/user?sortBy=" + order);
      List<String> whole = new ArrayList<>();
      all.json().forEach(user -> whole.add(user.path("id").asText()));
      assertThat(paged).as(order).isEqualTo(whole).doesNotHaveDuplicates().hasSize((int) (locals + DIRECTORY_USERS.size()))
          .containsAll(DIRECTORY_USERS).contains("hikari", "admin");
      if (order.startsWith("userId")) {
        List<String> sorted = new ArrayList<>(whole);
        sorted.sort(order.endsWith("desc") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        assertThat(whole).as(order).isEqualTo(sorted);
      }
    }
    Response found = local("admin").get(REST + "/user?lastNameLike=" + enc("%木%"));
    assertThat(found.json().findValuesAsText("id")).as("a search by name reaches the directory too")
        .containsExactlyInAnyOrder("suzuki", "kimura");
    Response injected = local("admin").get(REST + "/user?lastNameLike=" + enc("*)(uid=*"));
    assertThat(injected.status()).isEqualTo(200);
    assertThat(injected.json()).as("a filter in a name is a name").isEmpty();
  }

  @Test
  void aDirectoryUserIsChangedInTheDirectoryNotInKyodo() {
    User suzuki = engine.getIdentityService().createUserQuery().userId("suzuki").singleResult();
    suzuki.setEmail("someone-else@example.org");
    assertThatThrownBy(() -> engine.getIdentityService().saveUser(suzuki)).hasMessageContaining("ディレクトリで変更してください");
    User copy = engine.getIdentityService().newUser("tanaka");
    copy.setPassword("Tanaka-Local-2026!");
    assertThatThrownBy(() -> engine.getIdentityService().saveUser(copy)).hasMessageContaining("利用者ID「tanaka」");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ IN ('tanaka','suzuki')", Long.class)).isZero();

    Response profile = local("admin").send("PUT", REST + "/user/suzuki/profile", "application/json",
        "{\"id\":\"suzuki\",\"firstName\":\"x\",\"lastName\":\"y\",\"email\":\"x@example.org\"}");
    assertThat(profile.status()).as(profile.body()).isBetween(400, 499);
    assertThat(profile.body()).doesNotContain("at org.", "jp.kyodo");
    assertThat(engine.getIdentityService().createUserQuery().userId("suzuki").singleResult().getEmail())
        .isEqualTo("suzuki@city.example.jp");
  }

  // ---------------------------------------------------------------- self-registration

  @Test
  void aPartnerRegistersALocalAccountButCannotTakeAStaffMembersId() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Response taken = apply("kimura", suffix);
    assertThat(taken.status()).as(taken.body()).isEqualTo(400);
    assertThat(taken.body()).contains("このログインIDは使えません").doesNotContain("Exception");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_registration_request WHERE login_id = 'kimura'", Long.class))
        .isZero();

    String loginId = "r" + suffix;
    Response applied = apply(loginId, suffix);
    assertThat(applied.status()).as(applied.body()).isEqualTo(202);
    String requestId = jdbc.queryForObject("SELECT id FROM kyodo_registration_request WHERE login_id = ?", String.class,
        loginId);
    String confirm = link("registration-confirm:" + requestId);
    assertThat(RestClient.basic(port, null).post("/public/api/registrations/confirm", Map.of("token", confirm)).status())
        .isEqualTo(200);
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("registration:" + requestId).singleResult().getId();
    Response review = staff("tanaka").get(REST + "/task?processInstanceId=" + instance);
    assertThat(review.json()).as("the office's review reaches the directory's tanaka").hasSize(1);
    Response decided = staff("tanaka").post(REST + "/task/" + review.json().get(0).path("id").asText() + "/submit-form",
        RestClient.variables(Map.of("registrationDecision", "REGISTER", "registrationReason", "活動実績を確認しました")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);
    String password = "Kawasemi#2027river";
    Response set = RestClient.basic(port, null).post("/public/api/password",
        Map.of("token", link("set-password:registration:" + requestId), "password", password));
    assertThat(set.status()).as(set.body()).isEqualTo(200);

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ?", Long.class, loginId))
        .as("a local account").isEqualTo(1);
    assertThat(RestClient.webappLoginAnswer(port, ENGINE, loginId, password, "tasklist").status()).isEqualTo(200);
    assertThat(groupsOf(loginId)).contains("partners").anyMatch(group -> group.startsWith("org-"));
  }

  Response apply(String loginId, String suffix) {
    RestClient anonymous = RestClient.basic(port, null);
    String token = anonymous.get("/public/api/registrations/form").json().path("formToken").asText();
    clock = clock.plus(Duration.ofSeconds(8));
    ClockUtil.setCurrentTime(Date.from(clock));
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("organisationName", "かわせみ清掃隊" + suffix);
    application.put("organisationType", "VOLUNTEER_GROUP");
    application.put("representative", "青空 広志");
    application.put("contactEmail", "office-" + suffix + "@example.jp");
    application.put("contactPhone", "0120-000-003");
    application.put("address", "旭川市1条通");
    application.put("activityFields", List.of("ENVIRONMENT", "COMMUNITY"));
    application.put("activityRecord", "河川敷の清掃を年4回");
    application.put("financialState", "会費と寄付で運営");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("formToken", token);
    body.put("website", "");
    body.put("account", Map.of("loginId", loginId, "lastName", "青空", "firstName", "広志",
        "email", "rep-" + suffix + "@example.jp"));
    body.put("application", application);
    return anonymous.post("/public/api/registrations", body);
  }

  String link(String noticeKey) {
    String link = jdbc.queryForObject("SELECT link FROM kyodo_mail_outbox WHERE notice_key = ?", String.class, noticeKey);
    return link.substring(link.indexOf("#token=") + 7);
  }

  static String enc(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
