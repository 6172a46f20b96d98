package jp.kyodo.registry;

import static jp.kyodo.registry.RegistrationProcess.*;

import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the coordinator's decision into the registry with reason, who and when. A registered
 * organisation becomes a Camunda group of type organisation with its members, so tasks can be
 * routed to it and to nobody else.
 */
@Component("recordRegistrationDecision")
public class RecordRegistrationDecisionDelegate implements JavaDelegate {

  private final OrganisationRepository registry;
  private final RegistrationResults results;

  public RecordRegistrationDecisionDelegate(OrganisationRepository registry, RegistrationResults results) {
    this.registry = registry;
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = ORGANISATION_ID.get(execution);
    String decidedBy = Actors.currentOrSystem(execution);
    boolean register = Decision.REGISTER.code().equals(DECISION.get(execution));
    registry.decide(id, register ? RegistrationStatus.REGISTERED : RegistrationStatus.REFUSED, REASON.get(execution),
        decidedBy);
    results.decided(execution, registry.find(id).orElseThrow(), register, REASON.get(execution), decidedBy);
    if (register) {
      Organisation organisation = registry.find(id).orElseThrow();
      KyodoGroups.ensureOrganisationGroup(execution.getProcessEngineServices().getIdentityService(), id,
          organisation.name(), organisation.members());
    }
  }
}
