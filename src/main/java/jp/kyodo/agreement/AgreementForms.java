package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;

/** Server-side rules of the forms of ③ 協定・契約, field by field as in {@code forms/agreement-*.form}. */
public final class AgreementForms {

  private AgreementForms() {}

  public static final long MAX_YEN = 100_000_000_000L;
  static final Pattern PROJECT_NUMBER_PATTERN = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$");

  /**
   * Started from Tasklist by a department (the lifecycle passes the same values into its call); the selection it
   * names is looked up when the process starts (ResolveAgreementPartiesDelegate), where a refusal changes nothing.
   */
  public static final FormRules START = FormRules.forForm(FormIds.START)
      .check(PROJECT_NUMBER, (scope, value) -> PROJECT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「事業番号」は半角英数字とハイフンで入力してください（例: 2026-001）。")
      .check(SELECTION_NUMBER, (scope, value) -> PROJECT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「選定番号（② パートナーの選定）」は半角英数字とハイフンで入力してください（例: 2026-S001）。")
      .check(FISCAL_YEAR, (scope, value) -> yearIsReasonable((Long) value), "「協定の年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .build();

  public static final FormRules PARTIES = FormRules.forForm(FormIds.PARTIES)
      .check(CHOSEN_PARTNER_GROUP, (scope, value) -> !PARTNER_CHOSEN.isTrue(scope) && isOrganisation(scope, (String) value),
          "「協働パートナー（団体）」は団体登録簿に登録された団体から選んでください（既に決まっている場合は変えられません）。")
      .check(MAIN_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value), "「主担当」は担当課の職員から選んでください。")
      .check(DEPUTY_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(MAIN_STAFF.get(scope)),
          "「副担当」は主担当とは別の、担当課の職員から選んでください（旭川 Q57: 一人で担当しない）。")
      .build();

  public static final FormRules DRAFT = draft();

  public static final FormRules PARTNER_CONFIRMATION = FormRules.none(FormIds.PARTNER_CONFIRMATION);

  /** The partner's proposal keeps the draft's rules for what it may rewrite: goals within the term. */
  public static final FormRules PARTNER_PROPOSAL = goalsWithinTerm(FormRules.forForm(FormIds.PARTNER_PROPOSAL)).build();

  public static final FormRules PROPOSAL_ANSWER = FormRules.none(FormIds.PROPOSAL_ANSWER);

  public static final FormRules DEPARTMENT_CONFIRMATION = FormRules.none(FormIds.DEPARTMENT_CONFIRMATION);

  public static final FormRules APPROVAL = FormRules.none(FormIds.APPROVAL);

  public static final FormRules EXCHANGE = FormRules.forForm(FormIds.EXCHANGE)
      .check(SIGNED_ON, (scope, value) -> !CityCalendar.parseDay(value).orElseThrow().isAfter(CityCalendar.today()),
          "「締結日（双方が記名押印した日）」に未来の日付は入れられません。")
      .build();

  public static final List<FormRules> ALL = List.of(START, PARTIES, DRAFT, PARTNER_CONFIRMATION, PARTNER_PROPOSAL,
      PROPOSAL_ANSWER, DEPARTMENT_CONFIRMATION, APPROVAL, EXCHANGE);

  private static FormRules.Builder goalsWithinTerm(FormRules.Builder b) {
    for (int i = 0; i < GOAL_SLOTS; i++) {
      int slot = i;
      b.check(GOAL_DUE.get(i), (scope, value) -> dueWithinTerm(scope, (String) value),
          "「成果目標" + (slot + 1) + "の達成期限」は協定の期間内の日付にしてください。");
    }
    return b;
  }

  private static FormRules draft() {
    return goalsWithinTerm(FormRules.forForm(FormIds.DRAFT))
        .check(TERM_START, (scope, value) -> withinFiscalYear(scope, (String) value),
            "「協定の期間（開始日）」は協定の年度（4月1日〜翌年3月31日）の中の日付にしてください（旭川 Q31）。")
        .check(TERM_END, (scope, value) -> withinFiscalYear(scope, (String) value) && !startAfter(scope, (String) value),
            "「協定の期間（終了日）」は開始日以後で、協定の年度（翌年3月31日まで）の中の日付にしてください。長く続く事業は年度ごとに協定を結びます（旭川 Q31）。")
        .build();
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
