package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.FiscalYearProcess.*;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.lifecycle.FiscalYearChoices.YearOutcome;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At each end of a fiscal year: how the year ended ({@code yearOutcome} — ⑥'s decision, or why the year had no
 * work: no partner in ②, no budget), written to the list of years, and told to the lifecycle that started the
 * year with the decision that ended it, the staff and partner as the year left them, and the year's decisions.
 */
@Component("endFiscalYear")
public class EndFiscalYearListener implements ExecutionListener {

  private final ProjectYearRepository years;

  public EndFiscalYearListener(ProjectYearRepository years) {
    this.years = years;
  }

  @Override
  public void notify(DelegateExecution execution) {
    YearOutcome outcome = outcome(execution);
    YEAR_OUTCOME.set(execution, outcome.name());
    years.ended(execution.getProcessInstanceId(), outcome.name(), CityCalendar.now());
    String project = PROJECT_INSTANCE_ID.get(execution);
    if (project == null) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : TO_PROJECT) {
      variables.put(name, execution.getVariable(name));
    }
    variables.put(ENDED_FISCAL_YEAR.name(), Project.FISCAL_YEAR.get(execution));
    variables.put(ENDED_YEAR_INSTANCE.name(), execution.getProcessInstanceId());
    variables.put(CONTINUING_PARTNER_GROUP.name(), Project.PARTNER_GROUP.get(execution));
    variables.put(CONTINUING_PARTNER_NAME.name(), Project.PARTNER_NAME.get(execution));
    variables.put(YEAR_DECISIONS, execution.getVariableTyped(DECISION_LOG.variable()));
    ProjectInstances.tellProject(execution, project, Messages.FISCAL_YEAR_ENDED, variables);
  }

  static YearOutcome outcome(DelegateExecution execution) {
    return switch (execution.getCurrentActivityId()) {
      case Elements.END -> YearOutcome.valueOf(ImprovementProcess.DECISION.get(execution));
      case Elements.END_WITHOUT_PARTNER -> YearOutcome.valueOf(SelectionProcess.OUTCOME.get(execution));
      case Elements.END_WITHOUT_BUDGET -> YearOutcome.NO_BUDGET;
      default -> throw new IllegalStateException("endFiscalYear is meant for the ends of a fiscal year, not "
          + execution.getCurrentActivityId());
    };
  }
}
