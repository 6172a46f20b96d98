package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.execution.ExecutionChoices.ReviewDecision;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each step of a progress report (評価シート 実施段階 1・4): the partner's submission, the
 * department's review (accepted, or more asked for), and the department's action on a late report.
 */
@Component("recordProgressReport")
public class RecordProgressReportListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordProgressReportListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    int reportNo = REPORT_NO.get(task).intValue();
    switch (task.getTaskDefinitionKey()) {
      case Elements.SUBMIT_REPORT -> executions.reportSubmitted(number, reportNo, REPORT_SUMMARY.get(task),
          REPORT_GOAL_PROGRESS.get(task), REPORT_ISSUES.get(task), REPORT_CITIZEN_INFO.get(task), Actors.currentOrSystem(task),
          CityCalendar.now());
      case Elements.REVIEW_REPORT -> executions.reportReviewed(number, reportNo,
          ReviewDecision.ACCEPT.code().equals(REVIEW_DECISION.get(task)), REVIEW_DECISION.get(task),
          REVIEW_COMMENT.get(task), Actors.currentOrSystem(task), CityCalendar.now());
      case Elements.HANDLE_LATE_REPORT -> executions.reportEscalated(number, reportNo, LATE_ACTION.get(task),
          Actors.currentOrSystem(task), CityCalendar.now());
      default -> throw new IllegalStateException("no report step at task " + task.getTaskDefinitionKey());
    }
  }
}
