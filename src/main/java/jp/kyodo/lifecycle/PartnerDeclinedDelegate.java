package jp.kyodo.lifecycle;

import jp.kyodo.project.Project;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The chosen group declined the agreement in ③ (its reason is ③'s record and the project's decision): it is no
 * longer the year's partner, and ② starts again — a new call, or another group — as for a selection without a
 * partner (旭川 Q44), and the year is not counted as held by the group that declined. The approved budget stays: it
 * belongs to the project, not to the group.
 */
@Component("partnerDeclined")
public class PartnerDeclinedDelegate implements JavaDelegate {

  private final OrganisationRepository registry;

  public PartnerDeclinedDelegate(OrganisationRepository registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The group that declined did not hold the project this year: its fixation history (千葉 ②) forgets the year.
    String declined = Project.PARTNER_GROUP.get(execution);
    Long fiscalYear = Project.FISCAL_YEAR.get(execution);
    if (declined != null && fiscalYear != null) {
      registry.forgetPartnership(declined, Project.PROJECT_NUMBER.get(execution), Math.toIntExact(fiscalYear));
    }
    Project.PARTNER_GROUP.set(execution, null);
    Project.PARTNER_NAME.set(execution, null);
    execution.setVariable(Project.CO_PARTNERS, null);
    Project.CO_PARTNER_GROUPS.set(execution, null);
    SelectionProcess.SELECTION_NUMBER.set(execution, null);
    SelectionProcess.DECISION_VARIABLES.write(execution, new jp.kyodo.platform.Decision(null, null, null, null, null));
    FiscalYearProcess.AGREEMENT_OUTCOME.set(execution, null);
  }
}
