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
 * the issue as recorded — and which side raised it, whose group works on it while the execution is suspended — so
 * several issues can be handled side by side.
 */
@Component("openIssue")
public class OpenIssueDelegate implements JavaDelegate {

  static final List<Var<?>> HANDLING_VALUES = List.of(ISSUE_RESPONSE, ESCALATE_ISSUE, ISSUE_TO_MANAGER, ISSUE_DECISION,
      ISSUE_DECISION_COMMENT, ISSUE_PARTNER_VIEW, ISSUE_PARTNER_WISH, ISSUE_MEASURES, ISSUE_READY_TO_RESUME);

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
    Side side = Side.valueOf(issue.raisedSide());
    execution.setVariableLocal(ISSUE_RAISED_BY.name(), side.label() + "（" + issue.raisedBy() + "）");
    // The side that raised it takes part in resolving it (旭川 Q76): while suspended, the issue is that side's task.
    execution.setVariableLocal(ISSUE_RAISED_SIDE.name(), side.code());
    execution.setVariableLocal(ISSUE_REPORTER_GROUP.name(),
        side == Side.PARTNER ? PARTNER_GROUP.get(execution) : DEPARTMENT_GROUP.get(execution));
    for (Var<?> value : HANDLING_VALUES) {
      execution.setVariableLocal(value.name(), null);
    }
  }
}
