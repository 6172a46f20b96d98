package jp.kyodo.project;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads what ② decided (Flyway {@code V2__partner_selection.sql}: {@code kyodo_selection}, {@code kyodo_call},
 * {@code kyodo_application}), read-only. ② writes these tables; the phases after it only look up the result.
 */
@Repository
public class SelectionResultRepository {

  private final JdbcTemplate jdbc;

  public SelectionResultRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The selection of that number, decided or not. */
  public Optional<SelectionResult> find(String selectionNumber) {
    return jdbc.query("SELECT selection_number, project_number, department_group, fiscal_year, method, outcome,"
        + " organisation_id, reason FROM kyodo_selection WHERE selection_number = ?", (rs, i) -> new SelectionResult(
            rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), proposal(rs.getString(1)).orElse(null)), selectionNumber)
        .stream().findFirst();
  }

  /**
   * The selection that chose a partner for the project's fiscal year, the latest decided when ② ran more than once
   * (a call reopened after a partner declined).
   */
  public Optional<SelectionResult> selectedFor(String projectNumber, int fiscalYear) {
    List<String> numbers = jdbc.queryForList("SELECT selection_number FROM kyodo_selection WHERE project_number = ?"
        + " AND fiscal_year = ? AND outcome = ? AND organisation_id IS NOT NULL ORDER BY decided_at DESC, selection_number DESC",
        String.class, projectNumber, fiscalYear, SelectionResult.SELECTED);
    return numbers.stream().findFirst().flatMap(this::find);
  }

  /**
   * The winning application of the partner the selection chose (a call may be repeated: the latest round's). Matched
   * by organisation, not just by result: a call may one day choose several partners (旭川 Q71), each with its own
   * proposal and agreement.
   */
  private Optional<SelectionResult.Proposal> proposal(String selectionNumber) {
    return jdbc.query("SELECT a.application_id, a.call_number, a.proposal_title, a.proposal, a.budget_plan"
            + " FROM kyodo_application a JOIN kyodo_call c ON c.call_number = a.call_number"
            + " JOIN kyodo_selection s ON s.selection_number = c.selection_number"
            + " WHERE c.selection_number = ? AND a.result = ? AND a.organisation_id = s.organisation_id"
            + " ORDER BY c.published_at DESC, a.application_id DESC",
        (rs, i) -> new SelectionResult.Proposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5)), selectionNumber, SelectionResult.SELECTED).stream().findFirst();
  }
}
