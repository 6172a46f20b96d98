package jp.kyodo.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.support.AppFixtures;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.execution.ExecutionScenario;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.support.Attachments;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 添付書類 over HTTP on the running application, as the partner, the department, the office and outsiders use them: ④ of
 * a project of 福祉課 with NPO法人ひかり up to its completion report, which is refused without the 収支決算書 and accepted
 * with it (旭川 Q19); who sees which document; what a download carries; which files are refused for what they are; the
 * size limit; 公開 on the public page only when staff set it; the office's overview.
 */
@RunningApplication
class DocumentRoutesTest {

  static final String API = "/account/api/documents";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  AgreementRepository agreements;

  @Autowired
  JdbcTemplate jdbc;

  RestClient session(String user) {
    return RestClient.tasklistSession(port, "default", user);
  }

  /**
   * A published project of 福祉課 (proposed by the department itself, so that only NPO法人ひかり is its partner) whose
   * agreement is approved, ④ started by suzuki and its term run to the end: the completion report is open for hikari.
   */
  record Project(String number, String instanceId, String completionTask) {}

  Project projectAtTheCompletionReport(String title) {
    int year = (int) CityCalendar.currentFiscalYear();
    String number = "D" + Long.toString(System.nanoTime(), 36).toUpperCase();
    number = number.substring(0, Math.min(16, number.length()));
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title, proposer, proposer_group,"
        + " department_group, department_name, partner_group, partner_name, chosen_form, phase, round_no, fiscal_year, status,"
        + " process_instance_id, opened_at, updated_at) VALUES (?, ?, ?, ?, 'suzuki', 'dept-fukushi', 'dept-fukushi', '福祉課',"
        + " 'org-hikari', 'NPO法人ひかり', 'JOINT_PROJECT', 'EXECUTION', 1, ?, 'ACTIVE', ?, ?, ?)",
        number, year, (int) (System.nanoTime() % 100000), title, year, "fixture-" + number, now, now);
    jdbc.update("INSERT INTO kyodo_project_decision (project_number, position, phase, round_no, fiscal_year, decision,"
        + " decision_label, decided_by, decided_at) VALUES (?, 1, 'EXAMINATION', 0, ?, 'APPROVED', '協働事業として実施する', 'tanaka', ?)",
        number, year, now);
    int serial;
    String agreement;
    do { // a number another test of this context took is passed over
      serial = agreements.nextSerial(year, "dept-fukushi");
      agreement = year + "-docs-" + String.format("%03d", serial);
    } while (agreements.find(agreement).isPresent());
    AppFixtures.insertApprovedAgreement(agreements, agreement, year, number, title, serial);
    Response started = RestClient.basic(port, "suzuki").post("/engine-rest/process-definition/key/execution/submit-form",
        RestClient.variables(Map.of("agreementNumber", agreement)));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    // The term ends: the job executor would run the timer on the last day.
    Job termEnd = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(
        ExecutionProcess.Elements.TERM_END_TIMER).singleResult();
    engine.getManagementService().executeJob(termEnd.getId());
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ExecutionProcess.Elements.SUBMIT_COMPLETION).singleResult().getId();
    return new Project(number, instance, task);
  }

  // --- multipart, as a browser's FormData sends it

  static final String BOUNDARY = "----kyodo-test-boundary";

  static byte[] multipart(Map<String, String> fields, String fileName, String fileType, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    if (fileName != null) {
      body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
          + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static Response upload(RestClient client, String task, String kind, String fileName, String fileType, byte[] content) {
    return client.sendBytes("POST", API, "multipart/form-data; boundary=" + BOUNDARY,
        multipart(Map.of("task", task, "kind", kind), fileName, fileType, content));
  }

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

  static byte[] zip(String... names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<x>" + name + "</x>").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  long documents(String task) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_document WHERE task_id = ?", Long.class, task);
  }

  Response completeReport(String task) {
    return RestClient.basic(port, "hikari").post("/engine-rest/task/" + task + "/submit-form",
        RestClient.variables(ExecutionScenario.completion()));
  }

  @Test
  void theCompletionReportNeedsItsStatementAndThePartnersPapersReachOnlyTheProjectsPeople() {
    Project project = projectAtTheCompletionReport("見守りとサロン（添付書類）");
    RestClient hikari = session("hikari");

    // The upload page lists the task hikari may work now, with the kinds it takes.
    JsonNode tasks = hikari.get(API + "/tasks").json();
    assertThat(tasks.toString()).contains(project.completionTask(), "収支決算書", "領収書");
    assertThat(session("midori").get(API + "/tasks").body()).doesNotContain(project.completionTask());

    // 旭川 Q19: no statement, no completion report — a 400 in the clerk's words, nothing changed.
    Response refused = completeReport(project.completionTask());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("収支決算書が添付されていません", "Q19");
    assertThat(refused.body()).doesNotContain("jp.kyodo", "\tat ", "SQL");
    assertThat(engine.getTaskService().createTaskQuery().taskId(project.completionTask()).count()).isEqualTo(1);

    // A receipt is not the statement.
    Response receipt = upload(hikari, project.completionTask(), "RECEIPT", "領収書 4月.png", "image/png", PNG);
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
    assertThat(receipt.json().path("mediaType").asText()).isEqualTo("image/png");
    assertThat(receipt.json().path("published").asBoolean()).as("an upload never publishes").isFalse();
    assertThat(completeReport(project.completionTask()).status()).isEqualTo(400);

    Response statement = upload(hikari, project.completionTask(), "STATEMENT", "C:\\書類\\収支決算書.pdf", "application/pdf",
        Attachments.PDF);
    assertThat(statement.status()).as(statement.body()).isEqualTo(201);
    JsonNode stored = statement.json();
    assertThat(stored.path("fileName").asText()).as("no folders from the sender's machine").isEqualTo("収支決算書.pdf");
    assertThat(stored.path("sha256").asText()).isEqualTo(DocumentApi.sha256(Attachments.PDF));
    assertThat(stored.path("size").asLong()).isEqualTo(Attachments.PDF.length);
    assertThat(stored.path("uploadedBy").asText()).isEqualTo("hikari");
    assertThat(stored.path("projectNumber").asText()).isEqualTo(project.number());
    long statementId = stored.path("id").asLong();
    long receiptId = receipt.json().path("id").asLong();

    // Who sees them: the project's people; another partner, an evaluator (④ is not theirs) and nobody else.
    for (String user : List.of("hikari", "suzuki", "tanaka", "sato")) {
      Response list = session(user).get(API + "?project=" + project.number());
      assertThat(list.status()).as(user + ": " + list.body()).isEqualTo(200);
      assertThat(list.body()).as(user).contains("収支決算書.pdf", "領収書 4月.png");
      assertThat(session(user).download(API + "/" + statementId + "/content").status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("midori", "watanabe", "takahashi")) {
      RestClient outsider = session(user);
      assertThat(outsider.get(API + "?project=" + project.number()).status()).as(user).isEqualTo(404);
      Response download = outsider.get(API + "/" + statementId + "/content");
      assertThat(download.status()).as(user).isEqualTo(404);
      assertThat(download.body()).contains("見つかりません").doesNotContain("収支決算書.pdf");
      assertThat(upload(outsider, project.completionTask(), "STATEMENT", "x.pdf", "application/pdf", Attachments.PDF).status())
          .as(user + " uploads to a task not theirs").isEqualTo(404);
    }
    RestClient anonymous = RestClient.basic(port, null);
    assertThat(anonymous.get(API + "?project=" + project.number()).status()).isEqualTo(401);
    assertThat(anonymous.download(API + "/" + statementId + "/content").status()).isEqualTo(401);
    assertThat(anonymous.sendBytes("POST", API, "multipart/form-data; boundary=" + BOUNDARY, multipart(Map.of("task",
        project.completionTask(), "kind", "STATEMENT"), "x.pdf", "application/pdf", Attachments.PDF)).status()).isEqualTo(401);

    // The download: the bytes as stored, always as an attachment of the type read from the content.
    RestClient.Download file = session("suzuki").download(API + "/" + statementId + "/content");
    assertThat(file.body()).isEqualTo(Attachments.PDF);
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(file.headers().get("content-disposition")).singleElement().asString()
        .startsWith("attachment;").contains("filename*=UTF-8''%E5%8F%8E%E6%94%AF%E6%B1%BA%E7%AE%97%E6%9B%B8.pdf");
    assertThat(file.headers().get("x-content-type-options")).containsExactly("nosniff");
    assertThat(file.headers().get("content-security-policy")).containsExactly("default-src 'none'; sandbox");

    // Hostile addresses: a trailing slash, a letter for the id, another id.
    assertThat(hikari.get(API + "/" + statementId + "/content/").status()).isEqualTo(404);
    assertThat(hikari.get(API + "/abc/content").status()).isEqualTo(400);
    assertThat(hikari.get(API + "/" + (statementId + 100_000) + "/content").status()).isEqualTo(404);
    assertThat(hikari.get(API + "?project=" + "x".repeat(5_000)).body()).doesNotContain("Exception", "SQL");

    // Nothing is public until staff mark it; a partner cannot.
    String publicList = "/public/api/projects/" + project.number() + "/documents";
    assertThat(anonymous.get(publicList).json().path("documents")).isEmpty();
    assertThat(anonymous.get(publicList + "/" + receiptId).status()).isEqualTo(404);
    Response byPartner = hikari.send("PUT", API + "/" + receiptId + "/published", "application/json", "{\"published\":true}");
    assertThat(byPartner.status()).as(byPartner.body()).isEqualTo(403);
    assertThat(session("midori").send("PUT", API + "/" + receiptId + "/published", "application/json", "{\"published\":true}")
        .status()).isEqualTo(404);
    Response published = session("suzuki").send("PUT", API + "/" + receiptId + "/published", "application/json",
        "{\"published\":true}");
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    JsonNode shown = anonymous.get(publicList).json().path("documents");
    assertThat(shown).hasSize(1);
    assertThat(shown.toString()).contains("領収書 4月.png").doesNotContain("hikari", "収支決算書.pdf");
    assertThat(anonymous.download(publicList + "/" + receiptId).body()).isEqualTo(PNG);
    assertThat(anonymous.get(publicList + "/" + statementId).status()).as("the statement stays internal").isEqualTo(404);
    assertThat(anonymous.get("/public/api/projects/NOPE-1/documents/" + receiptId).status()).as("another project's address")
        .isEqualTo(404);

    // The office's overview lists them per project; a partner cannot open it.
    Response overview = session("tanaka").get("/overview/api/documents");
    assertThat(overview.status()).as(overview.body()).isEqualTo(200);
    assertThat(overview.body()).contains(project.number(), "収支決算書.pdf", "領収書 4月.png");
    assertThat(hikari.get("/overview/api/documents").status()).isEqualTo(403);

    // Deleting: not by another partner, by the uploader while the task is open; every write is logged.
    assertThat(session("midori").send("DELETE", API + "/" + receiptId, null, null).status()).isEqualTo(404);
    assertThat(session("suzuki").send("DELETE", API + "/" + receiptId, null, null).status()).isEqualTo(403);
    assertThat(hikari.send("DELETE", API + "/" + receiptId, null, null).status()).isEqualTo(204);
    assertThat(anonymous.get(publicList).json().path("documents")).as("a deleted document is shown nowhere").isEmpty();
    assertThat(jdbc.queryForList("SELECT action || ':' || acted_by FROM kyodo_document_event WHERE document_id = ? ORDER BY id",
        String.class, receiptId)).containsExactly("UPLOAD:hikari", "PUBLISH:suzuki", "DELETE:hikari");

    // With the statement the report goes through; afterwards its papers stay, and the partner can no longer delete them.
    Response completed = completeReport(project.completionTask());
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(hikari.send("DELETE", API + "/" + statementId, null, null).status()).isEqualTo(403);
    assertThat(upload(hikari, project.completionTask(), "RECEIPT", "後から.png", "image/png", PNG).status())
        .as("no upload to a finished task").isEqualTo(404);
    assertThat(session("suzuki").get(API + "?project=" + project.number()).body()).contains("収支決算書.pdf");
  }

  @Test
  void filesAreJudgedByTheirContentAndRefusedWithoutAChange() throws Exception {
    Project project = projectAtTheCompletionReport("見守りとサロン（ファイルの確認）");
    RestClient hikari = session("hikari");
    String task = project.completionTask();
    byte[] exe = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
    Map<String, Response> refusals = new java.util.LinkedHashMap<>();
    refusals.put("an executable named .pdf", upload(hikari, task, "STATEMENT", "決算.pdf", "application/pdf", exe));
    refusals.put("HTML named .png", upload(hikari, task, "PHOTO", "写真.png", "image/png",
        "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
    refusals.put("SVG with script", upload(hikari, task, "PHOTO", "写真.png", "image/png",
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)));
    refusals.put("an xlsx with macros", upload(hikari, task, "STATEMENT", "決算.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")));
    refusals.put("a zip that is no Office file", upload(hikari, task, "STATEMENT", "決算.xlsx", "application/zip",
        zip("readme.txt", "run.exe")));
    refusals.put("a PDF named .exe", upload(hikari, task, "STATEMENT", "決算.exe", "application/pdf", Attachments.PDF));
    refusals.put("a PDF declared as an image", upload(hikari, task, "STATEMENT", "決算.pdf", "image/png", Attachments.PDF));
    refusals.put("an empty file", upload(hikari, task, "STATEMENT", "決算.pdf", "application/pdf", new byte[0]));
    refusals.put("a kind the task does not take", upload(hikari, task, "SIGNED_AGREEMENT", "協定書.pdf", "application/pdf",
        Attachments.PDF));
    refusals.put("no kind at all", upload(hikari, task, "", "決算.pdf", "application/pdf", Attachments.PDF));
    refusals.put("no file", hikari.sendBytes("POST", API, "multipart/form-data; boundary=" + BOUNDARY,
        multipart(Map.of("task", task, "kind", "STATEMENT"), null, null, null)));
    refusals.forEach((what, response) -> {
      assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
      assertThat(response.json().path("message").asText()).as(what).matches(".*[ぁ-んァ-ン一-龥].*")
          .doesNotContain("Exception", "jp.kyodo", "SQL");
    });
    assertThat(refusals.get("an xlsx with macros").body()).contains("マクロ");
    assertThat(refusals.get("an executable named .pdf").body()).contains("実行ファイル");

    // Above the limit: refused while it streams in, as a 413 in Japanese (not the container's page).
    byte[] large = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(Attachments.PDF, 0, large, 0, Attachments.PDF.length);
    Response tooLarge = upload(hikari, task, "STATEMENT", "大きい.pdf", "application/pdf", large);
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
    assertThat(tooLarge.json().path("message").asText()).contains("大きすぎます");
    assertThat(documents(task)).as("no refusal stored anything").isZero();

    // What is accepted: an Office file without macros, a 1 MB name cut to 200 characters with its extension.
    Response xlsx = upload(hikari, task, "STATEMENT", "収支決算書.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip("[Content_Types].xml", "xl/workbook.xml",
            "xl/worksheets/sheet1.xml"));
    assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(201);
    Response longName = upload(hikari, task, "PHOTO", "a".repeat(300) + "\u202E\u0007.png", "image/png", PNG);
    assertThat(longName.status()).as(longName.body()).isEqualTo(201);
    assertThat(longName.json().path("fileName").asText()).hasSize(200).endsWith("a.png").doesNotContain("\u202E", "\u0007");
    for (String name : List.of("写".repeat(1_000) + ".png", "a".repeat(1_000_000) + ".png")) {
      Response tooLong = upload(hikari, task, "PHOTO", name, "image/png", PNG);
      assertThat(tooLong.status()).as("a name of " + name.length() + " characters").isEqualTo(400);
      assertThat(tooLong.json().path("message").asText()).contains("ファイル名が長すぎます");
    }
    Response forged = hikari.sendForged("POST", API, "multipart/form-data; boundary=" + BOUNDARY, new String(multipart(Map.of(
        "task", task, "kind", "PHOTO"), "写真.png", "image/png", PNG), StandardCharsets.ISO_8859_1), null);
    assertThat(forged.status()).as("a write without the session's CSRF token").isEqualTo(403);
    assertThat(documents(task)).isEqualTo(2);
  }
}
