package jp.kyodo.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The registry's tables (db/migration), read and written with plain SQL. */
@Repository
public class OrganisationRepository {

  static final int MAX_PAGE = 200;
  private static final String COLUMNS = "id, name, organisation_type, representative, contact_email, contact_phone, address,"
      + " activity_fields, activity_record, financial_state, status, status_reason, status_decided_by, status_decided_at";

  private final JdbcTemplate jdbc;

  public OrganisationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Organisation> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_organisation WHERE id = ?", this::organisation, id)
        .stream().findFirst();
  }

  public Optional<Organisation> findByName(String name) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_organisation WHERE name = ?", this::organisation, name)
        .stream().findFirst();
  }

  /** One page, by name; a status of null lists every status. */
  public List<Organisation> list(RegistrationStatus status, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    if (status == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_organisation ORDER BY name OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
          this::organisation, from, size);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_organisation WHERE status = ? ORDER BY name"
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::organisation, status.name(), from, size);
  }

  /** The organisations a user acts for. */
  public List<Organisation> ofMember(String userId) {
    return jdbc.query("SELECT " + COLUMNS.replace("id,", "o.id,") + " FROM kyodo_organisation o"
        + " JOIN kyodo_organisation_member m ON m.organisation_id = o.id WHERE m.user_id = ? ORDER BY o.name",
        this::organisation, userId);
  }

  @Transactional
  public void insert(Organisation o) {
    insertRow(o);
    insertMembers(o);
  }

  /**
   * Enters a new organisation with its members; false, and nothing entered, when the unique index refuses it: an
   * organisation of that name (or, very rarely, of that id) is there already — also one entered at the same moment,
   * after this application's check of the name.
   */
  @Transactional
  public boolean insertNew(Organisation o) {
    if (!UniqueInsert.tryInsert(jdbc, () -> insertRow(o))) {
      return false;
    }
    insertMembers(o);
    return true;
  }

  private void insertRow(Organisation o) {
    Timestamp now = Timestamp.from(CityCalendar.now());
    jdbc.update("INSERT INTO kyodo_organisation (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        o.id(), o.name(), o.type().name(), o.representative(), o.contactEmail(), o.contactPhone(), o.address(),
        String.join(",", o.activityFields()), o.activityRecord(), o.financialState(), o.status().name(),
        o.statusReason(), o.statusDecidedBy(), o.statusDecidedAt() == null ? null : Timestamp.from(o.statusDecidedAt()),
        now, now);
  }

  private void insertMembers(Organisation o) {
    for (String member : o.members()) {
      jdbc.update("INSERT INTO kyodo_organisation_member (organisation_id, user_id) VALUES (?, ?)", o.id(), member);
    }
  }

  /** Records a decision on the registration, with who decided and why. */
  public void decide(String id, RegistrationStatus status, String reason, String decidedBy) {
    Timestamp now = Timestamp.from(CityCalendar.now());
    int rows = jdbc.update("UPDATE kyodo_organisation SET status = ?, status_reason = ?, status_decided_by = ?,"
        + " status_decided_at = ?, updated_at = ? WHERE id = ?", status.name(), reason, decidedBy, now, now, id);
    if (rows != 1) {
      throw new IllegalArgumentException("no organisation " + id);
    }
  }

  /**
   * Enters that the organisation held the project in that fiscal year, once per project, organisation and year: the
   * selection enters it, and the agreement again for a year without a selection (a continued project), which then
   * finds it there. The project is its number, or for a phase started on its own its process instance — never the
   * title, which two projects may share. False when the year was entered already.
   */
  /**
   * The organisation did not hold the project that year after all (it declined the agreement in ③): the year does not
   * count towards its fixation (千葉 ②). Returns how many rows were removed.
   */
  public int forgetPartnership(String organisationId, String projectNumber, int fiscalYear) {
    return jdbc.update("DELETE FROM kyodo_partnership WHERE organisation_id = ? AND project_number = ? AND fiscal_year = ?",
        organisationId, projectNumber, fiscalYear);
  }

  public boolean recordPartnership(Partnership p) {
    String id = UUID.randomUUID().toString();
    String key = p.projectNumber() != null ? p.projectNumber()
        : p.processInstanceId() != null ? "instance:" + p.processInstanceId() : "row:" + id;
    if (jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_partnership WHERE project_key = ? AND organisation_id = ?"
        + " AND fiscal_year = ?", Integer.class, key, p.organisationId(), p.fiscalYear()) > 0) {
      return false;
    }
    // Entered at the same moment by another node (or a step racing itself): the unique index refuses the second row.
    return UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_partnership (id, organisation_id,"
            + " department_group, project_number, project_key, project_title, fiscal_year, process_instance_id, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, p.organisationId(), p.departmentGroup(), p.projectNumber(), key, p.projectTitle(), p.fiscalYear(),
        p.processInstanceId(), Timestamp.from(CityCalendar.now())));
  }

  public List<Partnership> partnerships(String organisationId) {
    return jdbc.query("SELECT organisation_id, department_group, project_number, project_title, fiscal_year,"
        + " process_instance_id FROM kyodo_partnership WHERE organisation_id = ?"
        + " ORDER BY fiscal_year DESC, department_group, project_key",
        (rs, i) -> new Partnership(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getString(6)),
        organisationId);
  }

  /** Fiscal years in which the organisation held any collaboration of the department, newest first. */
  public List<Integer> yearsHeld(String organisationId, String departmentGroup) {
    return jdbc.queryForList("SELECT DISTINCT fiscal_year FROM kyodo_partnership WHERE organisation_id = ?"
        + " AND department_group = ? ORDER BY fiscal_year DESC", Integer.class, organisationId, departmentGroup);
  }

  /**
   * Keeps a manager's answer on a fixation exception (千葉 ②), once per task: the task's id is the row's, so a step
   * run again writes nothing new. False when it was kept already.
   */
  public boolean recordFixationException(FixationExceptionRecord r) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_fixation_exception WHERE id = ?", Integer.class, r.id()) > 0) {
      return false;
    }
    return UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_fixation_exception (id, organisation_id,"
            + " department_group, project_number, fiscal_year, consecutive_years, phase, exception_allowed, request, reason,"
            + " decided_by, decided_at, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(), r.organisationId(), r.departmentGroup(), r.projectNumber(), r.fiscalYear(), r.consecutiveYears(),
        r.phase(), r.allowed(), r.request(), r.reason(), r.decidedBy(), Timestamp.from(r.decidedAt()),
        r.processInstanceId()));
  }

  /** The managers' answers on fixation exceptions for the organisation and department, newest first. */
  public List<FixationExceptionRecord> fixationExceptions(String organisationId, String departmentGroup) {
    return jdbc.query("SELECT id, organisation_id, department_group, project_number, fiscal_year, consecutive_years,"
        + " phase, exception_allowed, request, reason, decided_by, decided_at, process_instance_id"
        + " FROM kyodo_fixation_exception WHERE organisation_id = ? AND department_group = ?"
        + " ORDER BY fiscal_year DESC, decided_at DESC, id",
        (rs, i) -> new FixationExceptionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getTimestamp(12).toInstant(), rs.getString(13)),
        organisationId, departmentGroup);
  }

  private Organisation organisation(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    Timestamp decidedAt = rs.getTimestamp("status_decided_at");
    return new Organisation(id, rs.getString("name"), OrganisationType.valueOf(rs.getString("organisation_type")),
        rs.getString("representative"), rs.getString("contact_email"), rs.getString("contact_phone"),
        rs.getString("address"), Arrays.stream(rs.getString("activity_fields").split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getString("activity_record"), rs.getString("financial_state"),
        RegistrationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
        rs.getString("status_decided_by"), decidedAt == null ? null : decidedAt.toInstant(),
        jdbc.queryForList("SELECT user_id FROM kyodo_organisation_member WHERE organisation_id = ? ORDER BY user_id",
            String.class, id));
  }
}
