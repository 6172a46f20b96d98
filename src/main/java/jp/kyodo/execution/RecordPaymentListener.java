package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a payment with its amount and date against the agreed schedule (旭川 Q51): the advance at the
 * start, the rest only after the completion report passed the inspection. A reduced amount keeps its
 * reason (e.g. a surplus of a burden charge, 旭川 Q27). Each kind is paid once (table key).
 */
@Component("recordPayment")
public class RecordPaymentListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordPaymentListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean advance = Elements.PAY_ADVANCE.equals(task.getTaskDefinitionKey());
    String number = AGREEMENT_NUMBER.get(task);
    if (advance) {
      executions.payment(number, "ADVANCE", ADVANCE_AMOUNT.get(task), ADVANCE_PAID_AMOUNT.get(task),
          CityCalendar.parseDay(ADVANCE_PAID_ON.get(task)).orElseThrow(), ADVANCE_REDUCTION_REASON.get(task), Actors.currentOrSystem(task),
          CityCalendar.now());
    } else {
      executions.payment(number, "AFTER_COMPLETION", FINAL_AMOUNT.get(task), FINAL_PAID_AMOUNT.get(task),
          CityCalendar.parseDay(FINAL_PAID_ON.get(task)).orElseThrow(), FINAL_REDUCTION_REASON.get(task), Actors.currentOrSystem(task),
          CityCalendar.now());
    }
  }
}
