package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.execution.ExecutionChoices.PlanChangeAnswer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the other side's answer: with its agreement the change takes effect (both sides agreed) and is
 * listed for the mid-term check, the completion report and the inspection; without, it is declined
 * with the reason. Who answered and when are kept.
 */
@Component("settlePlanChange")
public class SettlePlanChangeDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public SettlePlanChangeDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean applied = PlanChangeAnswer.AGREE.code().equals(PLAN_CHANGE_ANSWER.get(execution));
    executions.settleChange(PLAN_CHANGE_ID.get(execution), applied, PLAN_CHANGE_ANSWER_COMMENT.get(execution),
        Actors.currentOrSystem(execution), CityCalendar.now());
    if (applied) {
      String earlier = APPLIED_PLAN_CHANGES.get(execution);
      String line = "・" + CHANGE_SUMMARY.get(execution) + "（" + CityCalendar.today() + " 双方合意、提案: "
          + CHANGE_PROPOSED_BY.get(execution) + "）";
      APPLIED_PLAN_CHANGES.set(execution, earlier == null ? line : earlier + "\n" + line);
    }
  }
}
