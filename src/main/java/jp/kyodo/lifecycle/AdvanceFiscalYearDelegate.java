package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.improvement.ImprovementChoices.Decision;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ⑥ decided to go on next fiscal year (旭川 Q31: work with the city is agreed year by year): the project moves to
 * the next fiscal year and the year's agreement is left behind. With the same partner (CONTINUE) the partner
 * stays; for a new call (RECALL, forced when the partner would become fixed — 千葉 ②) it is cleared until ②
 * selects one again.
 */
@Component("advanceFiscalYear")
public class AdvanceFiscalYearDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Long next = ImprovementProcess.NEXT_FISCAL_YEAR.get(execution);
    Project.FISCAL_YEAR.set(execution, next != null ? next : Project.FISCAL_YEAR.get(execution) + 1);
    Project.AGREEMENT_NUMBER.set(execution, null);
    AGREEMENT_SIGNED_ON.set(execution, null);
    execution.setVariable(AGREEMENT_GOALS, null);
    ExecutionProcess.EXECUTION_COMPLETED.set(execution, null);
    if (Decision.RECALL.code().equals(ImprovementProcess.DECISION.get(execution))) {
      Project.PARTNER_GROUP.set(execution, null);
      Project.PARTNER_NAME.set(execution, null);
    }
  }
}
