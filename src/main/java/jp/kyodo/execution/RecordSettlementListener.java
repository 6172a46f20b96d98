package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Instant;
import jp.kyodo.execution.ExecutionChoices.SettlementApproval;
import jp.kyodo.execution.ExecutionChoices.SettlementConfirmation;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each step of the settlement of a terminated execution with who and when: the department's draft (what was
 * done, what is paid or repaid), the partner's answer, the manager's 決裁. A draft that comes back shows why, and a
 * new draft starts the answers afresh. 旭川 Q76: the consequences of failure are settled by both sides together.
 */
@Component("recordSettlement")
public class RecordSettlementListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordSettlementListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    String who = Actors.currentOrSystem(task);
    Instant now = CityCalendar.now();
    switch (task.getTaskDefinitionKey()) {
      case Elements.DRAFT_SETTLEMENT -> {
        executions.settlementDrafted(number, SETTLEMENT_DONE.get(task), SETTLEMENT_PAY.get(task),
            SETTLEMENT_REPAY.get(task), SETTLEMENT_NOTE.get(task), who, now);
        for (var answer : java.util.List.of(SETTLEMENT_CONFIRMATION, SETTLEMENT_PARTNER_COMMENT, SETTLEMENT_APPROVAL,
            SETTLEMENT_APPROVAL_COMMENT, SETTLEMENT_LAST_REQUEST)) {
          answer.set(task, null);
        }
      }
      case Elements.CONFIRM_SETTLEMENT -> {
        boolean agreed = SettlementConfirmation.AGREE.code().equals(SETTLEMENT_CONFIRMATION.get(task));
        executions.settlementAnswered(number, SETTLEMENT_CONFIRMATION.get(task), SETTLEMENT_PARTNER_COMMENT.get(task),
            agreed, who, now);
        if (!agreed) {
          SETTLEMENT_LAST_REQUEST.set(task, "協働パートナー（" + who + "）: " + SETTLEMENT_PARTNER_COMMENT.get(task));
        }
      }
      case Elements.APPROVE_SETTLEMENT -> {
        boolean approved = SettlementApproval.APPROVE.code().equals(SETTLEMENT_APPROVAL.get(task));
        executions.settlementApproval(number, SETTLEMENT_APPROVAL.get(task), SETTLEMENT_APPROVAL_COMMENT.get(task),
            approved, who, now);
        if (!approved) {
          SETTLEMENT_LAST_REQUEST.set(task, "決裁者（" + who + "）: " + SETTLEMENT_APPROVAL_COMMENT.get(task));
        }
      }
      default -> throw new IllegalStateException("no settlement step at task " + task.getTaskDefinitionKey());
    }
  }
}
