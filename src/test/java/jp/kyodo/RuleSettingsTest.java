package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.kyodo.evaluation.GradeThresholds;
import jp.kyodo.examination.PriorityThresholds;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.support.DecisionTables;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rules' thresholds are configuration (kyodo.rules.* in application.yml), the city's choice and not the guidelines':
 * read from application.yml with the defaults the code documents, changed by a property, and a change reaches the
 * decision tables' outcome. An impossible setting stops the start.
 */
class RuleSettingsTest {

  static final DecisionTables TABLES = new DecisionTables();

  /** The application's configuration (application.yml) and the three beans that carry the thresholds. */
  static ApplicationContextRunner application() {
    return new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withBean(OrganisationRepository.class, () -> new OrganisationRepository(new JdbcTemplate()))
        .withBean(PriorityThresholds.class)
        .withBean(GradeThresholds.class)
        .withBean(PartnerFixation.class);
  }

  static String priority(PriorityThresholds thresholds, long each) {
    return (String) TABLES.engine().evaluateDecisionTable(TABLES.parse("examination-priority"), Variables.fromMap(Map.of(
        "necessity", each, "publicBenefit", each, "urgency", each, "feasibility", each, "costEffectiveness", each,
        "priorityAFrom", thresholds.getRankAFrom(), "priorityBFrom", thresholds.getRankBFrom())))
        .getSingleResult().getEntry("priorityRank");
  }

  static String grade(GradeThresholds t, long sheet, Long efficiency, Long satisfaction) {
    var inputs = new java.util.HashMap<String, Object>();
    inputs.put("goalAchievement", "ALL");
    inputs.put("sheetScore", sheet);
    inputs.put("efficiencyPercent", efficiency);
    inputs.put("satisfactionPercent", satisfaction);
    inputs.put("gradeSheetScoreForA", t.getSheetScoreForA());
    inputs.put("gradeEfficiencyForA", t.getEfficiencyForA());
    inputs.put("gradeSatisfactionForA", t.getSatisfactionForA());
    inputs.put("gradeEfficiencyReviewBelow", t.getEfficiencyReviewBelow());
    inputs.put("gradeSheetScoreProcessWorks", t.getSheetScoreProcessWorks());
    return (String) TABLES.engine().evaluateDecision(TABLES.parse("evaluation-grade"), Variables.fromMap(inputs))
        .getSingleResult().getEntry("evaluationGrade");
  }

  @Test
  void applicationYmlSetsTheDocumentedDefaults() {
    application().run(context -> {
      PriorityThresholds priority = context.getBean(PriorityThresholds.class);
      assertThat(priority.getRankAFrom()).isEqualTo(PriorityThresholds.defaults().getRankAFrom()).isEqualTo(20);
      assertThat(priority.getRankBFrom()).isEqualTo(PriorityThresholds.defaults().getRankBFrom()).isEqualTo(13);
      GradeThresholds grade = context.getBean(GradeThresholds.class);
      GradeThresholds defaults = GradeThresholds.defaults();
      assertThat(grade).usingRecursiveComparison().isEqualTo(defaults);
      assertThat(grade.getSheetScoreForA()).isEqualTo(80);
      assertThat(grade.getEfficiencyForA()).isEqualTo(100);
      assertThat(grade.getSatisfactionForA()).isEqualTo(70);
      assertThat(grade.getEfficiencyReviewBelow()).isEqualTo(80);
      assertThat(grade.getSheetScoreProcessWorks()).isEqualTo(60);
      assertThat(context.getBean(PartnerFixation.class).years()).isEqualTo(3);
      assertThat(context.getEnvironment().getProperty("kyodo.rules.partner-fixation-years")).as("in application.yml")
          .isEqualTo("3");
    });
  }

  @Test
  void aChangedSettingChangesTheOutcome() {
    application().run(context -> {
      assertThat(priority(context.getBean(PriorityThresholds.class), 4)).isEqualTo("A");
      assertThat(grade(context.getBean(GradeThresholds.class), 85, 100L, 75L)).isEqualTo("A");
    });
    application().withPropertyValues("kyodo.rules.priority.a-from=21", "kyodo.rules.priority.b-from=15",
        "kyodo.rules.evaluation-grade.sheet-score-for-a=90", "kyodo.rules.partner-fixation-years=5").run(context -> {
          PriorityThresholds priority = context.getBean(PriorityThresholds.class);
          assertThat(priority(priority, 4)).as("a total of 20").isEqualTo("B");
          assertThat(priority(priority, 3)).as("a total of 15").isEqualTo("B");
          assertThat(grade(context.getBean(GradeThresholds.class), 85, 100L, 75L)).isEqualTo("B");
          assertThat(context.getBean(PartnerFixation.class).years()).isEqualTo(5);
        });
  }

  @Test
  void theEarlierNameOfTheFixationSettingIsStillReadWhenTheNewOneIsNotSet() {
    new ApplicationContextRunner().withPropertyValues("kyodo.partner-fixation.years=4")
        .withBean(OrganisationRepository.class, () -> new OrganisationRepository(new JdbcTemplate()))
        .withBean(PartnerFixation.class)
        .run(context -> assertThat(context.getBean(PartnerFixation.class).years()).isEqualTo(4));
  }

  @Test
  void anImpossibleSettingStopsTheStart() {
    application().withPropertyValues("kyodo.rules.priority.a-from=12", "kyodo.rules.priority.b-from=14")
        .run(context -> assertThat(context).hasFailed().getFailure().hasRootCauseMessage(
            "kyodo.rules.priority: need 5 < b-from < a-from <= 25 (the total of five criteria of 1-5), got a-from=12, b-from=14"));
    application().withPropertyValues("kyodo.rules.evaluation-grade.satisfaction-for-a=120")
        .run(context -> assertThat(context).hasFailed());
    application().withPropertyValues("kyodo.rules.partner-fixation-years=0")
        .run(context -> assertThat(context).hasFailed());
  }
}
