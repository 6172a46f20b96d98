package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionRepository.Application;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows one application on the task that handles it (screening, scoring), with the applicant's
 * registry entry (activity record, financial state) for the eligibility check. The values live on the
 * task only: a reviewer's task shows the application it is about and no other.
 */
@Component("showApplication")
public class ShowApplicationListener implements TaskListener {

  private final SelectionRepository records;
  private final OrganisationRepository registry;

  public ShowApplicationListener(SelectionRepository records, OrganisationRepository registry) {
    this.records = records;
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    Application application = records.application(APPLICATION_ID.get(task)).orElseThrow(() ->
        new IllegalStateException("no application " + APPLICATION_ID.get(task)));
    Organisation organisation = registry.find(application.organisationId()).orElseThrow();
    task.setVariableLocal(APPLICANT_NAME.name(), organisation.name());
    task.setVariableLocal(APPLICANT_TYPE.name(), organisation.type().label());
    task.setVariableLocal(APPLICANT_RECORD.name(), organisation.activityRecord());
    task.setVariableLocal(APPLICANT_FINANCES.name(), organisation.financialState());
    task.setVariableLocal(PROPOSAL_TITLE.name(), application.proposalTitle());
    task.setVariableLocal(PROPOSAL.name(), application.proposal());
    task.setVariableLocal(BUDGET_PLAN.name(), application.budgetPlan());
    task.setName(task.getName() + "（" + organisation.name() + "）");
  }
}
