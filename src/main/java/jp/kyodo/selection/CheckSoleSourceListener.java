package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.project.Project;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A sole source (特定の団体, 旭川 Q45) may name only an organisation that is registered now. One that has held the
 * department's collaboration for the city's limit of years in a row (千葉県 マニュアル ②) is refused, as it always
 * was, unless the department asks a manager for an exception with its reason ({@code fixationExceptionRequest}):
 * the guideline asks to take care that partners do not become fixed, it does not forbid, so a manager first decides
 * whether to allow it or to choose by a public call ({@code fixationExceptionNeeded}). Checked when the department
 * completes its choice, against the registry as it is at that moment.
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
    boolean requested = SelectionForms.hasText(Project.FIXATION_EXCEPTION_REQUEST, task);
    boolean needed = false;
    if (SelectionForms.soleSource(task)) {
      String id = SOLE_SOURCE_ORGANISATION.get(task);
      Organisation organisation = registry.find(id).filter(Organisation::mayApply).orElseThrow(() ->
          new InvalidInputException("「選定する団体」は団体登録が済んでいる団体から選んでください。"));
      String department = DEPARTMENT_GROUP.get(task);
      int years = fixation.consecutiveYearsBefore(id, department, FISCAL_YEAR.get(task).intValue());
      if (years >= fixation.years()) {
        String held = organisation.name() + "はこの課の協働事業を" + years + "年度続けて担っています";
        if (!requested) {
          throw new InvalidInputException(held + "。課長が例外と認めない限り、特定の団体として選ぶことはできません"
              + "（パートナーの固定化の防止、千葉県 協働推進マニュアル ②）。公募で選定するか、"
              + "「固定化の例外を課長に求める理由」を書いてください。");
        }
        String earlier = fixation.earlierExceptions(id, department);
        FIXATION_NOTICE.set(task, held + "（市の定める目安は" + fixation.years() + "年度、千葉県 協働推進マニュアル ②）。"
            + "特定の団体として選ぶには、課長が理由を記録して例外と認める必要があります。認めない場合は公募で選定します。"
            + (earlier == null ? "" : earlier));
        needed = true;
      }
    }
    Project.FIXATION_EXCEPTION_NEEDED.set(task, needed);
    if (!needed && requested) {
      // Nothing was asked of a manager: the record must not show a request that led nowhere.
      Project.FIXATION_EXCEPTION_REQUEST.set(task, null);
    }
  }
}
