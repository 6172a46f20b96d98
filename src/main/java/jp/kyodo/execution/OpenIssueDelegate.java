package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.List;
import jp.kyodo.execution.ExecutionChoices.Side;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An issue or trouble was raised (by either side, at any time): its handling gets its own scope with
 * the issue as recorded, so several issues can be handled side by side.
 */
@Component("openIssue")
public class OpenIssueDelegate implements JavaDelegate {

  static final List<Var<?>> HANDLING_VALUES = List.of(ISSUE_RESPONSE, ESCALATE_ISSUE, ISSUE_TO_MANAGER, ISSUE_DECISION,
      ISSUE_DECISION_COMMENT);

  private final ExecutionRepository executions;

  public OpenIssueDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = Pending.take(execution, PENDING_ISSUE);
    ExecutionRepository.Issue issue = executions.issue(id);
    execution.setVariableLocal(ISSUE_ID.name(), id);
    execution.setVariableLocal(ISSUE_TITLE.name(), issue.title());
    execution.setVariableLocal(ISSUE_DESCRIPTION.name(), issue.description());
    execution.setVariableLocal(ISSUE_SEVERITY.name(), issue.severity());
    execution.setVariableLocal(ISSUE_RAISED_BY.name(),
        Side.valueOf(issue.raisedSide()).label() + "（" + issue.raisedBy() + "）");
    for (Var<?> value : HANDLING_VALUES) {
      execution.setVariableLocal(value.name(), null);
    }
  }
}
