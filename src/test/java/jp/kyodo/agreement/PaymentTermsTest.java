package jp.kyodo.agreement;

import jp.kyodo.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payment-terms table row by row (旭川 Q51, Q49, 関市 V-3③, 東久留米 II-7), plus: every row is reached
 * by a case, every combination of form, payment, timing and grant answer matches exactly one row, and every row says
 * where it comes from (its annotation cites a guideline).
 */
class PaymentTermsTest {

  static final DecisionTables TABLES = new DecisionTables();
  static final DmnEngine engine = TABLES.engine();
  static final DmnDecision decision = TABLES.parse(AgreementProcess.Decisions.PAYMENT_TERMS);
  static final List<String> matched = TABLES.matched();

  record Case(String rule, String form, String type, String timing, String grant, boolean allowed, String notePart) {
    Case(String rule, String form, String type, String timing, boolean allowed, String notePart) {
      this(rule, form, type, timing, null, allowed, notePart);
    }

    @Override
    public String toString() {
      return rule + " " + form + "/" + type + "/" + timing + (grant == null ? "" : "/" + grant);
    }
  }

  static final List<Case> CASES = List.of(
      new Case("payment_terms-r1", "SUBSIDY", "SUBSIDY", "ADVANCE", true, "一括して前払い"),
      new Case("payment_terms-r2", "SUBSIDY", "SUBSIDY", "AFTER_COMPLETION", true, "実施報告の検査"),
      new Case("payment_terms-r3", "SUBSIDY", "SUBSIDY", "PARTIAL_ADVANCE", "YES", true, "交付決定で認められた一部を前払い"),
      new Case("payment_terms-r13", "SUBSIDY", "SUBSIDY", "PARTIAL_ADVANCE", "NO", false, "交付決定で認められている場合に限ります"),
      new Case("payment_terms-r13", "SUBSIDY", "SUBSIDY", "PARTIAL_ADVANCE", null, false, "一括での前払いか"),
      new Case("payment_terms-r14", "SUBSIDY", "SUBSIDY", "MONTHLY", false, "毎月や段階ごとには支払いません"),
      new Case("payment_terms-r14", "SUBSIDY", "SUBSIDY", "STAGED", "YES", false, "関市 V-3③"),
      new Case("payment_terms-r4", "COMMISSION", "COMMISSION_FEE", "AFTER_COMPLETION", true, "検査を経て支払います"),
      new Case("payment_terms-r4", "FACILITY_MANAGEMENT", "COMMISSION_FEE", "AFTER_COMPLETION", true, "旭川 Q51"),
      new Case("payment_terms-r5", "COMMISSION", "COMMISSION_FEE", "ADVANCE", false, "前払いはできません"),
      new Case("payment_terms-r5", "FACILITY_MANAGEMENT", "COMMISSION_FEE", "PARTIAL_ADVANCE", false, "前払いはできません"),
      new Case("payment_terms-r15", "COMMISSION", "COMMISSION_FEE", "MONTHLY", true, "月払いの委託契約"),
      new Case("payment_terms-r15", "FACILITY_MANAGEMENT", "COMMISSION_FEE", "MONTHLY", true, "その月の履行を確認した後"),
      new Case("payment_terms-r16", "COMMISSION", "COMMISSION_FEE", "STAGED", true, "その段階の検査を経て"),
      new Case("payment_terms-r6", "JOINT_PROJECT", "BURDEN_CHARGE", "ADVANCE", true, "前金払いができます"),
      new Case("payment_terms-r6", "EXECUTIVE_COMMITTEE", "BURDEN_CHARGE", "PARTIAL_ADVANCE", true, "前金払いができます"),
      new Case("payment_terms-r7", "CO_HOSTING", "BURDEN_CHARGE", "AFTER_COMPLETION", true, "完了・検査の後"),
      new Case("payment_terms-r17", "JOINT_PROJECT", "BURDEN_CHARGE", "MONTHLY", false, "委託料の支払い方です"),
      new Case("payment_terms-r17", "COOPERATION", "BURDEN_CHARGE", "STAGED", false, "前金払い（全額・一部）か"),
      new Case("payment_terms-r8", "COOPERATION", "NONE", null, true, "支払はありません"),
      new Case("payment_terms-r8", "SPONSORSHIP", "NONE", null, true, "直接支出"),
      // 小金井 第2章(4): a form outside the list pays by the rule of what it pays
      new Case("payment_terms-r1", "OTHER", "SUBSIDY", "ADVANCE", true, "一括して前払い"),
      new Case("payment_terms-r5", "OTHER", "COMMISSION_FEE", "ADVANCE", false, "前払いはできません"),
      new Case("payment_terms-r6", "OTHER", "BURDEN_CHARGE", "ADVANCE", true, "前金払いができます"),
      new Case("payment_terms-r8", "OTHER", "NONE", null, true, "支払はありません"),
      new Case("payment_terms-r9", "SUBSIDY", "BURDEN_CHARGE", "ADVANCE", false, "補助金です"),
      new Case("payment_terms-r10", "COMMISSION", "BURDEN_CHARGE", "ADVANCE", false, "委託料です"),
      new Case("payment_terms-r11", "JOINT_PROJECT", "COMMISSION_FEE", "AFTER_COMPLETION", false, "負担金か"),
      new Case("payment_terms-r12", "POLICY_PROPOSAL", "SUBSIDY", "ADVANCE", false, "支払はありません"));

  static Stream<Case> cases() {
    return CASES.stream();
  }

  DmnDecisionTableResult evaluate(String form, String type, String timing, String grant) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("chosenForm", form)
        .putValue("paymentType", type).putValue("paymentTiming", timing).putValue("grantAllowsAdvance", grant));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRowDecidesAsTheGuidelinesSay(Case c) {
    Map<String, Object> result = evaluate(c.form(), c.type(), c.timing(), c.grant()).getSingleResult().getEntryMap();
    assertThat(matched).containsExactly(c.rule());
    assertThat(result.get("paymentAllowed")).isEqualTo(c.allowed());
    assertThat((String) result.get("paymentTermsNote")).contains(c.notePart());
  }

  @Test
  void everyRowCitesItsSource() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    org.camunda.bpm.model.dmn.DmnModelInstance model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(
        java.nio.file.Path.of("processes/payment-terms.dmn").toFile());
    for (org.camunda.bpm.model.dmn.instance.Rule rule : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)) {
      assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as(rule.getId()).containsPattern("(旭川|関市|東久留米|千葉|小金井)");
    }
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)).hasSameSizeAs(table.getRules());
  }

  @Test
  void theCasesReachEveryRow() {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    Set<String> rows = new TreeSet<>(table.getRules().stream().map(DmnDecisionTableRuleImpl::getId).toList());
    assertThat(new TreeSet<>(CASES.stream().map(Case::rule).toList())).isEqualTo(rows);
  }

  /**
   * The draft sends no timing when nothing is paid; every other combination has a timing. The grant decision's answer
   * is asked only of a subsidy paid partly in advance, but whatever it is (or none), one row decides.
   */
  @Test
  void everyCombinationMatchesExactlyOneRow() {
    for (CollaborationForm form : CollaborationForm.values()) {
      for (PaymentType type : PaymentType.values()) {
        List<String> timings = new ArrayList<>();
        if (type == PaymentType.NONE) {
          timings.add(null);
        } else {
          Stream.of(PaymentTiming.values()).map(PaymentTiming::code).forEach(timings::add);
        }
        for (String timing : timings) {
          for (String grant : Arrays.asList(null, "YES", "NO")) {
            assertThat(evaluate(form.code(), type.code(), timing, grant)).as(form + "/" + type + "/" + timing + "/" + grant)
                .hasSize(1);
          }
        }
      }
    }
  }
}
