package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.time.Instant;
import java.util.List;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.SourceKey;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ⑥ decided to revise, hand over or end the project while next year's work had already started (its budget
 * request, ③ or a new call, begun while this year's ④ ran — 旭川 Q52): that year is stopped, with ⑥'s decision as
 * the reason, recorded among the project's decisions and in the list of years (STOPPED).
 */
@Component("stopRunningYears")
public class StopRunningYearsDelegate implements JavaDelegate {

  private final ProjectYearRepository years;
  private final ProjectRepository projects;

  public StopRunningYearsDelegate(ProjectYearRepository years, ProjectRepository projects) {
    this.years = years;
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String project = Project.PROJECT_NUMBER.get(execution);
    List<String> stopping = ProjectInstances.runningYears(execution, project, FiscalYearProcess.ENDED_YEAR_INSTANCE.get(execution));
    stop(execution, stopping, years, projects);
    Long endedYear = FiscalYearProcess.ENDED_FISCAL_YEAR.get(execution);
    if (!stopping.isEmpty() && endedYear != null) {
      Project.FISCAL_YEAR.set(execution, endedYear);
      projects.standsAt(project, Phase.IMPROVEMENT, Math.toIntExact(endedYear), CityCalendar.now());
    }
  }

  /**
   * Stops those years of the project because of ⑥'s decision in the year that just ended: each with ⑥'s decision
   * as its reason, STOPPED in the list of years, and a {@code YEAR_STOPPED} decision of the project.
   */
  static void stop(DelegateExecution execution, List<String> stopping, ProjectYearRepository years,
      ProjectRepository projects) {
    Decision improvement = ImprovementProcess.DECISION_VARIABLES.read(execution);
    String outcome = FiscalYearProcess.YEAR_OUTCOME.get(execution);
    for (String running : stopping) {
      if (years.find(running).filter(y -> ProjectYearRepository.STOPPED.equals(y.status())).isPresent()) {
        continue; // stopped earlier in this transaction; the engine removes it when the transaction ends
      }
      Integer fiscalYear = years.find(running).map(ProjectYearRepository.ProjectYear::fiscalYear).orElse(null);
      String reason = "⑥ 事業の改善（" + FiscalYearProcess.ENDED_FISCAL_YEAR.get(execution) + "年度）で「"
          + improvement.label() + "」と決まったため: " + improvement.reason();
      ProjectInstances.stopYear(execution, running, reason);
      Instant now = CityCalendar.now();
      years.stopped(running, outcome, now);
      ProjectDecisions.record(execution, projects, new ProjectDecision(Phase.IMPROVEMENT, ROUND.getOrDefault(execution, 1L),
          fiscalYear == null ? null : fiscalYear.longValue(), new Decision("YEAR_STOPPED",
          "始めていた" + (fiscalYear == null ? "" : fiscalYear + "年度") + "の準備を止めた", reason,
          improvement.decidedBy(), now)), SourceKey.of(execution) + ":" + running);
    }
  }
}
