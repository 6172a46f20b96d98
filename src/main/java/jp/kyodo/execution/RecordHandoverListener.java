package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the handover meeting (date, who attended for the partner, what was handed over) and the partner's answer. */
@Component("recordHandover")
public class RecordHandoverListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordHandoverListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = HANDOVER_ID.get(task);
    if (Elements.HOLD_HANDOVER.equals(task.getTaskDefinitionKey())) {
      executions.handoverHeld(id, CityCalendar.parseDay(HANDOVER_HELD_ON.get(task)).orElseThrow(), PARTNER_ATTENDEE.get(task),
          HANDOVER_NOTES.get(task), Actors.currentOrSystem(task));
    } else {
      executions.handoverAnswered(id, HANDOVER_CONFIRMATION.get(task), HANDOVER_PARTNER_COMMENT.get(task),
          Actors.currentOrSystem(task), CityCalendar.now());
    }
  }
}
