package jp.kyodo.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import jp.kyodo.documents.DocumentKind;
import jp.kyodo.documents.DocumentRepository;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The papers a scenario attaches the way the partner does on the documents page, for the engine tests that drive a
 * whole execution: ④'s completion report needs its 収支決算書 (旭川 Q19). The routes themselves are tested in
 * DocumentRoutesTest.
 */
public final class Attachments {

  /** A one-page PDF, as small as a statement can be. */
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private Attachments() {}

  /** Attaches a 収支決算書 to the task, unless its process already has one. */
  public static void statement(JdbcTemplate jdbc, Task task, String userId) {
    DocumentRepository documents = new DocumentRepository(jdbc);
    if (documents.has(task.getProcessInstanceId(), DocumentKind.STATEMENT)) {
      return;
    }
    documents.insert(new DocumentRepository.NewDocument("scenario", null, "EXECUTION", task.getProcessInstanceId(),
        task.getId(), task.getTaskDefinitionKey(), task.getName(), null, null, List.of(), DocumentKind.STATEMENT,
        "収支決算書.pdf", "application/pdf", PDF, "0".repeat(64)), userId, Instant.now());
  }

  /** Whether the task is one of the completion report's, which need the statement. */
  public static boolean needsStatement(Task task) {
    return List.of("SubmitCompletionReport", "CorrectCompletionReport").contains(task.getTaskDefinitionKey());
  }
}
