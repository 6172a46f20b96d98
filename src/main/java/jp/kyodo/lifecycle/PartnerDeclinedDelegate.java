package jp.kyodo.lifecycle;

import jp.kyodo.project.Project;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The chosen group declined the agreement in ③ (its reason is ③'s record and the project's decision): it is no
 * longer the year's partner, and ② starts again — a new call, or another group — as for a selection without a
 * partner (旭川 Q44). The approved budget stays: it belongs to the project, not to the group.
 */
@Component("partnerDeclined")
public class PartnerDeclinedDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Project.PARTNER_GROUP.set(execution, null);
    Project.PARTNER_NAME.set(execution, null);
    SelectionProcess.SELECTION_NUMBER.set(execution, null);
    SelectionProcess.DECISION_VARIABLES.write(execution, new jp.kyodo.platform.Decision(null, null, null, null, null));
    FiscalYearProcess.AGREEMENT_OUTCOME.set(execution, null);
  }
}
