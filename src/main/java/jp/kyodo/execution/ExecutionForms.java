package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.agreement.AgreementForms;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.execution.ExecutionChoices.GoalResult;
import jp.kyodo.execution.ExecutionChoices.HandoverConfirmation;
import jp.kyodo.execution.ExecutionChoices.InspectionResult;
import jp.kyodo.execution.ExecutionChoices.IssueDecision;
import jp.kyodo.execution.ExecutionChoices.MidtermProgress;
import jp.kyodo.execution.ExecutionChoices.PlanChangeAnswer;
import jp.kyodo.execution.ExecutionChoices.ReviewDecision;
import jp.kyodo.execution.ExecutionChoices.Severity;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ④ 事業の実施, field by field as in {@code forms/execution-*.form}. */
public final class ExecutionForms {

  private ExecutionForms() {}

  static final long MAX_YEN = AgreementForms.MAX_YEN;
  static final Pattern AGREEMENT_NUMBER_PATTERN = Pattern.compile("^[0-9]{4}-[A-Za-z0-9_-]+-[0-9]{3,}$");
  static final String NOT_IN_FUTURE = "に未来の日付は入れられません。";

  public static final FormSpec START = FormSpec.form(FormIds.START)
      .text(AGREEMENT_NUMBER, "協定番号", 40).required()
      .validIf((scope, value) -> AGREEMENT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「協定番号」は 2026-fukushi-001 の形で入力してください。")
      .build();

  public static final FormSpec ADVANCE_PAYMENT = payment(FormIds.ADVANCE_PAYMENT, ADVANCE_AMOUNT, ADVANCE_PAID_AMOUNT,
      ADVANCE_PAID_ON, ADVANCE_REDUCTION_REASON, "前払い");

  public static final FormSpec FINAL_PAYMENT = payment(FormIds.FINAL_PAYMENT, FINAL_AMOUNT, FINAL_PAID_AMOUNT,
      FINAL_PAID_ON, FINAL_REDUCTION_REASON, "完了後の支払い");

  public static final FormSpec MIDTERM = project(FormIds.MIDTERM)
      .display(TERM_START.name())
      .display(TERM_END.name())
      .display(APPLIED_PLAN_CHANGES.name())
      .choice(MIDTERM_PROGRESS, "事業の進み具合", MidtermProgress.class).required()
      .textArea(MIDTERM_FINDINGS, "中間評価で分かったこと", 2000).required()
      .textArea(MIDTERM_CITIZEN_VOICE, "利用者・市民の声（モニタリング）", 2000)
      .textArea(MIDTERM_ACTIONS, "後半に向けた対応", 2000)
      .requiredWhen(scope -> !MidtermProgress.ON_TRACK.code().equals(MIDTERM_PROGRESS.get(scope)), "計画どおりでない場合")
      .bool(MIDTERM_WITH_PARTNER, "団体と一緒に振り返った").required()
      .build();

  public static final FormSpec PROGRESS_REPORT = project(FormIds.PROGRESS_REPORT)
      .display(REPORT_NO.name())
      .display(REPORT_DUE_ON.name())
      .display(REPORT_REMINDED_ON.name())
      .display(REVIEW_COMMENT.name())
      .textArea(REPORT_SUMMARY, "この期間に実施したこと", 4000).required()
      .textArea(REPORT_GOAL_PROGRESS, "成果目標の進み具合", 2000).required()
      .textArea(REPORT_ISSUES, "困っていること・課題", 2000)
      .textArea(REPORT_CITIZEN_INFO, "市民への発信（広報・SNS・報告会など）", 2000)
      .build();

  public static final FormSpec REPORT_REVIEW = FormSpec.form(FormIds.REPORT_REVIEW)
      .display(TITLE.name())
      .display(PARTNER_NAME.name())
      .display(REPORT_NO.name())
      .display(REPORT_DUE_ON.name())
      .display(REPORT_REMINDED_ON.name())
      .display(REPORT_SUMMARY.name())
      .display(REPORT_GOAL_PROGRESS.name())
      .display(REPORT_ISSUES.name())
      .display(REPORT_CITIZEN_INFO.name())
      .choice(REVIEW_DECISION, "確認の結果", ReviewDecision.class).required()
      .textArea(REVIEW_COMMENT, "団体へのコメント・追加で知りたいこと", 2000)
      .requiredWhen(scope -> ReviewDecision.MORE.code().equals(REVIEW_DECISION.get(scope)), "追加の報告を求める場合")
      .build();

  public static final FormSpec LATE_REPORT = FormSpec.form(FormIds.LATE_REPORT)
      .display(TITLE.name())
      .display(PARTNER_NAME.name())
      .display(REPORT_NO.name())
      .display(REPORT_DUE_ON.name())
      .display(REPORT_REMINDED_ON.name())
      .textArea(LATE_ACTION, "団体への連絡と対応の内容", 2000).required()
      .build();

  public static final FormSpec ISSUE_REPORT = FormSpec.form(FormIds.ISSUE_REPORT)
      .display(TITLE.name())
      .display(PARTNER_NAME.name())
      .display(DEPARTMENT_NAME.name())
      .display(CLAUSE_TROUBLE.name())
      .text(ISSUE_TITLE, "課題・トラブルの件名", 100).required()
      .textArea(ISSUE_DESCRIPTION, "何が起きたか（いつ・どこで・誰に）", 2000).required()
      .choice(ISSUE_SEVERITY, "重大さ", Severity.class).required()
      .taskLocal()
      .build();

  public static final FormSpec ISSUE_HANDLING = issue(FormIds.ISSUE_HANDLING)
      .display(ISSUE_DECISION_COMMENT.name())
      .textArea(ISSUE_RESPONSE, "対応の内容（双方で講じた対策）", 2000).required()
      .bool(ESCALATE_ISSUE, "課長の判断を求める").required()
      .build();

  public static final FormSpec ISSUE_DECISION_FORM = issue(FormIds.ISSUE_DECISION)
      .display(ISSUE_RESPONSE.name())
      .choice(ISSUE_DECISION, "判断", IssueDecision.class).required()
      .textArea(ISSUE_DECISION_COMMENT, "判断の理由・指示", 2000).required()
      .build();

  public static final FormSpec PLAN_CHANGE_PROPOSAL = project(FormIds.PLAN_CHANGE_PROPOSAL)
      .display(PURPOSE.name())
      .text(CHANGE_SUMMARY, "修正の概要", 200).required()
      .textArea(CHANGE_REASON, "修正が必要な理由", 2000).required()
      .textArea(CHANGE_DETAILS, "修正後の内容（目標・役割・予算・日程など）", 4000).required()
      .taskLocal()
      .build();

  public static final FormSpec PLAN_CHANGE_ANSWER_FORM = project(FormIds.PLAN_CHANGE_ANSWER)
      .display(CHANGE_PROPOSED_BY.name())
      .display(CHANGE_SUMMARY.name())
      .display(CHANGE_REASON.name())
      .display(CHANGE_DETAILS.name())
      .choice(PLAN_CHANGE_ANSWER, "回答", PlanChangeAnswer.class).required()
      .textArea(PLAN_CHANGE_ANSWER_COMMENT, "同意しない理由・意見", 2000)
      .requiredWhen(scope -> PlanChangeAnswer.DECLINE.code().equals(PLAN_CHANGE_ANSWER.get(scope)), "同意しない場合")
      .build();

  public static final FormSpec HANDOVER_REQUEST = parties(FormIds.HANDOVER_REQUEST)
      .display(MAIN_STAFF_NAME.name())
      .display(DEPUTY_STAFF_NAME.name())
      .text(NEW_MAIN_STAFF, "新しい主担当", 64).required()
      .validIf((scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(MAIN_STAFF.get(scope)),
          "「新しい主担当」は、いまの主担当とは別の、担当課の職員から選んでください。")
      .text(NEW_DEPUTY_STAFF, "新しい副担当", 64).required()
      .validIf((scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(NEW_MAIN_STAFF.get(scope)),
          "「新しい副担当」は、新しい主担当とは別の、担当課の職員から選んでください（旭川 Q57: 一人で担当しない）。")
      .text(HANDOVER_REASON, "交代の理由（異動など）", 200).required()
      .taskLocal()
      .build();

  public static final FormSpec HANDOVER = parties(FormIds.HANDOVER)
      .display(PURPOSE.name())
      .display(ROLES_SUMMARY.name())
      .display(MAIN_STAFF_NAME.name())
      .display(NEW_MAIN_STAFF_NAME.name())
      .display(NEW_DEPUTY_STAFF_NAME.name())
      .display(HANDOVER_REASON.name())
      .display(HANDOVER_PARTNER_COMMENT.name())
      .date(HANDOVER_HELD_ON, "引継ぎを行った日").required()
      .validIf((scope, value) -> notInFuture(value), "「引継ぎを行った日」" + NOT_IN_FUTURE)
      .text(PARTNER_ATTENDEE, "同席した団体の方", 100).required()
      .textArea(HANDOVER_NOTES, "引き継いだ内容（目的・役割分担・進み具合・懸案）", 2000).required()
      .bool(HANDOVER_PURPOSE_SHARED, "事業の目的と役割分担を、団体の同席のもとで後任と共有した").required()
      .validIf((scope, value) -> Boolean.TRUE.equals(value),
          "引継ぎは団体の同席のもとで事業の目的と役割分担を共有して行います（千葉県 ④）。共有してから記録してください。")
      .build();

  public static final FormSpec HANDOVER_CONFIRMATION_FORM = parties(FormIds.HANDOVER_CONFIRMATION)
      .display(MAIN_STAFF_NAME.name())
      .display(NEW_MAIN_STAFF_NAME.name())
      .display(NEW_DEPUTY_STAFF_NAME.name())
      .display(HANDOVER_HELD_ON.name())
      .display(PARTNER_ATTENDEE.name())
      .display(HANDOVER_NOTES.name())
      .choice(HANDOVER_CONFIRMATION, "団体としての確認", HandoverConfirmation.class).required()
      .textArea(HANDOVER_PARTNER_COMMENT, "やり直してほしい点", 2000)
      .requiredWhen(scope -> HandoverConfirmation.DISPUTE.code().equals(HANDOVER_CONFIRMATION.get(scope)), "やり直しを求める場合")
      .build();

  public static final FormSpec COMPLETION_REPORT = completionReport();

  public static final FormSpec INSPECTION = inspection();

  public static final List<FormSpec> ALL = List.of(START, ADVANCE_PAYMENT, FINAL_PAYMENT, MIDTERM, PROGRESS_REPORT,
      REPORT_REVIEW, LATE_REPORT, ISSUE_REPORT, ISSUE_HANDLING, ISSUE_DECISION_FORM, PLAN_CHANGE_PROPOSAL,
      PLAN_CHANGE_ANSWER_FORM, HANDOVER_REQUEST, HANDOVER, HANDOVER_CONFIRMATION_FORM, COMPLETION_REPORT, INSPECTION);

  /** Title, partner, department and the agreement's goals, shown on most forms. */
  private static FormSpec.Builder project(String formId) {
    FormSpec.Builder b = FormSpec.form(formId)
        .display(AGREEMENT_NUMBER.name())
        .display(TITLE.name())
        .display(PARTNER_NAME.name())
        .display(DEPARTMENT_NAME.name());
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      b.display(GOAL_TEXT.get(i).name()).display(GOAL_INDICATOR.get(i).name());
    }
    return b;
  }

  /** Title, partner and department without the goals. */
  private static FormSpec.Builder parties(String formId) {
    return FormSpec.form(formId)
        .display(AGREEMENT_NUMBER.name())
        .display(TITLE.name())
        .display(PARTNER_NAME.name())
        .display(DEPARTMENT_NAME.name());
  }

  private static FormSpec.Builder issue(String formId) {
    return FormSpec.form(formId)
        .display(TITLE.name())
        .display(PARTNER_NAME.name())
        .display(ISSUE_TITLE.name())
        .display(ISSUE_DESCRIPTION.name())
        .display(ISSUE_SEVERITY.name())
        .display(ISSUE_RAISED_BY.name())
        .display(CLAUSE_TROUBLE.name());
  }

  private static FormSpec payment(String formId, Var<Long> scheduled, Var<Long> paid, Var<String> paidOn,
      Var<String> reason, String what) {
    return FormSpec.form(formId)
        .display(AGREEMENT_NUMBER.name())
        .display(TITLE.name())
        .display(PARTNER_NAME.name())
        .display(PAYMENT_TYPE.name())
        .display(scheduled.name())
        .number(paid, "支払った額（円）", 0, MAX_YEN).required()
        .validIf((scope, value) -> scheduled.get(scope) != null && (Long) value <= scheduled.get(scope),
            "「支払った額（円）」は協定で決めた" + what + "の額を超えられません。")
        .date(paidOn, "支払日").required()
        .validIf((scope, value) -> notInFuture(value), "「支払日」" + NOT_IN_FUTURE)
        .textArea(reason, "減額の理由（剰余の返還など）", 2000)
        .requiredWhen(scope -> paid.get(scope) != null && scheduled.get(scope) != null
            && paid.get(scope) < scheduled.get(scope), "協定の額より少なく支払う場合")
        .build();
  }

  private static FormSpec completionReport() {
    FormSpec.Builder b = project(FormIds.COMPLETION_REPORT)
        .display(APPLIED_PLAN_CHANGES.name())
        .display(INSPECTION_COMMENT.name())
        .textArea(COMPLETION_SUMMARY, "実施した内容", 4000).required();
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      Var<String> goal = GOAL_TEXT.get(i);
      b.choice(GOAL_RESULT.get(i), "成果目標" + (i + 1) + "の達成状況", GoalResult.class)
          .requiredWhen(scope -> goal.get(scope) != null, "協定に成果目標" + (i + 1) + "がある場合");
    }
    return b.textArea(GOAL_RESULT_NOTES, "達成状況の説明（実績の数値など）", 2000).required()
        .number(ACTUAL_EXPENDITURE, "実際にかかった経費（円）", 0, MAX_YEN).required()
        .number(SURPLUS_AMOUNT, "剰余金（円）", 0, MAX_YEN).required()
        .textArea(CITIZEN_INFO, "市民への発信（実施結果の公開）", 2000).required()
        .textArea(FUTURE_ISSUES, "今後の課題", 2000)
        .build();
  }

  private static FormSpec inspection() {
    FormSpec.Builder b = project(FormIds.INSPECTION)
        .display(APPLIED_PLAN_CHANGES.name())
        .display(COMPLETION_SUMMARY.name());
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      b.display(GOAL_RESULT.get(i).name());
    }
    return b.display(GOAL_RESULT_NOTES.name())
        .display(ACTUAL_EXPENDITURE.name())
        .display(SURPLUS_AMOUNT.name())
        .display(CITIZEN_INFO.name())
        .display(FUTURE_ISSUES.name())
        .choice(INSPECTION_RESULT, "検査の結果", InspectionResult.class).required()
        .textArea(INSPECTION_COMMENT, "検査の所見・修正してほしい点", 2000)
        .requiredWhen(scope -> InspectionResult.CORRECT.code().equals(INSPECTION_RESULT.get(scope)), "修正を求める場合")
        .date(INSPECTED_ON, "検査日").required()
        .validIf((scope, value) -> notInFuture(value), "「検査日」" + NOT_IN_FUTURE)
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
