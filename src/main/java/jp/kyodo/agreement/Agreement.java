package jp.kyodo.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.kyodo.platform.Decision;

/**
 * An approved agreement (協定) as kept in the tables of V3__agreement.sql and V12__agreement_negotiation.sql: the
 * plan both sides agreed ({@code workPlan}, 関市 V-3①) and the selection of ② it rests on come last.
 */
public record Agreement(
    String number,
    int fiscalYear,
    String projectNumber,
    String title,
    String departmentGroup,
    String departmentName,
    String partnerGroup,
    String partnerName,
    String chosenForm,
    /** What the form is when {@code chosenForm} is OTHER (小金井 第2章(4)); null for every other form. */
    String otherFormDescription,
    Long costEstimate,
    String mainStaff,
    String deputyStaff,
    String purpose,
    String finalGoal,
    List<Goal> goals,
    List<Role> roles,
    List<BudgetLine> budget,
    long incomeOwnFunds,
    long incomeFees,
    long incomeOther,
    PaymentPlan payment,
    LocalDate termStart,
    LocalDate termEnd,
    String reportRhythm,
    Clauses clauses,
    List<StepDecision> decisions,
    String status,
    String approvedBy,
    Instant approvedAt,
    LocalDate signedOn,
    String processInstanceId,
    String workPlan,
    String selectionNumber) {

  public static final String APPROVED = "APPROVED";
  public static final String CONCLUDED = "CONCLUDED";

  /** A measurable goal: what, measured how, by when (小金井 ④). */
  public record Goal(String id, String description, String indicator, LocalDate due) {}

  /** One task of the project and who carries it (旭川 Q48). */
  public record Role(String task, String party) {}

  /** One cost and who bears it (旭川 Q48, Q49). */
  public record BudgetLine(String item, long amount, String bearer) {}

  /**
   * What the city pays the partner, and when (旭川 Q51, 関市 V-3③): the kind of payment, its timing, the amounts, and the
   * schedule as data — the instalments ④ pays, each once its moment has come. {@code advanceAmount} is what is paid at
   * the start, {@code finalAmount} all that waits for a check of the work (completion, each month or each stage).
   * {@code grantDecisionRef} names the grant decision that allows a subsidy's partial advance (null otherwise).
   */
  public record PaymentPlan(String type, String timing, long amount, long advanceAmount, long finalAmount, String note,
      String grantDecisionRef, List<Instalment> instalments) {}

  /**
   * One payment of the schedule: its number (1, 2, …), what it waits for ({@link AgreementChoices.InstalmentKind}),
   * the day from which it is due and the amount.
   */
  public record Instalment(int number, String kind, LocalDate dueOn, long amount) {}

  /** The clauses both sides agree in advance (旭川 Q18, Q27, Q76, 関市 V-5②). */
  public record Clauses(String confidentiality, String surplus, String results, String trouble) {}

  /**
   * A confirmation, proposal, answer or approval, and at which step (PARTNER, PARTNER_PROPOSAL, DEPARTMENT_ANSWER,
   * DEPARTMENT, MANAGER); its codes are those of {@link AgreementChoices}, its reason the comment. {@code details}
   * lists what a partner's proposal changed, one field per line (null for the other steps).
   */
  public record StepDecision(String step, Decision decision, String details) {}

  /**
   * The agreement as a plan change agreed during ④ 事業の実施 amends it (変更協定): the goals, the budget lines with the
   * partner's income, the payment amounts and the end of the term; everything else stays as concluded.
   */
  public Agreement amended(List<Goal> goals, List<BudgetLine> budget, long incomeOwnFunds, long incomeFees,
      long incomeOther, PaymentPlan payment, LocalDate termEnd) {
    // The schedule follows the amended amounts and term (月払い・部分払い are parts of the whole, 関市 V-3③).
    PaymentPlan rescheduled = new PaymentPlan(payment.type(), payment.timing(), payment.amount(), payment.advanceAmount(),
        payment.finalAmount(), payment.note(), payment.grantDecisionRef(), PaymentSchedule.of(payment.timing(),
        payment.amount(), payment.advanceAmount(), termStart, termEnd,
        AgreementChoices.ReportRhythm.valueOf(reportRhythm).period()));
    return new Agreement(number, fiscalYear, projectNumber, title, departmentGroup, departmentName, partnerGroup,
        partnerName, chosenForm, otherFormDescription, costEstimate, mainStaff, deputyStaff, purpose, finalGoal,
        List.copyOf(goals), roles, List.copyOf(budget), incomeOwnFunds, incomeFees, incomeOther, rescheduled, termStart,
        termEnd, reportRhythm, clauses, decisions, status, approvedBy, approvedAt, signedOn, processInstanceId, workPlan,
        selectionNumber);
  }

  public long expenditureTotal() {
    return budget.stream().mapToLong(BudgetLine::amount).sum();
  }

  public long borneBy(String bearer) {
    return budget.stream().filter(b -> b.bearer().equals(bearer)).mapToLong(BudgetLine::amount).sum();
  }
}
