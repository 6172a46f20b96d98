package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import java.util.Date;
import jp.kyodo.improvement.ImprovementChoices.Decision;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
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
    DECISION_LABEL.set(task, decision.label());
    if (decision != Decision.END) {
      END_REASON.set(task, null);
    }
    if (decision != Decision.HANDOVER) {
      HANDOVER_SUPPORT.set(task, null);
    }
    DECIDED_BY.set(task, Actors.currentOrSystem(task));
    DECIDED_AT.set(task, Date.from(CityCalendar.now()));
  }
}
