package jp.kyodo.evaluation;

import jp.kyodo.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.evaluation.EvaluationChoices.Grade;
import jp.kyodo.evaluation.EvaluationChoices.Recommendation;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code evaluation-grade}, one or more cases per row at its boundaries (named by the guideline
 * it encodes), a check that the cases reach every row, and that the table's labels are the forms' labels.
 */
class EvaluationDecisionTablesTest {

  static final String TABLE = EvaluationProcess.Decisions.GRADE;
  static final DecisionTables TABLES = new DecisionTables();
  static final DmnEngine engine = TABLES.engine();
  static final DmnDecision decision = TABLES.parse(TABLE);
  static final List<String> matched = TABLES.matched();

  record Case(String rule, String why, String goals, long sheet, Long efficiency, Long satisfaction, Grade grade,
      Recommendation recommendation, GradeThresholds thresholds) {

    /** A case under the city's default percentages (application.yml). */
    Case(String rule, String why, String goals, long sheet, Long efficiency, Long satisfaction, Grade grade,
        Recommendation recommendation) {
      this(rule, why, goals, sheet, efficiency, satisfaction, grade, recommendation, GradeThresholds.defaults());
    }

    @Override
    public String toString() {
      return rule + " " + why;
    }

    /** The figures, and the percentages the business rule task hands over from {@link GradeThresholds}. */
    Map<String, Object> inputs() {
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("goalAchievement", goals);
      inputs.put("sheetScore", sheet);
      inputs.put("efficiencyPercent", efficiency);
      inputs.put("satisfactionPercent", satisfaction);
      inputs.put("gradeSheetScoreForA", thresholds.getSheetScoreForA());
      inputs.put("gradeEfficiencyForA", thresholds.getEfficiencyForA());
      inputs.put("gradeSatisfactionForA", thresholds.getSatisfactionForA());
      inputs.put("gradeEfficiencyReviewBelow", thresholds.getEfficiencyReviewBelow());
      inputs.put("gradeSheetScoreProcessWorks", thresholds.getSheetScoreProcessWorks());
      return inputs;
    }
  }

  /** A city that asks more for an A and accepts less before it reconsiders the means. */
  static final GradeThresholds STRICTER = new GradeThresholds(90, 110, 80, 70, 40);

  static final List<Case> CASES = List.of(
      // 旭川 Q69 viewpoints all met; Q17 independence worth considering
      new Case("r1", "all goals, sheet 80, efficiency 100, satisfaction 70", "ALL", 80, 100L, 70L, Grade.A,
          Recommendation.CONTINUE_OR_HANDOVER),
      new Case("r1", "no cost (no efficiency), no survey", "ALL", 100, null, null, Grade.A,
          Recommendation.CONTINUE_OR_HANDOVER),
      // 旭川 Q64: effect per cost below plan
      new Case("r2", "all goals but efficiency 79", "ALL", 100, 79L, 90L, Grade.B, Recommendation.REVIEW_COST),
      // 東久留米 III-7: goals met, raise the effect further
      new Case("r3", "all goals, sheet 79", "ALL", 79, 150L, 90L, Grade.B, Recommendation.RAISE_EFFECT),
      new Case("r3", "all goals, efficiency 80–99", "ALL", 90, 99L, null, Grade.B, Recommendation.RAISE_EFFECT),
      new Case("r3", "all goals, satisfaction 69", "ALL", 90, 120L, 69L, Grade.B, Recommendation.RAISE_EFFECT),
      // 東久留米 III-7: some goals missed, causes and countermeasures
      new Case("r4", "some goals, a perfect sheet", "PARTLY", 100, 200L, 100L, Grade.C, Recommendation.IMPROVE),
      new Case("r4", "some goals, weak sheet, no figures", "PARTLY", 0, null, null, Grade.C, Recommendation.IMPROVE),
      // 旭川 Q70: no result yet, but the collaboration works; short-term goals
      new Case("r5", "no goal, sheet 60", "NONE", 60, 50L, 40L, Grade.D, Recommendation.IMPROVE),
      // 旭川 Q70: collaboration may not be the right means
      new Case("r6", "no goal, sheet 59", "NONE", 59, 120L, 90L, Grade.D, Recommendation.RECONSIDER_MEANS),
      // The percentages are the city's (kyodo.rules.evaluation-grade.*): moved, the same figures grade differently
      new Case("r3", "stricter: sheet 85 is no longer an A", "ALL", 85, 100L, 75L, Grade.B, Recommendation.RAISE_EFFECT,
          STRICTER),
      new Case("r1", "stricter: sheet 90, efficiency 110, satisfaction 80", "ALL", 90, 110L, 80L, Grade.A,
          Recommendation.CONTINUE_OR_HANDOVER, STRICTER),
      new Case("r3", "stricter: efficiency 75 is not reviewed below 70", "ALL", 100, 75L, null, Grade.B,
          Recommendation.RAISE_EFFECT, STRICTER),
      new Case("r2", "stricter: efficiency 69", "ALL", 100, 69L, null, Grade.B, Recommendation.REVIEW_COST, STRICTER),
      new Case("r5", "stricter: sheet 45 still improves", "NONE", 45, null, null, Grade.D, Recommendation.IMPROVE,
          STRICTER),
      new Case("r6", "stricter: sheet 39", "NONE", 39, null, null, Grade.D, Recommendation.RECONSIDER_MEANS, STRICTER));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRowGradesAsTheGuidelinesSay(Case c) {
    DmnDecisionResultEntries result = engine.evaluateDecision(decision, Variables.fromMap(c.inputs())).getSingleResult();
    assertThat(matched).as("first matching row").containsExactly("evaluation_grade-" + c.rule());
    assertThat((String) result.getEntry("evaluationGrade")).isEqualTo(c.grade().code());
    assertThat((String) result.getEntry("evaluationGradeLabel")).isEqualTo(c.grade().label());
    assertThat((String) result.getEntry("evaluationRecommendation")).isEqualTo(c.recommendation().code());
    assertThat((String) result.getEntry("evaluationRecommendationLabel")).isEqualTo(c.recommendation().label());
  }

  @Test
  void theCasesReachEveryRow() {
    DmnDecisionTableImpl logic = (DmnDecisionTableImpl) decision.getDecisionLogic();
    Set<String> rows = new TreeSet<>(logic.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList());
    Set<String> covered = new TreeSet<>(CASES.stream().map(c -> "evaluation_grade-" + c.rule()).toList());
    assertThat(covered).isEqualTo(rows);
  }

  @Test
  void everyPossibleInputGetsAGrade() {
    for (String goals : List.of("ALL", "PARTLY", "NONE")) {
      for (long sheet : new long[] {0, 40, 59, 60, 79, 80, 100}) {
        for (Long efficiency : java.util.Arrays.asList(null, 0L, 79L, 80L, 100L, 500L)) {
          for (Long satisfaction : java.util.Arrays.asList(null, 0L, 69L, 70L, 100L)) {
            Map<String, Object> inputs = new Case("", "", goals, sheet, efficiency, satisfaction, null, null)
                .inputs();
            assertThat(engine.evaluateDecision(decision, Variables.fromMap(inputs)).getResultList())
                .as(inputs.toString()).hasSize(1);
          }
        }
      }
    }
  }
}
