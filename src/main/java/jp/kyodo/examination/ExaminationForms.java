package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.util.List;
import jp.kyodo.examination.ExaminationChoices.ReviewDecision;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;

/** Server-side rules of the forms of ① 事業の検討, field by field as in {@code forms/examination-*.form}. */
public final class ExaminationForms {

  private ExaminationForms() {}

  static final long MAX_YEN = 100_000_000_000L;

  public static final FormRules PROPOSAL = FormRules.forForm(FormIds.PROPOSAL)
      .build();

  public static final FormRules INTAKE = FormRules.forForm(FormIds.INTAKE)
      .check(DEPARTMENT_GROUP, (scope, value) -> KyodoGroups.isDepartment(scope, (String) value),
          "「担当課」は登録されている担当課から選んでください。")
      .build();

  public static final FormRules CHECK_SHEET = FormRules.forForm(FormIds.CHECK_SHEET)
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


  static boolean plannedYearIsReasonable(long year) {
    return CityCalendar.isFiscalYearWithin(year, 0, 5);
  }
}
