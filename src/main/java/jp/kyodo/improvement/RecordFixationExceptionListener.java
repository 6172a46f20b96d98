package jp.kyodo.improvement;

import static jp.kyodo.improvement.ImprovementProcess.*;

import jp.kyodo.improvement.ImprovementChoices.Decision;
import jp.kyodo.project.FixationException;
import jp.kyodo.project.FixationExceptions;
import jp.kyodo.project.Project;
import jp.kyodo.registry.OrganisationRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The manager's answer when the department asked to continue with a partner that has become fixed (千葉 ②), kept
 * with its reason, who and when ({@link FixationExceptions}). Allowed, the department's "continue" stands. Not
 * allowed, the rule's answer is taken — the call is reopened — and that becomes the improvement's decision, the
 * manager's, with the manager's reason, so the project's record says who reopened the call and why.
 */
@Component("recordFixationException")
public class RecordFixationExceptionListener implements TaskListener {

  static final String PHASE = "IMPROVEMENT";

  private final OrganisationRepository registry;

  public RecordFixationExceptionListener(OrganisationRepository registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    FixationException answer = FixationExceptions.record(task, registry, Project.PARTNER_GROUP.get(task), PHASE,
        Math.toIntExact(NEXT_FISCAL_YEAR.get(task)), Math.toIntExact(CONSECUTIVE_YEARS.get(task)));
    if (answer == FixationException.EXCEPTION_REFUSED) {
      DECISION_VARIABLES.write(task, jp.kyodo.platform.Decision.now(Decision.RECALL.code(), Decision.RECALL.label(),
          "パートナーの固定化の例外を認めない（千葉県 協働推進マニュアル②）: " + Project.FIXATION_EXCEPTION_REASON.get(task),
          task));
    }
  }
}
