package jp.kyodo.selection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import jp.kyodo.selection.ScoreAggregation.Result;
import jp.kyodo.selection.ScoreAggregation.Review;
import jp.kyodo.platform.NumberSeries;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The selection record in Kyodo's tables (db/migration V2): selections, public calls, applications,
 * conflict declarations and reviews. Times come from the engine's clock, so a deadline means the same
 * to a timer and to a late applicant.
 */
@Repository
public class SelectionRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  public record Call(String callNumber, String selectionNumber, String projectTitle, String departmentGroup,
      int fiscalYear, String purpose, String eligibility, List<Criterion> criteria, Instant deadlineAt, int quorum,
      List<String> reviewers, String status, String publishedBy, Instant publishedAt, Long budgetFrame,
      List<String> activityFields, String projectNumber) {

    public boolean acceptsApplicationsAt(Instant when) {
      return "OPEN".equals(status) && when.isBefore(deadlineAt);
    }
  }

  /**
   * What a call offers and who offers it, beside its text (関市 ルール4): 予算の枠 (yen, or none), the fields of activity
   * (codes of {@code RegistrationProcess.ActivityField}), the department's name and the form of collaboration.
   */
  public record CallTerms(Long budgetFrame, List<String> activityFields, String departmentName, String collaborationForm,
      String otherFormDescription) {

    public CallTerms {
      activityFields = activityFields == null ? List.of() : List.copyOf(activityFields);
    }
  }

  public record Application(String applicationId, String callNumber, String organisationId, String processInstanceId,
      String submittedBy, Instant submittedAt, String proposalTitle, String proposal, String budgetPlan, Boolean eligible,
      String screeningReason, BigDecimal weightedScore, Integer reviewCount, Boolean quorumMet, Integer ranking,
      Boolean tied, String result) {}

  private final JdbcTemplate jdbc;

  public SelectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Timestamp now() {
    return Timestamp.from(CityCalendar.now());
  }

  /** Opens the record of one selection and returns its number, {@code <fiscal year>-S<serial>}. */
  public String openSelection(String processInstanceId, String projectNumber, String title, String departmentGroup,
      int fiscalYear) {
    return insertNumbered("selection:" + fiscalYear, serial -> fiscalYear + "-S" + String.format("%03d", serial),
        "SELECT selection_number FROM kyodo_selection WHERE fiscal_year = ?", new Object[] {fiscalYear},
        number -> jdbc.update("INSERT INTO kyodo_selection (selection_number, process_instance_id, project_number,"
            + " project_title, department_group, fiscal_year, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            number, processInstanceId, projectNumber, title, departmentGroup, fiscalYear, now()));
  }

  /**
   * Inserts with the next number of the series ({@link NumberSeries}: numbers taken at the same moment, on this node
   * or another, come out consecutive). {@code numbersSql} lists the numbers already in the table, from which a series
   * not kept yet starts. The insert runs under a savepoint ({@link UniqueInsert}): should a unique constraint still
   * refuse it, the transaction stays usable on PostgreSQL and the next number is taken.
   */
  private String insertNumbered(String series, IntFunction<String> format, String numbersSql, Object[] numbersArgs,
      java.util.function.Consumer<String> insert) {
    return insertNumbered(series, format, numbersSql, numbersArgs, insert, Optional::empty).number();
  }

  /** A numbered row: the one just written, or ({@code fresh} false) the one found written already. */
  private record Numbered(String number, boolean fresh) {}

  /** As above; {@code existing} tells, after a refused insert, whether the row is there already (then returned). */
  private Numbered insertNumbered(String series, IntFunction<String> format, String numbersSql, Object[] numbersArgs,
      java.util.function.Consumer<String> insert, java.util.function.Supplier<Optional<String>> existing) {
    java.util.OptionalInt serial = new NumberSeries(jdbc).insertNext(series,
        () -> jdbc.queryForList(numbersSql, String.class, numbersArgs).stream().mapToInt(NumberSeries::trailingSerial)
            .max().orElse(0),
        taken -> UniqueInsert.tryInsert(jdbc, () -> insert.accept(format.apply(taken))), () -> existing.get().isPresent());
    return serial.isPresent() ? new Numbered(format.apply(serial.getAsInt()), true)
        : new Numbered(existing.get().orElseThrow(), false);
  }

  /** How the selection ended, by which method, with whom (none unless a partner was selected), proposed by whom. */
  public void recordDecision(String selectionNumber, String method, Decision d, String organisationId,
      String proposedBy) {
    jdbc.update("UPDATE kyodo_selection SET method = ?, outcome = ?, organisation_id = ?, reason = ?, proposed_by = ?,"
        + " decided_by = ?, decided_at = ? WHERE selection_number = ?",
        method, d.outcome(), organisationId, d.reason(), proposedBy, d.decidedBy(), Timestamp.from(d.decidedAt()),
        selectionNumber);
  }

  public Optional<Map<String, Object>> selection(String selectionNumber) {
    return jdbc.queryForList("SELECT * FROM kyodo_selection WHERE selection_number = ?", selectionNumber).stream().findFirst();
  }

  /**
   * Publishes a call of the selection, numbered {@code <selection>-K<round>}, once per {@code sourceKey} (the step that
   * publishes): run again, it returns the call it published.
   */
  public String publishCall(String selectionNumber, String purpose, String eligibility, List<Criterion> criteria,
      Instant deadlineAt, int quorum, List<String> reviewers, CallTerms terms, String publishedBy, String sourceKey) {
    java.util.function.Supplier<Optional<String>> published = () -> sourceKey == null ? Optional.empty()
        : jdbc.queryForList("SELECT call_number FROM kyodo_call WHERE source_key = ?", String.class, sourceKey).stream()
            .findFirst();
    Optional<String> already = published.get();
    if (already.isPresent()) {
      return already.get();
    }
    return insertNumbered("call:" + selectionNumber, round -> selectionNumber + "-K" + round,
        "SELECT call_number FROM kyodo_call WHERE selection_number = ?", new Object[] {selectionNumber},
        number -> jdbc.update("INSERT INTO kyodo_call (call_number, selection_number, purpose, eligibility, criteria_json,"
            + " deadline_at, quorum, reviewers, budget_frame, activity_fields, department_name, collaboration_form,"
            + " other_form_description, status, published_by, published_at, source_key)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)",
            number, selectionNumber, purpose, eligibility, write(criteria), Timestamp.from(deadlineAt), quorum,
            String.join(",", reviewers), terms.budgetFrame(), String.join(",", terms.activityFields()),
            terms.departmentName(), terms.collaborationForm(), terms.otherFormDescription(), publishedBy, now(),
            sourceKey),
        published).number();
  }

  private static final String CALL_COLUMNS = "c.call_number, c.selection_number, s.project_title, s.department_group,"
      + " s.fiscal_year, c.purpose, c.eligibility, c.criteria_json, c.deadline_at, c.quorum, c.reviewers, c.status,"
      + " c.published_by, c.published_at, c.budget_frame, c.activity_fields, s.project_number FROM kyodo_call c JOIN kyodo_selection s ON s.selection_number = c.selection_number";

  public Optional<Call> call(String callNumber) {
    return jdbc.query("SELECT " + CALL_COLUMNS + " WHERE c.call_number = ?", this::mapCall, callNumber).stream().findFirst();
  }

  /** Calls by status (all when null), newest first, one page. */
  public List<Call> calls(String status, int offset, int limit) {
    int size = Math.max(1, Math.min(limit, 200));
    if (status == null) {
      return jdbc.query("SELECT " + CALL_COLUMNS + " ORDER BY c.published_at DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
          this::mapCall, Math.max(0, offset), size);
    }
    return jdbc.query("SELECT " + CALL_COLUMNS + " WHERE c.status = ? ORDER BY c.published_at DESC"
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", this::mapCall, status, Math.max(0, offset), size);
  }

  public void setCallStatus(String callNumber, String status) {
    jdbc.update("UPDATE kyodo_call SET status = ?, result_published_at = CASE WHEN ? = 'DECIDED' THEN ? ELSE"
        + " result_published_at END WHERE call_number = ?", status, status, now(), callNumber);
  }

  /** Records an application; refused (false) when the organisation has applied to this call already. */
  public Optional<String> insertApplication(String callNumber, String organisationId, String processInstanceId,
      String submittedBy, String proposalTitle, String proposal, String budgetPlan) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_application WHERE call_number = ? AND organisation_id = ?",
        Integer.class, callNumber, organisationId) > 0) {
      return Optional.empty();
    }
    // The same organisation applying at the same moment (twice, or from two nodes) meets the unique constraint on
    // (call, organisation): refused like any repeated application.
    Numbered application = insertNumbered("application:" + callNumber,
        serial -> callNumber + "-A" + String.format("%02d", serial),
        "SELECT application_id FROM kyodo_application WHERE call_number = ?", new Object[] {callNumber},
        id -> jdbc.update("INSERT INTO kyodo_application (application_id, call_number, organisation_id,"
            + " process_instance_id, submitted_by, submitted_at, proposal_title, proposal, budget_plan)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            id, callNumber, organisationId, processInstanceId, submittedBy, now(), proposalTitle, proposal, budgetPlan),
        () -> jdbc.queryForList("SELECT application_id FROM kyodo_application WHERE call_number = ? AND organisation_id = ?",
            String.class, callNumber, organisationId).stream().findFirst());
    return application.fresh() ? Optional.of(application.number()) : Optional.empty();
  }

  private static final String APPLICATION_COLUMNS = "application_id, call_number, organisation_id, process_instance_id,"
      + " submitted_by, submitted_at, proposal_title, proposal, budget_plan, eligible, screening_reason, weighted_score,"
      + " review_count, quorum_met, ranking, tied, result FROM kyodo_application";

  public Optional<Application> application(String applicationId) {
    return jdbc.query("SELECT " + APPLICATION_COLUMNS + " WHERE application_id = ?", this::mapApplication, applicationId)
        .stream().findFirst();
  }

  /** The call's applications in order of submission. */
  public List<Application> applications(String callNumber) {
    return jdbc.query("SELECT " + APPLICATION_COLUMNS + " WHERE call_number = ? ORDER BY application_id",
        this::mapApplication, callNumber);
  }

  public void recordScreening(String applicationId, boolean eligible, String reason, String screenedBy) {
    jdbc.update("UPDATE kyodo_application SET eligible = ?, screening_reason = ?, screened_by = ?, screened_at = ?,"
        + " result = ? WHERE application_id = ?", eligible, reason, screenedBy, now(), eligible ? null : "INELIGIBLE",
        applicationId);
  }

  /** One reviewer's declaration over all eligible applications of a call: conflicted or not, each. */
  public void declareConflicts(String callNumber, String reviewer, List<String> conflicted, String note) {
    for (Application application : applications(callNumber)) {
      if (!Boolean.TRUE.equals(application.eligible())) {
        continue;
      }
      boolean isConflicted = conflicted.contains(application.applicationId());
      jdbc.update("DELETE FROM kyodo_conflict_declaration WHERE application_id = ? AND reviewer_id = ?",
          application.applicationId(), reviewer);
      jdbc.update("INSERT INTO kyodo_conflict_declaration (application_id, reviewer_id, conflicted, note, declared_at)"
          + " VALUES (?, ?, ?, ?, ?)", application.applicationId(), reviewer, isConflicted, isConflicted ? note : null, now());
    }
  }

  /** The eligible applications the reviewer declared no conflict on: the ones they score. */
  public List<String> applicationsToScore(String callNumber, String reviewer) {
    return jdbc.queryForList("SELECT a.application_id FROM kyodo_application a JOIN kyodo_conflict_declaration d"
        + " ON d.application_id = a.application_id AND d.reviewer_id = ? WHERE a.call_number = ? AND a.eligible = TRUE"
        + " AND d.conflicted = FALSE ORDER BY a.application_id", String.class, reviewer, callNumber);
  }

  /** Whether the reviewer declared, and declared no conflict, on the application. */
  public boolean mayScore(String applicationId, String reviewer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_conflict_declaration WHERE application_id = ?"
        + " AND reviewer_id = ? AND conflicted = FALSE", Integer.class, applicationId, reviewer) == 1;
  }

  public List<String> conflictedReviewers(String applicationId) {
    return jdbc.queryForList("SELECT reviewer_id FROM kyodo_conflict_declaration WHERE application_id = ?"
        + " AND conflicted = TRUE ORDER BY reviewer_id", String.class, applicationId);
  }

  public void recordReview(String applicationId, String reviewer, Map<String, Integer> scores, String comment) {
    jdbc.update("DELETE FROM kyodo_review WHERE application_id = ? AND reviewer_id = ?", applicationId, reviewer);
    jdbc.update("INSERT INTO kyodo_review (application_id, reviewer_id, scores_json, review_comment, reviewed_at)"
        + " VALUES (?, ?, ?, ?, ?)", applicationId, reviewer, write(scores), comment, now());
  }

  public List<Review> reviews(String callNumber) {
    return jdbc.query("SELECT r.application_id, r.reviewer_id, r.scores_json FROM kyodo_review r JOIN kyodo_application a"
        + " ON a.application_id = r.application_id WHERE a.call_number = ? ORDER BY r.application_id, r.reviewer_id",
        (rs, i) -> new Review(rs.getString(1), rs.getString(2), read(rs.getString(3), new TypeReference<Map<String, Integer>>() {})),
        callNumber);
  }

  public List<String> reviewComments(String applicationId) {
    return jdbc.queryForList("SELECT review_comment FROM kyodo_review WHERE application_id = ? ORDER BY reviewer_id",
        String.class, applicationId);
  }

  public void recordRanking(List<Result> results) {
    for (Result r : results) {
      jdbc.update("UPDATE kyodo_application SET weighted_score = ?, review_count = ?, quorum_met = ?, ranking = ?, tied = ?"
          + " WHERE application_id = ?", BigDecimal.valueOf(r.weightedScore()), r.reviews(), r.quorumMet(),
          r.rank() == 0 ? null : r.rank(), r.tied(), r.applicationId());
    }
  }

  /** The committee's result: the selected application (or none), every other eligible one not selected. */
  public void recordResults(String callNumber, String selectedApplicationId) {
    jdbc.update("UPDATE kyodo_application SET result = CASE WHEN application_id = ? THEN 'SELECTED' ELSE 'NOT_SELECTED' END"
        + " WHERE call_number = ? AND eligible = TRUE", selectedApplicationId, callNumber);
  }

  /**
   * The budget the city granted for the project's fiscal year (予算要求, 旭川 Q52), when one has been decided: what a
   * call offers at most is prefilled from it.
   */
  public Optional<Long> approvedBudget(String projectNumber, int fiscalYear) {
    if (projectNumber == null) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT approved_budget FROM kyodo_project_year WHERE project_number = ? AND fiscal_year = ?"
        + " AND approved_budget IS NOT NULL AND status <> 'STOPPED' ORDER BY budget_decided_at DESC", Long.class,
        projectNumber, fiscalYear).stream().findFirst();
  }

  public void recordPartnershipHolder(String selectionNumber, String organisationId) {
    jdbc.update("UPDATE kyodo_selection SET organisation_id = ? WHERE selection_number = ?", organisationId, selectionNumber);
  }

  private Call mapCall(ResultSet rs, int row) throws SQLException {
    return new Call(rs.getString("call_number"), rs.getString("selection_number"), rs.getString("project_title"),
        rs.getString("department_group"), rs.getInt("fiscal_year"), rs.getString("purpose"), rs.getString("eligibility"),
        read(rs.getString("criteria_json"), new TypeReference<List<Criterion>>() {}),
        rs.getTimestamp("deadline_at").toInstant(), rs.getInt("quorum"),
        Arrays.stream(rs.getString("reviewers").split(",")).filter(s -> !s.isBlank()).toList(), rs.getString("status"),
        rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(),
        (Long) (rs.getObject("budget_frame") == null ? null : rs.getLong("budget_frame")),
        codes(rs.getString("activity_fields")), rs.getString("project_number"));
  }

  /** Comma-separated codes as a list; none for a call published before the call named its fields. */
  static List<String> codes(String text) {
    return text == null ? List.of() : Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).toList();
  }

  private Application mapApplication(ResultSet rs, int row) throws SQLException {
    Timestamp submitted = rs.getTimestamp("submitted_at");
    return new Application(rs.getString("application_id"), rs.getString("call_number"), rs.getString("organisation_id"),
        rs.getString("process_instance_id"), rs.getString("submitted_by"), submitted.toInstant(),
        rs.getString("proposal_title"), rs.getString("proposal"), rs.getString("budget_plan"),
        (Boolean) rs.getObject("eligible"), rs.getString("screening_reason"), rs.getBigDecimal("weighted_score"),
        (Integer) rs.getObject("review_count"), (Boolean) rs.getObject("quorum_met"), (Integer) rs.getObject("ranking"),
        (Boolean) rs.getObject("tied"), rs.getString("result"));
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable record: " + json, e);
    }
  }
}
