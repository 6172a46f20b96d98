package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.Set;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.execution.ExecutionChoices.PlanChangeAnswer;
import jp.kyodo.execution.ExecutionChoices.PlanChangeApproval;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Settles a plan change. Agreed by the other side — and, when it changes money, approved by a manager — it takes
 * effect as data (評価シート 実施段階 3, 関市 V-4): the agreement's goals, budget lines and income, payment amounts and
 * term are amended in ③'s tables with the next amendment number (変更協定 第N号), the execution follows (the goals
 * on the forms, the amounts still to pay, the end of the term and the mid-term check with their timers), and open
 * proposals are filled in again. Otherwise it is declined or refused at 決裁, with the reason kept.
 */
@Component("settlePlanChange")
public class SettlePlanChangeDelegate implements JavaDelegate {

  private final ExecutionRepository executions;
  private final AgreementRepository agreements;

  public SettlePlanChangeDelegate(ExecutionRepository executions, AgreementRepository agreements) {
    this.executions = executions;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = PLAN_CHANGE_ID.get(execution);
    boolean agreed = PlanChangeAnswer.AGREE.code().equals(PLAN_CHANGE_ANSWER.get(execution));
    boolean approved = !CHANGE_MONEY.isTrue(execution)
        || PlanChangeApproval.APPROVE.code().equals(PLAN_CHANGE_APPROVAL.get(execution));
    if (!agreed || !approved) {
      executions.changeSettled(id, agreed ? "REJECTED" : "DECLINED", null);
      return;
    }
    ExecutionRepository.PlanChange change = executions.planChange(id);
    String number = AGREEMENT_NUMBER.get(execution);
    Agreement current = agreements.find(number).orElseThrow(() -> new IllegalStateException("no agreement " + number));
    Set<PlanData.Part> parts = PlanData.Changes.parse(change.changedParts());
    Agreement amended = PlanData.fromJson(change.proposedPlan()).applyTo(current, parts);
    int amendmentNo = agreements.amend(amended);
    executions.amendment(number, amendmentNo, id, change.summary(), changeLines(change), CityCalendar.today(),
        change.approvedBy());
    executions.changeSettled(id, "APPLIED", amendmentNo);

    AMENDMENT_NO.set(execution, (long) amendmentNo);
    StartExecutionDelegate.showGoals(execution, amended.goals(), true);
    ADVANCE_AMOUNT.set(execution, amended.payment().advanceAmount());
    FINAL_AMOUNT.set(execution, amended.payment().finalAmount());
    if (parts.contains(PlanData.Part.TERM)) {
      TERM_END.set(execution, amended.termEnd().toString());
      StartExecutionDelegate.reschedule(execution, amended.termStart(), amended.termEnd());
    }
    PrefillPlanChangeListener.refresh(execution, PlanData.of(amended));
    PLAN_CHANGE_APPLIED.set(execution, true);
    String earlier = APPLIED_PLAN_CHANGES.get(execution);
    String line = "・変更協定 第" + amendmentNo + "号: " + CHANGE_SUMMARY.get(execution) + "（" + CityCalendar.today()
        + " 双方合意" + (change.approvedBy() != null ? "、決裁 " + change.approvedBy() : "") + "、提案: "
        + CHANGE_PROPOSED_BY.get(execution) + "）";
    APPLIED_PLAN_CHANGES.set(execution, earlier == null ? line : earlier + "\n" + line);
  }

  /** What the amended 協定書 lists for the change: the data changed, and the change in words when there is one. */
  static String changeLines(ExecutionRepository.PlanChange change) {
    String data = change.changes() == null || change.changes().isBlank() ? "" : change.changes();
    String words = change.details() == null ? "" : "修正後の内容: " + change.details();
    return data.isEmpty() ? words : words.isEmpty() ? data : data + "\n" + words;
  }
}
