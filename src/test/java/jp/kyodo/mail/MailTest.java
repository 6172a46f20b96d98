package jp.kyodo.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.mail.MailPreferences.Choice;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail on a real SMTP server (GreenMail, started by the test; the application's JavaMailSender pointed at its port,
 * kyodo.mail.enabled on): who is told what, the preferences and the digest, retries while the server is down, two
 * senders at once, the due-date scan, the settings page's API with its CSRF protection and the office's delivery log.
 * The shared application context of {@link RunningApplication}; its scheduler is off, so the test runs the sender.
 */
@RunningApplication
class MailTest {

  static final String ENGINE = "default";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withPerMethodLifecycle(false);

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  Outbox outbox;

  @Autowired
  OutboxSender sender;

  @Autowired
  TaskDueScan dueScan;

  @Autowired
  JavaMailSenderImpl mailSender;

  @Autowired
  MailSettings settings;

  @Autowired
  AgreementRepository agreements;

  AppFixtures fixtures;

  @BeforeEach
  void smtpUpAndNothingDue() throws Exception {
    fixtures = new AppFixtures(port, engine, agreements);
    serverUp();
    // Whatever earlier tests of the shared context queued goes out now, so that each test sees only its own mail.
    at(Instant.now().plus(Duration.ofDays(3)));
    sender.sendDue();
    ClockUtil.reset();
    SMTP.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClockAndChoices() {
    ClockUtil.reset();
    serverUp();
    jdbc.update("DELETE FROM kyodo_mail_preference");
  }

  @Test
  void aTaskOfferedToYourGroupIsMailedOnceWithItsJapaneseSubjectAndAbsoluteLink() throws Exception {
    outbox.preferences().save("tanaka", Map.of(NoticeKind.TASK_ASSIGNED, Choice.IMMEDIATE));
    String lifecycle = startProposal("メール：すぐに届く");
    String task = fixtures.task(lifecycle, "AssignDepartment");

    sender.sendDue();
    sender.sendDue();

    List<MimeMessage> mails = mailsAbout("tanaka@city.example.jp", task);
    assertThat(mails).as("one mail, however often the sender runs").hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("【Kyodo】作業が届きました：提案を受け付け担当課を決める");
    String text = text(mail);
    assertThat(text).contains("田中 花子 様", "あなたのグループに次の作業が届きました。",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + task,
        "通知の受け取り方", "http://localhost:8080/account/");
    Map<String, Object> row = row("task-offered:" + task + ":tanaka");
    assertThat(row.get("STATUS")).isEqualTo("SENT");
    assertThat(row.get("SENT_AT")).isNotNull();
    assertThat(mail.getMessageID()).as("the Message-ID comes from the row").isEqualTo(row.get("MESSAGE_ID"))
        .isEqualTo("<kyodo-outbox-" + row.get("ID") + "@localhost>");
    assertThat(mailsAbout("hikari@example.org", task)).as("the proposer, who started it, is not told").isEmpty();
  }

  @Test
  void anAssigneeSetLaterIsToldButNotWhoClaimedTheTaskThemselves() throws Exception {
    outbox.preferences().save("tanaka", Map.of(NoticeKind.TASK_ASSIGNED, Choice.IMMEDIATE));
    String lifecycle = startProposal("メール：割り当て");
    fixtures.submit("tanaka", lifecycle, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
    String checkSheet = fixtures.task(lifecycle, "FillCheckSheet");

    // The office hands the task to yamamoto: she is told; suzuki claims the next one himself: he is not.
    Response assigned = RestClient.basic(port, "tanaka").post("/engine-rest/task/" + checkSheet + "/assignee",
        Map.of("userId", "yamamoto"));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
    assertThat(row("task-assigned:" + checkSheet + ":yamamoto")).containsEntry("KIND", "TASK_ASSIGNED")
        .containsEntry("SUBJECT", "作業が割り当てられました：適格性と協働チェックシートを記入する");
    Response claimed = RestClient.basic(port, "yamamoto").post("/engine-rest/task/" + checkSheet + "/unclaim", Map.of());
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    claimed = RestClient.basic(port, "suzuki").post("/engine-rest/task/" + checkSheet + "/claim", Map.of("userId", "suzuki"));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    assertThat(outbox.queuedAt("task-assigned:" + checkSheet + ":suzuki")).as("he took it himself").isNull();
  }

  @Test
  void withMailOffTheMailIsWrittenToTheLogAndTheRowMarkedLogged() throws Exception {
    var off = new MailSettings(false, "noreply@kyodo.example.jp", "http://localhost:8080", 10, "PT1M", "PT1H", "PT5M", 50);
    var logOnly = new OutboxSender(jdbc, new org.springframework.beans.factory.support.StaticListableBeanFactory()
        .getBeanProvider(org.springframework.mail.javamail.JavaMailSender.class), off);
    outbox.enqueue(new Notice("test-logged:1", "midori", "midori@example.org", NoticeKind.TASK_DUE_SOON, true,
        "ログだけ", "送信はオフ", "/account/"));
    assertThat(logOnly.sendDue().logged()).isEqualTo(1);
    assertThat(row("test-logged:1")).containsEntry("STATUS", "LOGGED");
    assertThat(((String) row("test-logged:1").get("MESSAGE_ID"))).startsWith("<kyodo-outbox-");
    assertThat(mailsTo("midori@example.org")).isEmpty();
  }

  @Test
  void theDailyDigestCarriesTwoTasksInOneMailAtTheDigestHourAndOffSkips() throws Exception {
    outbox.preferences().save("yamamoto", Map.of(NoticeKind.TASK_ASSIGNED, Choice.OFF));
    List<String> tasks = new ArrayList<>();
    for (String title : List.of("メール：まとめ1", "メール：まとめ2")) {
      String lifecycle = startProposal(title);
      fixtures.submit("tanaka", lifecycle, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
      tasks.add(fixtures.task(lifecycle, "FillCheckSheet"));
    }
    for (String task : tasks) {
      assertThat(row("task-offered:" + task + ":suzuki")).containsEntry("STATUS", "PENDING").containsEntry("DIGEST", true);
      assertThat(row("task-offered:" + task + ":yamamoto")).as("turned off: kept, never sent")
          .containsEntry("STATUS", "SKIPPED");
    }
    assertThat(outbox.queuedAt("task-offered:" + tasks.get(0) + ":tanaka")).as("tanaka assigned it: not told").isNull();

    sender.sendDue();
    assertThat(mailsTo("suzuki@city.example.jp")).as("before the digest hour").isEmpty();

    Instant digestHour = outbox.nextDigest(ClockUtil.now().toInstant());
    assertThat(digestHour.atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 0));
    at(digestHour.plusSeconds(60));
    sender.sendDue();
    sender.sendDue();

    List<MimeMessage> digest = mailsTo("suzuki@city.example.jp");
    assertThat(digest).as("one mail per person per day").hasSize(1);
    assertThat(digest.get(0).getSubject()).startsWith("【Kyodo】お知らせのまとめ（");
    assertThat(text(digest.get(0))).contains("鈴木 一郎 様", "適格性と協働チェックシートを記入する",
        "?task=" + tasks.get(0), "?task=" + tasks.get(1), "http://localhost:8080/account/");
    for (String task : tasks) {
      assertThat(row("task-offered:" + task + ":suzuki")).containsEntry("STATUS", "SENT")
          .containsEntry("MESSAGE_ID", digest.get(0).getMessageID());
    }
    assertThat(mailsTo("kobayashi@city.example.jp")).hasSize(1);
    assertThat(mailsTo("yamamoto@city.example.jp")).as("OFF").isEmpty();
  }

  @Test
  void anUrgentNoticeBypassesTheDigestAndAccountMailIsAlwaysImmediate() throws Exception {
    outbox.preferences().save("suzuki", Map.of(NoticeKind.TASK_ASSIGNED, Choice.DIGEST));
    outbox.enqueue(new Notice("test-urgent:1", "suzuki", "suzuki@city.example.jp", NoticeKind.TASK_ASSIGNED, true,
        "急ぎの作業", "期限が明日です。", "/camunda/app/tasklist/default/"));
    outbox.enqueue(new Notice("test-urgent:2", "suzuki", "suzuki@city.example.jp", NoticeKind.TASK_ASSIGNED, false,
        "急がない作業", "期限は来月です。", null));
    outbox.enqueue(Notice.account("test-urgent:3", "suzuki", "suzuki@city.example.jp", "アドレスの確認", "確認してください。",
        "/account/"));
    assertThat(row("test-urgent:1")).containsEntry("DIGEST", false);
    assertThat(row("test-urgent:2")).containsEntry("DIGEST", true);
    assertThat(outbox.enqueue(new Notice("test-urgent:1", "suzuki", "suzuki@city.example.jp", NoticeKind.TASK_ASSIGNED,
        true, "もう一度", "同じキー", null))).as("a key is queued once").isFalse();

    sender.sendDue();

    assertThat(mailsTo("suzuki@city.example.jp")).extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder("【Kyodo】急ぎの作業", "【Kyodo】アドレスの確認");
  }

  @Test
  void aServerThatIsDownDelaysTheMailWithoutFailingTheTaskAndItIsSentOnceWhenBack() throws Exception {
    outbox.preferences().save("tanaka", Map.of(NoticeKind.TASK_ASSIGNED, Choice.IMMEDIATE));
    serverDown();
    String lifecycle = startProposal("メール：サーバー停止中");
    String task = fixtures.task(lifecycle, "AssignDepartment");
    String key = "task-offered:" + task + ":tanaka";

    sender.sendDue();
    Map<String, Object> failed = row(key);
    assertThat(failed).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
    assertThat((String) failed.get("LAST_ERROR")).as("what went wrong, in one line").isNotBlank()
        .doesNotContain("\n").doesNotContain("\tat ").doesNotContain(".java:");
    Instant retry = ((java.sql.Timestamp) failed.get("NEXT_ATTEMPT_AT")).toInstant();
    assertThat(retry).isAfter(ClockUtil.now().toInstant());

    // The task does not wait for the mail server.
    fixtures.submit("tanaka", lifecycle, "AssignDepartment", ExaminationScenario.intake("dept-fukushi"));
    sender.sendDue();
    assertThat(row(key)).as("not tried again before its time").containsEntry("ATTEMPTS", 1);

    serverUp();
    at(retry.plusSeconds(1));
    sender.sendDue();
    sender.sendDue();
    assertThat(mailsAbout("tanaka@city.example.jp", task)).hasSize(1);
    assertThat(row(key)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
  }

  @Test
  void aMailStillRefusedAfterTheLastAttemptIsFailed() {
    serverDown();
    outbox.enqueue(new Notice("test-failed:1", null, "nobody@example.org", NoticeKind.TASK_DUE_SOON, true, "届かない",
        "サーバーが止まっている", null));
    Instant now = Instant.now();
    for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
      at(now.plus(Duration.ofHours(2L * attempt)));
      sender.sendDue();
    }
    assertThat(row("test-failed:1")).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", settings.maxAttempts());
  }

  @Test
  void twoSendersAtOnceNeverSendOneRowTwice() throws Exception {
    int notices = 30;
    for (int i = 0; i < notices; i++) {
      outbox.enqueue(new Notice("test-race:" + i, null, "race" + i + "@example.org", NoticeKind.TASK_DUE_SOON, true,
          "同時送信 " + i, "二つのノードが同時に送る", null));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<OutboxSender.Round>> rounds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rounds.add(pool.submit(() -> {
        start.await();
        return sender.sendDue();
      }));
    }
    start.countDown();
    int sent = 0;
    for (Future<OutboxSender.Round> round : rounds) {
      sent += round.get(60, TimeUnit.SECONDS).sent();
    }
    pool.shutdown();
    List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients(m).stream().anyMatch(a -> a.startsWith("race"))).toList();
    assertThat(mails).hasSize(notices);
    assertThat(sent).isEqualTo(notices);
    Set<String> ids = new HashSet<>();
    for (MimeMessage mail : mails) {
      ids.add(mail.getMessageID());
    }
    assertThat(ids).hasSize(notices);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_mail_outbox WHERE notice_key LIKE 'test-race:%'"
        + " AND status = 'SENT' AND attempts = 1", Integer.class)).isEqualTo(notices);

    // A claim is taken once: the second claimer of the same row gets nothing.
    outbox.enqueue(new Notice("test-race:claim", null, "race-claim@example.org", NoticeKind.TASK_DUE_SOON, true, "取り合い",
        "一度だけ", null));
    long id = ((Number) row("test-race:claim").get("ID")).longValue();
    assertThat(sender.claim("node-a", "id = ?", id)).isTrue();
    assertThat(sender.claim("node-b", "id = ?", id)).isFalse();
  }

  @Test
  void dueSoonAndOverdueAreEachMailedOnce() throws Exception {
    String lifecycle = startProposal("メール：期限");
    String taskId = fixtures.task(lifecycle, "AssignDepartment");
    Instant due = Instant.now().plus(Duration.ofDays(2));
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(due));
    engine.getTaskService().saveTask(task);

    dueScan.scan();
    dueScan.scan();
    assertThat(keys("task-due-soon:" + taskId + ":%")).containsExactly("task-due-soon:" + taskId + ":"
        + Date.from(due).toInstant() + ":tanaka");
    sender.sendDue();

    at(due.plus(Duration.ofHours(1)));
    dueScan.scan();
    dueScan.scan();
    assertThat(keys("task-overdue:" + taskId + ":%")).hasSize(1);
    sender.sendDue();
    sender.sendDue();

    List<String> subjects = mailsAbout("tanaka@city.example.jp", taskId).stream().map(MailTest::subject).toList();
    assertThat(subjects.stream().filter(s -> s.startsWith("【Kyodo】作業の期限が近づいています：提案を受け付け担当課を決める")))
        .hasSize(1);
    assertThat(subjects.stream().filter(s -> s.startsWith("【Kyodo】作業の期限を過ぎています：提案を受け付け担当課を決める")))
        .hasSize(1);
  }

  @Test
  void thePartnerIsAskedToConfirmTheAgreementDraftWithItsOwnKind() throws Exception {
    String instance = fixtures.start("suzuki", "agreement", fixtures.agreementStart());
    fixtures.submit("suzuki", instance, "AssignAgreementParties", Map.of("mainStaff", "suzuki", "deputyStaff", "yamamoto"));
    fixtures.submit("suzuki", instance, "DraftAgreement", AppFixtures.agreementDraft());
    String task = fixtures.task(instance, "PartnerConfirmsAgreement");
    assertThat(row("task-offered:" + task + ":hikari")).containsEntry("KIND", "AGREEMENT_TO_CONFIRM")
        .containsEntry("DIGEST", false);

    sender.sendDue();
    List<MimeMessage> mails = mailsAbout("hikari@example.org", task);
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("【Kyodo】協定書案の確認をお願いします：協定書案を確認する（団体）");
    assertThat(text(mails.get(0))).contains("光 陽子 様", "協定書案の内容をご確認のうえ");
  }

  @Test
  void thePhasesNameTheirTasksThatCarryTheirOwnKind() throws Exception {
    Map<String, NoticeKind> kinds = jp.kyodo.Phases.taskNoticeKinds();
    assertThat(kinds).containsEntry("PartnerConfirmsAgreement", NoticeKind.AGREEMENT_TO_CONFIRM)
        .containsEntry("PartnerConfirmation", NoticeKind.EVALUATION_TO_CONFIRM)
        .containsEntry("HandleLateReport", NoticeKind.REPORT_LATE);
    String models = String.join("\n", List.of(read("processes/agreement.bpmn"), read("processes/evaluation.bpmn"),
        read("processes/execution.bpmn")));
    assertThat(models).contains("<bpmn:userTask id=\"PartnerConfirmsAgreement\"", "formRef=\"agreement-partner-confirmation\"",
        "<bpmn:userTask id=\"PartnerConfirmation\"", "formRef=\"evaluation-confirmation\"",
        "<bpmn:userTask id=\"HandleLateReport\"");
  }

  @Test
  void everyoneReadsAndWritesTheirOwnSettingsOnlyWithTheSessionsCsrfToken() {
    String path = "/account/api/notifications";
    assertThat(RestClient.basic(port, null).get(path).status()).as("without a login").isEqualTo(401);

    RestClient hikari = RestClient.tasklistSession(port, ENGINE, "hikari");
    Response mine = hikari.get(path);
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.json().path("user").asText()).isEqualTo("hikari");
    assertThat(mine.json().path("address").asText()).isEqualTo("hikari@example.org");
    assertThat(mine.json().path("kinds").toString()).contains("\"kind\":\"TASK_ASSIGNED\"", "\"choice\":\"DIGEST\"",
        "作業が割り当てられた").doesNotContain("ACCOUNT");

    String body = "{\"choices\":{\"TASK_ASSIGNED\":\"OFF\",\"REPORT_LATE\":\"DIGEST\"}}";
    Response saved = hikari.send("PUT", path, "application/json", body);
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(outbox.preferences().choice("hikari", NoticeKind.TASK_ASSIGNED)).isEqualTo(Choice.OFF);
    assertThat(outbox.preferences().choice("hikari", NoticeKind.REPORT_LATE)).isEqualTo(Choice.DIGEST);
    assertThat(outbox.preferences().choice("tanaka", NoticeKind.TASK_ASSIGNED)).as("someone else's").isEqualTo(Choice.DIGEST);

    RestClient tanaka = RestClient.tasklistSession(port, ENGINE, "tanaka");
    assertThat(tanaka.get(path).json().path("user").asText()).isEqualTo("tanaka");
    assertThat(tanaka.get(path).json().path("kinds").toString()).contains("\"choice\":\"DIGEST\"");

    // A write forged by another site: the session's cookie, but not the session's token.
    String forged = "{\"choices\":{\"TASK_ASSIGNED\":\"IMMEDIATE\"}}";
    for (String method : List.of("PUT", "POST", "DELETE")) {
      assertThat(hikari.sendForged(method, path, "application/json", forged, null).status()).as(method).isEqualTo(403);
      assertThat(hikari.sendForged(method, path, "application/json", forged, "wrong").status()).as(method).isEqualTo(403);
    }
    assertThat(hikari.sendForged("POST", "/account/api/anything", "text/plain", forged, null).status())
        .as("every route under /account").isEqualTo(403);
    assertThat(outbox.preferences().choice("hikari", NoticeKind.TASK_ASSIGNED)).as("nothing changed").isEqualTo(Choice.OFF);

    for (String bad : List.of("{\"choices\":{\"TASK_ASSIGNED\":\"SOMETIMES\"}}", "{\"choices\":{\"ACCOUNT\":\"OFF\"}}",
        "{\"choices\":{\"NO_SUCH_KIND\":\"OFF\"}}", "{\"choices\":{}}", "{\"choices\":{\"TASK_ASSIGNED\":1}}", "{}",
        "not json")) {
      Response refused = hikari.send("PUT", path, "application/json", bad);
      assertThat(refused.status()).as(bad + " → " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).as(bad).isNotBlank();
    }
    assertThat(hikari.send("PUT", path, "application/json",
        "{\"choices\":{\"REPORT_LATE\":\"IMMEDIATE\",\"TASK_OVERDUE\":\"WRONG\"}}").status()).isEqualTo(400);
    Response huge = hikari.send("PUT", path, "application/json", "{\"choices\":{\"" + "あ".repeat(1_000_000) + "\":\"OFF\"}}");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.body().length()).as("the answer does not echo a megabyte").isLessThan(500);
    assertThat(outbox.preferences().choice("hikari", NoticeKind.REPORT_LATE)).as("nothing of a refused write kept")
        .isEqualTo(Choice.DIGEST);

    Response page = hikari.get("/account/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("通知の設定", "account.js");
  }

  @Test
  void theDeliveryLogIsForTheOfficeAndAdministratorsOnly() throws Exception {
    outbox.enqueue(new Notice("test-log:1", "midori", "midori@example.org", NoticeKind.TASK_DUE_SOON, true, "記録の確認",
        "送信記録", null));
    sender.sendDue();
    String path = "/overview/api/mail";
    assertThat(RestClient.basic(port, null).get(path).status()).isEqualTo(401);
    for (String user : List.of("sato", "suzuki", "hikari")) {
      assertThat(RestClient.tasklistSession(port, ENGINE, user).get(path).status()).as(user).isEqualTo(403);
    }
    for (String user : List.of("tanaka", "admin")) {
      Response log = RestClient.webappSession(port, ENGINE, user, "cockpit").get(path + "?status=SENT&user=midori");
      assertThat(log.status()).as(user + ": " + log.body()).isEqualTo(200);
      assertThat(log.json().path("deliveries").toString()).contains("\"subject\":\"記録の確認\"", "\"status\":\"SENT\"",
          "\"attempts\":1", "\"kindLabel\":\"作業の期限が近い（3日前）\"");
      for (var row : log.json().path("deliveries")) {
        assertThat(row.path("user").asText()).isEqualTo("midori");
        assertThat(row.path("status").asText()).isEqualTo("SENT");
      }
      assertThat(log.json().path("counts").path("SENT").asInt()).isPositive();
    }
    RestClient tanaka = RestClient.webappSession(port, ENGINE, "tanaka", "cockpit");
    assertThat(tanaka.get(path + "?status=LOST").status()).isEqualTo(400);
    assertThat(tanaka.get(path + "?limit=many").status()).isEqualTo(400);
    Response tooLong = tanaka.get(path + "?user=" + "x".repeat(300));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains("254文字");
    assertThat(tanaka.get(path + "?status=PENDING").json().path("deliveries").toString()).doesNotContain("記録の確認");
  }

  // --- helpers

  String startProposal(String title) {
    return fixtures.start("hikari", "collaboration", ExaminationScenario.with(ExaminationScenario.proposal(), "title", title));
  }

  void at(Instant moment) {
    ClockUtil.setCurrentTime(Date.from(moment));
  }

  void serverUp() {
    mailSender.setHost("localhost");
    mailSender.setPort(SMTP.getSmtp().getPort());
  }

  /** The application's mail server on a port where nothing listens. */
  void serverDown() {
    try (ServerSocket socket = new ServerSocket(0)) {
      mailSender.setPort(socket.getLocalPort());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Object> row(String key) {
    return jdbc.queryForMap("SELECT * FROM kyodo_mail_outbox WHERE notice_key = ?", key);
  }

  List<String> keys(String pattern) {
    return jdbc.queryForList("SELECT notice_key FROM kyodo_mail_outbox WHERE notice_key LIKE ?", String.class, pattern);
  }

  static List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
  }

  static List<MimeMessage> mailsAbout(String address, String taskId) {
    return mailsTo(address).stream().filter(m -> text(m).contains("?task=" + taskId)).toList();
  }

  static List<String> recipients(MimeMessage mail) {
    try {
      Address[] to = mail.getAllRecipients();
      return to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(MimeMessage mail) {
    try {
      return String.valueOf(mail.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String read(String file) throws IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of(file));
  }
}
