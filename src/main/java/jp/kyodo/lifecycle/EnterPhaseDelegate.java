package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import jp.kyodo.examination.ExaminationChoices.CalendarPattern;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.DelegateInputs;
import jp.kyodo.project.Project;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The project enters a phase (input {@code phaseToEnter}): the phase and its due date by the yearly calendar
 * (DMN {@code phase-due-date}, 旭川 Q52, see {@link PhaseDueDateRule}) become readable variables — the due date
 * is passed into the phase, whose tasks carry it, and the lifecycle's timer escalates after it — and
 * {@code kyodo_project} is brought up to date. Entering ① 事業の検討 starts a new round (1, then one more after
 * each 見直し).
 */
@Component("enterPhase")
@DelegateInputs("phaseToEnter")
public class EnterPhaseDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final PhaseDueDateRule rule;

  public EnterPhaseDelegate(ProjectRepository projects, PhaseDueDateRule rule) {
    this.projects = projects;
    this.rule = rule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = PHASE_TO_ENTER.get(execution);
    Phase phase = Phase.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown phase '" + code + "'"));
    long round = ROUND.getOrDefault(execution, 0L);
    if (phase == Phase.EXAMINATION) {
      round++;
      ROUND.set(execution, round);
    }
    Instant now = CityCalendar.now();
    String pattern = Project.CALENDAR_PATTERN.get(execution);
    Long fiscalYear = Project.FISCAL_YEAR.get(execution);
    PhaseDueDateRule.Due due = rule.due(phase, pattern, fiscalYear, now, calendar(execution));
    PHASE.set(execution, phase.name());
    PHASE_LABEL.set(execution, phase.label());
    PHASE_STARTED_AT.set(execution, Date.from(now));
    PHASE_DUE_DATE.set(execution, due.at());
    PHASE_DUE_RULE.set(execution, due.rule());
    PHASE_OVERDUE.set(execution, false);
    CHOSEN_FORM_LABEL.set(execution, CollaborationForm.describe(Project.CHOSEN_FORM.get(execution),
        Project.OTHER_FORM_DESCRIPTION.get(execution)));
    CALENDAR_PATTERN_LABEL.set(execution, pattern == null ? null : CalendarPattern.valueOf(pattern).label());
    projects.enterPhase(Project.PROJECT_NUMBER.get(execution), ProjectRecord.Facts.of(execution),
        new ProjectRecord.PhaseEntry(phase,
        Math.toIntExact(round), fiscalYear == null ? null : Math.toIntExact(fiscalYear), now, due.at().toInstant()), now);
  }

  /**
   * The calendar table, evaluated for the rule and not as the user: whoever's action moves the project on
   * needs the answer whether or not they may open decision definitions themselves.
   */
  static PhaseDueDateRule.Calendar calendar(DelegateExecution execution) {
    return (pattern, step) -> {
      DmnDecisionTableResult result = Privileged.run(() ->
          execution.getProcessEngineServices().getDecisionService().evaluateDecisionTableByKey(
              Decisions.PHASE_DUE_DATE,
              Variables.createVariables().putValue(Project.CALENDAR_PATTERN.name(), pattern)
                  .putValue(PHASE.name(), step)));
      return result.isEmpty() ? Optional.empty()
          : Optional.of(PhaseDueDateRule.CalendarEntry.of(result.getSingleResult().getEntryMap()));
    };
  }
}
