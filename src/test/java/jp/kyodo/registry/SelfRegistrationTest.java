package jp.kyodo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 団体登録 from the public page and an organisation managing its members, through HTTP on the running application:
 * one method per path and per refusal, each refusal checked to have changed nothing (docs/registry.md).
 */
@RunningApplication
class SelfRegistrationTest {

  static final String ENGINE = "default";
  static final String REST = "/engine-rest";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STRONG = "Kawasemi#2027river";

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
    clientLimit.clear();
    clock = Instant.now();
    ClockUtil.setCurrentTime(Date.from(clock));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  void later(Duration duration) {
    clock = clock.plus(duration);
    ClockUtil.setCurrentTime(Date.from(clock));
  }

  RestClient anonymous() {
    return RestClient.basic(port, null);
  }

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** A complete, valid application for a new group; the account holder's address and login id are unique. */
  static Map<String, Object> application(String suffix) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("organisationName", "かわせみ清掃隊" + suffix);
    values.put("organisationType", "VOLUNTEER_GROUP");
    values.put("representative", "青空 広志");
    values.put("contactEmail", "office-" + suffix + "@example.jp");
    values.put("contactPhone", "0120-000-003");
    values.put("address", "旭川市1条通");
    values.put("activityFields", List.of("ENVIRONMENT", "COMMUNITY"));
    values.put("activityRecord", "河川敷の清掃を年4回");
    values.put("financialState", "会費と寄付で運営");
    return values;
  }

  static Map<String, Object> account(String loginId, String email) {
    return new LinkedHashMap<>(Map.of("loginId", loginId, "lastName", "青空", "firstName", "広志", "email", email));
  }

  String formToken() {
    Response form = anonymous().get("/public/api/registrations/form");
    assertThat(form.status()).isEqualTo(200);
    return form.json().path("formToken").asText();
  }

  Map<String, Object> body(String formToken, Map<String, Object> account, Map<String, Object> application) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("formToken", formToken);
    body.put("website", "");
    body.put("account", account);
    body.put("application", application);
    return body;
  }

  /** Posts an application as a person would: reads the form, takes a few seconds, sends it. */
  Response apply(Map<String, Object> account, Map<String, Object> application) {
    String token = formToken();
    later(Duration.ofSeconds(8));
    return anonymous().post("/public/api/registrations", body(token, account, application));
  }

  record Applied(String suffix, String loginId, String email, String requestId, String confirmToken) {}

  Applied applied() {
    String suffix = unique();
    String loginId = "r" + suffix;
    String email = "rep-" + suffix + "@example.jp";
    Response response = apply(account(loginId, email), application(suffix));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
    String requestId = jdbc.queryForObject("SELECT id FROM kyodo_registration_request WHERE login_id = ?", String.class, loginId);
    String link = outboxLink("registration-confirm:" + requestId);
    assertThat(link).startsWith("/public/confirm.html#token=");
    return new Applied(suffix, loginId, email, requestId, link.substring(link.indexOf("#token=") + 7));
  }

  String outboxLink(String key) {
    return jdbc.queryForObject("SELECT link FROM kyodo_mail_outbox WHERE notice_key = ?", String.class, key);
  }

  Response confirm(String token) {
    return anonymous().post("/public/api/registrations/confirm", Map.of("token", token));
  }

  ProcessInstance instanceOf(Applied applied) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(RegistrationRequests.BUSINESS_KEY_PREFIX + applied.requestId()).singleResult();
  }

  String organisationOf(Applied applied) {
    return jdbc.queryForObject("SELECT id FROM kyodo_organisation WHERE name = ?", String.class,
        "かわせみ清掃隊" + applied.suffix());
  }

  void decide(Applied applied, String decision, String reason) {
    String instance = instanceOf(applied).getId();
    Response tasks = RestClient.basic(port, "tanaka").get(REST + "/task?processInstanceId=" + instance
        + "&taskDefinitionKey=" + RegistrationProcess.Elements.REVIEW);
    assertThat(tasks.json()).as("the office's review in Tasklist").hasSize(1);
    Response done = RestClient.basic(port, "tanaka").post(REST + "/task/" + tasks.json().get(0).path("id").asText()
        + "/submit-form", RestClient.variables(Map.of("registrationDecision", decision, "registrationReason", reason)));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  record Member(String organisationId, String loginId, String password) {}

  /** A group registered through the public page whose representative has set a password. */
  Member registered() {
    Applied applied = applied();
    assertThat(confirm(applied.confirmToken()).status()).isEqualTo(200);
    decide(applied, "REGISTER", "活動実績を確認しました");
    String link = outboxLink("set-password:registration:" + applied.requestId());
    Response set = anonymous().post("/public/api/password", Map.of("token", link.substring(link.indexOf("#token=") + 7),
        "password", STRONG));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    return new Member(organisationOf(applied), applied.loginId(), STRONG);
  }

  RestClient session(Member member) {
    return RestClient.webappSession(port, ENGINE, member.loginId(), member.password(), "tasklist");
  }

  /** What an application may change: every table a refusal must leave alone. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("kyodo_registration_request", "kyodo_mail_outbox", "kyodo_organisation",
        "kyodo_organisation_member", "kyodo_account_token", "kyodo_member_change")) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    counts.put("users", engine.getIdentityService().createUserQuery().count());
    counts.put("memberships", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP", Long.class));
    counts.put("instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    counts.put("confirmed", jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_registration_request WHERE status <> 'PENDING'",
        Long.class));
    counts.put("usedTokens", jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_account_token WHERE used_at IS NOT NULL",
        Long.class));
    return counts;
  }

  void refused(Response response, int status, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("message").asText()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "jp.kyodo", "SELECT", "at org.");
  }

  // ---------------------------------------------------------------- apply and confirm

  @Test
  void applyingCreatesNothingButThePendingRequestAndTheQueuedMail() {
    Map<String, Long> before = counts();
    Applied applied = applied();
    Map<String, Long> after = counts();
    assertThat(after.get("kyodo_registration_request")).isEqualTo(before.get("kyodo_registration_request") + 1);
    assertThat(after.get("kyodo_mail_outbox")).isEqualTo(before.get("kyodo_mail_outbox") + 1);
    for (String unchanged : List.of("kyodo_organisation", "kyodo_organisation_member", "users", "memberships", "instances")) {
      assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
    }
    Map<String, Object> mail = jdbc.queryForMap("SELECT address, kind, user_id, status FROM kyodo_mail_outbox"
        + " WHERE notice_key = ?", "registration-confirm:" + applied.requestId());
    assertThat(mail).containsEntry("ADDRESS", applied.email()).containsEntry("KIND", "ACCOUNT").containsEntry("STATUS", "PENDING");
    assertThat(mail.get("USER_ID")).isNull();
    String stored = jdbc.queryForObject("SELECT token_hash FROM kyodo_registration_request WHERE id = ?", String.class,
        applied.requestId());
    assertThat(stored).as("only the token's hash is stored").isEqualTo(Secrets.hash(applied.confirmToken()))
        .isNotEqualTo(applied.confirmToken());
  }

  @Test
  void confirmingStartsTheRegistrationAndRecordsTheOrganisationAsApplied() {
    Applied applied = applied();
    long users = engine.getIdentityService().createUserQuery().count();
    Response response = confirm(applied.confirmToken());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    ProcessInstance instance = instanceOf(applied);
    assertThat(instance).as("the registration process, started for the request").isNotNull();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(RegistrationProcess.Elements.REVIEW).taskCandidateGroup(KyodoGroups.COORDINATORS).count())
        .isEqualTo(1);
    // The review shows who will log in: the office decides knowing the account it creates.
    String review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(RegistrationProcess.Elements.REVIEW).singleResult().getId();
    assertThat(String.valueOf(engine.getFormService().getTaskFormVariables(review,
        java.util.List.of(RegistrationProcess.APPLICANT_ACCOUNT.name()), true)
        .getValue(RegistrationProcess.APPLICANT_ACCOUNT.name(), Object.class)))
        .contains("ログインID " + applied.loginId(), applied.email());
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_organisation WHERE id = ?", String.class,
        organisationOf(applied))).isEqualTo("APPLIED");
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_registration_request WHERE id = ?", String.class,
        applied.requestId())).isEqualTo("CONFIRMED");
    assertThat(engine.getIdentityService().createUserQuery().count()).as("no user before the office decides").isEqualTo(users);
    Response applicant = RestClient.basic(port, "tanaka").get("/api/organisations/" + organisationOf(applied) + "/applicant");
    assertThat(applicant.status()).as(applicant.body()).isEqualTo(200);
    assertThat(applicant.json().path("loginId").asText()).isEqualTo(applied.loginId());
    assertThat(applicant.json().path("email").asText()).isEqualTo(applied.email());
    assertThat(RestClient.basic(port, "hikari").get("/api/organisations/" + organisationOf(applied) + "/applicant")
        .status()).isIn(403, 404);
  }

  @Test
  void openingTheConfirmationLinkChangesNothingUntilTheButtonIsPressed() {
    Applied applied = applied();
    Map<String, Long> before = counts();
    Response page = anonymous().get("/public/confirm.html?token=" + applied.confirmToken());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("申請を確定する", "confirm.js");
    assertThat(counts()).as("a link scanner's GET confirms nothing").isEqualTo(before);
    for (String path : List.of("/public/register.html", "/public/register.js", "/public/password.html",
        "/public/password.js", "/public/account.js", "/public/account.css", "/account/organisation.html",
        "/account/organisation.js")) {
      assertThat(anonymous().get(path).status()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aConfirmationLinkUsedTwiceIsRefused() {
    Applied applied = applied();
    assertThat(confirm(applied.confirmToken()).status()).isEqualTo(200);
    Map<String, Long> before = counts();
    refused(confirm(applied.confirmToken()), 400, "この確認リンクは使えません");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anExpiredConfirmationLinkIsRefused() {
    Applied applied = applied();
    later(Duration.ofHours(25));
    Map<String, Long> before = counts();
    refused(confirm(applied.confirmToken()), 400, "有効期限（24時間）");
    assertThat(counts()).isEqualTo(before);
    assertThat(instanceOf(applied)).isNull();
  }

  @Test
  void aForgedConfirmationLinkIsRefused() {
    applied();
    Map<String, Long> before = counts();
    refused(confirm(Secrets.newToken()), 400, "この確認リンクは使えません");
    refused(confirm(""), 400, "この確認リンクは使えません");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void expiredUnconfirmedRequestsArePurgedWhenTheNextIsWritten() {
    Applied old = applied();
    later(Duration.ofHours(25));
    applied();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_registration_request WHERE id = ?", Integer.class,
        old.requestId())).isZero();
  }

  // ---------------------------------------------------------------- abuse protection

  @Test
  void aFormPostedAtOnceIsRefused() {
    String suffix = unique();
    Map<String, Long> before = counts();
    String token = formToken();
    refused(anonymous().post("/public/api/registrations", body(token, account("r" + suffix, suffix + "@example.jp"),
        application(suffix))), 400, "送信が早すぎます");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anOldFormTokenIsRefused() {
    String suffix = unique();
    Map<String, Long> before = counts();
    String token = formToken();
    later(Duration.ofMinutes(61));
    refused(anonymous().post("/public/api/registrations", body(token, account("r" + suffix, suffix + "@example.jp"),
        application(suffix))), 400, "1時間を過ぎました");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aForgedFormTokenIsRefused() {
    String suffix = unique();
    Map<String, Long> before = counts();
    String token = formToken();
    later(Duration.ofSeconds(8));
    String[] parts = token.split("\\.");
    String backdated = (Long.parseLong(parts[0]) - 60_000) + "." + parts[1] + "." + parts[2];
    refused(anonymous().post("/public/api/registrations", body(backdated, account("r" + suffix, suffix + "@example.jp"),
        application(suffix))), 400, "確認情報が正しくありません");
    refused(anonymous().post("/public/api/registrations", body(null, account("r" + suffix, suffix + "@example.jp"),
        application(suffix))), 400, "フォームを読み込み直して");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theHoneypotFilledIsRefused() {
    String suffix = unique();
    Map<String, Long> before = counts();
    String token = formToken();
    later(Duration.ofSeconds(8));
    Map<String, Object> body = body(token, account("r" + suffix, suffix + "@example.jp"), application(suffix));
    body.put("website", "http://spam.example");
    refused(anonymous().post("/public/api/registrations", body), 400, "入力欄だけを入力して");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aFourthRequestForOneAddressWithinADayIsRefused() {
    String email = "same-" + unique() + "@example.jp";
    for (int i = 0; i < 3; i++) {
      String suffix = unique();
      assertThat(apply(account("r" + suffix, email), application(suffix)).status()).isEqualTo(202);
    }
    String suffix = unique();
    Map<String, Long> before = counts();
    refused(apply(account("r" + suffix, email.toUpperCase()), application(suffix)), 429, "24時間に3回まで");
    assertThat(counts()).isEqualTo(before);
    later(Duration.ofHours(25));
    assertThat(apply(account("r" + suffix, email), application(suffix)).status()).as("a day later").isEqualTo(202);
  }

  @Test
  void tooManyPostsFromOneClientAreRefused() {
    for (int i = 0; i < clientLimit.perHour(); i++) {
      assertThat(anonymous().post("/public/api/registrations", Map.of()).status()).isEqualTo(400);
    }
    String suffix = unique();
    Map<String, Long> before = counts();
    refused(apply(account("r" + suffix, suffix + "@example.jp"), application(suffix)), 429, "この端末からの送信が多すぎます");
    refused(confirm(Secrets.newToken()), 429, "この端末からの送信が多すぎます");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aOneMegabyteBodyIsRefused() {
    String suffix = unique();
    Map<String, Long> before = counts();
    Map<String, Object> application = application(suffix);
    application.put("activityRecord", "あ".repeat(1_000_000));
    refused(apply(account("r" + suffix, suffix + "@example.jp"), application), 413, "大きすぎます");
    refused(anonymous().post("/public/api/password", Map.of("token", "x".repeat(1_000_000), "password", "x")), 413,
        "大きすぎます");
    assertThat(counts()).isEqualTo(before);
  }

  /** Each rule of the registration-application form, refused on the public page with the form's own message. */
  static Stream<Arguments> badFields() {
    return Stream.of(
        Arguments.of("organisationName", null, "「団体名」を入力してください。"),
        Arguments.of("organisationName", "あ".repeat(201), "「団体名」は200文字以内"),
        Arguments.of("organisationType", "SECRET_SOCIETY", "「団体の種類」に「SECRET_SOCIETY」という選択肢はありません"),
        Arguments.of("representative", "<script>alert(1)</script>", "「代表者名」に HTML のタグ"),
        Arguments.of("contactEmail", "not-an-address", "「連絡先メールアドレス」は name@example.jp の形で"),
        Arguments.of("contactPhone", "〇一二〇", "「連絡先電話番号」は半角数字とハイフンで"),
        Arguments.of("address", "旭川\u0000市", "「所在地」に使えない制御文字"),
        Arguments.of("activityFields", List.of(), "「活動分野」を入力してください。"),
        Arguments.of("activityFields", List.of("WEAPONS"), "「活動分野」に「WEAPONS」という選択肢はありません"),
        Arguments.of("activityRecord", "あ".repeat(4001), "「活動実績」は4000文字以内"),
        Arguments.of("financialState", 42, "「財務の状況」は文字で入力してください。"),
        Arguments.of("applicant", "hikari", "「applicant」はこのフォームの項目ではない"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("badFields")
  void aFieldAgainstARuleOfTheFormIsRefusedWithTheFormsMessage(String field, Object value, String message) {
    String suffix = unique();
    Map<String, Object> application = application(suffix);
    application.put(field, value);
    Map<String, Long> before = counts();
    refused(apply(account("r" + suffix, suffix + "@example.jp"), application), 400, message);
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theAccountHoldersFieldsAreChecked() {
    String suffix = unique();
    Map<String, Long> before = counts();
    refused(apply(account("R" + suffix, suffix + "@example.jp"), application(suffix)), 400, "「ログインID」は半角の英小文字か数字で始め");
    refused(apply(account("ab", suffix + "@example.jp"), application(suffix)), 400, "3〜32文字");
    refused(apply(account("r" + suffix, "nobody"), application(suffix)), 400, "「メールアドレス」は name@example.jp");
    Map<String, Object> nameless = account("r" + suffix, suffix + "@example.jp");
    nameless.put("lastName", " ");
    refused(apply(nameless, application(suffix)), 400, "「姓」を入力してください。");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aLoginIdTakenReservedOrAskedForIsRefusedAlike() {
    Applied pending = applied();
    Map<String, Long> before = counts();
    for (String taken : List.of("hikari", "admin", "coordinators", "org-hikari", "dept-fukushi", pending.loginId())) {
      String suffix = unique();
      refused(apply(account(taken, suffix + "@example.jp"), application(suffix)), 400,
          "このログインIDは使えません。別のログインIDを選んでください。");
    }
    assertThat(counts()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- the office's decision and the password

  @Test
  void theOfficeApprovesAndTheRepresentativesUserAndGroupAreCreated() {
    Applied applied = applied();
    confirm(applied.confirmToken());
    decide(applied, "REGISTER", "活動実績を確認しました");
    String organisation = organisationOf(applied);
    User user = engine.getIdentityService().createUserQuery().userId(applied.loginId()).singleResult();
    assertThat(user).isNotNull();
    assertThat(user.getLastName()).isEqualTo("青空");
    assertThat(user.getFirstName()).isEqualTo("広志");
    assertThat(user.getEmail()).isEqualTo(applied.email());
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(applied.loginId()).list())
        .extracting(g -> g.getId()).containsExactlyInAnyOrder(KyodoGroups.PARTNERS, organisation);
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_organisation WHERE id = ?", String.class, organisation))
        .isEqualTo("REGISTERED");
    assertThat(jdbc.queryForList("SELECT user_id FROM kyodo_organisation_member WHERE organisation_id = ?", String.class,
        organisation)).containsExactly(applied.loginId());
    Map<String, Object> result = jdbc.queryForMap("SELECT kind, address FROM kyodo_mail_outbox WHERE notice_key = ?",
        "registration-result:" + applied.requestId());
    assertThat(result).containsEntry("KIND", "REGISTRATION_RESULT").containsEntry("ADDRESS", applied.email());
    Map<String, Object> setPassword = jdbc.queryForMap("SELECT kind, user_id, link FROM kyodo_mail_outbox WHERE notice_key = ?",
        "set-password:registration:" + applied.requestId());
    assertThat(setPassword).containsEntry("KIND", "ACCOUNT").containsEntry("USER_ID", applied.loginId());
    assertThat((String) setPassword.get("LINK")).startsWith("/public/password.html#token=");
    assertThat(engine.getIdentityService().checkPassword(applied.loginId(), applied.loginId())).isFalse();
  }

  @Test
  void theRepresentativeSetsAPasswordThroughTheLinkUnderThePasswordPolicy() {
    Applied applied = applied();
    confirm(applied.confirmToken());
    decide(applied, "REGISTER", "活動実績を確認しました");
    String link = outboxLink("set-password:registration:" + applied.requestId());
    String token = link.substring(link.indexOf("#token=") + 7);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setEnablePasswordPolicy(true);
    configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    try {
      Map<String, Long> before = counts();
      refused(anonymous().post("/public/api/password", Map.of("token", token, "password", "password")), 400,
          "10文字以上");
      refused(anonymous().post("/public/api/password", Map.of("token", token, "password", applied.loginId() + "#A1x")), 400,
          "ログインIDや氏名");
      assertThat(counts()).isEqualTo(before);
      Response set = anonymous().post("/public/api/password", Map.of("token", token, "password", STRONG));
      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(engine.getIdentityService().checkPassword(applied.loginId(), STRONG)).isTrue();
      refused(anonymous().post("/public/api/password", Map.of("token", token, "password", STRONG + "2")), 400,
          "このリンクは使えません");
      assertThat(engine.getIdentityService().checkPassword(applied.loginId(), STRONG)).isTrue();
    } finally {
      configuration.setEnablePasswordPolicy(false);
      configuration.setPasswordPolicy(null);
    }
  }

  @Test
  void anExpiredPasswordLinkIsRefused() {
    Applied applied = applied();
    confirm(applied.confirmToken());
    decide(applied, "REGISTER", "活動実績を確認しました");
    String link = outboxLink("set-password:registration:" + applied.requestId());
    later(Duration.ofHours(73));
    Map<String, Long> before = counts();
    refused(anonymous().post("/public/api/password", Map.of("token", link.substring(link.indexOf("#token=") + 7),
        "password", STRONG)), 400, "このリンクは使えません");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void theOfficeRefusesAndTheReasonIsMailed() {
    Applied applied = applied();
    confirm(applied.confirmToken());
    long users = engine.getIdentityService().createUserQuery().count();
    decide(applied, "REFUSE", "活動の実態が確認できないため");
    Map<String, Object> mail = jdbc.queryForMap("SELECT kind, address, body FROM kyodo_mail_outbox WHERE notice_key = ?",
        "registration-result:" + applied.requestId());
    assertThat(mail).containsEntry("KIND", "REGISTRATION_RESULT").containsEntry("ADDRESS", applied.email());
    assertThat((String) mail.get("BODY")).contains("登録しないこととしました", "活動の実態が確認できないため");
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_organisation WHERE id = ?", String.class,
        organisationOf(applied))).isEqualTo("REFUSED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_mail_outbox WHERE notice_key = ?", Integer.class,
        "set-password:registration:" + applied.requestId())).isZero();
  }

  // ---------------------------------------------------------------- members

  Map<String, Object> invitation(String loginId) {
    return Map.of("loginId", loginId, "lastName", "川辺", "firstName", "みどり", "email", loginId + "@example.jp");
  }

  @Test
  void aMemberInvitesAnotherRepresentativeWhoAcceptsThroughTheLink() {
    Member member = registered();
    RestClient session = session(member);
    JsonNode mine = session.get("/account/api/organisation").json();
    assertThat(mine.path("organisations").get(0).path("id").asText()).isEqualTo(member.organisationId());
    assertThat(mine.path("csrfToken").asText()).isNotEmpty();
    String invited = "i" + unique();
    Response response = session.post("/account/api/organisation/" + member.organisationId() + "/members", invitation(invited));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(invited).list()).extracting(g -> g.getId())
        .containsExactlyInAnyOrder(KyodoGroups.PARTNERS, member.organisationId());
    String link = outboxLink("invitation:" + member.organisationId() + ":" + invited);
    assertThat(link).startsWith("/public/password.html#token=");
    Response accepted = anonymous().post("/public/api/password", Map.of("token", link.substring(link.indexOf("#token=") + 7),
        "password", STRONG));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(RestClient.webappSession(port, ENGINE, invited, STRONG, "tasklist").get("/account/api/organisation").json()
        .path("organisations").get(0).path("members")).extracting(m -> m.path("id").asText())
        .containsExactlyInAnyOrder(member.loginId(), invited);
  }

  @Test
  void aMemberRemovesAnotherWhoLosesTheOrganisationsGroup() {
    Member member = registered();
    RestClient session = session(member);
    String invited = "i" + unique();
    assertThat(session.post("/account/api/organisation/" + member.organisationId() + "/members", invitation(invited))
        .status()).isEqualTo(201);
    String link = outboxLink("invitation:" + member.organisationId() + ":" + invited);
    Response removed = session.send("DELETE", "/account/api/organisation/" + member.organisationId() + "/members/" + invited,
        null, null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(invited).groupId(member.organisationId()).count())
        .isZero();
    assertThat(jdbc.queryForList("SELECT user_id FROM kyodo_organisation_member WHERE organisation_id = ?", String.class,
        member.organisationId())).containsExactly(member.loginId());
    refused(anonymous().post("/public/api/password", Map.of("token", link.substring(link.indexOf("#token=") + 7),
        "password", STRONG)), 400, "このリンクは使えません");
  }

  @Test
  void theLastMemberCannotBeRemoved() {
    Member member = registered();
    Map<String, Long> before = counts();
    refused(session(member).send("DELETE", "/account/api/organisation/" + member.organisationId() + "/members/"
        + member.loginId(), null, null), 409, "最後のメンバーは外せません");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anotherOrganisationsMemberIsRefused() {
    Member member = registered();
    RestClient hikari = RestClient.tasklistSession(port, ENGINE, "hikari");
    Map<String, Long> before = counts();
    refused(hikari.post("/account/api/organisation/" + member.organisationId() + "/members", invitation("i" + unique())),
        403, "この団体のメンバーではない");
    refused(hikari.send("DELETE", "/account/api/organisation/" + member.organisationId() + "/members/" + member.loginId(),
        null, null), 403, "この団体のメンバーではない");
    refused(session(member).send("DELETE", "/account/api/organisation/org-hikari/members/hikari", null, null), 403,
        "この団体のメンバーではない");
    refused(session(member).post("/account/api/organisation/org-nosuch/members", invitation("i" + unique())), 403,
        "この団体のメンバーではない");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aWriteWithoutTheCsrfTokenIsRefused() throws Exception {
    Member member = registered();
    RestClient session = session(member);
    Map<String, Long> before = counts();
    refused(session.sendForged("POST", "/account/api/organisation/" + member.organisationId() + "/members",
        "application/json", JSON.writeValueAsString(invitation("i" + unique())), null), 403, "ページを読み込み直して");
    refused(session.sendForged("DELETE", "/account/api/organisation/" + member.organisationId() + "/members/"
        + member.loginId(), null, null, null), 403, "ページを読み込み直して");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void withoutALoginTheMembersPageAnswers401() {
    refused(anonymous().get("/account/api/organisation"), 401, "ログインしてから");
    refused(anonymous().post("/account/api/organisation/org-hikari/members", invitation("i" + unique())), 401,
        "ログインしてから");
  }

  @Test
  void theOfficeSeesEveryMemberChange() {
    Member member = registered();
    RestClient session = session(member);
    String invited = "i" + unique();
    session.post("/account/api/organisation/" + member.organisationId() + "/members", invitation(invited));
    session.send("DELETE", "/account/api/organisation/" + member.organisationId() + "/members/" + invited, null, null);
    Response log = RestClient.basic(port, "tanaka").get("/api/organisations/" + member.organisationId() + "/member-changes");
    assertThat(log.status()).as(log.body()).isEqualTo(200);
    assertThat(log.json()).extracting(c -> c.path("action").asText() + " " + c.path("memberId").asText() + " by "
        + c.path("actedBy").asText()).containsExactly("REGISTERED " + member.loginId() + " by tanaka",
        "INVITED " + invited + " by " + member.loginId(), "REMOVED " + invited + " by " + member.loginId());
    refused(RestClient.basic(port, "hikari").get("/api/organisations/" + member.organisationId() + "/member-changes"), 403,
        "市民協働課と管理者");
    refused(RestClient.basic(port, "suzuki").get("/api/organisations/" + member.organisationId() + "/member-changes"), 403,
        "市民協働課と管理者");
  }
}
