package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import jp.kyodo.examination.ExaminationChoices.ReviewDecision;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ① 事業の検討, field by field as in {@code forms/examination-*.form}. */
public final class ExaminationForms {

  private ExaminationForms() {}

  static final long MAX_YEN = 100_000_000_000L;

  public static final FormRules PROPOSAL = FormRules.forForm(FormIds.PROPOSAL)
      .build();

  /**
   * The department must be able to name a main and a deputy at the check sheet (旭川 Q57), so the office cannot hand
   * a proposal to a department with fewer than two members: it would stop there.
   */
  public static final FormRules INTAKE = FormRules.forForm(FormIds.INTAKE)
      .check(DEPARTMENT_GROUP, (scope, value) -> KyodoGroups.isDepartment(scope, (String) value)
              && KyodoGroups.membersOf(KyodoGroups.identity(scope), (String) value).size() >= 2,
          "「担当課」は、登録されている担当課のうち職員が2人以上いる課から選んでください。担当課は主担当と副担当の2人以上で"
              + "担当します（旭川 Q57）。")
      .build();

  /** Main and deputy are two different members of the department (旭川 Q57: 一人で担当しない). */
  public static final FormRules CHECK_SHEET = FormRules.forForm(FormIds.CHECK_SHEET)
      .check(MAIN_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value), "「主担当」は担当課の職員から選んでください。")
      .check(DEPUTY_STAFF, (scope, value) -> isDepartmentMember(scope, (String) value) && !value.equals(MAIN_STAFF.get(scope)),
          "「副担当」は主担当とは別の、担当課の職員から選んでください（旭川 Q57: 一人で担当しない）。")
      .build();

  public static final FormRules ASSESSMENT = FormRules.forForm(FormIds.ASSESSMENT)
      .check(PLANNED_FISCAL_YEAR, (scope, value) -> plannedYearIsReasonable((Long) value),
          "「実施予定年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .build();

  public static final FormRules REVIEW = FormRules.forForm(FormIds.REVIEW)
      .requiredWhen(REVIEW_COMMENT, scope -> !ReviewDecision.PROCEED.code().equals(REVIEW_DECISION.get(scope)),
          "差し戻し・不採択の場合")
      .build();

  public static final List<FormRules> ALL = List.of(PROPOSAL, INTAKE, CHECK_SHEET, ASSESSMENT, REVIEW);


  static boolean isDepartmentMember(VariableScope scope, String userId) {
    String department = DEPARTMENT_GROUP.get(scope);
    return department != null && KyodoGroups.isMember(KyodoGroups.identity(scope), userId, department);
  }

  static boolean plannedYearIsReasonable(long year) {
    return CityCalendar.isFiscalYearWithin(year, 0, 5);
  }
}
