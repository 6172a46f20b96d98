package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.Partnership;
import jp.kyodo.selection.SelectionRepository.Application;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes the approved choice the project's partner: the organisation's group becomes the project's
 * {@code partnerGroup}, so its partner users — and only they — work the partner's tasks from now on.
 * The fiscal year is entered in the organisation's history for this project (the basis of the fixation rule), and
 * for a call every eligible application gets its result.
 */
@Component("recordSelection")
public class RecordSelectionDelegate implements JavaDelegate {

  private final SelectionRepository records;
  private final OrganisationRepository registry;

  public RecordSelectionDelegate(SelectionRepository records, OrganisationRepository registry) {
    this.records = records;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String organisationId;
    if (Method.SOLE_SOURCE.code().equals(METHOD.get(execution))) {
      organisationId = SOLE_SOURCE_ORGANISATION.get(execution);
      PROPOSED_BY.set(execution, Actors.completedLast(execution, Elements.CHOOSE_METHOD));
    } else {
      Application application = records.application(SELECTED_APPLICATION.get(execution)).orElseThrow();
      organisationId = application.organisationId();
      records.recordResults(application.callNumber(), application.applicationId());
      PROPOSED_BY.set(execution, Actors.completedLast(execution, Elements.PROPOSE));
    }
    Organisation organisation = registry.find(organisationId).orElseThrow();
    KyodoGroups.ensureOrganisationGroup(execution.getProcessEngineServices().getIdentityService(), organisation.id(),
        organisation.name(), organisation.members());
    PARTNER_GROUP.set(execution, organisation.id());
    PARTNER_NAME.set(execution, organisation.name());
    records.recordPartnershipHolder(SELECTION_NUMBER.get(execution), organisation.id());
    registry.recordPartnership(new Partnership(organisation.id(), DEPARTMENT_GROUP.get(execution),
        PROJECT_NUMBER.get(execution), TITLE.get(execution), FISCAL_YEAR.get(execution).intValue(),
        execution.getProcessInstanceId()));
  }
}
