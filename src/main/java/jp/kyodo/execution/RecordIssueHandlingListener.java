package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Instant;
import jp.kyodo.execution.ExecutionChoices.IssueDecision;
import jp.kyodo.execution.ExecutionChoices.Severity;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the handling of an issue: the department's response; for a serious issue (or when the department asks) the
 * partner's view, heard before the manager decides, and the manager's decision with its reason — to accept, to redo,
 * to suspend the execution, to resume it, or to terminate it with a settlement; while suspended, what the side that
 * raised the issue did about it. 旭川 Q76: trouble is handled as the agreement says, by both sides together, the
 * serious with the approver.
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
    String who = Actors.currentOrSystem(task);
    Instant now = CityCalendar.now();
    switch (task.getTaskDefinitionKey()) {
      case Elements.HANDLE_ISSUE -> {
        boolean toManager = Severity.SERIOUS.code().equals(ISSUE_SEVERITY.get(task)) || ESCALATE_ISSUE.isTrue(task);
        ISSUE_TO_MANAGER.set(task, toManager);
        executions.issueHandled(id, ISSUE_RESPONSE.get(task), toManager, who, now);
      }
      case Elements.STATE_ISSUE_VIEW -> executions.issueViewed(id, ISSUE_PARTNER_VIEW.get(task), ISSUE_PARTNER_WISH.get(task),
          who, now);
      case Elements.RESOLVE_SUSPENDED_ISSUE -> executions.issueMeasures(id, ISSUE_MEASURES.get(task), who, now);
      case Elements.DECIDE_ISSUE -> decided(task, id, who, now);
      default -> throw new IllegalStateException("no issue handling recorded at task " + task.getTaskDefinitionKey());
    }
  }

  private void decided(DelegateTask task, String id, String who, Instant now) {
    IssueDecision decision = IssueDecision.valueOf(ISSUE_DECISION.get(task));
    String status = switch (decision) {
      case ACCEPT, RESUME -> "CLOSED";
      case REDO -> "OPEN";
      case SUSPEND -> "SUSPENDED";
      case TERMINATE -> "TERMINATED";
    };
    String comment = ISSUE_DECISION_COMMENT.get(task);
    executions.issueDecided(id, decision.code(), comment, status, who, now);
    if (decision == IssueDecision.TERMINATE) {
      // The term is cancelled next (its scope and the issue's values go): what the settlement needs is kept on the
      // process instance and in the settlement's row, with what was paid so far.
      DelegateExecution instance = task.getExecution().getProcessInstance();
      String number = AGREEMENT_NUMBER.get(task);
      long total = ADVANCE_AMOUNT.getOrDefault(task, 0L) + FINAL_AMOUNT.getOrDefault(task, 0L);
      long paid = executions.paidSoFar(number);
      TERMINATION_ISSUE.set(instance, id);
      TERMINATION_REASON.set(instance, comment);
      TERMINATION_DECIDED_BY.set(instance, who);
      PAYMENT_TOTAL.set(instance, total);
      PAID_SO_FAR.set(instance, paid);
      executions.terminationDecided(number, id, comment, total, paid, who, now);
    }
  }
}
