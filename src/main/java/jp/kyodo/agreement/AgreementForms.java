package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kyodo.agreement.AgreementChoices.Approval;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.Confirmation;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementChoices.ReportRhythm;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;

/** Server-side rules of the forms of ③ 協定・契約, field by field as in {@code forms/agreement-*.form}. */
public final class AgreementForms {

  private AgreementForms() {}

  public static final long MAX_YEN = 100_000_000_000L;
  static final Pattern PROJECT_NUMBER_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$");

  /** Started from Tasklist by a department (the lifecycle passes the same values into its call). */
  public static final FormSpec START = FormSpec.form(FormIds.START)
      .text(TITLE, "事業名", 100).required()
      .text(PROJECT_NUMBER, "事業番号", 40)
      .validIf((scope, value) -> PROJECT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「事業番号」は半角英数字とハイフンで入力してください（例: 2026-001）。")
      .choice(CHOSEN_FORM, "協働の形態", CollaborationForm.class).required()
      .number(FISCAL_YEAR, "協定の年度", 2000, 2200).required()
      .validIf((scope, value) -> yearIsReasonable((Long) value),
          "「協定の年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .number(COST_ESTIMATE, "概算経費（円）", 0, MAX_YEN).required()
      .build();

  public static final FormSpec PARTIES = FormSpec.form(FormIds.PARTIES)
      .display(TITLE.name())
      .display(DEPARTMENT_NAME.name())
      .display(PARTNER_NAME.name())
      .text(CHOSEN_PARTNER_GROUP, "協働パートナー（団体）", 64)
      .requiredWhen(scope -> !PARTNER_CHOSEN.isTrue(scope), "協働パートナーがまだ決まっていない場合")
      .validIf((scope, value) -> !PARTNER_CHOSEN.isTrue(scope) && isOrganisation(scope, (String) value),
          "「協働パートナー（団体）」は団体登録簿に登録された団体から選んでください（既に決まっている場合は変えられません）。")
      .text(MAIN_STAFF, "主担当", 64).required()
      .validIf((scope, value) -> isDepartmentMember(scope, (String) value),
          "「主担当」は担当課の職員から選んでください。")
      .text(DEPUTY_STAFF, "副担当", 64).required()
      .validIf((scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(MAIN_STAFF.get(scope)),
          "「副担当」は主担当とは別の、担当課の職員から選んでください（旭川 Q57: 一人で担当しない）。")
      .build();

  public static final FormSpec DRAFT = draft();

  public static final FormSpec PARTNER_CONFIRMATION = confirmation(FormIds.PARTNER_CONFIRMATION)
      .choice(PARTNER_DECISION, "団体としての回答", Confirmation.class).required()
      .textArea(PARTNER_COMMENT, "修正してほしい点・意見", 2000)
      .requiredWhen(scope -> Confirmation.REQUEST_CHANGES.code().equals(PARTNER_DECISION.get(scope)), "修正を求める場合")
      .build();

  public static final FormSpec DEPARTMENT_CONFIRMATION = confirmation(FormIds.DEPARTMENT_CONFIRMATION)
      .choice(DEPARTMENT_DECISION, "担当課としての回答", Confirmation.class).required()
      .textArea(DEPARTMENT_COMMENT, "修正してほしい点・意見", 2000)
      .requiredWhen(scope -> Confirmation.REQUEST_CHANGES.code().equals(DEPARTMENT_DECISION.get(scope)), "修正を求める場合")
      .build();

  public static final FormSpec APPROVAL = confirmation(FormIds.APPROVAL)
      .choice(APPROVAL_DECISION, "決裁", Approval.class).required()
      .textArea(APPROVAL_COMMENT, "理由・修正してほしい点", 2000)
      .requiredWhen(scope -> Approval.RETURN.code().equals(APPROVAL_DECISION.get(scope)), "差し戻す場合")
      .build();

  public static final FormSpec EXCHANGE = FormSpec.form(FormIds.EXCHANGE)
      .display(AGREEMENT_NUMBER.name())
      .display(DOCUMENT_URL.name())
      .display(TITLE.name())
      .display(PARTNER_NAME.name())
      .display(TERM_START.name())
      .display(TERM_END.name())
      .date(SIGNED_ON, "締結日（双方が記名押印した日）").required()
      .validIf((scope, value) -> !CityCalendar.parseDay(value).orElseThrow().isAfter(CityCalendar.today()),
          "「締結日（双方が記名押印した日）」に未来の日付は入れられません。")
      .textArea(EXCHANGE_NOTE, "取り交わしの記録（任意）", 2000)
      .build();

  public static final List<FormSpec> ALL = List.of(START, PARTIES, DRAFT, PARTNER_CONFIRMATION, DEPARTMENT_CONFIRMATION,
      APPROVAL, EXCHANGE);

  private static FormSpec draft() {
    FormSpec.Builder b = FormSpec.form(FormIds.DRAFT)
        .display(TITLE.name())
        .display(DEPARTMENT_NAME.name())
        .display(PARTNER_NAME.name())
        .display(CHOSEN_FORM.name())
        .display(FISCAL_YEAR.name())
        .display(COST_ESTIMATE.name())
        .display(LAST_CHANGE_REQUEST.name())
        .textArea(PURPOSE, "事業の目的", 2000).required()
        .textArea(FINAL_GOAL, "複数年度にわたる場合の最終目標（任意）", 1000);
    for (int i = 0; i < GOAL_SLOTS; i++) {
      int slot = i;
      Var<String> text = GOAL_TEXT.get(i);
      b.text(text, "成果目標" + (i + 1) + "（何を）", 200);
      if (i == 0) {
        b.required();
      }
      b.text(GOAL_INDICATOR.get(i), "成果目標" + (i + 1) + "の指標と目標値", 200)
          .requiredWhen(written(text), "成果目標" + (i + 1) + "を書いた場合")
          .date(GOAL_DUE.get(i), "成果目標" + (i + 1) + "の達成期限")
          .requiredWhen(written(text), "成果目標" + (i + 1) + "を書いた場合")
          .validIf((scope, value) -> dueWithinTerm(scope, (String) value),
              "「成果目標" + (slot + 1) + "の達成期限」は協定の期間内の日付にしてください。");
    }
    for (int i = 0; i < ROLE_SLOTS; i++) {
      Var<String> task = ROLE_TASK.get(i);
      b.text(task, "役割" + (i + 1), 200);
      if (i == 0) {
        b.required();
      }
      b.choice(ROLE_PARTY.get(i), "役割" + (i + 1) + "の担い手", RoleParty.class)
          .requiredWhen(written(task), "役割" + (i + 1) + "を書いた場合");
    }
    for (int i = 0; i < BUDGET_SLOTS; i++) {
      Var<String> item = BUDGET_ITEM.get(i);
      b.text(item, "経費" + (i + 1) + "の費目", 100)
          .number(BUDGET_AMOUNT.get(i), "経費" + (i + 1) + "の金額（円）", 0, MAX_YEN)
          .requiredWhen(written(item), "経費" + (i + 1) + "の費目を書いた場合")
          .choice(BUDGET_BEARER.get(i), "経費" + (i + 1) + "の負担", Bearer.class)
          .requiredWhen(written(item), "経費" + (i + 1) + "の費目を書いた場合");
    }
    return b
        .number(INCOME_OWN_FUNDS, "団体の自己資金（円）", 0, MAX_YEN).required()
        .number(INCOME_FEES, "参加費・利用料などの事業収入（円）", 0, MAX_YEN).required()
        .number(INCOME_OTHER, "寄付・他の助成金などその他の収入（円）", 0, MAX_YEN).required()
        .choice(PAYMENT_TYPE, "市から団体への支払", PaymentType.class).required()
        .choice(PAYMENT_TIMING, "支払の時期", PaymentTiming.class)
        .requiredWhen(scope -> paysPartner(scope), "市から団体に支払う場合")
        .number(ADVANCE_AMOUNT, "前払いする額（円）", 1, MAX_YEN)
        .requiredWhen(scope -> paysPartner(scope) && PaymentTiming.PARTIAL_ADVANCE.code().equals(PAYMENT_TIMING.get(scope)),
            "一部を前払いする場合")
        .date(TERM_START, "協定の期間（開始日）").required()
        .validIf((scope, value) -> withinFiscalYear(scope, (String) value),
            "「協定の期間（開始日）」は協定の年度（4月1日〜翌年3月31日）の中の日付にしてください（旭川 Q31）。")
        .date(TERM_END, "協定の期間（終了日）").required()
        .validIf((scope, value) -> withinFiscalYear(scope, (String) value) && !startAfter(scope, (String) value),
            "「協定の期間（終了日）」は開始日以後で、協定の年度（翌年3月31日まで）の中の日付にしてください。長く続く事業は年度ごとに協定を結びます（旭川 Q31）。")
        .choice(REPORT_RHYTHM, "進捗報告の間隔", ReportRhythm.class).required()
        .textArea(CLAUSE_CONFIDENTIALITY, "守秘義務・個人情報の取扱い", 2000).required()
        .textArea(CLAUSE_SURPLUS, "剰余金・利益の取扱い", 2000).required()
        .textArea(CLAUSE_RESULTS, "成果の帰属と公表", 2000).required()
        .textArea(CLAUSE_TROUBLE, "事業の失敗・トラブル時の対応", 2000).required()
        .build();
  }

  /** The whole draft shown read-only, for the partner, the department and the manager. */
  private static FormSpec.Builder confirmation(String formId) {
    FormSpec.Builder b = FormSpec.form(formId);
    for (String name : DRAFT.fields().keySet()) {
      if (!name.equals(LAST_CHANGE_REQUEST.name())) {
        b.display(name);
      }
    }
    return b.display(MAIN_STAFF_NAME.name())
        .display(DEPUTY_STAFF_NAME.name())
        .display(EXPENDITURE_TOTAL.name())
        .display(PAYMENT_AMOUNT.name())
        .display(FINAL_AMOUNT.name())
        .display(PAYMENT_TERMS_NOTE.name());
  }

  /**
   * A slot was written in: Tasklist submits a shown but empty text field as {@code ""}, which leaves the slot empty
   * (an empty third goal does not ask for its indicator).
   */
  static java.util.function.Predicate<VariableScope> written(Var<String> slot) {
    return scope -> scope.getVariable(slot.name()) instanceof String text && !text.isBlank();
  }

  static boolean paysPartner(VariableScope scope) {
    String type = PAYMENT_TYPE.get(scope);
    return type != null && !PaymentType.NONE.code().equals(type);
  }

  static boolean yearIsReasonable(long year) {
    return CityCalendar.isFiscalYearWithin(year, 0, 5);
  }

  static boolean withinFiscalYear(VariableScope scope, String date) {
    Long year = FISCAL_YEAR.get(scope);
    return year != null && CityCalendar.parseDay(date).map(d -> CityCalendar.isInFiscalYear(year, d)).orElse(false);
  }

  static boolean startAfter(VariableScope scope, String end) {
    return CityCalendar.parseDay(TERM_START.get(scope))
        .flatMap(start -> CityCalendar.parseDay(end).map(start::isAfter)).orElse(false);
  }

  /** A goal's deadline lies within the term; when the term itself is malformed, its own fields say so. */
  static boolean dueWithinTerm(VariableScope scope, String due) {
    Optional<java.time.LocalDate> start = CityCalendar.parseDay(TERM_START.get(scope));
    Optional<java.time.LocalDate> end = CityCalendar.parseDay(TERM_END.get(scope));
    java.time.LocalDate day = CityCalendar.parseDay(due).orElseThrow();
    return (start.isEmpty() || !day.isBefore(start.get())) && (end.isEmpty() || !day.isAfter(end.get()));
  }

  static boolean isOrganisation(VariableScope scope, String groupId) {
    Group group = KyodoGroups.group(KyodoGroups.identity(scope), groupId);
    return group != null && KyodoGroups.TYPE_ORGANISATION.equals(group.getType());
  }

  static boolean isDepartmentMember(VariableScope scope, String userId) {
    String department = DEPARTMENT_GROUP.get(scope);
    return department != null && KyodoGroups.isMember(KyodoGroups.identity(scope), userId, department);
  }
}
