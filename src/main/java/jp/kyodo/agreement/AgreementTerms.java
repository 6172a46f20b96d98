package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.GrantAdvance;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.forms.Labeled;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The terms the partner may rewrite in its own proposal (旭川 Q51: roles and costs are 「協議・調整しながら決定」; 関市
 * V-3①②: plan, roles and money agreed together): the plan, the goals, the role division, the budget lines and the
 * partner's income, and when the city pays. Not the kind of payment, which follows the form of collaboration ①
 * decided, nor the term and the clauses (the city's standard wording): those the partner raises in its reason. Labels
 * are those of {@code forms/agreement-partner-proposal.form}, so that a change reads as the partner wrote it.
 */
final class AgreementTerms {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Long texts are shortened in the list of changes; the full text stays in the variables and the agreement. */
  static final int SHOWN_TEXT = 60;

  /** One negotiable field: its variable, its label, and the closed list its codes come from (or none). */
  record Term(Var<?> variable, String label, Class<? extends Labeled> choices) {

    boolean yen() {
      return variable.name().endsWith("Amount") || variable.name().startsWith("income");
    }
  }

  static final List<Term> NEGOTIABLE = negotiable();

  private AgreementTerms() {}

  private static List<Term> negotiable() {
    List<Term> terms = new ArrayList<>();
    terms.add(new Term(WORK_PLAN, "事業の内容と進め方", null));
    for (int i = 0; i < GOAL_SLOTS; i++) {
      terms.add(new Term(GOAL_TEXT.get(i), "成果目標" + (i + 1) + "（何を）", null));
      terms.add(new Term(GOAL_INDICATOR.get(i), "成果目標" + (i + 1) + "の指標と目標値", null));
      terms.add(new Term(GOAL_DUE.get(i), "成果目標" + (i + 1) + "の達成期限", null));
    }
    for (int i = 0; i < ROLE_SLOTS; i++) {
      terms.add(new Term(ROLE_TASK.get(i), "役割" + (i + 1), null));
      terms.add(new Term(ROLE_PARTY.get(i), "役割" + (i + 1) + "の担い手", RoleParty.class));
    }
    for (int i = 0; i < BUDGET_SLOTS; i++) {
      terms.add(new Term(BUDGET_ITEM.get(i), "経費" + (i + 1) + "の費目", null));
      terms.add(new Term(BUDGET_AMOUNT.get(i), "経費" + (i + 1) + "の金額（円）", null));
      terms.add(new Term(BUDGET_BEARER.get(i), "経費" + (i + 1) + "の負担", Bearer.class));
    }
    terms.add(new Term(INCOME_OWN_FUNDS, "団体の自己資金（円）", null));
    terms.add(new Term(INCOME_FEES, "参加費・利用料などの事業収入（円）", null));
    terms.add(new Term(INCOME_OTHER, "寄付・他の助成金などその他の収入（円）", null));
    terms.add(new Term(PAYMENT_TIMING, "支払の時期", PaymentTiming.class));
    terms.add(new Term(ADVANCE_AMOUNT, "前払いする額（円）", null));
    terms.add(new Term(GRANT_ALLOWS_ADVANCE, "交付決定で一部の前払い（概算払い）が認められているか", GrantAdvance.class));
    terms.add(new Term(GRANT_DECISION_REF, "交付決定の番号と日付", null));
    return List.copyOf(terms);
  }

  /** The terms as they stand, as a JSON variable (Cockpit shows it; restored when the department answers). */
  static void keep(VariableScope scope) {
    ObjectNode kept = JSON.createObjectNode();
    for (Term term : NEGOTIABLE) {
      kept.set(term.variable().name(), JSON.valueToTree(term.variable().get(scope)));
    }
    scope.setVariable(TERMS_BEFORE_PROPOSAL, SpinValues.jsonValue(kept.toString()).create());
  }

  /** Puts back the terms kept before the partner's proposal. */
  @SuppressWarnings("unchecked")
  static void restore(VariableScope scope) {
    JsonNode kept = kept(scope);
    for (Term term : NEGOTIABLE) {
      JsonNode value = kept.path(term.variable().name());
      if (value.isNumber()) {
        ((Var<Long>) term.variable()).set(scope, value.asLong());
      } else {
        ((Var<String>) term.variable()).set(scope, value.isTextual() ? value.asText() : null);
      }
    }
  }

  /** What now differs from the terms kept before, field by field: 「役割2の担い手: 市 → 団体」. */
  static List<String> changes(VariableScope scope) {
    JsonNode kept = kept(scope);
    List<String> changes = new ArrayList<>();
    for (Term term : NEGOTIABLE) {
      JsonNode old = kept.path(term.variable().name());
      Object before = old.isNumber() ? (Object) old.asLong() : old.isTextual() ? old.asText() : null;
      Object after = term.variable().get(scope);
      if (!Objects.equals(before, after)) {
        changes.add(term.label() + ": " + shown(term, before) + " → " + shown(term, after));
      }
    }
    return changes;
  }

  private static JsonNode kept(VariableScope scope) {
    Object value = scope.getVariable(TERMS_BEFORE_PROPOSAL);
    if (value == null) {
      throw new IllegalStateException("no " + TERMS_BEFORE_PROPOSAL + ": the proposal task keeps it when it is created");
    }
    try {
      return JSON.readTree(value.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("variable " + TERMS_BEFORE_PROPOSAL + " is not JSON", e);
    }
  }

  static String shown(Term term, Object value) {
    if (value == null) {
      return "（なし）";
    }
    if (value instanceof Long amount && term.yen()) {
      return CheckAgreementDraftListener.yen(amount);
    }
    String text = value.toString();
    if (term.choices() != null) {
      for (Labeled choice : term.choices().getEnumConstants()) {
        if (choice.code().equals(text)) {
          return choice.label();
        }
      }
    }
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() > SHOWN_TEXT ? oneLine.substring(0, SHOWN_TEXT) + "…" : oneLine;
  }
}
