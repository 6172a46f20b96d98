package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.improvement.ImprovementChoices.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/**
 * Keeps the decision with its reason, who decided and when (docs/domain.md 原則: every decision keeps its
 * reason and who made it), and beside it the answers to 関市 資料2 事業改善 1–5 that the dialogue the decision rests
 * on gave ({@value ImprovementProcess#CHECKLIST}). Details that belong to another choice than the one made are
 * cleared, so the record never shows an end reason for a project that continues.
 */
@Component("recordImprovementDecision")
public class RecordImprovementDecisionListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    Decision decision = Decision.valueOf(DECISION.get(task));
    if (decision != Decision.END) {
      END_REASON.set(task, null);
    }
    if (decision != Decision.HANDOVER) {
      HANDOVER_SUPPORT.set(task, null);
    }
    DECISION_VARIABLES.write(task,
        jp.kyodo.platform.Decision.now(decision.code(), decision.label(), REASON.get(task), task));
    task.setVariable(CHECKLIST, checklist(task));
  }

  static JsonValue checklist(VariableScope scope) {
    ArrayNode items = JSON.createArrayNode();
    for (ImprovementCheckItem item : ImprovementCheckItem.values()) {
      String answer = item.answer().get(scope);
      ObjectNode entry = items.addObject();
      entry.put("item", item.code());
      entry.put("label", item.label());
      entry.put("answer", answer);
      entry.put("answerLabel", answer == null ? null : Answer.labelOf(answer));
      entry.put("comment", item.comment().get(scope));
    }
    return SpinValues.jsonValue(items.toString()).create();
  }
}
