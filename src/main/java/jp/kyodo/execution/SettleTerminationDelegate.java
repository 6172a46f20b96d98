package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Instant;
import jp.kyodo.execution.ExecutionChoices.ExecutionOutcome;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The partner agreed to the settlement and a manager approved it: the execution ends as terminated, and ⑤ 事業の評価
 * receives the record of it — {@code executionOutcome} TERMINATED and the settlement in words (what was done, what
 * was paid, what is paid or repaid) — so that the year is still evaluated and improved upon (旭川 Q76, 関市 V-6).
 */
@Component("settleTermination")
public class SettleTerminationDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public SettleTerminationDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = AGREEMENT_NUMBER.get(execution);
    Instant now = CityCalendar.now();
    executions.terminated(number, now);
    ExecutionRepository.Settlement s = executions.settlement(number)
        .orElseThrow(() -> new IllegalStateException("no settlement of " + number));
    EXECUTION_OUTCOME.set(execution, ExecutionOutcome.TERMINATED.code());
    EXECUTION_OUTCOME_LABEL.set(execution, ExecutionOutcome.TERMINATED.label());
    SETTLEMENT_SUMMARY.set(execution, summary(s));
    EXECUTION_COMPLETED.set(execution, false);
  }

  /** The settlement in the words ⑤ shows both sides: done, paid, paid or repaid now, and who decided. */
  static String summary(ExecutionRepository.Settlement s) {
    StringBuilder text = new StringBuilder();
    text.append("事業の実施を中止しました（中止の判断: ").append(s.decidedBy()).append("、")
        .append(CityCalendar.dayOf(s.decidedAt())).append("）。\n");
    text.append("中止の理由: ").append(s.terminationReason()).append("\n");
    text.append("実施した内容: ").append(s.workDone()).append("\n");
    text.append("支払済みの額: ").append(yen(s.paidBefore())).append("（協定の支払額 ").append(yen(s.paymentTotal()))
        .append("）\n");
    text.append("精算で支払う額: ").append(yen(s.payAmount() == null ? 0 : s.payAmount())).append("\n");
    text.append("返還を求める額: ").append(yen(s.repayAmount() == null ? 0 : s.repayAmount())).append("\n");
    if (s.note() != null) {
      text.append("その他の取り決め: ").append(s.note()).append("\n");
    }
    text.append("団体の同意: ").append(s.partnerAnsweredBy()).append("、決裁: ").append(s.approvedBy()).append("（")
        .append(CityCalendar.dayOf(s.approvedAt())).append("）");
    return text.toString();
  }

  static String yen(long amount) {
    return String.format("%,d円", amount);
  }
}
