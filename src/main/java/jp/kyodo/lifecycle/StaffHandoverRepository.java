package jp.kyodo.lifecycle;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The staff handovers of the projects ({@code kyodo_staff_handover}, db/migration V16), one row per confirmed one. */
@Repository
public class StaffHandoverRepository {

  private final JdbcTemplate jdbc;

  public StaffHandoverRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A confirmed handover: where the project stood, who handed over to whom, the meeting, who decided. */
  public record StaffHandover(String id, String projectNumber, String departmentGroup, Phase phase, int round,
      Integer fiscalYear, String previousMain, String previousDeputy, String newMain, String newDeputy, String reason,
      LocalDate heldOn, String partnerAttendee, String notes, String requestedBy, String recordedBy, String confirmedBy,
      Instant confirmedAt, int tasksReassigned) {}

  /** Keeps the handover; its process instance is the key, so the same handover is never kept twice. */
  public void insert(StaffHandover h) {
    jdbc.update("INSERT INTO kyodo_staff_handover (id, project_number, department_group, phase, round_no, fiscal_year,"
            + " previous_main, previous_deputy, new_main, new_deputy, reason, held_on, partner_attendee, notes,"
            + " requested_by, recorded_by, confirmed_by, confirmed_at, tasks_reassigned)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        h.id(), h.projectNumber(), h.departmentGroup(), h.phase().name(), h.round(), h.fiscalYear(), h.previousMain(),
        h.previousDeputy(), h.newMain(), h.newDeputy(), h.reason(), Date.valueOf(h.heldOn()), h.partnerAttendee(),
        h.notes(), h.requestedBy(), h.recordedBy(), h.confirmedBy(), Timestamp.from(h.confirmedAt()),
        h.tasksReassigned());
  }

  /** The project's handovers, oldest first. */
  public List<StaffHandover> ofProject(String projectNumber) {
    return jdbc.query("SELECT * FROM kyodo_staff_handover WHERE project_number = ? ORDER BY confirmed_at, id",
        StaffHandoverRepository::row, projectNumber);
  }

  private static StaffHandover row(ResultSet rs, int i) throws SQLException {
    return new StaffHandover(rs.getString("id"), rs.getString("project_number"), rs.getString("department_group"),
        Phase.valueOf(rs.getString("phase")), rs.getInt("round_no"), rs.getObject("fiscal_year", Integer.class),
        rs.getString("previous_main"), rs.getString("previous_deputy"), rs.getString("new_main"),
        rs.getString("new_deputy"), rs.getString("reason"), rs.getDate("held_on").toLocalDate(),
        rs.getString("partner_attendee"), rs.getString("notes"), rs.getString("requested_by"),
        rs.getString("recorded_by"), rs.getString("confirmed_by"), rs.getTimestamp("confirmed_at").toInstant(),
        rs.getInt("tasks_reassigned"));
  }
}
