package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.project.FixationException;
import jp.kyodo.project.FixationExceptions;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The manager's answer on naming, without a call, an organisation that has become the department's fixed partner
 * (千葉 ②), kept with its reason, who and when ({@link FixationExceptions}). Allowed, the sole source goes on to its
 * ordinary approval (旭川 Q45 is a question of its own). Not allowed, the partner is chosen by a public call, and
 * the selection's method says so.
 */
@Component("recordSoleSourceFixationException")
public class RecordSoleSourceFixationExceptionListener implements TaskListener {

  static final String PHASE = "SELECTION";

  private final OrganisationRepository registry;
  private final PartnerFixation fixation;

  public RecordSoleSourceFixationExceptionListener(OrganisationRepository registry, PartnerFixation fixation) {
    this.registry = registry;
    this.fixation = fixation;
  }

  @Override
  public void notify(DelegateTask task) {
    String organisation = SOLE_SOURCE_ORGANISATION.get(task);
    int fiscalYear = FISCAL_YEAR.get(task).intValue();
    int years = fixation.consecutiveYearsBefore(organisation, DEPARTMENT_GROUP.get(task), fiscalYear);
    if (FixationExceptions.record(task, registry, organisation, PHASE, fiscalYear, years)
        == FixationException.EXCEPTION_REFUSED) {
      METHOD.set(task, Method.PUBLIC_CALL.code());
    }
  }
}
