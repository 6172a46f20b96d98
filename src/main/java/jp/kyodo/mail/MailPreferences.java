package jp.kyodo.mail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import jp.kyodo.forms.Labeled;
import jp.kyodo.platform.CityCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each person chose to receive per kind of notice ({@code kyodo_mail_preference}, V18): at once, in the daily
 * digest or not at all. Without a choice of their own: a task for them or their group goes into the digest, every
 * other kind at once. The account's own mails ({@link NoticeKind#ACCOUNT}) always go at once.
 */
public class MailPreferences {

  /** How a person receives one kind of notice. */
  public enum Choice implements Labeled {
    IMMEDIATE("すぐに送る"),
    DIGEST("1日1回まとめて送る"),
    OFF("送らない");

    private final String label;

    Choice(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  private final JdbcTemplate jdbc;

  public MailPreferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The choice when the person made none. */
  public static Choice defaultChoice(NoticeKind kind) {
    return kind == NoticeKind.TASK_ASSIGNED ? Choice.DIGEST : Choice.IMMEDIATE;
  }

  /** The person's choice for the kind; IMMEDIATE for a kind nobody can configure and for a mail to an address only. */
  public Choice choice(String userId, NoticeKind kind) {
    if (!kind.configurable()) {
      return Choice.IMMEDIATE;
    }
    if (userId == null) {
      return defaultChoice(kind);
    }
    String chosen = jdbc.query("SELECT choice FROM kyodo_mail_preference WHERE user_id = ? AND kind = ?",
        rs -> rs.next() ? rs.getString(1) : null, userId, kind.name());
    return chosen == null ? defaultChoice(kind) : Choice.valueOf(chosen);
  }

  /** Every configurable kind with the person's choice (their own or the default), in the enum's order. */
  public Map<NoticeKind, Choice> choices(String userId) {
    Map<NoticeKind, Choice> out = new EnumMap<>(NoticeKind.class);
    for (NoticeKind kind : NoticeKind.values()) {
      if (kind.configurable()) {
        out.put(kind, defaultChoice(kind));
      }
    }
    jdbc.query("SELECT kind, choice FROM kyodo_mail_preference WHERE user_id = ?", rs -> {
      try {
        NoticeKind kind = NoticeKind.valueOf(rs.getString(1));
        if (kind.configurable()) {
          out.put(kind, Choice.valueOf(rs.getString(2)));
        }
      } catch (IllegalArgumentException gone) {
        // a kind a later release removed: ignored
      }
    }, userId);
    return out;
  }

  /** Keeps the person's choices (kinds not named keep theirs); call within a transaction. */
  public void save(String userId, Map<NoticeKind, Choice> choices) {
    Timestamp now = Timestamp.from(CityCalendar.now());
    choices.forEach((kind, choice) -> {
      if (!kind.configurable()) {
        throw new IllegalArgumentException(kind.name() + " cannot be configured");
      }
      jdbc.update("DELETE FROM kyodo_mail_preference WHERE user_id = ? AND kind = ?", userId, kind.name());
      jdbc.update("INSERT INTO kyodo_mail_preference (user_id, kind, choice, updated_at) VALUES (?, ?, ?, ?)",
          userId, kind.name(), choice.name(), now);
    });
  }

  static Instant at(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
