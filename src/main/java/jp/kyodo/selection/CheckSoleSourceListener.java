package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A sole source (特定の団体, 旭川 Q45) may name only an organisation that is registered now, and never
 * one that has held the department's collaboration for the fixation limit in a row (千葉県 マニュアル ②):
 * then the call must be reopened. Checked when the department completes its choice, against the
 * registry as it is at that moment.
 */
@Component("checkSoleSource")
public class CheckSoleSourceListener implements TaskListener {

  private final OrganisationRepository registry;
  private final PartnerFixation fixation;

  public CheckSoleSourceListener(OrganisationRepository registry, PartnerFixation fixation) {
    this.registry = registry;
    this.fixation = fixation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!SelectionForms.soleSource(task)) {
      return;
    }
    String id = SOLE_SOURCE_ORGANISATION.get(task);
    Organisation organisation = registry.find(id).filter(Organisation::mayApply).orElseThrow(() ->
        new InvalidInputException("「選定する団体」は団体登録が済んでいる団体から選んでください。"));
    String department = DEPARTMENT_GROUP.get(task);
    int fiscalYear = FISCAL_YEAR.get(task).intValue();
    int years = fixation.consecutiveYearsBefore(id, department, fiscalYear);
    if (years >= fixation.years()) {
      throw new InvalidInputException(organisation.name() + "はこの課の協働事業を" + years + "年度続けて担っているため、"
          + "特定の団体として選ぶことはできません（パートナーの固定化の防止、千葉県 協働推進マニュアル ②）。公募で選定してください。");
    }
  }
}
