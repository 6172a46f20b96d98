package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import jp.kyodo.improvement.ImprovementChoices.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the decision with its reason, who decided and when (docs/domain.md 原則: every decision keeps its
 * reason and who made it). Details that belong to another choice than the one made are cleared, so the
 * record never shows an end reason for a project that continues.
 */
@Component("recordImprovementDecision")
public class RecordImprovementDecisionListener implements TaskListener {

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
  }
}
