package jp.kyodo.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues notices in {@code kyodo_mail_outbox}, in the caller's transaction: a step that rolls back queued nothing, a
 * step run again (a retried job, a second node) finds its notice's key taken and queues nothing more. Sending is
 * the sender's business ({@link OutboxSender}), never the caller's: a mail server that is down cannot fail a task.
 *
 * <p>The one place that applies the person's choice ({@link MailPreferences}): OFF queues the row as SKIPPED (kept
 * for the delivery log, never sent); DIGEST waits for the next digest hour (kyodo.mail.digest-time, Japan time) unless
 * the notice is urgent; IMMEDIATE and the account's own mails are due at once.
 */
@Component
public class Outbox {

  static final int SUBJECT_MAX = 200;
  static final int BODY_MAX = 8000;
  static final int ADDRESS_MAX = 254;
  static final int LINK_MAX = 1000;

  private final JdbcTemplate jdbc;
  private final MailPreferences preferences;
  private final LocalTime digestTime;

  /** With the default digest hour, 08:00 (process tests). */
  public Outbox(JdbcTemplate jdbc) {
    this(jdbc, "08:00");
  }

  @Autowired
  public Outbox(JdbcTemplate jdbc, @Value("${kyodo.mail.digest-time:08:00}") String digestTime) {
    this.jdbc = jdbc;
    this.preferences = new MailPreferences(jdbc);
    this.digestTime = LocalTime.parse(digestTime);
  }

  public MailPreferences preferences() {
    return preferences;
  }

  /** Queues the notice as its person chose; false when a notice with its key was queued before. */
  public boolean enqueue(Notice notice) {
    if (notice.address().isBlank() || notice.address().length() > ADDRESS_MAX || notice.key().length() > 200
        || queuedAt(notice.key()) != null) {
      return false;
    }
    Instant now = CityCalendar.now();
    MailPreferences.Choice choice = preferences.choice(notice.userId(), notice.kind());
    String status = choice == MailPreferences.Choice.OFF ? "SKIPPED" : "PENDING";
    boolean digest = choice == MailPreferences.Choice.DIGEST && !notice.urgent();
    Instant sendAfter = digest ? nextDigest(now) : now;
    return UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_mail_outbox (notice_key, user_id, address,"
        + " kind, subject, body, link, created_at, send_after, status, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        notice.key(), notice.userId(), notice.address(), notice.kind().name(), cut(notice.subject(), SUBJECT_MAX),
        cut(notice.body(), BODY_MAX), notice.link() == null ? null : cut(notice.link(), LINK_MAX),
        Timestamp.from(now), Timestamp.from(sendAfter), status, digest));
  }

  /** The next digest hour in the city after a moment (today's when it is still ahead, else tomorrow's). */
  public Instant nextDigest(Instant after) {
    LocalDate day = CityCalendar.dayOf(after);
    ZonedDateTime today = CityCalendar.at(day, digestTime);
    return today.toInstant().isAfter(after) ? today.toInstant() : CityCalendar.at(day.plusDays(1), digestTime).toInstant();
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
