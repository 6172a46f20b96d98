package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementForms;
import jp.kyodo.execution.ExecutionChoices.IssueDecision;
import jp.kyodo.execution.ExecutionChoices.ReviewDecision;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ④ 事業の実施, field by field as in {@code forms/execution-*.form}. */
public final class ExecutionForms {

  private ExecutionForms() {}

  static final long MAX_YEN = AgreementForms.MAX_YEN;
  static final Pattern AGREEMENT_NUMBER_PATTERN = Pattern.compile("^[0-9]{4}-[A-Za-z0-9_-]+-[0-9]{3,}$");
  static final String NOT_IN_FUTURE = "に未来の日付は入れられません。";
  /** What the manager may decide on the issue that suspended the execution. */
  static final java.util.Set<String> WHILE_SUSPENDED = java.util.Set.of(IssueDecision.SUSPEND.code(),
      IssueDecision.RESUME.code(), IssueDecision.TERMINATE.code());
  /** Payments stop while the execution is suspended over a serious issue (旭川 Q76). */
  static final String SUSPENDED_NO_PAYMENT = "事業の実施は一時停止中です。再開が決まるまで支払はできません（旭川 Q76）。";

  public static final FormRules START = FormRules.forForm(FormIds.START)
      .check(AGREEMENT_NUMBER, (scope, value) -> AGREEMENT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「協定番号」は 2026-fukushi-001 の形で入力してください。")
      .build();

  public static final FormRules ADVANCE_PAYMENT = payment(FormIds.ADVANCE_PAYMENT, ADVANCE_AMOUNT, ADVANCE_PAID_AMOUNT,
      ADVANCE_PAID_ON, "前払い");

  public static final FormRules FINAL_PAYMENT = payment(FormIds.FINAL_PAYMENT, FINAL_AMOUNT, FINAL_PAID_AMOUNT,
      FINAL_PAID_ON, "完了後の支払い");

  public static final FormRules MIDTERM = FormRules.none(FormIds.MIDTERM);

  public static final FormRules PROGRESS_REPORT = FormRules.none(FormIds.PROGRESS_REPORT);

  /** While suspended no new deadline may start: asking for more would open a report with its reminders. */
  public static final FormRules REPORT_REVIEW = FormRules.forForm(FormIds.REPORT_REVIEW)
      .rule(scope -> !(EXECUTION_SUSPENDED.isTrue(scope) && ReviewDecision.MORE.code().equals(REVIEW_DECISION.get(scope))),
          "事業の実施は一時停止中のため、追加の報告は求められません（報告の期限と督促が動き出すため）。再開の後に求めてください（旭川 Q76）。")
      .build();

  public static final FormRules LATE_REPORT = FormRules.forForm(FormIds.LATE_REPORT)
      .build();

  public static final FormRules ISSUE_REPORT = FormRules.forForm(FormIds.ISSUE_REPORT)
      .taskLocal()
      .build();

  public static final FormRules ISSUE_HANDLING = FormRules.none(FormIds.ISSUE_HANDLING);

  /**
   * The manager decides with the partner heard (旭川 Q76). The issue that suspended the execution ends in resuming or
   * terminating it (or stays suspended); only that issue may resume it, and a second issue cannot suspend it again.
   */
  public static final FormRules ISSUE_DECISION_FORM = FormRules.forForm(FormIds.ISSUE_DECISION)
      .check(ISSUE_DECISION, (scope, value) -> !IssueDecision.RESUME.code().equals(value) || suspendedByThisIssue(scope),
          "「事業を再開する」を選べるのは、この課題で事業を一時停止しているときだけです。")
      .rule(scope -> !suspendedByThisIssue(scope) || WHILE_SUSPENDED.contains(ISSUE_DECISION.get(scope)),
          "事業はこの課題で一時停止しています。「一時停止する（停止を続ける）」「再開する」「中止し、精算に進む」のいずれかを選んでください（旭川 Q76）。")
      .rule(scope -> !(IssueDecision.SUSPEND.code().equals(ISSUE_DECISION.get(scope)) && EXECUTION_SUSPENDED.isTrue(scope)
              && !suspendedByThisIssue(scope)),
          "事業は別の課題で既に一時停止しています。再開するか中止するかは、その課題の判断で決めます。")
      .build();


  public static final FormRules ISSUE_VIEW = FormRules.none(FormIds.ISSUE_VIEW);

  public static final FormRules ISSUE_RESOLUTION = FormRules.none(FormIds.ISSUE_RESOLUTION);

  /**
   * The settlement of a terminated execution: the city pays for the work done, at most what the agreement left to pay,
   * or the partner repays part of what it received (e.g. an unused advance, 旭川 Q27) — one or the other.
   */
  public static final FormRules SETTLEMENT_DRAFT = FormRules.forForm(FormIds.SETTLEMENT_DRAFT)
      .check(SETTLEMENT_PAY, (scope, value) -> (Long) value <= PAYMENT_TOTAL.getOrDefault(scope, 0L)
          - PAID_SO_FAR.getOrDefault(scope, 0L),
          "「精算で支払う額（円）」は、協定で決めた支払額のうち、まだ支払っていない額を超えられません。")
      .check(SETTLEMENT_REPAY, (scope, value) -> (Long) value <= PAID_SO_FAR.getOrDefault(scope, 0L),
          "「返還を求める額（円）」は、これまでに支払った額を超えられません。")
      .rule(scope -> SETTLEMENT_PAY.get(scope) == 0 || SETTLEMENT_REPAY.get(scope) == 0,
          "支払と返還は同時に決められません。差し引きして、どちらか一方の額だけを入れてください。")
      .build();

  public static final FormRules SETTLEMENT_CONFIRMATION_FORM = FormRules.none(FormIds.SETTLEMENT_CONFIRMATION);

  public static final FormRules SETTLEMENT_APPROVAL_FORM = FormRules.none(FormIds.SETTLEMENT_APPROVAL);

  public static final FormRules PLAN_CHANGE_PROPOSAL = planChangeProposal();

  public static final FormRules PLAN_CHANGE_ANSWER_FORM = FormRules.none(FormIds.PLAN_CHANGE_ANSWER);

  public static final FormRules PLAN_CHANGE_APPROVAL_FORM = FormRules.none(FormIds.PLAN_CHANGE_APPROVAL);

  public static final FormRules HANDOVER_REQUEST = FormRules.forForm(FormIds.HANDOVER_REQUEST)
      .check(NEW_MAIN_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(MAIN_STAFF.get(scope)),
          "「新しい主担当」は、いまの主担当とは別の、担当課の職員から選んでください。")
      .check(NEW_DEPUTY_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(NEW_MAIN_STAFF.get(scope)),
          "「新しい副担当」は、新しい主担当とは別の、担当課の職員から選んでください（旭川 Q57: 一人で担当しない）。")
      .taskLocal()
      .build();

  public static final FormRules HANDOVER = FormRules.forForm(FormIds.HANDOVER)
      .check(HANDOVER_HELD_ON, (scope, value) -> notInFuture(value), "「引継ぎを行った日」" + NOT_IN_FUTURE)
      .check(HANDOVER_PURPOSE_SHARED, (scope, value) -> Boolean.TRUE.equals(value),
          "引継ぎは団体の同席のもとで事業の目的と役割分担を共有して行います（千葉県 ④）。共有してから記録してください。")
      .build();

  public static final FormRules HANDOVER_CONFIRMATION_FORM = FormRules.none(FormIds.HANDOVER_CONFIRMATION);

  public static final FormRules COMPLETION_REPORT = completionReport();

  public static final FormRules INSPECTION = inspection();

  public static final List<FormRules> ALL = List.of(START, ADVANCE_PAYMENT, FINAL_PAYMENT, MIDTERM, PROGRESS_REPORT,
      REPORT_REVIEW, LATE_REPORT, ISSUE_REPORT, ISSUE_HANDLING, ISSUE_DECISION_FORM, ISSUE_VIEW, ISSUE_RESOLUTION,
      SETTLEMENT_DRAFT, SETTLEMENT_CONFIRMATION_FORM, SETTLEMENT_APPROVAL_FORM, PLAN_CHANGE_PROPOSAL,
      PLAN_CHANGE_ANSWER_FORM, PLAN_CHANGE_APPROVAL_FORM, HANDOVER_REQUEST, HANDOVER, HANDOVER_CONFIRMATION_FORM, COMPLETION_REPORT, INSPECTION);

  private static FormRules payment(String formId, Var<Long> scheduled, Var<Long> paid, Var<String> paidOn,
      String what) {
    return FormRules.forForm(formId)
        .check(paid, (scope, value) -> scheduled.get(scope) != null && (Long) value <= scheduled.get(scope),
            "「支払った額（円）」は協定で決めた" + what + "の額を超えられません。")
        .check(paidOn, (scope, value) -> notInFuture(value), "「支払日」" + NOT_IN_FUTURE)
        .rule(scope -> !EXECUTION_SUSPENDED.isTrue(scope), SUSPENDED_NO_PAYMENT)
        .build();
  }

  /**
   * A plan change proposes the agreement's data as it should be (関市 V-4): the rules of ③'s draft hold for it too — goals
   * due within the term, a term within the fiscal year (旭川 Q31) that does not end in the past, a balanced
   * income/expenditure plan (関市 V-3①), a payment that fits the agreed way of paying (旭川 Q51) — and an advance
   * already paid cannot be changed.
   */
  private static FormRules planChangeProposal() {
    FormRules.Builder b = FormRules.forForm(FormIds.PLAN_CHANGE_PROPOSAL).taskLocal();
    for (int i = 0; i < NEW_GOAL_DUE.size(); i++) {
      b.check(NEW_GOAL_DUE.get(i), (scope, value) -> dueWithinNewTerm(scope, value),
          "「成果目標" + (i + 1) + "の達成期限（修正後）」は、協定の期間（修正後）の中の日付にしてください。");
    }
    return b
        .check(NEW_TERM_END, (scope, value) -> newTermEndAllowed(scope, value),
            "「期間の終わり（修正後）」は今日以後で、協定の年度（翌年3月31日まで）の中の日付にしてください。期間の始まりは変えられません（旭川 Q31）。")
        .rule(scope -> PlanData.read(scope).advanceAmount() <= PlanData.read(scope).paymentAmount(),
            "「前払いする額（修正後）」は、市から団体への支払額（「団体が支出する（市からの支払で賄う）」経費の合計）を超えられません。")
        .rule(scope -> ADVANCE_PAID_AMOUNT.get(scope) == null
                || NEW_ADVANCE_AMOUNT.getOrDefault(scope, 0L).equals(ADVANCE_AMOUNT.getOrDefault(scope, 0L)),
            "前払金は支払済みのため、「前払いする額（修正後）」は変えられません。")
        .rule(scope -> !PaymentTiming.AFTER_COMPLETION.code().equals(PAYMENT_TIMING.get(scope))
                || NEW_ADVANCE_AMOUNT.getOrDefault(scope, 0L) == 0,
            "この協定の支払は「全額を事業完了・検査の後に支払う」ため、「前払いする額（修正後）」は 0 です（旭川 Q51）。")
        .rule(scope -> !PaymentType.NONE.code().equals(PAYMENT_TYPE.get(scope)) || PlanData.read(scope).paymentAmount() == 0,
            "この協定に市から団体への支払はないため、「" + Bearer.CITY_PAYMENT.label() + "」の経費は入れられません。")
        .rule(scope -> PaymentType.NONE.code().equals(PAYMENT_TYPE.get(scope)) || PlanData.read(scope).paymentAmount() > 0,
            "市から団体に支払う協定です。「" + Bearer.CITY_PAYMENT.label() + "」の経費を1行以上入れてください（支払額になります）。")
        .rule(scope -> PlanData.read(scope).partnerIncome() == PlanData.read(scope).borneBy(Bearer.PARTNER),
            "収支計画が合っていません: 団体が負担する経費の合計と、団体の収入（自己資金・事業収入・その他）の合計を同じにしてください（関市 V-3①）。")
        .build();
  }

  static boolean dueWithinNewTerm(VariableScope scope, Object due) {
    java.util.Optional<java.time.LocalDate> day = CityCalendar.parseDay(due);
    java.util.Optional<java.time.LocalDate> start = CityCalendar.parseDay(TERM_START.get(scope));
    java.util.Optional<java.time.LocalDate> end = CityCalendar.parseDay(NEW_TERM_END.get(scope));
    return day.isPresent() && (start.isEmpty() || !day.get().isBefore(start.get()))
        && (end.isEmpty() || !day.get().isAfter(end.get()));
  }

  static boolean newTermEndAllowed(VariableScope scope, Object end) {
    Long year = FISCAL_YEAR.get(scope);
    return CityCalendar.parseDay(end).map(day -> year != null && CityCalendar.isInFiscalYear(year, day)
        && !day.isBefore(CityCalendar.today())
        && CityCalendar.parseDay(TERM_START.get(scope)).map(start -> !day.isBefore(start)).orElse(true)).orElse(false);
  }

  private static FormRules completionReport() {
    return FormRules.none(FormIds.COMPLETION_REPORT);
  }

  private static FormRules inspection() {
    return FormRules.forForm(FormIds.INSPECTION)
        .check(INSPECTED_ON, (scope, value) -> notInFuture(value), "「検査日」" + NOT_IN_FUTURE)
        .build();
  }

  /** Whether the execution is suspended by the issue whose scope this is. */
  static boolean suspendedByThisIssue(VariableScope scope) {
    return EXECUTION_SUSPENDED.isTrue(scope) && ISSUE_ID.get(scope) != null && ISSUE_ID.get(scope).equals(SUSPENDED_ISSUE.get(scope));
  }

  static boolean notInFuture(Object date) {
    return CityCalendar.parseDay(date).map(d -> !d.isAfter(CityCalendar.today())).orElse(false);
  }

  static boolean isDepartmentMember(VariableScope scope, String userId) {
    String department = DEPARTMENT_GROUP.get(scope);
    return department != null && KyodoGroups.isMember(KyodoGroups.identity(scope), userId, department);
  }
}
