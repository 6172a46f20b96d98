package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * <p>The one answer covers every organisation of the sole source that would be fixed — the partner, the co-partners
 * named with it (「共に担う団体」, 旭川 Q71), or both — and is kept for each of them, since each counts its own years.
 * Not allowed, the co-partners go with the sole source: a public call's co-partners are the manager's to add when
 * approving its selection.
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
    String department = DEPARTMENT_GROUP.get(task);
    int fiscalYear = FISCAL_YEAR.get(task).intValue();
    int years = fixation.consecutiveYearsBefore(organisation, department, fiscalYear);
    Map<String, Integer> fixed = new LinkedHashMap<>();
    if (years >= fixation.years()) {
      fixed.put(organisation, years);
    }
    for (CoPartnerChoice.Slot slot : CoPartnerChoice.chosen(task)) {
      int run = fixation.consecutiveYearsBefore(slot.organisationId(), department, fiscalYear);
      if (run >= fixation.years()) {
        fixed.putIfAbsent(slot.organisationId(), run);
      }
    }
    if (fixed.isEmpty()) {
      // Asked about the partner as it stood when the department chose; the answer is kept against it as before.
      fixed.put(organisation, years);
    }
    if (FixationExceptions.record(task, registry, fixed, PHASE, fiscalYear) == FixationException.EXCEPTION_REFUSED) {
      METHOD.set(task, Method.PUBLIC_CALL.code());
      CoPartnerChoice.clear(task);
    }
  }
}
