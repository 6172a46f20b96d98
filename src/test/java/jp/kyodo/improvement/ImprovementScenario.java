package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.improvement.ImprovementProcess.Elements;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import jp.kyodo.project.ResolveProjectDelegate;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.support.PhaseTestSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;

/** Drives ⑥ 事業の改善 as Tasklist does: the department (suzuki, yamada) and the partner (hikari, midori). */
public final class ImprovementScenario extends PhaseTestSupport {

  public static final String[] RESOURCES = {
      ImprovementProcess.RESOURCE,
      "forms/improvement-start.form",
      "forms/improvement-dialogue.form",
      "forms/improvement-partner-review.form",
      "forms/improvement-decision.form",
      "forms/improvement-fixation-exception.form"};

  public ImprovementScenario(ProcessEngine engine) {
    super(engine);
    Mocks.register("resolveProject", new ResolveProjectDelegate(registry));
    Mocks.register("partnerFixationRule", new PartnerFixationRuleListener(new PartnerFixation(registry, 3)));
    Mocks.register("recordImprovementDecision", new RecordImprovementDecisionListener());
    Mocks.register("recordFixationException", new RecordFixationExceptionListener(registry));
    jp.kyodo.support.TestIdentity.user(engine.getIdentityService(), "sato", jp.kyodo.identity.KyodoGroups.MANAGERS);
  }

  public String deploy() {
    return deploy("improvement-test", RESOURCES);
  }

  public ProcessInstance start(String userId, Map<String, Object> values) {
    return start(KEY, userId, values);
  }

  static long thisYear() {
    return CityCalendar.currentFiscalYear();
  }

  public static Map<String, Object> startForm(boolean goalsMet, String grade) {
    Map<String, Object> values = new HashMap<>();
    values.put(Project.TITLE.name(), "高齢者の見守りと居場所づくり");
    values.put(Project.PARTNER_NAME.name(), "NPO法人ひかり");
    values.put(Project.FISCAL_YEAR.name(), (int) thisYear());
    values.put(EvaluationProcess.GOALS_MET.name(), goalsMet);
    values.put(EvaluationProcess.EVALUATION_GRADE.name(), grade);
    return values;
  }

  /** What the lifecycle passes in after ⑤ 事業の評価. */
  public static Map<String, Object> handedOver(String partnerGroup, String partnerName, String department,
      String departmentName) {
    Map<String, Object> values = new HashMap<>();
    values.put(Project.PROJECT_NUMBER.name(), "2026-007");
    values.put(Project.TITLE.name(), "河川敷の清掃と環境学習");
    values.put(Project.DEPARTMENT_GROUP.name(), department);
    values.put(Project.DEPARTMENT_NAME.name(), departmentName);
    values.put(Project.PARTNER_GROUP.name(), partnerGroup);
    values.put(Project.PARTNER_NAME.name(), partnerName);
    values.put(Project.FISCAL_YEAR.name(), thisYear());
    values.put(Project.COST_ESTIMATE.name(), 600_000L);
    values.put(EvaluationProcess.GOALS_MET.name(), true);
    values.put(EvaluationProcess.EVALUATION_GRADE.name(), "A");
    values.put(EvaluationProcess.EVALUATION_RECOMMENDATION.name(), "CONTINUE_OR_HANDOVER");
    values.put(EvaluationProcess.EVALUATION_RECOMMENDATION_LABEL.name(),
        "継続して効果を高めるか、団体の自立（市の関わりを薄める）を検討する（旭川 Q17）");
    return values;
  }

  /** The record of a dialogue on goals that were not met. */
  public static Map<String, Object> dialogueOnMissedGoals() {
    Map<String, Object> values = new HashMap<>();
    values.put(DIALOGUE_PARTICIPANTS.name(), "福祉課 鈴木、NPO法人ひかり 光代表");
    values.put(CAUSES.name(), "サロンの周知が町内会に届かなかった");
    values.put(COUNTERMEASURES.name(), "町内会の回覧板で毎月案内する");
    values.put(FUTURE_ISSUES.name(), "担い手の高齢化");
    values.putAll(checklist("YES"));
    values.put(ImprovementCheckItem.IMPROVE_4.answer().name(), "NO");
    values.put(ImprovementCheckItem.IMPROVE_4.comment().name(), "サロンの参加者が目標の半分にとどまった");
    return values;
  }

  /** The record of a dialogue on goals that were met. */
  public static Map<String, Object> dialogueOnMetGoals() {
    Map<String, Object> values = new HashMap<>();
    values.put(DIALOGUE_PARTICIPANTS.name(), "福祉課 鈴木、NPO法人ひかり 光代表");
    values.put(EFFECT_RAISING_MEASURES.name(), "近隣の地区にも見守りを広げる");
    values.putAll(checklist("YES"));
    return values;
  }

  /** 関市 資料2 事業改善 1–5, every item answered the same, without comments. */
  public static Map<String, Object> checklist(String answer) {
    Map<String, Object> values = new HashMap<>();
    for (ImprovementCheckItem item : ImprovementCheckItem.values()) {
      values.put(item.answer().name(), answer);
    }
    return values;
  }

  public static Map<String, Object> partnerReview(String confirmation, String opinion, String wish) {
    Map<String, Object> values = new HashMap<>();
    values.put(DIALOGUE_CONFIRMATION.name(), confirmation);
    if (opinion != null) {
      values.put(PARTNER_OPINION.name(), opinion);
    }
    values.put(PARTNER_WISH.name(), wish);
    return values;
  }

  /** A manager's answer on continuing with a fixed partner (千葉 ②). */
  public static Map<String, Object> fixationException(String answer, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), answer);
    if (reason != null) {
      values.put(jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), reason);
    }
    return values;
  }

  public static Map<String, Object> decision(String decision, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(DECISION.name(), decision);
    values.put(REASON.name(), reason);
    return values;
  }

  /** Continue with the same partner, asking a manager for the fixation exception (千葉 ②) with the department's reason. */
  public static Map<String, Object> continueAskingForAnException(String reason, String request) {
    Map<String, Object> values = decision("CONTINUE", reason);
    values.put(jp.kyodo.project.Project.FIXATION_EXCEPTION_REQUEST.name(), request);
    return values;
  }

  /** Started by suzuki for hikari, dialogue recorded and agreed by the partner: the decision is open. */
  public ProcessInstance atDecision(boolean goalsMet) {
    ProcessInstance instance = start("suzuki", startForm(goalsMet, goalsMet ? "A" : "C"));
    complete(instance, Elements.DIALOGUE, "suzuki", goalsMet ? dialogueOnMetGoals() : dialogueOnMissedGoals());
    complete(instance, Elements.PARTNER_REVIEW, "hikari", partnerReview("AGREE", null, "CONTINUE"));
    return instance;
  }
}
