package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.improvement.ImprovementChoices.Decision;
import jp.kyodo.project.Project;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 千葉県 協働推進マニュアル ② (パートナーの固定化の防止): when the partner would hold the department's collaboration
 * for the city's limit of fiscal years in a row ({@code kyodo.rules.partner-fixation-years}), the rule is to reopen
 * the call. The year being improved counts as held: the partner carries it now, whether or not ③ has entered it in
 * the registry yet.
 * <p>On {@code create} of the dialogue it tells both sides. On {@code complete} of the decision it checks again,
 * against the registry at that moment. "Continue with the same partner" is refused, as it always was, unless the
 * department asks a manager for an exception with its reason ({@code fixationExceptionRequest}): the guideline asks
 * to take care (「留意しましょう」), it does not forbid, so a manager may allow it ({@code fixationExceptionNeeded}).
 */
@Component("partnerFixationRule")
public class PartnerFixationRuleListener implements TaskListener {

  private final PartnerFixation fixation;

  public PartnerFixationRuleListener(PartnerFixation fixation) {
    this.fixation = fixation;
  }

  @Override
  public void notify(DelegateTask task) {
    long fiscalYear = Project.FISCAL_YEAR.get(task);
    String partner = Project.PARTNER_GROUP.get(task);
    String department = Project.DEPARTMENT_GROUP.get(task);
    int run = fixation.consecutiveYearsBefore(partner, department, Math.toIntExact(fiscalYear)) + 1;
    boolean fixed = run >= fixation.years();
    String held = Project.PARTNER_NAME.get(task) + "は" + Project.DEPARTMENT_NAME.get(task) + "の協働事業を"
        + (fiscalYear - run + 1) + "〜" + fiscalYear + "年度の" + run + "年度続けて担っています";
    String earlier = fixed ? fixation.earlierExceptions(partner, department) : null;
    NEXT_FISCAL_YEAR.set(task, fiscalYear + 1);
    CONSECUTIVE_YEARS.set(task, (long) run);
    PARTNER_FIXED.set(task, fixed);
    FIXATION_NOTICE.set(task, fixed
        ? held + "（市の定める目安は" + fixation.years() + "年度、千葉県 協働推進マニュアル②）。" + (fiscalYear + 1)
            + "年度も協働を続けるなら、公募をやり直して協働パートナーを選び直すのが原則です。同じ団体と続けるには、"
            + "「固定化の例外を課長に求める理由」を書き、課長が例外とするかを判断します。" + (earlier == null ? "" : earlier)
        : null);
    if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    boolean continues = Decision.CONTINUE.code().equals(DECISION.get(task));
    boolean requested = hasText(Project.FIXATION_EXCEPTION_REQUEST.get(task));
    if (fixed && continues && !requested) {
      throw new InvalidInputException(held + "。同じ団体が" + fixation.years()
          + "年度以上続けて担うことになるため、課長が例外と認めない限り、来年度も同じ団体と協働を続けることはできません"
          + "（千葉県 協働推進マニュアル② パートナーの固定化の防止）。「" + Decision.RECALL.label() + "」を選ぶか、"
          + "「固定化の例外を課長に求める理由」を書いてください。");
    }
    Project.FIXATION_EXCEPTION_NEEDED.set(task, fixed && continues);
    if (!(fixed && continues) && requested) {
      // Nothing was asked of a manager: the record must not show a request that led nowhere.
      Project.FIXATION_EXCEPTION_REQUEST.set(task, null);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
