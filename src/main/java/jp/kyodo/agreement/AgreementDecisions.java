package jp.kyodo.agreement;

import java.util.List;
import java.util.Map;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.DecisionLog;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every answer to a draft — the partner's and the department's confirmation, the manager's approval — as the JSON
 * variable {@value AgreementProcess#DECISION_LOG}, oldest first, which goes into the agreement at approval. The log
 * names a decision's reason {@code comment} and keeps no label, as it always has.
 */
final class AgreementDecisions {

  static final DecisionLog LOG = new DecisionLog(AgreementProcess.DECISION_LOG, "comment", false);

  private AgreementDecisions() {}

  static void append(VariableScope scope, String step, Decision decision) {
    LOG.append(scope, Map.of("step", step), decision);
  }

  /** The decisions so far, oldest first. */
  static List<Agreement.StepDecision> all(VariableScope scope) {
    return LOG.entries(scope).stream()
        .map(e -> new Agreement.StepDecision(e.where().path("step").asText(), e.decision())).toList();
  }
}
