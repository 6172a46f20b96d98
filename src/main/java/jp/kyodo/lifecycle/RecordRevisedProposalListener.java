package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * ⑥ decided to revise and restart at ① (見直し): the department clerk who rewrote the proposal proposes it again —
 * as the department's own issue (課題提案, 関市 IV-3(2)), so ① goes straight to the department's check sheet — and
 * the partner is cleared until ② selects one again.
 */
@Component("recordRevisedProposal")
public class RecordRevisedProposalListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    PROPOSER.set(task, Actors.currentOrSystem(task));
    Project.PARTNER_GROUP.set(task, null);
    Project.PARTNER_NAME.set(task, null);
  }
}
