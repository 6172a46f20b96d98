package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ② パートナーの選定, field by field as in {@code forms/selection-*.form}. */
public final class SelectionForms {

  private SelectionForms() {}

  public static final FormSpec START_FORM = FormSpec.form(FormIds.START)
      .text(TITLE, "事業名", 100).required()
      .textArea(CONTENT, "事業の内容", 4000).required()
      .choice(CHOSEN_FORM, "協働の形態", CollaborationForm.class).required()
      .number(FISCAL_YEAR, "実施年度", 2000, 2200).required()
      .validIf((scope, value) -> plannedYearIsReasonable((Long) value),
          "「実施年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .build();

  public static final FormSpec METHOD_FORM = FormSpec.form(FormIds.METHOD)
      .display(TITLE.name())
      .display(DEPARTMENT_NAME.name())
      .display(FISCAL_YEAR.name())
      .display(CHOSEN_FORM.name())
      .display(FIXATION_NOTICE.name())
      .display(SOLE_SOURCE_APPROVAL_COMMENT.name())
      .choice(METHOD, "選定の方法", Method.class).required()
      .choiceFrom(SOLE_SOURCE_ORGANISATION, "選定する団体", ORGANISATION_OPTIONS)
      .requiredWhen(SelectionForms::soleSource, "特定の団体を選ぶ場合")
      .textArea(SOLE_SOURCE_REASON, "この団体を選ぶ理由（公募によらない理由）", 2000)
      .requiredWhen(SelectionForms::soleSource, "特定の団体を選ぶ場合")
      .build();

  public static final FormSpec SOLE_SOURCE_APPROVAL_FORM = FormSpec.form(FormIds.SOLE_SOURCE_APPROVAL)
      .display(TITLE.name())
      .display(DEPARTMENT_NAME.name())
      .display(FISCAL_YEAR.name())
      .display(SOLE_SOURCE_ORGANISATION.name())
      .display(SOLE_SOURCE_REASON.name())
      .choice(SOLE_SOURCE_APPROVAL, "決裁", Approval.class).required()
      .textArea(SOLE_SOURCE_APPROVAL_COMMENT, "決裁の理由・意見", 2000).required()
      .build();

  public static final FormSpec CALL_FORM;

  static {
    FormSpec.Builder call = FormSpec.form(FormIds.CALL)
        .display(TITLE.name())
        .display(DEPARTMENT_NAME.name())
        .display(FISCAL_YEAR.name())
        .display(CHOSEN_FORM.name())
        .display(CALL_CHECK_COMMENT.name())
        .display(NO_PARTNER_REASON.name())
        .textArea(CALL_PURPOSE, "募集の目的と事業の内容", 4000).required()
        .textArea(CALL_ELIGIBILITY, "応募資格", 2000).required();
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      int s = slot;
      call.text(criterionLabel(slot), "審査基準" + slot, 50);
      if (slot == 1) {
        call.required();
      } else {
        call.requiredWhen(scope -> criterionWeight(s).get(scope) != null, "配点を入れた場合");
      }
      call.number(criterionWeight(slot), "審査基準" + slot + "の配点", 1, 100);
      if (slot == 1) {
        call.required();
      } else {
        call.requiredWhen(scope -> hasText(criterionLabel(s), scope), "審査基準を入れた場合");
      }
    }
    CALL_FORM = call
        .date(APPLICATION_DEADLINE, "応募の締切日")
        .required()
        .validIf((scope, value) -> deadlineIsAhead((String) value),
            "「応募の締切日」は明日以降の日付にしてください（締切日の終わり、24時まで受け付けます）。")
        .rule(scope -> weightTotal(scope) == 100,
            "審査基準の配点の合計を100にしてください。")
        .rule(SelectionForms::criteriaAreDistinct, "審査基準に同じ名前が二つあります。別の名前にしてください。")
        .build();
  }

  public static final FormSpec CALL_CHECK_FORM = FormSpec.form(FormIds.CALL_CHECK)
      .display(TITLE.name())
      .display(DEPARTMENT_NAME.name())
      .display(CALL_SUMMARY.name())
      .choice(CALL_CHECK, "確認の結果", CallCheck.class).required()
      .textArea(CALL_CHECK_COMMENT, "担当課への意見・修正してほしい点", 2000)
      .requiredWhen(scope -> CallCheck.REVISE.code().equals(CALL_CHECK.get(scope)), "差し戻す場合")
      .choicesFrom(REVIEWERS, "審査委員", REVIEWER_OPTIONS)
      .requiredWhen(SelectionForms::publishing, "公開する場合")
      .number(QUORUM, "1件の応募に必要な最少の審査数", 1, 10)
      .requiredWhen(SelectionForms::publishing, "公開する場合")
      .rule(scope -> !publishing(scope) || QUORUM.get(scope) <= REVIEWERS.get(scope).size(),
          "「1件の応募に必要な最少の審査数」は審査委員の人数以下にしてください。")
      .rule(scope -> !publishing(scope) || deadlineIsAhead(APPLICATION_DEADLINE.get(scope)),
          "応募の締切日が過ぎています。担当課に差し戻して締切日を直してもらってください。")
      .build();

  public static final FormSpec SCREENING_FORM = FormSpec.form(FormIds.SCREENING)
      .taskLocal()
      .display(CALL_NUMBER.name())
      .display(CALL_ELIGIBILITY.name())
      .display(APPLICATION_ID.name())
      .display(APPLICANT_NAME.name())
      .display(APPLICANT_TYPE.name())
      .display(APPLICANT_RECORD.name())
      .display(APPLICANT_FINANCES.name())
      .display(PROPOSAL_TITLE.name())
      .display(PROPOSAL.name())
      .display(BUDGET_PLAN.name())
      .choice(SCREENING, "応募資格の確認", Screening.class).required()
      .textArea(SCREENING_REASON, "判断の理由", 2000)
      .requiredWhen(scope -> Screening.INELIGIBLE.code().equals(SCREENING.get(scope)),
          "応募資格を満たさない場合")
      .build();

  public static final FormSpec CONFLICTS_FORM = FormSpec.form(FormIds.CONFLICTS)
      .taskLocal()
      .display(TITLE.name())
      .display(CALL_NUMBER.name())
      .choicesFrom(CONFLICTED_APPLICATIONS, "利害関係のある応募", APPLICATION_OPTIONS)
      .textArea(CONFLICT_NOTE, "利害関係の内容", 2000)
      .requiredWhen(scope -> !CONFLICTED_APPLICATIONS.get(scope).isEmpty(), "利害関係のある応募を選んだ場合")
      .bool(DECLARATION_CONFIRMED, "上の申告に誤りがないことを確認しました").required()
      .validIf((scope, value) -> Boolean.TRUE.equals(value),
          "「上の申告に誤りがないことを確認しました」にチェックしてください。利害関係がない場合も申告が必要です。")
      .build();

  public static final FormSpec SCORE_FORM;

  static {
    FormSpec.Builder score = FormSpec.form(FormIds.SCORE)
        .taskLocal()
        .display(CALL_NUMBER.name())
        .display(APPLICATION_ID.name())
        .display(APPLICANT_NAME.name())
        .display(PROPOSAL_TITLE.name())
        .display(PROPOSAL.name())
        .display(BUDGET_PLAN.name());
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      int s = slot;
      score.display(criterionLabel(slot).name());
      score.number(score(slot), "評点" + slot, ScoreAggregation.MIN_SCORE, ScoreAggregation.MAX_SCORE);
      if (slot == 1) {
        score.required();
      } else {
        score.requiredWhen(scope -> hasText(criterionLabel(s), scope), "審査基準" + slot + "がある場合");
      }
    }
    SCORE_FORM = score
        .textArea(REVIEW_COMMENT, "講評", 2000).required()
        .rule(SelectionForms::scoresOnlyForCriteria, "審査基準のない欄には評点を入れないでください。")
        .build();
  }

  public static final FormSpec COMMITTEE_FORM = FormSpec.form(FormIds.COMMITTEE)
      .display(TITLE.name())
      .display(CALL_NUMBER.name())
      .display(RANKING_SUMMARY.name())
      .display(FIXATION_WARNING.name())
      .display(SELECTION_APPROVAL_COMMENT.name())
      .choiceFrom(SELECTED_APPLICATION, "選定する応募", CANDIDATE_OPTIONS).required()
      .textArea(SELECTION_REASON, "選定の理由（公表されます）", 4000).required()
      .build();

  public static final FormSpec APPROVAL_FORM = FormSpec.form(FormIds.APPROVAL)
      .display(TITLE.name())
      .display(CALL_NUMBER.name())
      .display(RANKING_SUMMARY.name())
      .display(FIXATION_WARNING.name())
      .display(SELECTED_APPLICATION.name())
      .display(SELECTION_REASON.name())
      .choice(SELECTION_APPROVAL, "決裁", SelectionApproval.class).required()
      .textArea(SELECTION_APPROVAL_COMMENT, "差し戻しの理由", 2000)
      .requiredWhen(scope -> SelectionApproval.RETURN.code().equals(SELECTION_APPROVAL.get(scope)), "差し戻す場合")
      .build();

  public static final FormSpec NO_PARTNER_FORM = FormSpec.form(FormIds.NO_PARTNER)
      .display(TITLE.name())
      .display(CALL_NUMBER.name())
      .display(NO_PARTNER_SITUATION.name())
      .choice(NO_PARTNER_DECISION, "今後の進め方", NoPartnerDecision.class).required()
      .textArea(NO_PARTNER_REASON, "理由", 2000).required()
      .build();

  public static final List<FormSpec> ALL = List.of(START_FORM, METHOD_FORM, SOLE_SOURCE_APPROVAL_FORM, CALL_FORM,
      CALL_CHECK_FORM, SCREENING_FORM, CONFLICTS_FORM, SCORE_FORM, COMMITTEE_FORM, APPROVAL_FORM, NO_PARTNER_FORM);

  static boolean hasText(jp.kyodo.variables.Var<String> var, VariableScope scope) {
    String value = var.get(scope);
    return value != null && !value.isBlank();
  }

  static boolean soleSource(VariableScope scope) {
    return Method.SOLE_SOURCE.code().equals(METHOD.get(scope));
  }

  static boolean publishing(VariableScope scope) {
    return CallCheck.PUBLISH.code().equals(CALL_CHECK.get(scope));
  }

  static boolean plannedYearIsReasonable(long year) {
    return CityCalendar.isFiscalYearWithin(year, 0, 5);
  }

  /** A deadline runs to the end of its day in Japan, so the earliest is tomorrow's. */
  static boolean deadlineIsAhead(String isoDate) {
    return isoDate != null && LocalDate.parse(isoDate).isAfter(CityCalendar.today());
  }

  static long weightTotal(VariableScope scope) {
    long total = 0;
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      Long weight = criterionWeight(slot).get(scope);
      total += weight == null ? 0 : weight;
    }
    return total;
  }

  static boolean criteriaAreDistinct(VariableScope scope) {
    Set<String> seen = new HashSet<>();
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      String label = criterionLabel(slot).get(scope);
      if (label != null && !label.isBlank() && !seen.add(label.strip())) {
        return false;
      }
    }
    return true;
  }

  static boolean scoresOnlyForCriteria(VariableScope scope) {
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      if (!hasText(criterionLabel(slot), scope) && score(slot).get(scope) != null) {
        return false;
      }
    }
    return true;
  }

  /** The criteria of the call as written, in slot order; ids c1..c5 follow the slots. */
  public static List<Criterion> criteria(VariableScope scope) {
    List<Criterion> criteria = new ArrayList<>();
    for (int slot = 1; slot <= CRITERIA_SLOTS; slot++) {
      String label = criterionLabel(slot).get(scope);
      Long weight = criterionWeight(slot).get(scope);
      if (label != null && !label.isBlank() && weight != null) {
        criteria.add(new Criterion("c" + slot, label, weight.intValue()));
      }
    }
    return criteria;
  }
}
