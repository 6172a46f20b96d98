package jp.kyodo.lifecycle;

import jp.kyodo.engine.HistoryOfCopies;
import java.util.HashMap;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.lifecycle.FiscalYearChoices.YearMode;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.DelegateInputs;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts one fiscal year of the project (inputs {@code yearMode}, {@code yearToStart}): a new
 * {@code collaboration-year} instance with the project number as business key, which starts from what ① decided
 * and who works the project; a continued year (CONTINUE) keeps the partner the ending year had (旭川 Q31: agreed
 * year by year with the same group), a first year or a new call (RECALL) selects one in ②. The lifecycle's
 * {@code fiscalYear} becomes the latest year started. A year the project already runs is not started twice.
 */
@Component("startFiscalYear")
@DelegateInputs({"yearMode", "yearToStart"})
public class StartFiscalYearDelegate implements JavaDelegate {

  private final ProjectYearRepository years;

  public StartFiscalYearDelegate(ProjectYearRepository years) {
    this.years = years;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMode mode = YearMode.valueOf(FiscalYearProcess.YEAR_MODE.get(execution));
    Long fiscalYear = CollaborationProcess.YEAR_TO_START.get(execution);
    String project = Project.PROJECT_NUMBER.get(execution);
    if (fiscalYear == null) {
      throw new IllegalStateException("startFiscalYear needs the fiscal year to start (input yearToStart)");
    }
    if (!years.running(project, Math.toIntExact(fiscalYear)).isEmpty()) {
      throw new InvalidInputException("事業 " + project + " の " + fiscalYear + " 年度はすでに進んでいます。"
          + "同じ年度を二つ始めることはできません。");
    }
    Map<String, Object> variables = new HashMap<>();
    for (String name : FiscalYearProcess.FROM_PROJECT) {
      Object value = execution.getVariable(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    // What the year takes over from the project unchanged; its history is the project's (HistoryOfCopies).
    java.util.Set<String> copied = new java.util.HashSet<>(variables.keySet());
    // The year's gateways ask for these before anything sets them: a year starts without them.
    for (String undecided : FiscalYearProcess.UNDECIDED_AT_START) {
      variables.put(undecided, null);
    }
    if (mode == YearMode.CONTINUE) {
      variables.put(Project.PARTNER_GROUP.name(), FiscalYearProcess.CONTINUING_PARTNER_GROUP.get(execution));
      variables.put(Project.PARTNER_NAME.name(), FiscalYearProcess.CONTINUING_PARTNER_NAME.get(execution));
      for (String coPartners : FiscalYearProcess.CONTINUING_CO_PARTNERS) {
        variables.put(coPartners, execution.getVariableTyped(coPartners));
      }
    }
    variables.put(Project.FISCAL_YEAR.name(), fiscalYear);
    variables.put(FiscalYearProcess.YEAR_MODE.name(), mode.name());
    variables.put(FiscalYearProcess.YEAR_MODE_LABEL.name(), mode.label());
    variables.put(FiscalYearProcess.PROJECT_INSTANCE_ID.name(), execution.getProcessInstanceId());
    variables.put(FiscalYearProcess.DECISION_LOG.variable(), FiscalYearProcess.DECISION_LOG.empty());
    String year = HistoryOfCopies.copying(copied, () -> ProjectInstances.startYear(execution, project, variables));
    Project.FISCAL_YEAR.set(execution, fiscalYear);
    // From ② on, each year's instance says which phase it is in; the lifecycle says where to look.
    CollaborationProcess.PHASE_LABEL.set(execution, "年度ごとに進行中（最新は " + fiscalYear + " 年度。"
        + "各年度の段階は「協働事業の1年度」に表示）");
    years.started(project, Math.toIntExact(fiscalYear), mode, year, Project.DEPARTMENT_GROUP.get(execution),
        CityCalendar.now());
  }
}
