package jp.kyodo.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code kyodo_document} (what a document is, whose, where it belongs), {@code kyodo_document_content} (its bytes,
 * read only to download) and {@code kyodo_document_event} (every write, who and when). A deleted document keeps its
 * row and its log, without its content.
 */
@Repository
public class DocumentRepository {

  /** A stored document, without its bytes. */
  public record Document(long id, String projectNumber, Integer fiscalYear, String phase, String processInstanceId,
      String taskId, String taskKey, String taskName, String departmentGroup, String partnerGroup,
      List<String> coPartnerGroups, DocumentKind kind, String fileName, String mediaType, long size, String sha256,
      String uploadedBy, Instant uploadedAt, boolean published, String publishedBy, Instant publishedAt) {

    /** The groups of the project's people as the phase named them at the upload. */
    public List<String> groups() {
      List<String> groups = new java.util.ArrayList<>(coPartnerGroups);
      if (departmentGroup != null) {
        groups.add(departmentGroup);
      }
      if (partnerGroup != null) {
        groups.add(partnerGroup);
      }
      return groups;
    }
  }

  /** What an upload stores. */
  public record NewDocument(String projectNumber, Integer fiscalYear, String phase, String processInstanceId, String taskId,
      String taskKey, String taskName, String departmentGroup, String partnerGroup, List<String> coPartnerGroups,
      DocumentKind kind, String fileName, String mediaType, byte[] content, String sha256) {}

  static final String COLUMNS = "id, project_number, fiscal_year, phase, process_instance_id, task_id, task_key, task_name,"
      + " department_group, partner_group, co_partner_groups, kind, file_name, media_type, size_bytes, sha256, uploaded_by,"
      + " uploaded_at, published, published_by, published_at";

  private final JdbcTemplate jdbc;

  public DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public long insert(NewDocument d, String by, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement("INSERT INTO kyodo_document (project_number, fiscal_year, phase,"
          + " process_instance_id, task_id, task_key, task_name, department_group, partner_group, co_partner_groups, kind,"
          + " file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at, published)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", new String[] {"id"});
      statement.setString(1, d.projectNumber());
      statement.setObject(2, d.fiscalYear());
      statement.setString(3, d.phase());
      statement.setString(4, d.processInstanceId());
      statement.setString(5, d.taskId());
      statement.setString(6, d.taskKey());
      statement.setString(7, d.taskName());
      statement.setString(8, d.departmentGroup());
      statement.setString(9, d.partnerGroup());
      statement.setString(10, String.join(",", d.coPartnerGroups()));
      statement.setString(11, d.kind().name());
      statement.setString(12, d.fileName());
      statement.setString(13, d.mediaType());
      statement.setLong(14, d.content().length);
      statement.setString(15, d.sha256());
      statement.setString(16, by);
      statement.setTimestamp(17, Timestamp.from(at));
      return statement;
    }, key);
    long id = key.getKey().longValue();
    jdbc.update("INSERT INTO kyodo_document_content (document_id, content) VALUES (?, ?)", id, d.content());
    log(id, "UPLOAD", by, at);
    return id;
  }

  public Optional<Document> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_document WHERE id = ? AND deleted_at IS NULL", this::document, id)
        .stream().findFirst();
  }

  public List<Document> ofProject(String projectNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_document WHERE project_number = ? AND deleted_at IS NULL"
        + " ORDER BY uploaded_at, id", this::document, projectNumber);
  }

  public List<Document> ofTask(String taskId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_document WHERE task_id = ? AND deleted_at IS NULL"
        + " ORDER BY uploaded_at, id", this::document, taskId);
  }

  /** Every project's documents, newest first, at most {@code limit} (the office's overview). */
  public List<Document> latest(int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_document WHERE deleted_at IS NULL"
        + " ORDER BY project_number, uploaded_at DESC, id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", this::document);
  }

  public List<Document> publishedOf(String projectNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_document WHERE project_number = ? AND published = TRUE"
        + " AND deleted_at IS NULL ORDER BY uploaded_at, id", this::document, projectNumber);
  }

  public int count(String taskId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_document WHERE task_id = ? AND deleted_at IS NULL",
        Integer.class, taskId);
    return n == null ? 0 : n;
  }

  /** Whether the process instance has a document of that kind (④'s completion report needs its 収支決算書). */
  public boolean has(String processInstanceId, DocumentKind kind) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_document WHERE process_instance_id = ? AND kind = ?"
        + " AND deleted_at IS NULL", Integer.class, processInstanceId, kind.name());
    return n != null && n > 0;
  }

  public Optional<byte[]> content(long id) {
    return jdbc.query("SELECT c.content FROM kyodo_document_content c JOIN kyodo_document d ON d.id = c.document_id"
        + " WHERE c.document_id = ? AND d.deleted_at IS NULL", (rs, i) -> rs.getBytes(1), id).stream().findFirst();
  }

  @Transactional
  public void publish(long id, boolean published, String by, Instant at) {
    jdbc.update("UPDATE kyodo_document SET published = ?, published_by = ?, published_at = ? WHERE id = ?", published, by,
        Timestamp.from(at), id);
    log(id, published ? "PUBLISH" : "UNPUBLISH", by, at);
  }

  @Transactional
  public void delete(long id, String by, Instant at) {
    jdbc.update("DELETE FROM kyodo_document_content WHERE document_id = ?", id);
    jdbc.update("UPDATE kyodo_document SET deleted_by = ?, deleted_at = ?, published = FALSE WHERE id = ?", by,
        Timestamp.from(at), id);
    log(id, "DELETE", by, at);
  }

  /** The log of one document: action, who, when, oldest first. */
  public List<String[]> events(long id) {
    return jdbc.query("SELECT action, acted_by, acted_at FROM kyodo_document_event WHERE document_id = ? ORDER BY id",
        (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()}, id);
  }

  private void log(long id, String action, String by, Instant at) {
    jdbc.update("INSERT INTO kyodo_document_event (document_id, action, acted_by, acted_at) VALUES (?, ?, ?, ?)", id, action,
        by, Timestamp.from(at));
  }

  private Document document(ResultSet rs, int row) throws SQLException {
    String coPartners = rs.getString("co_partner_groups");
    Timestamp publishedAt = rs.getTimestamp("published_at");
    return new Document(rs.getLong("id"), rs.getString("project_number"), (Integer) rs.getObject("fiscal_year", Integer.class),
        rs.getString("phase"), rs.getString("process_instance_id"), rs.getString("task_id"), rs.getString("task_key"),
        rs.getString("task_name"), rs.getString("department_group"), rs.getString("partner_group"),
        coPartners == null || coPartners.isBlank() ? List.of() : Arrays.stream(coPartners.split(",")).map(String::strip).toList(),
        DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"), rs.getString("media_type"),
        rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(), rs.getBoolean("published"), rs.getString("published_by"),
        publishedAt == null ? null : publishedAt.toInstant());
  }
}
