package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;
import jp.kyodo.platform.CityCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.examination.ExaminationForms;
import jp.kyodo.forms.FormRules;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Server-side rules of the forms of ② パートナーの選定, field by field as in {@code forms/selection-*.form}. */
public final class SelectionForms {

  private SelectionForms() {}

  public static final FormRules START_FORM = FormRules.forForm(FormIds.START)
      .check(FISCAL_YEAR, (scope, value) -> plannedYearIsReasonable((Long) value),
          "「実施年度」は今年度から5年度先までの年度（西暦）で入力してください。")
      .build();

  /**
   * A sole source may name co-partners (「共に担う団体」, 旭川 Q71), each with its role; none twice, and one reason for
   * taking them without a call (旭川 Q45). Whether each is registered now, not the partner itself and not fixed
   * (千葉 ②) is checked against the registry at completion, the same way on both paths
   * ({@link CheckSoleSourceListener}, {@link CheckCoPartnersListener}).
   */
  public static final FormRules METHOD_FORM = coPartnerRules(FormRules.forForm(FormIds.METHOD),
      SelectionForms::soleSource)
      .build();

  public static final FormRules SOLE_SOURCE_APPROVAL_FORM = FormRules.forForm(FormIds.SOLE_SOURCE_APPROVAL)
      .build();

  /** 千葉 ②: the manager's exception for a sole source to a fixed partner; the reason is required by the form. */
  public static final FormRules FIXATION_EXCEPTION_FORM = FormRules.none(FormIds.FIXATION_EXCEPTION);

  public static final FormRules CALL_FORM;

  static {
    // A criterion is its name and its points together; the form cannot say "both or neither".
    FormRules.Builder call = FormRules.forForm(FormIds.CALL);
    for (int slot = 2; slot <= CRITERIA_SLOTS; slot++) {
      int s = slot;
      call.requiredWhen(criterionLabel(slot), scope -> criterionWeight(s).get(scope) != null, "配点を入れた場合");
      call.requiredWhen(criterionWeight(slot), scope -> hasText(criterionLabel(s), scope), "審査基準を入れた場合");
    }
    CALL_FORM = call
        .check(APPLICATION_DEADLINE, (scope, value) -> deadlineIsAhead((String) value),
            "「応募の締切日」は明日以降の日付にしてください（締切日の終わり、24時まで受け付けます）。")
        .rule(scope -> weightTotal(scope) == 100,
            "審査基準の配点の合計を100にしてください。")
        .rule(SelectionForms::criteriaAreDistinct, "審査基準に同じ名前が二つあります。別の名前にしてください。")
        .build();
  }

  public static final FormRules CALL_CHECK_FORM = FormRules.forForm(FormIds.CALL_CHECK)
      .rule(scope -> !publishing(scope) || QUORUM.get(scope) <= REVIEWERS.get(scope).size(),
          "「1件の応募に必要な最少の審査数」は審査委員の人数以下にしてください。")
      .rule(scope -> !publishing(scope) || deadlineIsAhead(APPLICATION_DEADLINE.get(scope)),
          "応募の締切日が過ぎています。担当課に差し戻して締切日を直してもらってください。")
      .build();

  public static final FormRules SCREENING_FORM = FormRules.forForm(FormIds.SCREENING)
      .taskLocal()
      .build();

  public static final FormRules CONFLICTS_FORM = FormRules.forForm(FormIds.CONFLICTS)
      .taskLocal()
      .check(DECLARATION_CONFIRMED, (scope, value) -> Boolean.TRUE.equals(value),
          "「上の申告に誤りがないことを確認しました」にチェックしてください。利害関係がない場合も申告が必要です。")
      .build();

  public static final FormRules SCORE_FORM;

  static {
    SCORE_FORM = FormRules.forForm(FormIds.SCORE)
        .taskLocal()
        .rule(SelectionForms::scoresOnlyForCriteria, "審査基準のない欄には評点を入れないでください。")
        .build();
  }

  public static final FormRules COMMITTEE_FORM = FormRules.forForm(FormIds.COMMITTEE)
      .build();

  /**
   * The manager approving a call's selection may add co-partners the same way (the partner is the selected
   * applicant; that it is not among them, and the registry's say, are checked at completion by
   * {@link CheckCoPartnersListener}).
   */
  public static final FormRules APPROVAL_FORM = coPartnerRules(FormRules.forForm(FormIds.APPROVAL),
      SelectionForms::approving)
      .build();

  /**
   * The co-partner slots' rules, on a form where they apply only while {@code applies} holds (the fields are hidden
   * otherwise): an organisation and its role go together, no organisation twice, a reason when any is named.
   */
  static FormRules.Builder coPartnerRules(FormRules.Builder form, java.util.function.Predicate<VariableScope> applies) {
    for (int slot = 1; slot <= CO_PARTNER_SLOTS; slot++) {
      int s = slot;
      form.requiredWhen(coPartnerRole(slot), scope -> applies.test(scope) && hasText(coPartnerOrganisation(s), scope),
          "共に担う団体を選んだ場合");
      form.requiredWhen(coPartnerOrganisation(slot), scope -> applies.test(scope) && hasText(coPartnerRole(s), scope),
          "役割を書いた場合");
    }
    return form
        .requiredWhen(CO_PARTNER_REASON, scope -> applies.test(scope) && CoPartnerChoice.any(scope),
            "共に担う団体を選んだ場合")
        .rule(scope -> !applies.test(scope) || CoPartnerChoice.distinct(scope), CoPartnerChoice.TWICE);
  }

  public static final FormRules NO_PARTNER_FORM = FormRules.forForm(FormIds.NO_PARTNER)
      .build();

  public static final List<FormRules> ALL = List.of(START_FORM, METHOD_FORM, SOLE_SOURCE_APPROVAL_FORM,
      FIXATION_EXCEPTION_FORM, CALL_FORM,
      CALL_CHECK_FORM, SCREENING_FORM, CONFLICTS_FORM, SCORE_FORM, COMMITTEE_FORM, APPROVAL_FORM, NO_PARTNER_FORM);

  static boolean hasText(jp.kyodo.variables.Var<String> var, VariableScope scope) {
    String value = var.get(scope);
    return value != null && !value.isBlank();
  }

  static boolean soleSource(VariableScope scope) {
    return Method.SOLE_SOURCE.code().equals(METHOD.get(scope));
  }

  static boolean approving(VariableScope scope) {
    return SelectionApproval.APPROVE.code().equals(SELECTION_APPROVAL.get(scope));
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
