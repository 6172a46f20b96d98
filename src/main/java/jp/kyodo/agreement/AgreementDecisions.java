package jp.kyodo.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every answer to a draft — the partner's and the department's confirmation, the partner's proposals and the
 * department's answers to them (with the fields a proposal changed), the manager's approval — as the JSON
 * variable {@value AgreementProcess#DECISION_LOG}, oldest first, which goes into the agreement at approval. The log
 * names a decision's reason {@code comment} and keeps no label, as it always has.
 */
final class AgreementDecisions {

  static final DecisionLog LOG = new DecisionLog(AgreementProcess.DECISION_LOG, "comment", false);

  private AgreementDecisions() {}

  static void append(VariableScope scope, String step, Decision decision) {
    LOG.append(scope, Map.of("step", step), decision);
  }

  /** A round of the negotiation: the decision with what it changed, field by field, after the step. */
  static void append(VariableScope scope, String step, Decision decision, List<String> changes) {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("step", step);
    where.put("changes", changes);
    LOG.append(scope, where, decision);
  }

  /** The decisions so far, oldest first; a round's changes one per line. */
  static List<Agreement.StepDecision> all(VariableScope scope) {
    return LOG.entries(scope).stream().map(e -> {
      List<String> changes = new java.util.ArrayList<>();
      e.where().path("changes").forEach(c -> changes.add(c.asText()));
      return new Agreement.StepDecision(e.where().path("step").asText(), e.decision(),
          changes.isEmpty() ? null : String.join("\n", changes));
    }).toList();
  }
}
