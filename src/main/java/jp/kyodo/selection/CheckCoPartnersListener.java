package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.project.FixationException;
import jp.kyodo.project.FixationExceptions;
import jp.kyodo.project.Project;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The co-partners (「共に担う団体」, 旭川 Q71) a manager adds when approving a public call's selection. They did not
 * compete in the call: joining without one is a manager's decision with a written reason (旭川 Q45), which is why
 * they are added here and not by the committee. Each must be registered now and not be the selected applicant's
 * organisation. One that has held the department's collaboration for the city's limit of years in a row (千葉 ②,
 * each organisation counted on its own) is refused like a fixed sole source, unless the manager sets the rule aside
 * by writing why ({@code coPartnerFixationExceptionReason}): that is the manager's fixation exception, kept as one
 * (who, when, why; in the registry for each organisation) like the one asked in a sole source. Sent back, the
 * selection takes no co-partners: the manager adds them to the committee's next proposal.
 */
@Component("checkCoPartners")
public class CheckCoPartnersListener implements TaskListener {

  static final String PHASE = RecordSoleSourceFixationExceptionListener.PHASE;

  private final SelectionRepository records;
  private final OrganisationRepository registry;
  private final PartnerFixation fixation;

  public CheckCoPartnersListener(SelectionRepository records, OrganisationRepository registry, PartnerFixation fixation) {
    this.records = records;
    this.registry = registry;
    this.fixation = fixation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!SelectionForms.approving(task)) {
      CoPartnerChoice.clear(task);
      return;
    }
    String partner = records.application(SELECTED_APPLICATION.get(task)).orElseThrow().organisationId();
    int fiscalYear = FISCAL_YEAR.get(task).intValue();
    Map<String, Integer> fixed = CoPartnerChoice.checkAgainstRegistry(task, partner, registry, fixation, fiscalYear);
    boolean excepted = SelectionForms.hasText(CO_PARTNER_FIXATION_REASON, task);
    if (fixed.isEmpty()) {
      if (excepted) {
        // No organisation needed the exception: the record must not show one that set nothing aside.
        CO_PARTNER_FIXATION_REASON.set(task, null);
      }
      return;
    }
    if (!excepted) {
      List<String> problems = new ArrayList<>();
      fixed.forEach((organisation, years) -> problems.add(CoPartnerChoice.held(registry, organisation, years, true)
          + "。公募によらず共に担う団体とするには、課長が固定化の例外とする理由を「固定化の例外とする理由」に書いてください"
          + "（パートナーの固定化の防止、千葉県 協働推進マニュアル ②）。例外としない場合は、その団体を外してください。"));
      throw new InvalidInputException(problems);
    }
    Project.FIXATION_EXCEPTION.set(task, FixationException.EXCEPTION_ALLOWED.code());
    Project.FIXATION_EXCEPTION_REASON.set(task, CO_PARTNER_FIXATION_REASON.get(task));
    // The manager set the rule aside unasked: no department's request goes with this answer.
    if (Project.FIXATION_EXCEPTION_REQUEST.get(task) != null) {
      Project.FIXATION_EXCEPTION_REQUEST.set(task, null);
    }
    FixationExceptions.record(task, registry, fixed, PHASE, fiscalYear);
  }
}
