package jp.kyodo.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import jp.kyodo.platform.CityCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every change of an organisation's members (who did what to whom, when), for the collaboration office: members
 * manage their organisation themselves, and the office sees each change ({@code /api/organisations/{id}/member-changes}).
 */
@Component
public class MemberChanges {

  public enum Action { REGISTERED, INVITED, ACCEPTED, REMOVED }

  /** One change, as the office reads it. */
  public record Change(String organisationId, Action action, String memberId, String actedBy, Instant actedAt) {}

  private final JdbcTemplate jdbc;

  public MemberChanges(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String organisationId, Action action, String memberId, String actedBy) {
    jdbc.update("INSERT INTO kyodo_member_change (organisation_id, action, member_id, acted_by, acted_at)"
        + " VALUES (?, ?, ?, ?, ?)", organisationId, action.name(), memberId, actedBy, Timestamp.from(CityCalendar.now()));
  }

  public List<Change> of(String organisationId) {
    return jdbc.query("SELECT organisation_id, action, member_id, acted_by, acted_at FROM kyodo_member_change"
        + " WHERE organisation_id = ? ORDER BY acted_at, id", (rs, i) -> new Change(rs.getString(1),
            Action.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()),
        organisationId);
  }
}
