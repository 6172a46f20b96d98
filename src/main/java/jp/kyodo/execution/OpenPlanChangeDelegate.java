package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.execution.ExecutionChoices.Side;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A plan change (企画の修正) was proposed: it goes to the other side, whose agreement it needs before it
 * takes effect (評価シート 実施段階 3), with what it changes in the agreement before → after and whether money
 * changes (then a manager's 決裁 follows the agreement). The proposal gets its own scope, as several may be open.
 */
@Component("openPlanChange")
public class OpenPlanChangeDelegate implements JavaDelegate {

  static final String NO_DATA_CHANGED = "成果目標・経費・支払・期間は変わりません（修正の内容は「修正後の内容」のとおり）。";

  private final ExecutionRepository executions;

  public OpenPlanChangeDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = Pending.take(execution, PENDING_PLAN_CHANGE);
    ExecutionRepository.PlanChange change = executions.planChange(id);
    Side side = Side.valueOf(change.proposedSide());
    execution.setVariableLocal(PLAN_CHANGE_ID.name(), id);
    execution.setVariableLocal(CHANGE_SUMMARY.name(), change.summary());
    execution.setVariableLocal(CHANGE_REASON.name(), change.reason());
    execution.setVariableLocal(CHANGE_DETAILS.name(), change.details());
    execution.setVariableLocal(CHANGE_PROPOSED_BY.name(), side.label() + "（" + change.proposedBy() + "）");
    execution.setVariableLocal(CHANGE_ANSWER_GROUP.name(),
        side == Side.PARTNER ? DEPARTMENT_GROUP.get(execution) : PARTNER_GROUP.get(execution));
    execution.setVariableLocal(CHANGE_DIFF.name(), change.changes() == null || change.changes().isBlank()
        ? NO_DATA_CHANGED : change.changes());
    execution.setVariableLocal(CHANGE_MONEY.name(), change.moneyChanged());
    execution.setVariableLocal(PLAN_CHANGE_ANSWER.name(), null);
    execution.setVariableLocal(PLAN_CHANGE_ANSWER_COMMENT.name(), null);
    execution.setVariableLocal(PLAN_CHANGE_APPROVAL.name(), null);
    execution.setVariableLocal(PLAN_CHANGE_APPROVAL_COMMENT.name(), null);
    execution.setVariableLocal(PLAN_CHANGE_APPLIED.name(), false);
  }
}
