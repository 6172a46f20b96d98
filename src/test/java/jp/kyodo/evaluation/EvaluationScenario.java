package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationChoices.ThirdPartyViewpoint;
import jp.kyodo.evaluation.EvaluationProcess.Elements;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import jp.kyodo.project.ResolveProjectDelegate;
import jp.kyodo.support.PhaseTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Drives ⑤ 事業の評価 as Tasklist does: the department (suzuki), the partner (hikari), an evaluator (watanabe). */
public final class EvaluationScenario extends PhaseTestSupport {

  public static final String[] RESOURCES = {
      EvaluationProcess.RESOURCE,
      "processes/evaluation-grade.dmn",
      "forms/evaluation-start.form",
      "forms/evaluation-outcomes.form",
      "forms/evaluation-self-assessment.form",
      "forms/evaluation-third-party.form",
      "forms/evaluation-joint-review.form",
      "forms/evaluation-confirmation.form"};

  final EvaluationRepository records;

  public EvaluationScenario(ProcessEngine engine) {
    super(engine);
    records = new EvaluationRepository(jdbc);
    Mocks.register("resolveProject", new ResolveProjectDelegate(registry));
    Mocks.register("readAgreementGoals", new ReadAgreementGoalsDelegate());
    Mocks.register("computeOutcomeFigures", new ComputeOutcomeFiguresListener());
    Mocks.register("keepAnswers", new KeepAnswersListener(records));
    Mocks.register("compareSelfEvaluations", new CompareSelfEvaluationsDelegate(records));
    Mocks.register("recordJointReview", new RecordJointReviewListener());
    Mocks.register("recordEvaluation", new RecordEvaluationDelegate(records));
    Mocks.register("gradeThresholds", GradeThresholds.defaults());
  }

  public String deploy() {
    return deploy("evaluation-test", RESOURCES);
  }

  public ProcessInstance start(String userId, Map<String, Object> values) {
    return start(KEY, userId, values);
  }

  static long thisYear() {
    return CityCalendar.currentFiscalYear();
  }

  /** Two goals, as a clerk fills the start form. */
  public static Map<String, Object> startForm() {
    Map<String, Object> values = new HashMap<>();
    values.put(Project.PROJECT_NUMBER.name(), "2026-001");
    values.put(Project.TITLE.name(), "高齢者の見守りと居場所づくり");
    values.put(Project.PARTNER_NAME.name(), "NPO法人ひかり");
    values.put(Project.FISCAL_YEAR.name(), (int) thisYear());
    values.put(Project.COST_ESTIMATE.name(), 1_000_000);
    values.put(GOALS.get(0).description().name(), "見守り訪問を定着させる");
    values.put(GOALS.get(0).indicator().name(), "見守り訪問の延べ件数");
    values.put(GOALS.get(0).target().name(), "年度末までに延べ100件");
    values.put(GOALS.get(1).description().name(), "サロンの参加者を増やす");
    values.put(GOALS.get(1).indicator().name(), "サロンの参加者数");
    values.put(GOALS.get(1).target().name(), "月平均20人");
    return values;
  }

  /** The project variables a call activity of the lifecycle passes in, with the agreement's goals. */
  public static Map<String, Object> handedOver(String goalsJson) {
    Map<String, Object> values = new HashMap<>();
    values.put(Project.PROJECT_NUMBER.name(), "2026-007");
    values.put(Project.TITLE.name(), "河川敷の清掃と環境学習");
    values.put(Project.DEPARTMENT_GROUP.name(), "dept-kankyo");
    values.put(Project.DEPARTMENT_NAME.name(), "環境政策課");
    values.put(Project.PARTNER_GROUP.name(), "org-midori");
    values.put(Project.PARTNER_NAME.name(), "みどり町内会");
    values.put(Project.CHOSEN_FORM.name(), "JOINT_PROJECT");
    values.put(Project.FISCAL_YEAR.name(), thisYear());
    values.put(Project.COST_ESTIMATE.name(), 600_000L);
    values.put(Project.MAIN_STAFF.name(), "yamada");
    values.put(Project.DEPUTY_STAFF.name(), "suzuki");
    values.put(Project.AGREEMENT_NUMBER.name(), "協定2026-007");
    values.put(AGREEMENT_GOALS, goalsJson);
    return values;
  }

  /** Every goal met, effect 120 for the planned 100 at the planned cost, 80% satisfied. */
  public static Map<String, Object> outcomes(String... goalResults) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < goalResults.length; i++) {
      values.put(GOALS.get(i).result().name(), goalResults[i]);
      values.put(GOALS.get(i).actual().name(), "実績" + (i + 1));
    }
    values.put(ACTUAL_COST.name(), 1_000_000);
    values.put(EFFECT_MEASURE.name(), "見守り訪問の延べ件数");
    values.put(EFFECT_UNIT.name(), "件");
    values.put(PLANNED_EFFECT.name(), 100);
    values.put(ACTUAL_EFFECT.name(), 120);
    values.put(CITIZEN_SURVEYED.name(), true);
    values.put(SATISFACTION_PERCENT.name(), 80);
    values.put(SURVEY_RESPONDENTS.name(), 50);
    values.put(OUTCOME_SUMMARY.name(), "見守り訪問が地域に定着した");
    values.put(THIRD_PARTY_EVALUATION.name(), false);
    return values;
  }

  /** The whole sheet answered the same way, a reason wherever one is needed. */
  public static Map<String, Object> sheet(Answer answer) {
    Map<String, Object> values = new HashMap<>();
    for (EvaluationItem item : EvaluationItem.values()) {
      values.put(item.answer().name(), answer.code());
      if (answer != Answer.YES) {
        values.put(item.comment().name(), item.shortLabel() + "の理由");
      }
    }
    return values;
  }

  public static Map<String, Object> thirdPartySheet(Answer answer) {
    Map<String, Object> values = new HashMap<>();
    for (ThirdPartyViewpoint viewpoint : ThirdPartyViewpoint.values()) {
      values.put(viewpoint.answer().name(), answer.code());
      if (answer != Answer.YES) {
        values.put(viewpoint.comment().name(), "受益者から見た課題");
      }
    }
    return values;
  }

  /** The agreed answers of a joint review and the shared findings. */
  public static Map<String, Object> jointReview(Answer answer) {
    Map<String, Object> values = new HashMap<>();
    for (EvaluationItem item : EvaluationItem.values()) {
      values.put(item.answer().name(), answer.code());
    }
    values.put(SHARED_FINDINGS.name(), "見守りの仕組みは定着した。来年度はサロンの周知を強める。");
    return values;
  }

  public static Map<String, Object> confirmation(String decision, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put(PARTNER_CONFIRMATION.name(), decision);
    if (comment != null) {
      values.put(PARTNER_COMMENT.name(), comment);
    }
    return values;
  }

  /** A department-started evaluation with two goals, waiting for the self-evaluations. */
  public ProcessInstance atSelfEvaluations(Map<String, Object> outcomes) {
    ProcessInstance instance = start("suzuki", startForm());
    complete(instance, Elements.RECORD_OUTCOMES, "suzuki", outcomes);
    return instance;
  }

  /** Both sides answered everything yes; the joint review is open. */
  public ProcessInstance atJointReview(Map<String, Object> outcomes) {
    ProcessInstance instance = atSelfEvaluations(outcomes);
    complete(instance, Elements.DEPARTMENT_SELF, "suzuki", sheet(Answer.YES));
    complete(instance, Elements.PARTNER_SELF, "hikari", sheet(Answer.YES));
    return instance;
  }
}
