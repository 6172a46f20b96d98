package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.FiscalYearProcess.*;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.lifecycle.FiscalYearChoices.NextYearPlan;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 来年度の進め方, the department's task while ④ runs (旭川 Q52). When it is created: its due date by the calendar
 * (翌年度実施型: 30 June, so that a new call opens in July–September and a continuation's budget is requested in
 * November; 当年度実施型: 31 October), and where the year stands — its agreement, its partner and how many years in
 * a row that partner has held the department's work (千葉 ② 固定化). When it is completed: a continuation with a
 * partner that next year would be fixed is refused (the call must be reopened), and once ⑥ has started the
 * question is ⑥'s; the plan is kept with the year and among the project's decisions.
 */
@Component("planNextYear")
public class PlanNextYearListener implements TaskListener {

  private final PhaseDueDateRule rule;
  private final PartnerFixation fixation;
  private final ProjectYearRepository years;
  private final ProjectRepository projects;

  public PlanNextYearListener(PhaseDueDateRule rule, PartnerFixation fixation, ProjectYearRepository years,
      ProjectRepository projects) {
    this.rule = rule;
    this.fixation = fixation;
    this.years = years;
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completed(task);
    }
  }

  private void created(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    Long fiscalYear = Project.FISCAL_YEAR.get(execution);
    task.setDueDate(rule.due(PhaseDueDateRule.NEXT_YEAR_PLAN, Project.CALENDAR_PATTERN.get(execution), fiscalYear,
        CityCalendar.now(), EnterPhaseDelegate.calendar(execution)).at());
    NEXT_YEAR_FISCAL_YEAR.set(execution, fiscalYear + 1);
    YEAR_PROGRESS.set(execution, progress(execution, fiscalYear));
  }

  private String progress(DelegateExecution execution, long fiscalYear) {
    StringBuilder text = new StringBuilder();
    text.append(fiscalYear).append("年度: 協定番号 ").append(Project.AGREEMENT_NUMBER.get(execution))
        .append("、協働パートナー ").append(Project.PARTNER_NAME.get(execution)).append("。");
    String partner = Project.PARTNER_GROUP.get(execution);
    if (partner != null) {
      int held = fixation.consecutiveYearsBefore(partner, Project.DEPARTMENT_GROUP.get(execution),
          Math.toIntExact(fiscalYear + 1));
      text.append("\nこの団体は担当課の協働事業を ").append(held).append(" 年続けて担っています。");
      if (held >= fixation.years()) {
        text.append(fixation.years()).append(" 年続いたため、来年度は公募をやり直してください（千葉県 ② 固定化の防止）。");
      }
    }
    return text.toString();
  }

  private void completed(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    NextYearPlan plan = NextYearPlan.valueOf(NEXT_YEAR_PLAN.get(task));
    long fiscalYear = Project.FISCAL_YEAR.get(execution);
    String partner = Project.PARTNER_GROUP.get(execution);
    if (plan == NextYearPlan.CONTINUE && partner != null
        && fixation.isFixed(partner, Project.DEPARTMENT_GROUP.get(execution), Math.toIntExact(fiscalYear + 1))) {
      throw new InvalidInputException("同じ団体が " + fixation.years() + " 年続けて担っているため、来年度は同じ団体と"
          + "続けられません。「来年度は公募をやり直す」を選ぶか、課長に例外を求める場合は「今は決めない」を選んで"
          + " ⑥ 事業の改善で求めてください（千葉県 ② 固定化の防止）。");
    }
    Phase phase = Phase.ofCode(CollaborationProcess.PHASE.get(execution)).orElse(Phase.EXECUTION);
    if (plan != NextYearPlan.NONE && phase == Phase.IMPROVEMENT) {
      throw new InvalidInputException("⑥ 事業の改善が始まっています。来年度の進め方は ⑥ の判断で決めてください"
          + "（ここでは「今は決めない」を選んでください）。");
    }
    String note = NEXT_YEAR_NOTE.get(task);
    years.nextYearPlanned(execution.getProcessInstanceId(), plan.name(), note);
    ProjectDecisions.record(task, projects, new ProjectDecision(phase,
        CollaborationProcess.ROUND.getOrDefault(execution, 1L), fiscalYear,
        Decision.now("NEXT_YEAR_" + plan.name(), "来年度の進め方: " + plan.label(), note, task)));
  }
}
