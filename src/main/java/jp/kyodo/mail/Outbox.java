package jp.kyodo.mail;

import java.sql.Timestamp;
import java.time.Instant;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues notices in {@code kyodo_mail_outbox}, in the caller's transaction: a step that rolls back queued nothing, a
 * step run again (a retried job, a second node) finds its notice's key taken and queues nothing more. Sending is
 * the sender's business, never the caller's: a mail server that is down cannot fail a task.
 */
@Component
public class Outbox {

  static final int SUBJECT_MAX = 200;
  static final int BODY_MAX = 8000;

  private final JdbcTemplate jdbc;

  public Outbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the notice to be sent now; false when a notice with its key was queued before. */
  public boolean enqueue(Notice notice) {
    Timestamp now = Timestamp.from(CityCalendar.now());
    return UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_mail_outbox (notice_key, user_id, address,"
        + " kind, subject, body, link, created_at, send_after, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')",
        notice.key(), notice.userId(), notice.address(), notice.kind().name(), cut(notice.subject(), SUBJECT_MAX),
        cut(notice.body(), BODY_MAX), notice.link(), now, now));
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** When the notice was queued, for tests and the delivery log; null when it never was. */
  public Instant queuedAt(String key) {
    return jdbc.query("SELECT created_at FROM kyodo_mail_outbox WHERE notice_key = ?",
        rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, key);
  }
}
