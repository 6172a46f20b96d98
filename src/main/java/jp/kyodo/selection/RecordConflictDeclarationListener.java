package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a reviewer's declaration of conflicts of interest, one line per eligible application. Only
 * the reviewer may declare for themselves; an application marked here is never theirs to score.
 */
@Component("recordConflictDeclaration")
public class RecordConflictDeclarationListener implements TaskListener {

  private final SelectionRepository records;

  public RecordConflictDeclarationListener(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    String reviewer = REVIEWER.get(task);
    Reviewers.requireInPerson(task, reviewer);
    records.declareConflicts(CALL_NUMBER.get(task), reviewer, CONFLICTED_APPLICATIONS.get(task), CONFLICT_NOTE.get(task));
  }
}
