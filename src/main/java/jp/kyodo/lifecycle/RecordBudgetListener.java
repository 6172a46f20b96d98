package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.FiscalYearProcess.*;

import java.text.NumberFormat;
import java.util.Locale;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.lifecycle.FiscalYearChoices.BudgetDecision;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 予算要求 (旭川 Q50; Q52 「11～12月 積算に基づき予算要求」): the department turns ①'s rough estimate into the amount
 * it requests, with its basis (積算); the collaboration office, which collects the requests of a fiscal year,
 * records what the city's budget granted — as requested, cut, or not at all, with the reason. The amount granted is
 * what ③ may promise at most. Each step is kept in the list of years; the decision becomes the year's.
 */
@Component("recordBudget")
public class RecordBudgetListener implements TaskListener {

  private final ProjectYearRepository years;

  public RecordBudgetListener(ProjectYearRepository years) {
    this.years = years;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      BUDGET_CONTEXT.set(task.getExecution(), context(task));
    } else if (Elements.REQUEST_BUDGET.equals(task.getTaskDefinitionKey())) {
      requested(task);
    } else {
      decided(task);
    }
  }

  private static String context(DelegateTask task) {
    Long estimate = Project.COST_ESTIMATE.get(task);
    Object proposed = task.getVariable("proposedBudget");
    String partner = Project.PARTNER_NAME.get(task);
    return Project.FISCAL_YEAR.get(task) + "年度（" + YEAR_MODE_LABEL.get(task) + "）"
        + "\n① 事業の検討での概算: " + yen(estimate)
        + "\n提案者が想定した事業費: " + (proposed instanceof Number n ? yen(n.longValue()) : "記載なし")
        + "\n協働パートナー: " + (partner != null ? partner : "未定（② パートナーの選定で決まります）");
  }

  private void requested(DelegateTask task) {
    long amount = REQUESTED_BUDGET.get(task);
    years.budgetRequested(task.getProcessInstanceId(), amount, BUDGET_BASIS.get(task), Actors.currentOrSystem(task),
        CityCalendar.now());
  }

  private void decided(DelegateTask task) {
    BudgetDecision decision = BudgetDecision.valueOf(BUDGET_DECISION.get(task));
    long requested = REQUESTED_BUDGET.get(task);
    Long approved = APPROVED_BUDGET.get(task);
    switch (decision) {
      case APPROVED -> {
        if (approved != null && approved != requested) {
          throw new InvalidInputException("「要求どおり認められた」場合、認められた額は要求額 " + yen(requested)
              + " です。減額された場合は「減額して認められた」を選んでください。");
        }
        approved = requested;
      }
      case CUT -> {
        if (approved == null || approved <= 0 || approved >= requested) {
          throw new InvalidInputException("「減額して認められた」場合、認められた額は1円以上、要求額 " + yen(requested)
              + " より少ない額を入れてください。");
        }
      }
      case REFUSED -> {
        if (approved != null && approved != 0) {
          throw new InvalidInputException("「認められなかった」場合、認められた額は入れないでください。");
        }
        approved = null;
      }
    }
    APPROVED_BUDGET.set(task.getExecution(), approved);
    String comment = BUDGET_COMMENT.get(task);
    String reason = "要求額 " + yen(requested) + "、認められた額 " + (approved == null ? "なし" : yen(approved))
        + (comment == null || comment.isBlank() ? "" : "／" + comment);
    Decision d = new Decision(decision.name(), decision.label(), reason, Actors.currentOrSystem(task), CityCalendar.now());
    BUDGET_DECISION_VARIABLES.write(task.getExecution(), d);
    years.budgetDecided(task.getProcessInstanceId(), d, approved);
  }

  static String yen(Long amount) {
    return amount == null ? "なし" : NumberFormat.getNumberInstance(Locale.JAPAN).format(amount) + "円";
  }
}
