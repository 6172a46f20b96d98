package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Labeled;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The parts of an agreement that a plan change amends as data (変更協定, 評価シート 実施段階 3, 関市 V-4): the goals, the
 * budget lines with the partner's income, the advance (the payment itself is the total of the lines the city pays
 * for, as in ③), and the end of the term. Read from the agreement or from a proposal's form, kept with the proposal
 * as JSON, and compared part by part into the lines both sides and the manager read.
 */
record PlanData(List<Goal> goals, List<Line> budget, long incomeOwnFunds, long incomeFees, long incomeOther,
    long advanceAmount, String termEnd) {

  /** A goal as the form holds it: what, measured how, by when (小金井 ④). */
  record Goal(String description, String indicator, String due) {}

  /** A budget line and who bears it (旭川 Q48, Q49). */
  record Line(String item, long amount, String bearer) {}

  /** What a change touches; BUDGET and PAYMENT are changes of money, which need a manager's 決裁. */
  enum Part implements Labeled {
    GOALS("成果目標"),
    BUDGET("経費と収支計画"),
    PAYMENT("市から団体への支払"),
    TERM("期間");

    private final String label;

    Part(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The parts a proposal changes and the lines that say how, before → after. */
  record Changes(Set<Part> parts, List<String> lines) {
    boolean money() {
      return parts.contains(Part.BUDGET) || parts.contains(Part.PAYMENT);
    }

    String text() {
      return String.join("\n", lines);
    }

    String partCodes() {
      return parts.stream().map(Part::name).collect(Collectors.joining(","));
    }

    static Set<Part> parse(String codes) {
      Set<Part> parts = EnumSet.noneOf(Part.class);
      if (codes != null && !codes.isBlank()) {
        Arrays.stream(codes.split(",")).map(Part::valueOf).forEach(parts::add);
      }
      return parts;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static PlanData of(Agreement a) {
    return new PlanData(a.goals().stream().map(g -> new Goal(g.description(), g.indicator(), g.due().toString())).toList(),
        a.budget().stream().map(b -> new Line(b.item(), b.amount(), b.bearer())).toList(), a.incomeOwnFunds(),
        a.incomeFees(), a.incomeOther(), a.payment().advanceAmount(), a.termEnd().toString());
  }

  /** The plan as a proposal's form holds it: only the filled slots count (the form asks for a slot's rest when filled). */
  static PlanData read(VariableScope scope) {
    List<Goal> goals = new ArrayList<>();
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      String text = NEW_GOAL_TEXT.get(i).get(scope);
      if (text != null) {
        goals.add(new Goal(text, NEW_GOAL_INDICATOR.get(i).get(scope), NEW_GOAL_DUE.get(i).get(scope)));
      }
    }
    List<Line> budget = new ArrayList<>();
    for (int i = 0; i < AgreementProcess.BUDGET_SLOTS; i++) {
      String item = NEW_BUDGET_ITEM.get(i).get(scope);
      if (item != null) {
        budget.add(new Line(item, NEW_BUDGET_AMOUNT.get(i).getOrDefault(scope, 0L), NEW_BUDGET_BEARER.get(i).get(scope)));
      }
    }
    return new PlanData(goals, budget, NEW_INCOME_OWN_FUNDS.getOrDefault(scope, 0L), NEW_INCOME_FEES.getOrDefault(scope, 0L),
        NEW_INCOME_OTHER.getOrDefault(scope, 0L), NEW_ADVANCE_AMOUNT.getOrDefault(scope, 0L), NEW_TERM_END.get(scope));
  }

  /** The proposal form's values for this plan (an empty slot as null), to fill the form in with. */
  Map<String, Object> formValues() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      Goal g = i < goals.size() ? goals.get(i) : null;
      values.put(NEW_GOAL_TEXT.get(i).name(), g == null ? null : g.description());
      values.put(NEW_GOAL_INDICATOR.get(i).name(), g == null ? null : g.indicator());
      values.put(NEW_GOAL_DUE.get(i).name(), g == null ? null : g.due());
    }
    for (int i = 0; i < AgreementProcess.BUDGET_SLOTS; i++) {
      Line b = i < budget.size() ? budget.get(i) : null;
      values.put(NEW_BUDGET_ITEM.get(i).name(), b == null ? null : b.item());
      values.put(NEW_BUDGET_AMOUNT.get(i).name(), b == null ? null : b.amount());
      values.put(NEW_BUDGET_BEARER.get(i).name(), b == null ? null : b.bearer());
    }
    values.put(NEW_INCOME_OWN_FUNDS.name(), incomeOwnFunds);
    values.put(NEW_INCOME_FEES.name(), incomeFees);
    values.put(NEW_INCOME_OTHER.name(), incomeOther);
    values.put(NEW_ADVANCE_AMOUNT.name(), advanceAmount);
    values.put(NEW_TERM_END.name(), termEnd);
    return values;
  }

  /** What the city pays the partner: the lines the partner spends out of the city's payment (as ③ computes it). */
  long paymentAmount() {
    return borneBy(Bearer.CITY_PAYMENT);
  }

  long borneBy(Bearer bearer) {
    return budget.stream().filter(b -> bearer.code().equals(b.bearer())).mapToLong(Line::amount).sum();
  }

  long partnerIncome() {
    return incomeOwnFunds + incomeFees + incomeOther;
  }

  String json() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static PlanData fromJson(String json) {
    try {
      return JSON.readValue(json, PlanData.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a plan change's plan is not readable: " + e.getMessage(), e);
    }
  }

  /** Slot by slot, what is added, removed or changed between two lists of the plan (goals, budget lines). */
  private static <T> List<String> differences(List<T> before, List<T> after, String slot,
      java.util.function.Function<T, String> show) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
      T was = i < before.size() ? before.get(i) : null;
      T is = i < after.size() ? after.get(i) : null;
      String id = slot + (i + 1);
      if (was == null) {
        lines.add(id + "を加える: " + show.apply(is));
      } else if (is == null) {
        lines.add(id + "をなくす: " + show.apply(was));
      } else if (!was.equals(is)) {
        lines.add(id + ": " + show.apply(was) + " → " + show.apply(is));
      }
    }
    return lines;
  }

  /** What {@code proposed} changes in this plan, part by part, in the words of the forms. */
  Changes compare(PlanData proposed) {
    Set<Part> parts = EnumSet.noneOf(Part.class);
    List<String> lines = new ArrayList<>();
    if (!goals.equals(proposed.goals)) {
      parts.add(Part.GOALS);
      lines.addAll(differences(goals, proposed.goals, "成果目標G", PlanData::show));
    }
    if (!budget.equals(proposed.budget) || incomeOwnFunds != proposed.incomeOwnFunds || incomeFees != proposed.incomeFees
        || incomeOther != proposed.incomeOther) {
      parts.add(Part.BUDGET);
      lines.addAll(differences(budget, proposed.budget, "経費", PlanData::show));
      income(lines, "団体の自己資金", incomeOwnFunds, proposed.incomeOwnFunds);
      income(lines, "参加費・利用料などの事業収入", incomeFees, proposed.incomeFees);
      income(lines, "寄付・その他の収入", incomeOther, proposed.incomeOther);
    }
    if (paymentAmount() != proposed.paymentAmount() || advanceAmount != proposed.advanceAmount) {
      parts.add(Part.PAYMENT);
      lines.add("市から団体への支払: " + yen(paymentAmount()) + "（うち前払い " + yen(advanceAmount) + "） → "
          + yen(proposed.paymentAmount()) + "（うち前払い " + yen(proposed.advanceAmount) + "）");
    }
    if (!Objects.equals(termEnd, proposed.termEnd)) {
      parts.add(Part.TERM);
      lines.add("期間の終わり: " + termEnd + " → " + proposed.termEnd);
    }
    return new Changes(parts, lines);
  }

  private static void income(List<String> lines, String what, long before, long after) {
    if (before != after) {
      lines.add(what + ": " + yen(before) + " → " + yen(after));
    }
  }

  /**
   * The agreement with the changed parts of this plan applied to it — the other parts as they are now, so that a
   * change agreed meanwhile on another part stands. The payment is the total of the lines the city pays for.
   */
  Agreement applyTo(Agreement current, Set<Part> parts) {
    PlanData now = of(current);
    List<Goal> goalsAfter = parts.contains(Part.GOALS) ? goals : now.goals;
    PlanData budgetFrom = parts.contains(Part.BUDGET) ? this : now;
    long advance = parts.contains(Part.PAYMENT) ? advanceAmount : now.advanceAmount;
    long amount = budgetFrom.paymentAmount();
    if (advance > amount) {
      throw new InvalidInputException("この修正を反映すると、前払いする額（" + yen(advance) + "）が市からの支払額（" + yen(amount)
          + "）を超えます。後から合意した別の修正と合わないため、改めて修正を提案してください。");
    }
    List<Agreement.Goal> agreedGoals = new ArrayList<>();
    for (Goal g : goalsAfter) {
      agreedGoals.add(new Agreement.Goal("G" + (agreedGoals.size() + 1), g.description(), g.indicator(),
          CityCalendar.parseDay(g.due()).orElseThrow()));
    }
    Agreement.PaymentPlan p = current.payment();
    return current.amended(agreedGoals, budgetFrom.budget.stream().map(b -> new Agreement.BudgetLine(b.item(), b.amount(),
            b.bearer())).toList(), budgetFrom.incomeOwnFunds, budgetFrom.incomeFees, budgetFrom.incomeOther,
        new Agreement.PaymentPlan(p.type(), p.timing(), amount, advance, amount - advance, p.note(),
            p.grantDecisionRef(), p.instalments()),
        parts.contains(Part.TERM) ? LocalDate.parse(termEnd) : current.termEnd());
  }

  private static String show(Goal g) {
    return "「" + g.description() + "」（指標 " + g.indicator() + "、期限 " + g.due() + "）";
  }

  private static String show(Line b) {
    return "「" + b.item() + "」" + yen(b.amount()) + "（" + Bearer.valueOf(b.bearer()).label() + "）";
  }

  static String yen(long amount) {
    return String.format("%,d円", amount);
  }
}
