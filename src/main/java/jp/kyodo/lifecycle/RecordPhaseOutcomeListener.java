package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When a phase has ended (the end of its call activity, after its outputs came back): what it decided, why, who
 * and when joins the project's decisions; an evaluation's grade becomes the project's latest grade; the project's
 * department, partner, form and domain as the phase left them are written to {@code kyodo_project} (so a
 * department sees a citizen proposal it was given as soon as ① has ended). A phase that
 * is cancelled (the instance deleted) decided nothing and is not recorded.
 */
@Component("recordPhaseOutcome")
public class RecordPhaseOutcomeListener implements ExecutionListener {

  private final ProjectRepository projects;

  public RecordPhaseOutcomeListener(ProjectRepository projects) {
    this.projects = projects;
  }

  /**
   * A manager's answer on partner fixation (千葉 ②), taken inside ② or ⑥, is a decision of the project of its own
   * — after the phase's, once per phase: the variables are cleared when recorded, so a later phase does not repeat it.
   */
  private void recordFixationException(DelegateExecution execution, Phase phase) {
    if (phase != Phase.SELECTION && phase != Phase.IMPROVEMENT || Project.FIXATION_EXCEPTION.get(execution) == null) {
      return;
    }
    java.util.Date at = Project.FIXATION_EXCEPTION_DECIDED_AT.get(execution);
    jp.kyodo.platform.Decision answer = new jp.kyodo.platform.Decision(Project.FIXATION_EXCEPTION.get(execution),
        Project.FIXATION_EXCEPTION_LABEL.get(execution), Project.FIXATION_EXCEPTION_REASON.get(execution),
        Project.FIXATION_EXCEPTION_DECIDED_BY.get(execution),
        at == null ? jp.kyodo.platform.CityCalendar.now() : at.toInstant());
    ProjectDecisions.record(execution, projects, new ProjectDecision(phase, ROUND.getOrDefault(execution, 1L),
        Project.FISCAL_YEAR.get(execution), answer), jp.kyodo.platform.SourceKey.of(execution) + ":fixation");
    Project.FIXATION_EXCEPTION.set(execution, null);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Phase phase = Phase.ofCallActivity(execution.getCurrentActivityId()).orElseThrow(() -> new IllegalStateException(
        "recordPhaseOutcome is meant for the phases' call activities, not " + execution.getCurrentActivityId()));
    ProjectDecision decision = phase.decided(execution, ROUND.getOrDefault(execution, 1L),
        Project.FISCAL_YEAR.get(execution));
    projects.update(Project.PROJECT_NUMBER.get(execution), ProjectRecord.Facts.of(execution),
        decision.decision().decidedAt());
    ProjectDecisions.record(execution, projects, decision);
    recordFixationException(execution, phase);
    // A phase that has ended is no longer late; the next one (perhaps in a year's own instance) has its own date.
    PHASE_OVERDUE.set(execution, false);
    if (phase == Phase.EVALUATION) {
      LATEST_GRADE.set(execution, decision.decision().outcome());
    }
  }
}
