package jp.kyodo.lifecycle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kyodo.lifecycle.FiscalYearChoices.YearMode;
import jp.kyodo.platform.Decision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The fiscal years of the projects ({@code kyodo_project_year}, db/migration V11): one row per year instance, its
 * status, and its budget request (予算要求, 旭川 Q50) — the office's list of what each department asks for a fiscal
 * year and what the budget granted. Written by the year's own steps, read by {@link BudgetRequestApi} and the
 * project API.
 */
@Repository
public class ProjectYearRepository {

  public static final String RUNNING = "RUNNING";
  public static final String ENDED = "ENDED";
  public static final String STOPPED = "STOPPED";

  private static final String COLUMNS = "project_number, fiscal_year, year_mode, status, outcome, process_instance_id,"
      + " started_at, ended_at, department_group, requested_budget, budget_basis, budget_requested_by,"
      + " budget_requested_at, budget_decision, approved_budget, budget_comment, budget_decided_by, budget_decided_at,"
      + " next_year_plan, next_year_note";

  private final JdbcTemplate jdbc;

  public ProjectYearRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One year of a project as the office sees it. */
  public record ProjectYear(String projectNumber, int fiscalYear, YearMode mode, String status, String outcome,
      String processInstanceId, Instant startedAt, Instant endedAt, String departmentGroup, Long requestedBudget,
      String budgetBasis, String budgetRequestedBy, Instant budgetRequestedAt, String budgetDecision,
      Long approvedBudget, String budgetComment, String budgetDecidedBy, Instant budgetDecidedAt,
      String nextYearPlan, String nextYearNote) {}

  /** A year started; the same instance registered again (its step run twice) changes nothing. */
  public void started(String projectNumber, int fiscalYear, YearMode mode, String instanceId, String departmentGroup,
      Instant at) {
    if (find(instanceId).isPresent()) {
      return;
    }
    jdbc.update("INSERT INTO kyodo_project_year (project_number, fiscal_year, year_mode, status, process_instance_id,"
        + " started_at, department_group) VALUES (?, ?, ?, ?, ?, ?, ?)", projectNumber, fiscalYear, mode.name(), RUNNING,
        instanceId, ts(at), departmentGroup);
  }

  /** The years of the project for that fiscal year that run now. */
  public List<ProjectYear> running(String projectNumber, int fiscalYear) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_project_year WHERE project_number = ? AND fiscal_year = ?"
        + " AND status = ?", ProjectYearRepository::row, projectNumber, fiscalYear, RUNNING);
  }

  public void budgetRequested(String instanceId, long amount, String basis, String by, Instant at) {
    jdbc.update("UPDATE kyodo_project_year SET requested_budget = ?, budget_basis = ?, budget_requested_by = ?,"
        + " budget_requested_at = ? WHERE process_instance_id = ?", amount, basis, by, ts(at), instanceId);
  }

  public void budgetDecided(String instanceId, Decision decision, Long approved) {
    jdbc.update("UPDATE kyodo_project_year SET budget_decision = ?, approved_budget = ?, budget_comment = ?,"
        + " budget_decided_by = ?, budget_decided_at = ? WHERE process_instance_id = ?", decision.outcome(), approved,
        decision.reason(), decision.decidedBy(), ts(decision.decidedAt()), instanceId);
  }

  public void nextYearPlanned(String instanceId, String plan, String note) {
    jdbc.update("UPDATE kyodo_project_year SET next_year_plan = ?, next_year_note = ? WHERE process_instance_id = ?",
        plan, note, instanceId);
  }

  /** The year came to one of its ends ({@code outcome}: a {@link FiscalYearChoices.YearOutcome}). */
  public void ended(String instanceId, String outcome, Instant at) {
    jdbc.update("UPDATE kyodo_project_year SET status = ?, outcome = ?, ended_at = ? WHERE process_instance_id = ?"
        + " AND status = ?", ENDED, outcome, ts(at), instanceId, RUNNING);
  }

  /** ⑥ of an earlier year stopped this one (見直し, 自立, 終了) before it ended. */
  public void stopped(String instanceId, String outcome, Instant at) {
    jdbc.update("UPDATE kyodo_project_year SET status = ?, outcome = ?, ended_at = ? WHERE process_instance_id = ?"
        + " AND status = ?", STOPPED, outcome, ts(at), instanceId, RUNNING);
  }

  public Optional<ProjectYear> find(String instanceId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_project_year WHERE process_instance_id = ?",
        ProjectYearRepository::row, instanceId).stream().findFirst();
  }

  /** The project's years, oldest first. */
  public List<ProjectYear> ofProject(String projectNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_project_year WHERE project_number = ?"
        + " ORDER BY fiscal_year, started_at", ProjectYearRepository::row, projectNumber);
  }

  /** Every year of that fiscal year with a budget request, by department then project (the office's list). */
  public List<ProjectYear> budgetRequests(int fiscalYear) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_project_year WHERE fiscal_year = ?"
            + " AND budget_requested_at IS NOT NULL ORDER BY department_group, project_number, started_at",
        ProjectYearRepository::row, fiscalYear);
  }

  private static ProjectYear row(ResultSet rs, int i) throws SQLException {
    return new ProjectYear(rs.getString("project_number"), rs.getInt("fiscal_year"),
        YearMode.valueOf(rs.getString("year_mode")), rs.getString("status"), rs.getString("outcome"),
        rs.getString("process_instance_id"), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("ended_at")), rs.getString("department_group"), number(rs, "requested_budget"),
        rs.getString("budget_basis"), rs.getString("budget_requested_by"), instant(rs.getTimestamp("budget_requested_at")),
        rs.getString("budget_decision"), number(rs, "approved_budget"), rs.getString("budget_comment"),
        rs.getString("budget_decided_by"), instant(rs.getTimestamp("budget_decided_at")), rs.getString("next_year_plan"),
        rs.getString("next_year_note"));
  }

  private static Long number(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
