package jp.kyodo.improvement;

import jp.kyodo.platform.Decision;
import jp.kyodo.variables.Var;

/**
 * ⑥ 事業の改善: the process key, its element ids and its variables, declared once. The project's own
 * variables are {@link jp.kyodo.project.Project}'s; {@code goalsMet}, {@code evaluationGrade} and the
 * recommendation come from ⑤ 事業の評価 ({@link jp.kyodo.evaluation.EvaluationProcess}).
 */
public final class ImprovementProcess {

  public static final String KEY = "improvement";
  public static final String RESOURCE = "processes/improvement.bpmn";

  private ImprovementProcess() {}

  /** Element ids of processes/improvement.bpmn. */
  public static final class Elements {
    public static final String START = "ImprovementRequested";
    public static final String RESOLVE_PROJECT = "ResolveProject";
    public static final String DIALOGUE_JOIN = "DialogueJoin";
    public static final String DIALOGUE = "ImprovementDialogue";
    public static final String PARTNER_REVIEW = "PartnerDialogueReview";
    public static final String REVIEW_GATEWAY = "DialogueReviewGateway";
    public static final String DECIDE = "DecideNextStep";
    public static final String FIXATION_GATEWAY = "FixationExceptionGateway";
    public static final String DECIDE_FIXATION_EXCEPTION = "DecideFixationException";
    public static final String EXCEPTION_JOIN = "ExceptionJoin";
    public static final String DECISION_GATEWAY = "DecisionGateway";
    public static final String END_CONTINUE = "ContinueWithPartner";
    public static final String END_RECALL = "CallAgain";
    public static final String END_REVISE = "ReviseAndRestart";
    public static final String END_HANDOVER = "HandOverToPartner";
    public static final String END_END = "CollaborationEnded";

    private Elements() {}
  }

  /** Form ids (the {@code id} inside each {@code forms/*.form}). */
  public static final class FormIds {
    public static final String START = "improvement-start";
    public static final String DIALOGUE = "improvement-dialogue";
    public static final String PARTNER_REVIEW = "improvement-partner-review";
    public static final String DECISION = "improvement-decision";
    public static final String FIXATION_EXCEPTION = "improvement-fixation-exception";

    private FormIds() {}
  }

  // 千葉県 協働推進マニュアル ②: the partner fixation rule for the next fiscal year
  public static final Var<Long> NEXT_FISCAL_YEAR = Var.number("nextFiscalYear");
  public static final Var<Long> CONSECUTIVE_YEARS = Var.number("consecutiveYears");
  public static final Var<Boolean> PARTNER_FIXED = Var.bool("partnerFixed");
  public static final Var<String> FIXATION_NOTICE = Var.string("fixationNotice");

  // 対話 (関市 V-6) and what it found (東久留米 III-7)
  public static final Var<String> DIALOGUE_PARTICIPANTS = Var.string("dialogueParticipants");
  public static final Var<String> CAUSES = Var.string("causes");
  public static final Var<String> COUNTERMEASURES = Var.string("countermeasures");
  public static final Var<String> EFFECT_RAISING_MEASURES = Var.string("effectRaisingMeasures");
  public static final Var<String> FUTURE_ISSUES = Var.string("futureIssues");

  // 関市 資料2 事業改善 1–5: each item's answer and comment are the variables of ImprovementCheckItem (improve1,
  // improve1Comment, ...); kept with the decision as one JSON array, oldest item first:
  // [{"item":"improve1","label":"事業改善 1 …","answer":"YES","answerLabel":"はい","comment":null}, ...]
  public static final String CHECKLIST = "improvementChecklist";

  // The partner's view of the dialogue's record
  public static final Var<String> DIALOGUE_CONFIRMATION = Var.string("dialogueConfirmation");
  public static final Var<String> PARTNER_OPINION = Var.string("partnerOpinion");
  public static final Var<String> PARTNER_WISH = Var.string("partnerWish");

  // The decision (the output for the lifecycle)
  public static final Var<String> DECISION = Var.string("improvementDecision");
  public static final Var<String> DECISION_LABEL = Var.string("improvementDecisionLabel");
  public static final Var<String> REASON = Var.string("improvementReason");
  public static final Var<String> END_REASON = Var.string("improvementEndReason");
  public static final Var<String> HANDOVER_SUPPORT = Var.string("handoverSupport");
  public static final Var<String> DECIDED_BY = Var.string("improvementDecidedBy");
  public static final Var<java.util.Date> DECIDED_AT = Var.date("improvementDecidedAt");
  public static final Decision.Variables DECISION_VARIABLES = new Decision.Variables(DECISION, DECISION_LABEL, REASON,
      DECIDED_BY, DECIDED_AT);
}
