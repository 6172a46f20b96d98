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
 * 千葉県 協働推進マニュアル ② (パートナーの固定化の防止): when the partner would hold the department's
 * collaboration for more than {@code kyodo.partner-fixation.years} fiscal years in a row, the project may
 * not simply continue with it; the call is reopened. The year being improved counts as held: the partner
 * carries it now, whether or not ③ has entered it in the registry yet.
 * <p>On {@code create} it tells both sides in the dialogue; on {@code complete} of the decision it refuses
 * "continue with the same partner", checked again against the registry at that moment.
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
    int run = fixation.consecutiveYearsBefore(Project.PARTNER_GROUP.get(task), Project.DEPARTMENT_GROUP.get(task),
        Math.toIntExact(fiscalYear)) + 1;
    boolean fixed = run >= fixation.years();
    String held = Project.PARTNER_NAME.get(task) + "は" + Project.DEPARTMENT_NAME.get(task) + "の協働事業を"
        + (fiscalYear - run + 1) + "〜" + fiscalYear + "年度の" + run + "年度続けて担っています";
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      NEXT_FISCAL_YEAR.set(task, fiscalYear + 1);
      CONSECUTIVE_YEARS.set(task, (long) run);
      PARTNER_FIXED.set(task, fixed);
      FIXATION_NOTICE.set(task, fixed
          ? held + "（上限" + fixation.years() + "年度、千葉県 協働推進マニュアル②）。" + (fiscalYear + 1)
              + "年度も協働を続ける場合は、公募をやり直して協働パートナーを選び直します。"
          : null);
    } else if (fixed && Decision.CONTINUE.code().equals(DECISION.get(task))) {
      throw new InvalidInputException(held + "。同じ団体が" + fixation.years()
          + "年度以上続けて担うことになるため、来年度も同じ団体と協働を続けることはできません（千葉県 協働推進マニュアル② "
          + "パートナーの固定化の防止）。「" + Decision.RECALL.label() + "」を選んでください。");
    }
  }
}
