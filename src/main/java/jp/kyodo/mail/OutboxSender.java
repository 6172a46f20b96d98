package jp.kyodo.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kyodo.platform.CityCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every node (see {@link MailSchedule}). Each due row is first claimed by one UPDATE
 * that only succeeds while nobody holds it ({@code claimed_until} empty or past), so two nodes — or two threads —
 * never take the same row; then it is handed to the SMTP server and marked SENT with its Message-ID, or, when the
 * server is down or refuses it, given another attempt later (backoff doubling from kyodo.mail.retry-base up to
 * kyodo.mail.retry-max) and FAILED after kyodo.mail.max-attempts. With kyodo.mail.enabled false the mail is written
 * to the log and the row marked LOGGED.
 *
 * <p>The Message-ID comes from the row ({@code <kyodo-outbox-42@host>}, a digest's from its first row), not from the
 * mail library: a node that stops after the server accepted the mail and before the UPDATE leaves the row claimed;
 * when the claim expires it is sent again — the one window where a person can get a mail twice — and the second copy
 * carries the same Message-ID, so mail programs that fold duplicates show it once.
 *
 * <p>Clock: the engine's ({@link CityCalendar#now()}), like every due date; a sender works outside the engine's
 * transactions, each UPDATE on its own (auto-commit), and never throws to its caller.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  static final String PREFIX = "【Kyodo】";
  static final String DUE = "status = 'PENDING' AND send_after <= ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?)"
      + " AND (claimed_until IS NULL OR claimed_until < ?)";

  private final JdbcTemplate jdbc;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final MailSettings settings;
  private final String node;

  public OutboxSender(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, MailSettings settings) {
    this.jdbc = jdbc;
    this.mailSender = mailSender;
    this.settings = settings;
    this.node = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** One row of the outbox as the sender reads it. */
  record Row(long id, String userId, String address, String kind, String subject, String body, String link,
      int attempts) {}

  /** What one round did. */
  public record Round(int sent, int logged, int retried, int failed) {
    Round plus(Round other) {
      return new Round(sent + other.sent, logged + other.logged, retried + other.retried, failed + other.failed);
    }
  }

  /** Sends every due row this node can claim: immediate ones each in its own mail, digest ones one mail per address. */
  public Round sendDue() {
    Round round = new Round(0, 0, 0, 0);
    try {
      Instant now = CityCalendar.now();
      Timestamp t = Timestamp.from(now);
      List<Long> ids = jdbc.queryForList("SELECT id FROM kyodo_mail_outbox WHERE digest = FALSE AND " + DUE
          + " ORDER BY id FETCH FIRST " + settings.batchSize() + " ROWS ONLY", Long.class, t, t, t);
      for (long id : ids) {
        String claim = claimToken();
        if (claim(claim, "id = ?", id)) {
          round = round.plus(deliver(claim, rows(claim), false));
        }
      }
      List<String> addresses = jdbc.queryForList("SELECT DISTINCT address FROM kyodo_mail_outbox WHERE digest = TRUE AND "
          + DUE + " ORDER BY address FETCH FIRST " + settings.batchSize() + " ROWS ONLY", String.class, t, t, t);
      for (String address : addresses) {
        String claim = claimToken();
        if (claim(claim, "address = ? AND digest = TRUE", address)) {
          round = round.plus(deliver(claim, rows(claim), true));
        }
      }
    } catch (RuntimeException e) {
      // The database away for a moment: the next round tries again; the scheduler must not die.
      LOG.warn("mail: the outbox could not be read: {}", oneLine(e));
    }
    return round;
  }

  private String claimToken() {
    return cut(node, 60) + "/" + UUID.randomUUID();
  }

  /**
   * Claims the due rows matching the condition for this round: one UPDATE, effective only on rows nobody holds. A
   * second node's UPDATE waits for the first's row locks and then finds the rows held (PostgreSQL, H2).
   */
  public boolean claim(String claim, String condition, Object key) {
    Instant now = CityCalendar.now();
    Timestamp t = Timestamp.from(now);
    try {
      return jdbc.update("UPDATE kyodo_mail_outbox SET claimed_by = ?, claimed_until = ? WHERE " + condition + " AND "
          + DUE, claim, Timestamp.from(now.plus(settings.claimFor())), key, t, t, t) > 0;
    } catch (DataAccessException lost) {
      // H2 may answer a concurrent update of the same row with an error instead of waiting: the other one has it.
      LOG.debug("mail: claim lost: {}", oneLine(lost));
      return false;
    }
  }

  private List<Row> rows(String claim) {
    return jdbc.query("SELECT id, user_id, address, kind, subject, body, link, attempts FROM kyodo_mail_outbox"
        + " WHERE claimed_by = ? ORDER BY id", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)), claim);
  }

  private Round deliver(String claim, List<Row> rows, boolean digest) {
    if (rows.isEmpty()) {
      return new Round(0, 0, 0, 0);
    }
    Row first = rows.get(0);
    String messageId = "<kyodo-" + (digest ? "digest-" : "outbox-") + first.id() + "@" + settings.messageIdDomain() + ">";
    String subject;
    String text;
    if (digest) {
      subject = PREFIX + "お知らせのまとめ（" + rows.size() + "件）";
      StringBuilder body = new StringBuilder(CityCalendar.today().format(DAY)).append("までのお知らせを")
          .append(rows.size()).append("件まとめてお送りします。\n");
      int n = 1;
      for (Row row : rows) {
        body.append("\n■ ").append(n++).append(". ").append(row.subject()).append("\n").append(row.body()).append("\n");
        if (row.link() != null) {
          body.append(settings.absolute(row.link())).append("\n");
        }
      }
      text = body.append(footer()).toString();
    } else {
      subject = PREFIX + first.subject();
      StringBuilder body = new StringBuilder(first.body()).append("\n");
      if (first.link() != null) {
        body.append("\n▼ 開く\n").append(settings.absolute(first.link())).append("\n");
      }
      text = body.append(footer()).toString();
    }
    if (!settings.enabled()) {
      LOG.info("mail (kyodo.mail.enabled=false, not sent) to {} — Message-ID {}\nSubject: {}\n{}", first.address(),
          messageId, subject, text);
      done(claim, "LOGGED", messageId);
      return new Round(0, rows.size(), 0, 0);
    }
    try {
      send(first.address(), subject, text, messageId);
    } catch (Exception e) {
      int attempts = first.attempts() + 1;
      String error = cut(oneLine(e), 500);
      if (attempts >= settings.maxAttempts()) {
        LOG.error("mail: giving up on {} after {} attempts: {}", messageId, attempts, error);
        jdbc.update("UPDATE kyodo_mail_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ?,"
            + " next_attempt_at = NULL, claimed_until = NULL WHERE claimed_by = ?", error, claim);
        return new Round(0, 0, 0, rows.size());
      }
      Instant next = CityCalendar.now().plus(backoff(attempts));
      LOG.warn("mail: {} not sent (attempt {}), next at {}: {}", messageId, attempts, next, error);
      jdbc.update("UPDATE kyodo_mail_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
          + " claimed_until = NULL WHERE claimed_by = ?", error, Timestamp.from(next), claim);
      return new Round(0, 0, rows.size(), 0);
    }
    done(claim, "SENT", messageId);
    return new Round(rows.size(), 0, 0, 0);
  }

  private void done(String claim, String status, String messageId) {
    jdbc.update("UPDATE kyodo_mail_outbox SET status = ?, sent_at = ?, message_id = ?, attempts = attempts + 1,"
        + " next_attempt_at = NULL, claimed_until = NULL WHERE claimed_by = ?", status,
        Timestamp.from(CityCalendar.now()), messageId, claim);
  }

  /** The wait before the next attempt: retry-base doubled per failed attempt, at most retry-max. */
  Duration backoff(int attempts) {
    Duration wait = settings.retryBase();
    for (int i = 1; i < attempts && wait.compareTo(settings.retryMax()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
  }

  private void send(String to, String subject, String text, String messageId) throws MessagingException {
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("no mail server configured (spring.mail.host)");
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(settings.from());
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText(text, false);
    helper.setSentDate(java.util.Date.from(CityCalendar.now()));
    // Kept by JavaMailSenderImpl, which restores an explicit Message-ID after saveChanges().
    message.setHeader("Message-ID", messageId);
    sender.send(message);
  }

  private String footer() {
    return "\n――――――――――――――――\n"
        + "このメールは Kyodo（協働事業の管理システム）から自動で送信しています。返信はできません。\n"
        + "通知の受け取り方（すぐに・1日1回まとめて・送らない）は、ログインして次のページで変更できます。\n"
        + settings.absolute("/account/") + "\n";
  }

  /** An error in one line, without a stack trace: its type and message, and the cause's. */
  static String oneLine(Throwable e) {
    StringBuilder out = new StringBuilder();
    List<Throwable> seen = new ArrayList<>();
    for (Throwable t = e; t != null && !seen.contains(t) && seen.size() < 3; t = t.getCause()) {
      seen.add(t);
      if (t != e && t.getMessage() != null && out.indexOf(t.getMessage()) >= 0) {
        continue; // the cause's message is already in its wrapper's
      }
      if (out.length() > 0) {
        out.append(" ← ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        out.append(": ").append(t.getMessage());
      }
    }
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  static String cut(String text, int max) {
    return Outbox.cut(text, max);
  }

  static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "kyodo.invalid" : host;
    } catch (IllegalArgumentException e) {
      return "kyodo.invalid";
    }
  }
}
