package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationChoices.EndingDecision;
import jp.kyodo.examination.ExaminationChoices.EndingResponse;
import jp.kyodo.examination.ExaminationChoices.ReviewDecision;
import jp.kyodo.forms.Labeled;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * ①'s decision log ({@value ExaminationProcess#DECISIONS}): the one place an ① decision is appended and read back.
 * Where a decision was taken is the element ({@code step}) and how many revisions the proposal had then
 * ({@code revision}), so that the rounds of a proposal sent back or revised can be told apart.
 */
final class ExaminationDecisions {

  private ExaminationDecisions() {}

  /** A task whose form records a decision: the variable holding its code, its choices, the variable of its reason. */
  record Step(Var<String> decision, Class<? extends Labeled> choices, Var<String> reason) {

    String label(String code) {
      for (Labeled choice : choices.getEnumConstants()) {
        if (choice.code().equals(code)) {
          return choice.label();
        }
      }
      throw new IllegalStateException(code + " is none of " + choices.getSimpleName());
    }
  }

  /** The tasks of ① that decide, by their element id. */
  static final Map<String, Step> STEPS = Map.of(
      Elements.REVIEW, new Step(REVIEW_DECISION, ReviewDecision.class, REVIEW_COMMENT),
      Elements.CONFIRM_ENDING, new Step(ENDING_DECISION, EndingDecision.class, ENDING_REASON),
      Elements.EXPLAIN_ENDING, new Step(ENDING_RESPONSE, EndingResponse.class, ENDING_COMMENT));

  static void record(VariableScope scope, String step, Decision decision) {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("step", step);
    where.put("revision", REVISION_COUNT.getOrDefault(scope, 0L));
    DECISION_LOG.append(scope, where, decision);
  }

  /** The latest decision taken at that step; null when none was. */
  static Decision latestAt(VariableScope scope, String step) {
    List<DecisionLog.Entry> entries = DECISION_LOG.entries(scope);
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (step.equals(entries.get(i).where().path("step").asText())) {
        return entries.get(i).decision();
      }
    }
    return null;
  }
}
