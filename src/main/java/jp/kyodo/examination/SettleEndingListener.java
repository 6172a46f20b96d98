package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a proposal reaches the office's review, an end found on an earlier pass is settled — re-examined or revised
 * past. Its variables are cleared so that the forms stop showing the office's comment on it (a later sending back
 * would otherwise show it beside the new request); the decision log keeps it.
 */
@Component("settleEnding")
public class SettleEndingListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (PROPOSED_ENDING.get(task) == null) {
      return;
    }
    PROPOSED_ENDING.set(task, null);
    PROPOSED_ENDING_LABEL.set(task, null);
    ENDING_FINDING.set(task, null);
    ENDING_ANSWERS.forEach(answer -> answer.set(task, null));
  }
}
