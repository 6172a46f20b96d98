package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.List;
import jp.kyodo.examination.ExaminationChoices.CalendarPattern;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.examination.ExaminationChoices.CollaborationMerit;
import jp.kyodo.examination.ExaminationChoices.Leadership;
import jp.kyodo.examination.ExaminationChoices.ReviewDecision;
import jp.kyodo.examination.ExaminationChoices.SpecAuthor;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ① 事業の検討, field by field as in {@code forms/examination-*.form}. */
public final class ExaminationForms {

  private ExaminationForms() {}

  static final long MAX_YEN = 100_000_000_000L;

  public static final FormSpec PROPOSAL = FormSpec.form(FormIds.PROPOSAL)
      .display(REVIEW_COMMENT.name())
      // Shown when the lifecycle restarts a project at ① after ⑥ decided to revise it (見直し).
      .display(jp.kyodo.improvement.ImprovementProcess.REASON.name())
      .text(TITLE, "事業名", 100).required()
      .textArea(ISSUE, "解決したい地域・社会の課題", 2000).required()
      .textArea(CONTENT, "事業の内容", 4000).required()
      .textArea(EXPECTED_EFFECT, "期待される効果", 2000).required()
      .text(TARGET, "対象地域・対象者", 200)
      .textArea(ROLE_IDEA, "想定する役割分担（市と団体）", 2000)
      .number(PROPOSED_BUDGET, "想定する事業費（円）", 0, MAX_YEN)
      .text(RELATED_DEPARTMENT_HINT, "関係すると思われる課", 100)
      .build();

  public static final FormSpec INTAKE = FormSpec.form(FormIds.INTAKE)
      .display(TITLE.name())
      .display(PARTNER_NAME.name())
      .display(ISSUE.name())
      .display(CONTENT.name())
      .display(RELATED_DEPARTMENT_HINT.name())
      .text(DEPARTMENT_GROUP, "担当課", 64).required()
      .validIf((scope, value) -> KyodoGroups.isDepartment(scope, (String) value),
          "「担当課」は登録されている担当課から選んでください。")
      .textArea(INTAKE_NOTE, "担当課への引継ぎ事項", 2000)
      .build();

  public static final FormSpec CHECK_SHEET = FormSpec.form(FormIds.CHECK_SHEET)
      .display(TITLE.name())
      .display(PROPOSAL_TYPE.name())
      .display(PARTNER_NAME.name())
      .display(ISSUE.name())
      .display(CONTENT.name())
      .display(EXPECTED_EFFECT.name())
      .display(INTAKE_NOTE.name())
      .bool(VOLUNTARY_PUBLIC_INTEREST, "自主的に行う公益性のある活動である").required()
      .bool(NOT_FOR_PROFIT, "営利を目的としない活動である").required()
      .bool(NOT_POLITICAL_OR_RELIGIOUS, "政治活動・宗教活動を目的としない活動である").required()
      .bool(NOT_AGAINST_PUBLIC_ORDER, "公序良俗に反しない活動である").required()
      .bool(EXERCISES_PUBLIC_AUTHORITY, "許認可や税の賦課決定など、公の権力の行使を伴う").required()
      .bool(PRIVATE_OR_VALUE_PROMOTING, "親睦活動・私益活動、または特定の価値観の普及を目的とする").required()
      .choice(LEADERSHIP, "事業の担い手", Leadership.class).required()
      .choices(COLLABORATION_MERITS, "協働で行う利点", CollaborationMerit.class).required()
      .bool(CITY_FUNDING, "市が事業費を支出する（補助・委託・負担金など）").required()
      .bool(EVENT_BASED, "催し・イベントとして行う").required()
      .bool(JOINT_BODY, "市と団体で実行委員会など共同の実施組織をつくる").required()
      .bool(PUBLIC_FACILITY, "公の施設の管理運営を行う").required()
      .build();

  public static final FormSpec ASSESSMENT = FormSpec.form(FormIds.ASSESSMENT)
      .display(TITLE.name())
      .display(DOMAIN_LABEL.name())
      .display(RECOMMENDED_FORM.name())
      .number(NECESSITY, "必要性", 1, 5).required()
      .number(PUBLIC_BENEFIT, "公益性", 1, 5).required()
      .number(URGENCY, "緊急性", 1, 5).required()
      .number(FEASIBILITY, "実現性", 1, 5).required()
      .number(COST_EFFECTIVENESS, "費用対効果", 1, 5).required()
      .number(COST_ESTIMATE, "概算経費（円）", 0, MAX_YEN).required()
      .textArea(COST_SHARING, "経費の負担区分（誰が何を負担するか）", 2000).required()
      .textArea(REPORTING_ARRANGEMENTS, "実施報告・検査・評価の様式と方法", 2000).required()
      .choice(CHOSEN_FORM, "協働の形態", CollaborationForm.class).required()
      .textArea(FORM_CHANGE_REASON, "推奨と異なる形態を選ぶ理由", 2000)
      .requiredWhen(ExaminationForms::formDiffersFromRecommendation, "推奨と異なる協働の形態を選んだ場合")
      .choice(SPEC_AUTHOR, "仕様書の作成方法", SpecAuthor.class)
      .requiredWhen(scope -> CollaborationForm.COMMISSION.code().equals(CHOSEN_FORM.get(scope)), "事業委託を選んだ場合")
      .choice(CALENDAR_PATTERN, "年間スケジュールの型", CalendarPattern.class).required()
      .number(PLANNED_FISCAL_YEAR, "実施予定年度", 2000, 2200).required()
      .validIf((scope, value) -> plannedYearIsReasonable((Long) value),
          "「実施予定年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .bool(CITY_ALONE_URGENT, "緊急性が高く協働の調整を待てないため、市が単独で実施する").required()
      .textArea(CITY_ALONE_REASON, "市が単独で実施する理由", 2000)
      .requiredWhen(CITY_ALONE_URGENT::isTrue, "市が単独で実施する場合")
      .build();

  public static final FormSpec REVIEW = FormSpec.form(FormIds.REVIEW)
      .display(TITLE.name())
      .display(PROPOSAL_TYPE.name())
      .display(PARTNER_NAME.name())
      .display(DEPARTMENT_NAME.name())
      .display(CONTENT.name())
      .display(DOMAIN_LABEL.name())
      .display(COLLABORATION_MERITS.name())
      .display(RECOMMENDED_FORM.name())
      .display(CHOSEN_FORM.name())
      .display(FORM_CHANGE_REASON.name())
      .display(PRIORITY_LABEL.name())
      .display(COST_ESTIMATE.name())
      .display(COST_SHARING.name())
      .display(CALENDAR_PATTERN.name())
      .display(PLANNED_FISCAL_YEAR.name())
      .display(REVISION_COUNT.name())
      .choice(REVIEW_DECISION, "審査の結果", ReviewDecision.class).required()
      .textArea(REVIEW_COMMENT, "理由・修正してほしい点", 2000)
      .requiredWhen(scope -> !ReviewDecision.PROCEED.code().equals(REVIEW_DECISION.get(scope)),
          "差し戻し・不採択の場合")
      .build();

  public static final List<FormSpec> ALL = List.of(PROPOSAL, INTAKE, CHECK_SHEET, ASSESSMENT, REVIEW);

  static boolean formDiffersFromRecommendation(VariableScope scope) {
    String chosen = CHOSEN_FORM.get(scope);
    return chosen != null && !chosen.equals(RECOMMENDED_FORM.get(scope));
  }

  static boolean plannedYearIsReasonable(long year) {
    return CityCalendar.isFiscalYearWithin(year, 0, 5);
  }
}
