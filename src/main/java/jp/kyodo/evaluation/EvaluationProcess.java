package jp.kyodo.evaluation;

import java.util.List;
import java.util.stream.IntStream;
import jp.kyodo.variables.ListVar;
import jp.kyodo.variables.Var;

/**
 * ⑤ 事業の評価: the process key, its element ids and its variables, declared once. The project's own
 * variables (title, department, partner, fiscal year, cost estimate, ...) are {@link jp.kyodo.project.Project}'s.
 */
public final class EvaluationProcess {

  public static final String KEY = "evaluation";
  public static final String RESOURCE = "processes/evaluation.bpmn";

  private EvaluationProcess() {}

  /** Element ids of processes/evaluation.bpmn. */
  public static final class Elements {
    public static final String START = "EvaluationRequested";
    public static final String RESOLVE_PROJECT = "ResolveProject";
    public static final String READ_GOALS = "ReadAgreementGoals";
    public static final String RECORD_OUTCOMES = "RecordOutcomes";
    public static final String SPLIT = "SelfEvaluationSplit";
    public static final String DEPARTMENT_SELF = "DepartmentSelfEvaluation";
    public static final String PARTNER_SELF = "PartnerSelfEvaluation";
    public static final String THIRD_PARTY_GATEWAY = "ThirdPartyGateway";
    public static final String THIRD_PARTY = "ThirdPartyEvaluation";
    public static final String THIRD_PARTY_JOIN = "ThirdPartyJoin";
    public static final String JOIN = "SelfEvaluationJoin";
    public static final String COMPARE = "CompareSelfEvaluations";
    public static final String JOINT_REVIEW = "JointReview";
    public static final String GRADE = "GradeEvaluation";
    public static final String CONFIRM = "PartnerConfirmation";
    public static final String CONFIRM_GATEWAY = "ConfirmationGateway";
    public static final String RECORD = "RecordEvaluation";
    public static final String END = "EvaluationRecorded";

    private Elements() {}
  }

  /** Decision keys of the DMN tables this process calls. */
  public static final class Decisions {
    public static final String GRADE = "evaluation-grade";

    private Decisions() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/*.form}). */
  public static final class FormIds {
    public static final String START = "evaluation-start";
    public static final String OUTCOMES = "evaluation-outcomes";
    public static final String SELF_ASSESSMENT = "evaluation-self-assessment";
    public static final String THIRD_PARTY = "evaluation-third-party";
    public static final String JOINT_REVIEW = "evaluation-joint-review";
    public static final String CONFIRMATION = "evaluation-confirmation";

    private FormIds() {}
  }

  /** How many goals the forms have room for (form-js 1.8 has no dynamic lists: fixed slots). */
  public static final int MAX_GOALS = 5;

  /** One goal slot of the forms: the goal as agreed (小金井 ④ what, by when) and, later, how far it was reached. */
  public record GoalSlot(int number, Var<String> id, Var<String> description, Var<String> indicator,
      Var<String> target, Var<String> result, Var<String> actual) {

    static GoalSlot of(int number) {
      String prefix = "goal" + number;
      return new GoalSlot(number, Var.string(prefix + "Id"), Var.string(prefix + "Description"),
          Var.string(prefix + "Indicator"), Var.string(prefix + "Target"), Var.string(prefix + "Result"),
          Var.string(prefix + "Actual"));
    }
  }

  public static final List<GoalSlot> GOALS = IntStream.rangeClosed(1, MAX_GOALS).mapToObj(GoalSlot::of).toList();

  /**
   * The goals of the agreement, as the lifecycle passes them in: a JSON array of
   * {@code {"id", "description", "indicator", "target"}}. Started on its own, the process builds it from the
   * start form's goal slots.
   */
  public static final String AGREEMENT_GOALS = "agreementGoals";

  /**
   * Optional inputs from ④ 事業の実施 (the lifecycle passes them in; started on its own, from the start form): how the
   * execution ended, {@code COMPLETED} or {@code TERMINATED}, and for a terminated one its settlement in words. Every
   * form shows them read-only when the year was terminated, so both sides evaluate what was done before the end
   * (旭川 Q76 事業失敗時の対応, 関市 V-6 改善は対話で); a terminated year is evaluated like any other.
   */
  public static final Var<String> EXECUTION_OUTCOME = Var.string("executionOutcome");
  public static final Var<String> SETTLEMENT_SUMMARY = Var.string("settlementSummary");

  // 成果の取りまとめ (the department, before the self-evaluations)
  public static final Var<Long> ACTUAL_COST = Var.number("actualCost");
  public static final Var<String> EFFECT_MEASURE = Var.string("effectMeasure");
  public static final Var<String> EFFECT_UNIT = Var.string("effectUnit");
  public static final Var<Long> PLANNED_EFFECT = Var.number("plannedEffect");
  public static final Var<Long> ACTUAL_EFFECT = Var.number("actualEffect");
  public static final Var<Boolean> CITIZEN_SURVEYED = Var.bool("citizenSurveyed");
  public static final Var<Long> SATISFACTION_PERCENT = Var.number("satisfactionPercent");
  public static final Var<Long> SURVEY_RESPONDENTS = Var.number("surveyRespondents");
  public static final Var<String> OUTCOME_SUMMARY = Var.string("outcomeSummary");
  public static final Var<Boolean> THIRD_PARTY_EVALUATION = Var.bool("thirdPartyEvaluation");

  // Figures computed from the outcomes
  public static final Var<String> GOAL_ACHIEVEMENT = Var.string("goalAchievement");
  public static final Var<String> GOAL_ACHIEVEMENT_LABEL = Var.string("goalAchievementLabel");
  public static final Var<Boolean> GOALS_MET = Var.bool("goalsMet");
  /** 行政効率 (効果 ÷ 費用, 旭川 Q64) of the year relative to the plan, in percent; null when a cost is zero. */
  public static final Var<Long> EFFICIENCY_PERCENT = Var.number("efficiencyPercent");
  public static final Var<String> EFFICIENCY_LABEL = Var.string("efficiencyLabel");

  // Both self-evaluations in: what the joint review shows
  public static final ListVar DIFFERING_ITEMS = ListVar.of("differingItems");
  public static final Var<String> DIFFERENCE_SUMMARY = Var.string("differenceSummary");
  public static final Var<String> THIRD_PARTY_SUMMARY = Var.string("thirdPartySummary");

  // 合同の振り返り (joint review) and the grade
  public static final Var<String> SHARED_FINDINGS = Var.string("sharedFindings");
  /** The agreed sheet's score in percent: a yes counts one, a partly half (関市 資料2, the 20 items of {@link EvaluationItem}). */
  public static final Var<Long> SHEET_SCORE = Var.number("sheetScore");
  public static final Var<String> JOINT_REVIEWED_BY = Var.string("jointReviewedBy");
  public static final Var<java.util.Date> JOINT_REVIEWED_AT = Var.date("jointReviewedAt");
  public static final Var<String> EVALUATION_GRADE = Var.string("evaluationGrade");
  public static final Var<String> EVALUATION_GRADE_LABEL = Var.string("evaluationGradeLabel");
  public static final Var<String> EVALUATION_RECOMMENDATION = Var.string("evaluationRecommendation");
  public static final Var<String> EVALUATION_RECOMMENDATION_LABEL = Var.string("evaluationRecommendationLabel");

  // The partner's confirmation and the record
  public static final Var<String> PARTNER_CONFIRMATION = Var.string("evaluationConfirmation");
  public static final Var<String> PARTNER_COMMENT = Var.string("partnerConfirmationComment");
  public static final Var<String> EVALUATION_ID = Var.string("evaluationId");
  public static final Var<String> EVALUATION_CONFIRMED_BY = Var.string("evaluationConfirmedBy");
  public static final Var<java.util.Date> EVALUATION_RECORDED_AT = Var.date("evaluationRecordedAt");
}
