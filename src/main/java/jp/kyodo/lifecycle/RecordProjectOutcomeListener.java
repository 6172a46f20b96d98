package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At every end of the lifecycle: how the project ended, with the reason, who decided and when, taken from the
 * phase whose decision ended it, as variables Cockpit shows and in {@code kyodo_project} (status CLOSED).
 */
@Component("recordProjectOutcome")
public class RecordProjectOutcomeListener implements ExecutionListener {

  private final ProjectRepository projects;

  public RecordProjectOutcomeListener(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ProjectOutcome outcome = Decision.Outcome.atEndEvent(ProjectOutcome.class, execution.getCurrentActivityId());
    PROJECT_STATUS.set(execution, ProjectRecord.CLOSED);
    PROJECT_OUTCOME_VARIABLES.write(execution, outcome.decided(execution));
    PHASE_OVERDUE.set(execution, false);
    projects.close(Project.PROJECT_NUMBER.get(execution), outcome, CityCalendar.now());
  }
}
