package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The draft as the form's fixed slots hold it, read into lists: only the filled slots count. */
record AgreementDraft(
    List<Agreement.Goal> goals,
    List<Agreement.Role> roles,
    List<Agreement.BudgetLine> budget,
    long incomeOwnFunds,
    long incomeFees,
    long incomeOther,
    String paymentType,
    String paymentTiming,
    long requestedAdvance,
    String grantAllowsAdvance,
    LocalDate termStart,
    LocalDate termEnd) {

  static AgreementDraft read(VariableScope scope) {
    List<Agreement.Goal> goals = new ArrayList<>();
    for (int i = 0; i < GOAL_SLOTS; i++) {
      String text = GOAL_TEXT.get(i).get(scope);
      if (text != null) {
        goals.add(new Agreement.Goal("G" + (goals.size() + 1), text, GOAL_INDICATOR.get(i).get(scope),
            CityCalendar.parseDay(GOAL_DUE.get(i).get(scope)).orElseThrow()));
      }
    }
    List<Agreement.Role> roles = new ArrayList<>();
    for (int i = 0; i < ROLE_SLOTS; i++) {
      String task = ROLE_TASK.get(i).get(scope);
      if (task != null) {
        roles.add(new Agreement.Role(task, ROLE_PARTY.get(i).get(scope)));
      }
    }
    List<Agreement.BudgetLine> budget = new ArrayList<>();
    for (int i = 0; i < BUDGET_SLOTS; i++) {
      String item = BUDGET_ITEM.get(i).get(scope);
      if (item != null) {
        budget.add(new Agreement.BudgetLine(item, BUDGET_AMOUNT.get(i).get(scope), BUDGET_BEARER.get(i).get(scope)));
      }
    }
    return new AgreementDraft(goals, roles, budget, INCOME_OWN_FUNDS.get(scope), INCOME_FEES.get(scope),
        INCOME_OTHER.get(scope), PAYMENT_TYPE.get(scope),
        PaymentType.NONE.code().equals(PAYMENT_TYPE.get(scope)) ? null : PAYMENT_TIMING.get(scope),
        ADVANCE_AMOUNT.getOrDefault(scope, 0L), grantQuestionAsked(scope) ? GRANT_ALLOWS_ADVANCE.get(scope) : null,
        CityCalendar.parseDay(TERM_START.get(scope)).orElseThrow(), CityCalendar.parseDay(TERM_END.get(scope)).orElseThrow());
  }

  /** The grant decision matters only to a subsidy paid partly in advance (関市 V-3③); the forms ask only then. */
  static boolean grantQuestionAsked(VariableScope scope) {
    return PaymentType.SUBSIDY.code().equals(PAYMENT_TYPE.get(scope))
        && PaymentTiming.PARTIAL_ADVANCE.code().equals(PAYMENT_TIMING.get(scope));
  }

  /** The payment plan as instalments, for the term and the report rhythm of this draft. */
  List<Agreement.Instalment> instalments(java.time.Period reportPeriod) {
    return PaymentSchedule.of(paymentTiming, paymentAmount(), advanceAmount(), termStart, termEnd, reportPeriod);
  }

  long expenditureTotal() {
    return budget.stream().mapToLong(Agreement.BudgetLine::amount).sum();
  }

  long borneBy(Bearer bearer) {
    return budget.stream().filter(b -> b.bearer().equals(bearer.code())).mapToLong(Agreement.BudgetLine::amount).sum();
  }

  /** What the city pays the partner: the costs the partner spends out of the city's payment. */
  long paymentAmount() {
    return borneBy(Bearer.CITY_PAYMENT);
  }

  /** Paid at the start: everything for a full advance, the agreed part for a partial one, nothing otherwise. */
  long advanceAmount() {
    if (PaymentTiming.ADVANCE.code().equals(paymentTiming)) {
      return paymentAmount();
    }
    return PaymentTiming.PARTIAL_ADVANCE.code().equals(paymentTiming) ? requestedAdvance : 0;
  }

  long partnerIncome() {
    return incomeOwnFunds + incomeFees + incomeOther;
  }

  boolean hasRoleFor(RoleParty side) {
    return roles.stream().anyMatch(r -> r.party().equals(side.code()) || r.party().equals(RoleParty.BOTH.code()));
  }
}
