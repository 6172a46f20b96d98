package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementChoices.ReportRhythm;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The rules of a draft that span the whole agreement, checked when the drafter submits it: roles for
 * both sides (旭川 Q48), a balanced income/expenditure plan (関市 V-3①), payment terms that fit the form
 * of collaboration (DMN {@code payment-terms}: 旭川 Q51, 関市 V-3③) and can be divided into instalments (monthly
 * or staged payments need two or more), at least one progress report in the term, and the city's spending within the
 * budget granted ({@code approvedBudget}, 旭川 Q52 予算要求). A draft that breaks one is refused with every reason and nothing changes; an accepted one gets
 * its totals and payment plan, and the earlier answers are cleared for the next round of confirmations.
 */
@Component("checkAgreementDraft")
public class CheckAgreementDraftListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    checkAndCompute(task);
    for (var answer : List.of(PARTNER_DECISION, PARTNER_COMMENT, DEPARTMENT_DECISION, DEPARTMENT_COMMENT, APPROVAL_DECISION,
        APPROVAL_COMMENT, LAST_CHANGE_REQUEST)) {
      answer.set(task, null);
    }
  }

  /**
   * The rules of a draft, for the drafter's draft and for the partner's proposal alike (a proposal is a draft the
   * partner wrote): refused with every reason, or the totals and the payment plan computed.
   */
  static void checkAndCompute(DelegateTask task) {
    AgreementDraft draft = AgreementDraft.read(task);
    List<String> problems = new ArrayList<>();
    if (!draft.hasRoleFor(RoleParty.CITY) || !draft.hasRoleFor(RoleParty.PARTNER)) {
      problems.add("役割分担には、市が担う役割と団体が担う役割をそれぞれ1つ以上入れてください（旭川 Q48）。");
    }
    long payment = draft.paymentAmount();
    boolean paysPartner = !PaymentType.NONE.code().equals(draft.paymentType());
    if (!paysPartner && payment > 0) {
      problems.add("市から団体への支払がない場合、「" + Bearer.CITY_PAYMENT.label() + "」の経費は入れられません。");
    }
    if (paysPartner && payment == 0) {
      problems.add("市から団体に支払う場合、「" + Bearer.CITY_PAYMENT.label() + "」の経費を1行以上入れてください（支払額になります）。");
    }
    if (PaymentTiming.PARTIAL_ADVANCE.code().equals(draft.paymentTiming()) && draft.requestedAdvance() >= payment) {
      problems.add("「前払いする額（円）」は支払額 " + yen(payment) + " より少なくしてください（全額なら「全額を前払いする」を選びます）。");
    }
    Long budget = APPROVED_BUDGET.get(task);
    long citySpending = draft.borneBy(Bearer.CITY_DIRECT) + payment;
    if (budget != null && citySpending > budget) {
      // The budget pays for all the city spends on the project: what it pays the partner and what it spends directly.
      problems.add("市の負担（市が直接支出する経費 " + yen(draft.borneBy(Bearer.CITY_DIRECT)) + " と団体への支払 " + yen(payment)
          + " の合計 " + yen(citySpending) + "）が、予算で認められた額 " + yen(budget) + " を超えています。経費の額か負担の分け方を見直してください。");
    }
    long partnerCosts = draft.borneBy(Bearer.PARTNER);
    if (draft.partnerIncome() != partnerCosts) {
      problems.add("収支計画が合っていません: 団体が負担する経費の合計は " + yen(partnerCosts) + "、団体の収入（自己資金・事業収入・その他）の合計は "
          + yen(draft.partnerIncome()) + " です（関市 V-3①）。");
    }
    ReportRhythm rhythm = ReportRhythm.valueOf(REPORT_RHYTHM.get(task));
    if (AgreementTerm.reportDates(draft.termStart(), draft.termEnd(), rhythm.period()).isEmpty()) {
      problems.add("協定の期間が進捗報告の間隔（" + rhythm.label() + "）より短いため、進捗報告の日がありません。間隔を短くしてください。");
    }
    Map<String, Object> terms = paymentTerms(task, draft);
    if (!Boolean.TRUE.equals(terms.get("paymentAllowed"))) {
      problems.add(String.valueOf(terms.get("paymentTermsNote")));
    }
    List<Agreement.Instalment> instalments = draft.instalments(rhythm.period());
    boolean divided = PaymentTiming.MONTHLY.code().equals(draft.paymentTiming())
        || PaymentTiming.STAGED.code().equals(draft.paymentTiming());
    if (divided && instalments.size() < 2) {
      problems.add("「" + PaymentTiming.valueOf(draft.paymentTiming()).label() + "」にするには、支払が2回以上になる期間が必要です"
          + "（毎月払いは2か月以上、部分払いは進捗報告の日が期間の終わりより前に1回以上）。「全額を事業完了・検査の後に支払う」を選んでください。");
    } else if (instalments.stream().anyMatch(i -> i.amount() <= 0)) {
      problems.add("支払額 " + yen(payment) + " を " + instalments.size() + " 回に分けられません。支払の時期を見直してください。");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    EXPENDITURE_TOTAL.set(task, draft.expenditureTotal());
    PAYMENT_AMOUNT.set(task, payment);
    ADVANCE_AMOUNT.set(task, draft.advanceAmount());
    FINAL_AMOUNT.set(task, payment - draft.advanceAmount());
    PAYMENT_TERMS_NOTE.set(task, (String) terms.get("paymentTermsNote"));
    PAYMENT_SCHEDULE_TEXT.set(task, instalments.isEmpty() ? "支払はありません。" : PaymentSchedule.text(instalments));
    if (!paysPartner) {
      PAYMENT_TIMING.set(task, null);
    }
    if (draft.grantAllowsAdvance() == null) {
      // Asked only of a subsidy paid partly in advance: an answer left from another plan must not stand.
      GRANT_ALLOWS_ADVANCE.set(task, null);
      GRANT_DECISION_REF.set(task, null);
    }
  }

  /**
   * The payment-terms table, evaluated for the rule and not as the user: the drafter needs the
   * answer whether or not they may open decision definitions themselves.
   */
  static Map<String, Object> paymentTerms(DelegateTask task, AgreementDraft draft) {
    var variables = Variables.createVariables()
        .putValue(CHOSEN_FORM.name(), CHOSEN_FORM.get(task))
        .putValue(PAYMENT_TYPE.name(), draft.paymentType())
        .putValue(PAYMENT_TIMING.name(), draft.paymentTiming())
        .putValue(GRANT_ALLOWS_ADVANCE.name(), draft.grantAllowsAdvance());
    DmnDecisionTableResult result = Privileged.run(() ->
        task.getProcessEngineServices().getDecisionService()
            .evaluateDecisionTableByKey(Decisions.PAYMENT_TERMS, variables));
    if (result.isEmpty()) {
      return Map.of("paymentAllowed", false, "paymentTermsNote", "この協働の形態と支払の組合せは決められていません。市民協働課に相談してください。");
    }
    return result.getSingleResult().getEntryMap();
  }

  static String yen(long amount) {
    return String.format("%,d円", amount);
  }
}
