package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.execution.ExecutionChoices.IssueDecision;
import jp.kyodo.execution.ExecutionChoices.Severity;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the handling of an issue: the department's response, and — for a serious issue or when the
 * department asks — the manager's decision with its reason (旭川 Q76: solved by both sides, serious
 * ones with the approver).
 */
@Component("recordIssueHandling")
public class RecordIssueHandlingListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordIssueHandlingListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = ISSUE_ID.get(task);
    if (Elements.HANDLE_ISSUE.equals(task.getTaskDefinitionKey())) {
      boolean toManager = Severity.SERIOUS.code().equals(ISSUE_SEVERITY.get(task)) || ESCALATE_ISSUE.isTrue(task);
      ISSUE_TO_MANAGER.set(task, toManager);
      executions.issueHandled(id, ISSUE_RESPONSE.get(task), toManager, Actors.currentOrSystem(task), CityCalendar.now());
    } else {
      boolean accepted = IssueDecision.ACCEPT.code().equals(ISSUE_DECISION.get(task));
      executions.issueDecided(id, ISSUE_DECISION.get(task), ISSUE_DECISION_COMMENT.get(task), accepted, Actors.currentOrSystem(task),
          CityCalendar.now());
    }
  }
}
