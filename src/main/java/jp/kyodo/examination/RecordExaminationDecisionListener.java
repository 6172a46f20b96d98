package jp.kyodo.examination;

import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a task of ① that decides is completed (the review, the office's confirmation of an end, the proposer's
 * answer): its decision, reason, who and when join ①'s decision log, so that a decision the process moves past — a
 * sending back, an end confirmed and then revised — is kept, not only the one ① ends with (docs/domain.md 原則).
 */
@Component("recordExaminationDecision")
public class RecordExaminationDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ExaminationDecisions.Step step = ExaminationDecisions.STEPS.get(task.getTaskDefinitionKey());
    if (step == null) {
      throw new IllegalStateException("recordExaminationDecision is meant for ①'s deciding tasks, not "
          + task.getTaskDefinitionKey());
    }
    String code = step.decision().get(task);
    ExaminationDecisions.record(task, task.getTaskDefinitionKey(),
        Decision.now(code, step.label(code), step.reason().get(task), task));
  }
}
