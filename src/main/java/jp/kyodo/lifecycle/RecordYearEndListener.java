package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.List;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The lifecycle heard that one of its years ended: the year's decisions join the project's (kept in the order the
 * year took them), the latest grade and the staff and partner follow the year, and the lifecycle learns whether
 * other years still run — a later year started early (旭川 Q52) — which decides where it goes next.
 */
@Component("recordYearEnd")
public class RecordYearEndListener implements ExecutionListener {

  private final ProjectYearRepository years;
  private final ProjectRepository projects;

  public RecordYearEndListener(ProjectYearRepository years, ProjectRepository projects) {
    this.years = years;
    this.projects = projects;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DECISION_LOG.appendAll(execution, FiscalYearProcess.YEAR_DECISIONS);
    execution.removeVariable(FiscalYearProcess.YEAR_DECISIONS);
    var entries = DECISION_LOG.entries(execution);
    if (!entries.isEmpty()) {
      LAST_DECISION_VARIABLES.write(execution, entries.get(entries.size() - 1).decision());
    }
    String grade = EvaluationProcess.EVALUATION_GRADE.get(execution);
    if (grade != null) {
      LATEST_GRADE.set(execution, grade);
    }
    Project.PARTNER_GROUP.set(execution, FiscalYearProcess.CONTINUING_PARTNER_GROUP.get(execution));
    Project.PARTNER_NAME.set(execution, FiscalYearProcess.CONTINUING_PARTNER_NAME.get(execution));
    Long ended = FiscalYearProcess.ENDED_FISCAL_YEAR.get(execution);
    String project = Project.PROJECT_NUMBER.get(execution);
    String endedInstance = FiscalYearProcess.ENDED_YEAR_INSTANCE.get(execution);
    String outcome = FiscalYearProcess.YEAR_OUTCOME.get(execution);
    // ⑥ chose the other way for next year than the one already started (a new call instead of continuing, or
    // back): the year started the other way is stopped with ⑥'s reason, and ⑥'s way starts.
    List<String> otherWay = ProjectInstances.runningYears(execution, project, endedInstance).stream()
        .filter(id -> years.find(id).filter(y -> ended != null && y.fiscalYear() > ended
            && wayOfGoingOn(outcome) && !y.mode().name().equals(outcome)).isPresent()).toList();
    StopRunningYearsDelegate.stop(execution, otherWay, years, projects);
    // (the engine deletes the stopped ones when the transaction ends: they no longer count)
    List<String> others = ProjectInstances.runningYears(execution, project, endedInstance).stream()
        .filter(id -> !otherWay.contains(id)).toList();
    OTHER_YEARS_RUNNING.set(execution, (long) others.size());
    NEXT_YEAR_RUNNING.set(execution, others.stream().map(years::find).anyMatch(year -> year.isPresent()
        && ended != null && year.get().fiscalYear() > ended));
  }

  private static boolean wayOfGoingOn(String yearOutcome) {
    return FiscalYearChoices.YearOutcome.CONTINUE.name().equals(yearOutcome)
        || FiscalYearChoices.YearOutcome.RECALL.name().equals(yearOutcome);
  }
}
