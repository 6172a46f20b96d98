package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.REVISION_COUNT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Counts how often a proposal went back for revision, for the reviewer and for the record. */
@Component("countRevision")
public class CountRevisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    REVISION_COUNT.set(task, REVISION_COUNT.getOrDefault(task, 0L) + 1);
  }
}
