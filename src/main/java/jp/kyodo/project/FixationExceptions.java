package jp.kyodo.project;

import jp.kyodo.platform.Decision;
import jp.kyodo.registry.FixationExceptionRecord;
import jp.kyodo.registry.OrganisationRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A manager's answer on a fixation exception (千葉 ②), kept where both ② and ⑥ keep it: as a decision in the
 * {@code fixationException…} variables (who, when, why), which the calling lifecycle can add to the project's
 * decisions, and in the registry beside the partnership history ({@code kyodo_fixation_exception}), where the next
 * manager asked about the same partner and department finds it.
 */
public final class FixationExceptions {

  private FixationExceptions() {}

  /**
   * Records the answer given on the manager's task, for the partner that would hold the department's collaboration
   * in {@code fiscalYear} after {@code consecutiveYears} in a row; {@code phase} is SELECTION or IMPROVEMENT.
   */
  public static FixationException record(DelegateTask task, OrganisationRepository registry, String organisationId,
      String phase, int fiscalYear, int consecutiveYears) {
    FixationException answer = FixationException.valueOf(Project.FIXATION_EXCEPTION.get(task));
    Decision decision = Decision.now(answer.code(), answer.decisionLabel(), Project.FIXATION_EXCEPTION_REASON.get(task),
        task);
    Project.FIXATION_EXCEPTION_DECISION.write(task, decision);
    registry.recordFixationException(new FixationExceptionRecord(task.getId(), organisationId,
        Project.DEPARTMENT_GROUP.get(task), Project.PROJECT_NUMBER.get(task), fiscalYear, consecutiveYears, phase,
        answer == FixationException.EXCEPTION_ALLOWED, Project.FIXATION_EXCEPTION_REQUEST.get(task),
        decision.reason(), decision.decidedBy(), decision.decidedAt(), task.getProcessInstanceId()));
    return answer;
  }
}
