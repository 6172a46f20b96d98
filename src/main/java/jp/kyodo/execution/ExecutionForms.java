package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.agreement.AgreementForms;
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

  public static final FormRules REPORT_REVIEW = FormRules.forForm(FormIds.REPORT_REVIEW)
      .build();

  public static final FormRules LATE_REPORT = FormRules.forForm(FormIds.LATE_REPORT)
      .build();

  public static final FormRules ISSUE_REPORT = FormRules.forForm(FormIds.ISSUE_REPORT)
      .taskLocal()
      .build();

  public static final FormRules ISSUE_HANDLING = FormRules.none(FormIds.ISSUE_HANDLING);

  public static final FormRules ISSUE_DECISION_FORM = FormRules.none(FormIds.ISSUE_DECISION);

  public static final FormRules PLAN_CHANGE_PROPOSAL = FormRules.forForm(FormIds.PLAN_CHANGE_PROPOSAL)
      .taskLocal()
      .build();

  public static final FormRules PLAN_CHANGE_ANSWER_FORM = FormRules.none(FormIds.PLAN_CHANGE_ANSWER);

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
      REPORT_REVIEW, LATE_REPORT, ISSUE_REPORT, ISSUE_HANDLING, ISSUE_DECISION_FORM, PLAN_CHANGE_PROPOSAL,
      PLAN_CHANGE_ANSWER_FORM, HANDOVER_REQUEST, HANDOVER, HANDOVER_CONFIRMATION_FORM, COMPLETION_REPORT, INSPECTION);

  private static FormRules payment(String formId, Var<Long> scheduled, Var<Long> paid, Var<String> paidOn,
      String what) {
    return FormRules.forForm(formId)
        .check(paid, (scope, value) -> scheduled.get(scope) != null && (Long) value <= scheduled.get(scope),
            "「支払った額（円）」は協定で決めた" + what + "の額を超えられません。")
        .check(paidOn, (scope, value) -> notInFuture(value), "「支払日」" + NOT_IN_FUTURE)
        .build();
  }

  private static FormRules completionReport() {
    return FormRules.none(FormIds.COMPLETION_REPORT);
  }

  private static FormRules inspection() {
    return FormRules.forForm(FormIds.INSPECTION)
        .check(INSPECTED_ON, (scope, value) -> notInFuture(value), "「検査日」" + NOT_IN_FUTURE)
        .build();
  }

  static boolean notInFuture(Object date) {
    return CityCalendar.parseDay(date).map(d -> !d.isAfter(CityCalendar.today())).orElse(false);
  }

  static boolean isDepartmentMember(VariableScope scope, String userId) {
    String department = DEPARTMENT_GROUP.get(scope);
    return department != null && KyodoGroups.isMember(KyodoGroups.identity(scope), userId, department);
  }
}
