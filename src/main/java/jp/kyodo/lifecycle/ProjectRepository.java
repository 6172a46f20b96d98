package jp.kyodo.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.kyodo.evaluation.EvaluationChoices;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.NumberSeries;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The project tables (db/migration V6), read and written with plain SQL. */
@Repository
public class ProjectRepository {

  public static final int MAX_PAGE = 200;
  static final int MAX_REASON = 4000;
  static final int MAX_LABEL = 200;

  private static final String COLUMNS = "project_number, title, proposer, proposer_group, department_group,"
      + " department_name, partner_group, partner_name, chosen_form, other_form_description, collaboration_domain, calendar_pattern, phase,"
      + " round_no, fiscal_year, phase_started_at, phase_due_at, overdue_since, latest_grade, last_decision,"
      + " last_decision_label, last_decision_reason, last_decided_by, last_decided_at, status, outcome,"
      + " process_instance_id, opened_at, updated_at, closed_at";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final NumberSeries series;

  public ProjectRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.series = new NumberSeries(jdbc);
  }

  /**
   * Numbers and registers a new project: {@code <fiscal year of the proposal>-<serial, 3 digits>}, e.g.
   * {@code 2026-001}. Proposals numbered at the same moment get consecutive numbers ({@link NumberSeries}); should
   * the unique constraint still refuse one, the next is taken. The lifecycle instance is the project's idempotency
   * key, so an instance registers one project however often its step runs.
   */
  public String open(int proposalYear, String title, String proposer, String proposerGroup, String processInstanceId,
      Instant now) {
    Optional<String> registered = numberOf(processInstanceId);
    if (registered.isPresent()) {
      return registered.get();
    }
    OptionalInt serial = series.insertNext("project:" + proposalYear, () -> lastSerial(proposalYear),
        taken -> UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year,"
                + " serial_no, title, proposer, proposer_group, phase, round_no, status, process_instance_id, opened_at,"
                + " updated_at, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            number(proposalYear, taken), proposalYear, taken, title, proposer, proposerGroup, Phase.EXAMINATION.name(), 0,
            ProjectRecord.ACTIVE, processInstanceId, ts(now), ts(now), processInstanceId)),
        () -> numberOf(processInstanceId).isPresent());
    return serial.isPresent() ? number(proposalYear, serial.getAsInt()) : numberOf(processInstanceId).orElseThrow();
  }

  private Optional<String> numberOf(String sourceKey) {
    return jdbc.queryForList("SELECT project_number FROM kyodo_project WHERE source_key = ?", String.class, sourceKey)
        .stream().findFirst();
  }

  /** How often a number or position taken by a concurrent writer is skipped before giving up. */
  static final int MAX_ATTEMPTS = 50;

  /** The highest serial of the proposal year in the table: where a series not kept yet starts. */
  private int lastSerial(int proposalYear) {
    Integer max = jdbc.queryForObject("SELECT MAX(serial_no) FROM kyodo_project WHERE proposal_year = ?", Integer.class,
        proposalYear);
    return max == null ? 0 : max;
  }

  static String number(int proposalYear, int serial) {
    return String.format("%d-%03d", proposalYear, serial);
  }

  public void enterPhase(String number, ProjectRecord.Facts facts, ProjectRecord.PhaseEntry e, Instant now) {
    update(number, facts, now);
    jdbc.update("UPDATE kyodo_project SET phase = ?, round_no = ?, fiscal_year = ?, phase_started_at = ?, phase_due_at = ?,"
            + " overdue_since = NULL WHERE project_number = ?",
        e.phase().name(), e.round(), e.fiscalYear(), ts(e.startedAt()), ts(e.dueAt()), number);
  }

  /**
   * A later year that had started was stopped: the project stands again where the year that stopped it is (its
   * phase and fiscal year), so its list, the public page and the overview count it in that year.
   */
  public void standsAt(String number, Phase phase, int fiscalYear, Instant now) {
    jdbc.update("UPDATE kyodo_project SET phase = ?, fiscal_year = ?, overdue_since = NULL, updated_at = ?"
        + " WHERE project_number = ?", phase.name(), fiscalYear, ts(now), number);
  }

  /** What a phase decided about the project (its department, partner, form ...), as soon as it has ended. */
  public void update(String number, ProjectRecord.Facts f, Instant now) {
    jdbc.update("UPDATE kyodo_project SET title = ?, department_group = ?, department_name = ?, partner_group = ?,"
            + " partner_name = ?, chosen_form = ?, other_form_description = ?, collaboration_domain = ?, calendar_pattern = ?,"
            + " updated_at = ? WHERE project_number = ?",
        f.title(), f.departmentGroup(), f.departmentName(), f.partnerGroup(), f.partnerName(), f.chosenForm(),
        f.otherFormDescription(), f.domain(),
        f.calendarPattern(), ts(now), number);
  }

  /** The phase passed its due date; the managers are asked to respond (it stays open). */
  public void markOverdue(String number, Instant since) {
    jdbc.update("UPDATE kyodo_project SET overdue_since = ?, updated_at = ? WHERE project_number = ?", ts(since),
        ts(since), number);
  }

  /** Appends a decision and makes it the project's latest; an evaluation also sets the latest grade. */
  public void recordDecision(String number, ProjectDecision d) {
    recordDecision(number, d, null);
  }

  /**
   * As {@link #recordDecision(String, ProjectDecision)}, once per {@code sourceKey} (the task or activity instance
   * that decided): the step run again finds its decision recorded and adds nothing. A position another decision
   * took at the same moment is skipped.
   */
  public void recordDecision(String number, ProjectDecision where, String sourceKey) {
    Decision d = where.decision();
    String label = abbreviate(d.label(), MAX_LABEL);
    String reason = abbreviate(d.reason(), MAX_REASON);
    int position = nextPosition(number);
    for (int attempt = 0; ; attempt++) {
      int taken = position;
      boolean inserted = UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_project_decision"
              + " (project_number, position, phase, round_no, fiscal_year, decision, decision_label, reason, decided_by,"
              + " decided_at, source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          number, taken, where.phase().name(), where.round(), where.fiscalYear(), d.outcome(), label, reason, d.decidedBy(),
          ts(d.decidedAt()), sourceKey));
      if (inserted) {
        break;
      }
      if (sourceKey != null && jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project_decision WHERE source_key = ?",
          Integer.class, sourceKey) > 0) {
        return;
      }
      if (attempt + 1 >= MAX_ATTEMPTS) {
        throw new InvalidInputException("同じ事業の判断が同時に記録されたため、この操作は反映されませんでした。もう一度実行してください。");
      }
      position = Math.max(position + 1, nextPosition(number));
    }
    jdbc.update("UPDATE kyodo_project SET last_decision = ?, last_decision_label = ?, last_decision_reason = ?,"
            + " last_decided_by = ?, last_decided_at = ?, updated_at = ? WHERE project_number = ?",
        d.outcome(), label, reason, d.decidedBy(), ts(d.decidedAt()), ts(d.decidedAt()), number);
    // Only ⑤'s own outcome is a grade: a manager's answer to an overdue ⑤, or a staff handover while ⑤ runs, is
    // recorded under ⑤ too and leaves the grade as it was.
    if (where.phase() == Phase.EVALUATION && isGrade(d.outcome())) {
      jdbc.update("UPDATE kyodo_project SET latest_grade = ? WHERE project_number = ?", d.outcome(), number);
    }
  }

  private static boolean isGrade(String outcome) {
    return java.util.Arrays.stream(EvaluationChoices.Grade.values()).anyMatch(grade -> grade.name().equals(outcome));
  }

  private int nextPosition(String number) {
    Integer max = jdbc.queryForObject("SELECT MAX(position) FROM kyodo_project_decision WHERE project_number = ?",
        Integer.class, number);
    return max == null ? 1 : max + 1;
  }

  public void close(String number, ProjectOutcome outcome, Instant at) {
    jdbc.update("UPDATE kyodo_project SET status = ?, outcome = ?, overdue_since = NULL, closed_at = ?, updated_at = ?"
        + " WHERE project_number = ?", ProjectRecord.CLOSED, outcome.name(), ts(at), ts(at), number);
  }

  public Optional<ProjectRecord> find(String number) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_project WHERE project_number = ?", this::project, number)
        .stream().findFirst();
  }

  public List<ProjectDecision> decisions(String number) {
    return jdbc.query("SELECT phase, round_no, fiscal_year, decision, decision_label, reason, decided_by, decided_at"
        + " FROM kyodo_project_decision WHERE project_number = ? ORDER BY position", (rs, i) -> new ProjectDecision(
            Phase.valueOf(rs.getString("phase")), rs.getInt("round_no"),
            rs.getObject("fiscal_year") instanceof Number year ? year.longValue() : null,
            new Decision(rs.getString("decision"), rs.getString("decision_label"), rs.getString("reason"),
                rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")))), number);
  }

  /** Filters of the project list; null means any. */
  public record Filter(Phase phase, Integer fiscalYear, String departmentGroup, String status) {}

  /**
   * Whose projects a reader sees: all of them, or those whose department, partner or proposing group is one
   * of the reader's groups.
   */
  public record Visibility(boolean all, Collection<String> groups) {
    public static Visibility everything() {
      return new Visibility(true, List.of());
    }

    public static Visibility ofGroups(Collection<String> groups) {
      return new Visibility(false, List.copyOf(groups));
    }
  }

  public record Page(long total, int offset, int limit, List<ProjectRecord> projects) {}

  /** One page, newest first. */
  public Page list(Filter filter, Visibility visibility, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    List<String> conditions = new ArrayList<>();
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (filter.phase() != null) {
      conditions.add("phase = :phase");
      params.addValue("phase", filter.phase().name());
    }
    if (filter.fiscalYear() != null) {
      conditions.add("fiscal_year = :fiscalYear");
      params.addValue("fiscalYear", filter.fiscalYear());
    }
    if (filter.departmentGroup() != null) {
      conditions.add("department_group = :department");
      params.addValue("department", filter.departmentGroup());
    }
    if (filter.status() != null) {
      conditions.add("status = :status");
      params.addValue("status", filter.status());
    }
    if (!visibility.all()) {
      if (visibility.groups().isEmpty()) {
        return new Page(0, from, size, List.of());
      }
      conditions.add("(department_group IN (:groups) OR partner_group IN (:groups) OR proposer_group IN (:groups))");
      params.addValue("groups", visibility.groups());
    }
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    Long total = named.queryForObject("SELECT COUNT(*) FROM kyodo_project" + where, params, Long.class);
    params.addValue("offset", from).addValue("limit", size);
    List<ProjectRecord> projects = named.query("SELECT " + COLUMNS + " FROM kyodo_project" + where
        + " ORDER BY opened_at DESC, project_number DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", params,
        this::project);
    return new Page(total == null ? 0 : total, from, size, projects);
  }

  private ProjectRecord project(ResultSet rs, int row) throws SQLException {
    return new ProjectRecord(rs.getString("project_number"), rs.getString("title"), rs.getString("proposer"),
        rs.getString("proposer_group"), rs.getString("department_group"), rs.getString("department_name"),
        rs.getString("partner_group"), rs.getString("partner_name"), rs.getString("chosen_form"),
        rs.getString("other_form_description"), rs.getObject("collaboration_domain", Integer.class), rs.getString("calendar_pattern"),
        Phase.valueOf(rs.getString("phase")), rs.getInt("round_no"), rs.getObject("fiscal_year", Integer.class),
        instant(rs.getTimestamp("phase_started_at")), instant(rs.getTimestamp("phase_due_at")),
        instant(rs.getTimestamp("overdue_since")), rs.getString("latest_grade"), rs.getString("last_decision"),
        rs.getString("last_decision_label"), rs.getString("last_decision_reason"), rs.getString("last_decided_by"),
        instant(rs.getTimestamp("last_decided_at")), rs.getString("status"), rs.getString("outcome"),
        rs.getString("process_instance_id"), instant(rs.getTimestamp("opened_at")), instant(rs.getTimestamp("updated_at")),
        instant(rs.getTimestamp("closed_at")));
  }

  static String abbreviate(String text, int max) {
    if (text == null || text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
