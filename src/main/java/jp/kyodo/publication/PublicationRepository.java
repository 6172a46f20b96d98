package jp.kyodo.publication;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationChoices.GoalAchievement;
import jp.kyodo.evaluation.EvaluationChoices.GoalResult;
import jp.kyodo.evaluation.EvaluationChoices.Grade;
import jp.kyodo.evaluation.EvaluationChoices.Recommendation;
import jp.kyodo.evaluation.EvaluationItem;
import jp.kyodo.execution.ExecutionChoices.MidtermProgress;
import jp.kyodo.platform.CityCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What each phase has published about a project, read from the phases' own tables and nothing else:
 * decided selections and the calls whose result is out (never reviewers, conflict declarations or
 * screening notes), approved agreements' key terms (never staff, clauses or the exchange notes), progress
 * as counts and the inspected completion report, and confirmed evaluations. Names of city staff are not
 * published. Every list is ordered by fiscal year.
 */
@Repository
public class PublicationRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;

  public PublicationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Map<String, Object>> selections(String projectNumber) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> s : jdbc.queryForList("SELECT s.selection_number, s.fiscal_year, s.method, s.outcome, s.reason,"
        + " s.decided_at, o.name AS organisation_name FROM kyodo_selection s LEFT JOIN kyodo_organisation o"
        + " ON o.id = s.organisation_id WHERE s.project_number = ? AND s.outcome IS NOT NULL"
        + " ORDER BY s.fiscal_year, s.selection_number", projectNumber)) {
      Map<String, Object> view = new LinkedHashMap<>();
      String number = (String) s.get("selection_number");
      view.put("selectionNumber", number);
      view.put("fiscalYear", s.get("fiscal_year"));
      view.put("methodLabel", "SOLE_SOURCE".equals(s.get("method")) ? "特定の団体を選定（公募によらない）" : "公募");
      view.put("outcomeLabel", switch (String.valueOf(s.get("outcome"))) {
        case "SELECTED" -> "パートナーを選定した";
        case "WITHOUT_COLLABORATION" -> "協働によらず市が実施する";
        default -> "事業を取りやめた";
      });
      view.put("organisationName", s.get("organisation_name"));
      view.put("reason", s.get("reason"));
      view.put("decidedOn", day(s.get("decided_at")));
      view.put("calls", calls(number));
      out.add(view);
    }
    return out;
  }

  private List<Map<String, Object>> calls(String selectionNumber) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> c : jdbc.queryForList("SELECT call_number, purpose, eligibility, criteria_json, deadline_at"
        + " FROM kyodo_call WHERE selection_number = ? AND status = 'DECIDED' ORDER BY call_number", selectionNumber)) {
      Map<String, Object> view = new LinkedHashMap<>();
      String number = (String) c.get("call_number");
      view.put("callNumber", number);
      view.put("purpose", c.get("purpose"));
      view.put("eligibility", c.get("eligibility"));
      view.put("deadline", day(((Timestamp) c.get("deadline_at")).toInstant().minusSeconds(1)));
      view.put("criteria", read((String) c.get("criteria_json")));
      view.put("applications", callApplications(number));
      out.add(view);
    }
    return out;
  }

  /**
   * The applications of a decided call as ② publishes them (関市 ルール4, 旭川 Q43): organisation, proposal title, total
   * score, rank and result — never reviewers, their scores one by one, conflict declarations or screening notes.
   */
  public List<Map<String, Object>> callApplications(String callNumber) {
    List<Map<String, Object>> applications = new ArrayList<>();
    for (Map<String, Object> a : jdbc.queryForList("SELECT o.name AS organisation_name, a.proposal_title, a.weighted_score,"
        + " a.ranking, a.tied, a.review_count, a.quorum_met, a.result FROM kyodo_application a JOIN kyodo_organisation o"
        + " ON o.id = a.organisation_id JOIN kyodo_call c ON c.call_number = a.call_number WHERE a.call_number = ?"
        + " AND c.status = 'DECIDED' ORDER BY a.ranking NULLS LAST, a.application_id", callNumber)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("organisationName", a.get("organisation_name"));
      row.put("proposalTitle", a.get("proposal_title"));
      row.put("weightedScore", a.get("weighted_score"));
      row.put("rankLabel", a.get("ranking") == null ? (Boolean.TRUE.equals(a.get("quorum_met")) || a.get("review_count") == null ? "—" : "審査数不足")
          : a.get("ranking") + "位" + (Boolean.TRUE.equals(a.get("tied")) ? "（同点）" : ""));
      row.put("reviews", a.get("review_count"));
      row.put("resultLabel", switch (String.valueOf(a.get("result"))) {
        case "SELECTED" -> "選定";
        case "INELIGIBLE" -> "応募資格を満たさない";
        default -> "選定されず";
      });
      applications.add(row);
    }
    return applications;
  }

  public List<Map<String, Object>> agreements(String projectNumber) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> a : jdbc.queryForList("SELECT agreement_number, fiscal_year, purpose, final_goal, term_start,"
        + " term_end, payment_type, payment_amount, expenditure_total FROM kyodo_agreement WHERE project_number = ?"
        + " ORDER BY fiscal_year", projectNumber)) {
      String number = (String) a.get("agreement_number");
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("agreementNumber", number);
      view.put("fiscalYear", a.get("fiscal_year"));
      view.put("purpose", a.get("purpose"));
      view.put("finalGoal", a.get("final_goal"));
      view.put("termStart", String.valueOf(a.get("term_start")));
      view.put("termEnd", String.valueOf(a.get("term_end")));
      view.put("paymentLabel", PaymentType.valueOf((String) a.get("payment_type")).label());
      view.put("paymentAmount", a.get("payment_amount"));
      view.put("expenditureTotal", a.get("expenditure_total"));
      view.put("goals", jdbc.query("SELECT description, indicator, due_date FROM kyodo_agreement_goal WHERE agreement_number = ?"
          + " ORDER BY position", (rs, i) -> Map.of("description", rs.getString(1), "indicator", rs.getString(2),
              "dueDate", String.valueOf(rs.getDate(3))), number));
      view.put("roles", jdbc.query("SELECT task, party FROM kyodo_agreement_role WHERE agreement_number = ? ORDER BY position",
          (rs, i) -> Map.of("task", rs.getString(1), "partyLabel", RoleParty.valueOf(rs.getString(2)).label()), number));
      view.put("budget", jdbc.query("SELECT item, amount, bearer FROM kyodo_agreement_budget_line WHERE agreement_number = ?"
          + " ORDER BY position", (rs, i) -> Map.of("item", rs.getString(1), "amount", rs.getLong(2),
              "bearerLabel", Bearer.valueOf(rs.getString(3)).label()), number));
      view.put("progress", progress(number));
      out.add(view);
    }
    return out;
  }

  private Map<String, Object> progress(String agreementNumber) {
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT status, midterm_progress, completion_summary, inspection_result"
        + " FROM kyodo_execution WHERE agreement_number = ?", agreementNumber);
    if (rows.isEmpty()) {
      return null;
    }
    Map<String, Object> e = rows.get(0);
    boolean inspected = e.get("inspection_result") != null;
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("statusLabel", "COMPLETED".equals(e.get("status")) ? "完了" : "実施中");
    view.put("acceptedReports", jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_execution_report WHERE agreement_number = ?"
        + " AND status = 'ACCEPTED'", Integer.class, agreementNumber));
    view.put("midtermLabel", e.get("midterm_progress") == null ? "未実施"
        : MidtermProgress.valueOf((String) e.get("midterm_progress")).label());
    view.put("completionSummary", inspected ? e.get("completion_summary") : null);
    view.put("inspectionLabel", inspected ? "検査済み" : "未検査");
    return view;
  }

  public List<Map<String, Object>> evaluations(String projectNumber) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> e : jdbc.queryForList("SELECT id, fiscal_year, grade, recommendation, goal_achievement,"
        + " efficiency_percent, satisfaction_percent, outcome_summary, shared_findings FROM kyodo_evaluation"
        + " WHERE project_number = ? ORDER BY fiscal_year", projectNumber)) {
      String id = (String) e.get("id");
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("fiscalYear", e.get("fiscal_year"));
      view.put("grade", e.get("grade"));
      view.put("gradeLabel", Grade.valueOf((String) e.get("grade")).label());
      view.put("recommendationLabel", Recommendation.valueOf((String) e.get("recommendation")).label());
      view.put("goalAchievementLabel", GoalAchievement.valueOf((String) e.get("goal_achievement")).label());
      view.put("efficiencyPercent", e.get("efficiency_percent"));
      view.put("satisfactionPercent", e.get("satisfaction_percent"));
      view.put("outcomeSummary", e.get("outcome_summary"));
      view.put("sharedFindings", e.get("shared_findings"));
      view.put("goals", jdbc.query("SELECT goal_description, goal_actual, goal_result FROM kyodo_evaluation_goal"
          + " WHERE evaluation_id = ? ORDER BY slot_number", (rs, i) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("description", rs.getString(1));
            g.put("actual", rs.getString(2));
            g.put("resultLabel", GoalResult.valueOf(rs.getString(3)).label());
            return g;
          }, id));
      Map<String, Map<String, String>> bySide = new LinkedHashMap<>();
      jdbc.query("SELECT side, item, answer FROM kyodo_evaluation_answer WHERE process_instance_id = ?", rs -> {
        bySide.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), Answer.valueOf(rs.getString(3)).label());
      }, id);
      List<Map<String, Object>> items = new ArrayList<>();
      for (EvaluationItem item : EvaluationItem.values()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("stage", item.shortLabel());
        row.put("item", item.label().substring(item.shortLabel().length()).strip());
        row.put("department", bySide.getOrDefault("DEPARTMENT", Map.of()).get(item.code()));
        row.put("partner", bySide.getOrDefault("PARTNER", Map.of()).get(item.code()));
        row.put("agreed", bySide.getOrDefault("AGREED", Map.of()).get(item.code()));
        items.add(row);
      }
      view.put("items", items);
      out.add(view);
    }
    return out;
  }

  static String day(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return CityCalendar.dayOf(t.toInstant()).toString();
    }
    if (value instanceof java.time.Instant i) {
      return CityCalendar.dayOf(i).toString();
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    return String.valueOf(value);
  }

  static List<Map<String, Object>> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable criteria: " + json, e);
    }
  }
}
