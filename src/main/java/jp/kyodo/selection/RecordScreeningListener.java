package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the eligibility check of one application (関市 ルール4: registered, record, finances, aims) with its reason. */
@Component("recordScreening")
public class RecordScreeningListener implements TaskListener {

  private final SelectionRepository records;

  public RecordScreeningListener(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean eligible = Screening.ELIGIBLE.code().equals(SCREENING.get(task));
    records.recordScreening(APPLICATION_ID.get(task), eligible, SCREENING_REASON.get(task), Actors.currentOrSystem(task));
  }
}
