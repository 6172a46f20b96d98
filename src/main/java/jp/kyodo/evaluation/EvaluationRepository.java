package jp.kyodo.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The evaluation's tables (db/migration V5). Each side's answers are kept here, not in process variables,
 * until both self-evaluations are in, so neither side can read the other's through its own task; the
 * confirmed result is recorded here for publication.
 */
@Repository
public class EvaluationRepository {

  /** Who answered a set of items. */
  public enum Side {
    DEPARTMENT("担当課"),
    PARTNER("協働パートナー"),
    THIRD_PARTY("受益者・第三者"),
    AGREED("合同の振り返りで合意");

    private final String label;

    Side(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One answered item: its code ({@code plan1}, {@code tpQuality}), YES / PARTLY / NO and the reason given. */
  public record SheetAnswer(String item, String answer, String comment) {}

  /** A goal of the agreement and how far it was reached. */
  public record EvaluationGoal(int slot, String id, String description, String indicator, String target,
      String result, String actual) {}

  /** The evaluation result of one project and fiscal year, as both sides confirmed it. */
  public record EvaluationRecord(String id, String projectNumber, String title, String departmentGroup,
      String departmentName, String partnerGroup, String partnerName, int fiscalYear, String goalAchievement,
      boolean goalsMet, long plannedCost, long actualCost, String effectMeasure, String effectUnit, long plannedEffect,
      long actualEffect, Integer efficiencyPercent, Integer satisfactionPercent, Integer surveyRespondents,
      int sheetScore, List<String> differingItems, boolean thirdPartyEvaluated, String grade, String recommendation,
      String outcomeSummary, String sharedFindings, String reviewedBy, String confirmedBy, Instant recordedAt,
      List<EvaluationGoal> goals, List<SheetAnswer> agreedAnswers) {}

  private static final String COLUMNS = "id, project_number, title, department_group, department_name, partner_group,"
      + " partner_name, fiscal_year, goal_achievement, goals_met, planned_cost, actual_cost, effect_measure, effect_unit,"
      + " planned_effect, actual_effect, efficiency_percent, satisfaction_percent, survey_respondents, sheet_score,"
      + " differing_items, third_party_evaluated, grade, recommendation, outcome_summary, shared_findings, reviewed_by,"
      + " confirmed_by, recorded_at";

  private final JdbcTemplate jdbc;

  public EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps one side's answers, replacing what that side gave before in the same evaluation. */
  public void keepAnswers(String processInstanceId, Side side, List<SheetAnswer> answers, String answeredBy,
      Instant answeredAt) {
    jdbc.update("DELETE FROM kyodo_evaluation_answer WHERE process_instance_id = ? AND side = ?", processInstanceId,
        side.name());
    Timestamp at = Timestamp.from(answeredAt);
    for (SheetAnswer answer : answers) {
      jdbc.update("INSERT INTO kyodo_evaluation_answer (process_instance_id, side, item, answer, answer_comment,"
          + " answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)", processInstanceId, side.name(), answer.item(),
          answer.answer(), answer.comment(), answeredBy, at);
    }
  }

  /** One side's answers by item code; empty when that side has not answered. */
  public Map<String, SheetAnswer> answers(String processInstanceId, Side side) {
    Map<String, SheetAnswer> byItem = new LinkedHashMap<>();
    jdbc.query("SELECT item, answer, answer_comment FROM kyodo_evaluation_answer WHERE process_instance_id = ?"
            + " AND side = ? ORDER BY item", rs -> {
          byItem.put(rs.getString(1), new SheetAnswer(rs.getString(1), rs.getString(2), rs.getString(3)));
        }, processInstanceId, side.name());
    return byItem;
  }

  /** Records the confirmed result with its goals and the agreed answers. */
  public void record(EvaluationRecord r) {
    jdbc.update("INSERT INTO kyodo_evaluation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(), r.projectNumber(), r.title(), r.departmentGroup(), r.departmentName(), r.partnerGroup(), r.partnerName(),
        r.fiscalYear(), r.goalAchievement(), r.goalsMet(), r.plannedCost(), r.actualCost(), r.effectMeasure(),
        r.effectUnit(), r.plannedEffect(), r.actualEffect(), r.efficiencyPercent(), r.satisfactionPercent(),
        r.surveyRespondents(), r.sheetScore(), String.join(",", r.differingItems()), r.thirdPartyEvaluated(), r.grade(),
        r.recommendation(), r.outcomeSummary(), r.sharedFindings(), r.reviewedBy(), r.confirmedBy(),
        Timestamp.from(r.recordedAt()));
    for (EvaluationGoal g : r.goals()) {
      jdbc.update("INSERT INTO kyodo_evaluation_goal (evaluation_id, slot_number, goal_id, goal_description,"
              + " goal_indicator, goal_target, goal_result, goal_actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          r.id(), g.slot(), g.id(), g.description(), g.indicator(), g.target(), g.result(), g.actual());
    }
    keepAnswers(r.id(), Side.AGREED, r.agreedAnswers(), r.confirmedBy(), r.recordedAt());
  }

  public Optional<EvaluationRecord> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM kyodo_evaluation WHERE id = ?", this::toRecord, id).stream().findFirst();
  }

  private EvaluationRecord toRecord(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    List<EvaluationGoal> goals = jdbc.query("SELECT slot_number, goal_id, goal_description, goal_indicator, goal_target,"
            + " goal_result, goal_actual FROM kyodo_evaluation_goal WHERE evaluation_id = ? ORDER BY slot_number",
        (g, i) -> new EvaluationGoal(g.getInt(1), g.getString(2), g.getString(3), g.getString(4), g.getString(5),
            g.getString(6), g.getString(7)), id);
    String differing = rs.getString("differing_items");
    return new EvaluationRecord(id, rs.getString("project_number"), rs.getString("title"),
        rs.getString("department_group"), rs.getString("department_name"), rs.getString("partner_group"),
        rs.getString("partner_name"), rs.getInt("fiscal_year"), rs.getString("goal_achievement"),
        rs.getBoolean("goals_met"), rs.getLong("planned_cost"), rs.getLong("actual_cost"),
        rs.getString("effect_measure"), rs.getString("effect_unit"), rs.getLong("planned_effect"),
        rs.getLong("actual_effect"), rs.getObject("efficiency_percent", Integer.class),
        rs.getObject("satisfaction_percent", Integer.class), rs.getObject("survey_respondents", Integer.class),
        rs.getInt("sheet_score"), Arrays.stream(differing.split(",")).filter(s -> !s.isBlank()).toList(),
        rs.getBoolean("third_party_evaluated"), rs.getString("grade"), rs.getString("recommendation"),
        rs.getString("outcome_summary"), rs.getString("shared_findings"), rs.getString("reviewed_by"),
        rs.getString("confirmed_by"), rs.getTimestamp("recorded_at").toInstant(), goals,
        List.copyOf(answers(id, Side.AGREED).values()));
  }
}
