package jp.kyodo.project;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
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
    return record(task, registry, Map.of(organisationId, consecutiveYears), phase, fiscalYear);
  }

  /**
   * The same, when one answer covers several organisations that would each be fixed — the partner and the
   * organisations chosen to hold the project with it (「共に担う団体」, 旭川 Q71), each counted on its own (千葉 ②):
   * one decision in the variables, one registry row per organisation, so each organisation's next notice quotes it.
   * {@code consecutiveYears} maps each organisation to its run, in the order they were chosen (a LinkedHashMap). The first row's id is the task's, as
   * for a single organisation; each further row's is derived from the task's and the organisation's, so that a step
   * run again writes nothing new.
   */
  public static FixationException record(DelegateTask task, OrganisationRepository registry,
      Map<String, Integer> consecutiveYears, String phase, int fiscalYear) {
    FixationException answer = FixationException.valueOf(Project.FIXATION_EXCEPTION.get(task));
    Decision decision = Decision.now(answer.code(), answer.decisionLabel(), Project.FIXATION_EXCEPTION_REASON.get(task),
        task);
    Project.FIXATION_EXCEPTION_DECISION.write(task, decision);
    boolean first = true;
    for (Map.Entry<String, Integer> held : consecutiveYears.entrySet()) {
      String id = first ? task.getId()
          : UUID.nameUUIDFromBytes((task.getId() + "/" + held.getKey()).getBytes(StandardCharsets.UTF_8)).toString();
      first = false;
      registry.recordFixationException(new FixationExceptionRecord(id, held.getKey(),
          Project.DEPARTMENT_GROUP.get(task), Project.PROJECT_NUMBER.get(task), fiscalYear, held.getValue(), phase,
          answer == FixationException.EXCEPTION_ALLOWED, Project.FIXATION_EXCEPTION_REQUEST.get(task),
          decision.reason(), decision.decidedBy(), decision.decidedAt(), task.getProcessInstanceId()));
    }
    return answer;
  }
}
