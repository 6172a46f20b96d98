package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.execution.ExecutionChoices.ExecutionOutcome;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The completion report passed its inspection and the payments are made: the execution is complete and
 * hands over to ⑤ 事業の評価 (旭川 Q51 実施報告・検査・評価) with {@code executionOutcome} COMPLETED (a terminated one
 * ends at SettleTermination instead).
 */
@Component("closeExecution")
public class CloseExecutionDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public CloseExecutionDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    executions.complete(AGREEMENT_NUMBER.get(execution), CityCalendar.now());
    EXECUTION_COMPLETED.set(execution, true);
    EXECUTION_OUTCOME.set(execution, ExecutionOutcome.COMPLETED.code());
    EXECUTION_OUTCOME_LABEL.set(execution, ExecutionOutcome.COMPLETED.label());
  }
}
