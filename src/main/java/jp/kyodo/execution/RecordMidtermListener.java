package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the mid-term check (中間評価・モニタリング, 関市 V-5①) with who and when. */
@Component("recordMidterm")
public class RecordMidtermListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordMidtermListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    executions.midterm(AGREEMENT_NUMBER.get(task), MIDTERM_PROGRESS.get(task), MIDTERM_FINDINGS.get(task),
        MIDTERM_CITIZEN_VOICE.get(task), MIDTERM_ACTIONS.get(task), MIDTERM_WITH_PARTNER.isTrue(task), Actors.currentOrSystem(task),
        CityCalendar.now());
  }
}
