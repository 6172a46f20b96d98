package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.project.CoPartners;
import jp.kyodo.project.CoPartners.CoPartner;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.Partnership;
import jp.kyodo.selection.SelectionRepository.Application;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes the approved choice the project's partner: the organisation's group becomes the project's
 * {@code partnerGroup}, so its partner users — with the co-partners' — work the partner's tasks from now on.
 * The fiscal year is entered in the organisation's history for this project (the basis of the fixation rule), and
 * for a call every eligible application gets its result. The co-partners approved with the choice (「共に担う団体」)
 * are handed on beside the partner: {@code coPartners} (names and roles, JSON) and {@code coPartnerGroups} (group ids,
 * comma-separated, empty when none).
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
    recordYear(execution, organisation.id());

    // 旭川 Q71: the co-partners approved with the choice hold the project with the partner. Their groups are made
    // sure of like the partner's, so their members get the partner tasks (CoPartners.JOIN_PARTNER_TASKS), and each
    // one's year enters its own history, which the fixation rule counts per organisation (千葉 ②).
    List<CoPartner> coPartners = new ArrayList<>();
    for (CoPartnerChoice.Slot slot : CoPartnerChoice.chosen(execution)) {
      Organisation coPartner = registry.find(slot.organisationId()).orElseThrow();
      KyodoGroups.ensureOrganisationGroup(execution.getProcessEngineServices().getIdentityService(), coPartner.id(),
          coPartner.name(), coPartner.members());
      recordYear(execution, coPartner.id());
      coPartners.add(new CoPartner(coPartner.id(), coPartner.name(), slot.role()));
    }
    CoPartners.write(execution, coPartners);
  }

  private void recordYear(DelegateExecution execution, String organisationId) {
    registry.recordPartnership(new Partnership(organisationId, DEPARTMENT_GROUP.get(execution),
        PROJECT_NUMBER.get(execution), TITLE.get(execution), FISCAL_YEAR.get(execution).intValue(),
        execution.getProcessInstanceId()));
  }
}
