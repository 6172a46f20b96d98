package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * <p>The co-partners named with it (「共に担う団体」, 旭川 Q71) are chosen without a call as well, so the same holds
 * for each of them, counted on its own: registered now, and not fixed unless the manager's one exception covers it.
 * A public call takes no co-partners here (the manager adds them when approving its selection): slots left from an
 * earlier sole source are emptied.
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
      int fiscalYear = FISCAL_YEAR.get(task).intValue();
      int years = fixation.consecutiveYearsBefore(id, department, fiscalYear);
      Map<String, Integer> fixedCoPartners = CoPartnerChoice.checkAgainstRegistry(task, id, registry, fixation,
          fiscalYear);
      List<String> held = new ArrayList<>();
      if (years >= fixation.years()) {
        held.add(organisation.name() + "はこの課の協働事業を" + years + "年度続けて担っています");
      }
      fixedCoPartners.forEach((coPartner, run) -> held.add(CoPartnerChoice.held(registry, coPartner, run, true)));
      if (!held.isEmpty()) {
        if (!requested) {
          List<String> problems = new ArrayList<>();
          if (years >= fixation.years()) {
            problems.add(held.get(0) + "。課長が例外と認めない限り、特定の団体として選ぶことはできません"
                + "（パートナーの固定化の防止、千葉県 協働推進マニュアル ②）。公募で選定するか、"
                + "「固定化の例外を課長に求める理由」を書いてください。");
          }
          fixedCoPartners.forEach((coPartner, run) -> problems.add(CoPartnerChoice.held(registry, coPartner, run, true)
              + "。課長が例外と認めない限り、公募によらず共に担う団体とすることはできません（パートナーの固定化の防止、"
              + "千葉県 協働推進マニュアル ②）。その団体を外すか、「固定化の例外を課長に求める理由」を書いてください。"));
          throw new InvalidInputException(problems);
        }
        Set<String> earlier = new LinkedHashSet<>();
        if (years >= fixation.years()) {
          addIfAny(earlier, fixation.earlierExceptions(id, department));
        }
        fixedCoPartners.keySet().forEach(coPartner -> addIfAny(earlier, fixation.earlierExceptions(coPartner, department)));
        FIXATION_NOTICE.set(task, String.join("。", held) + "（市の定める目安は" + fixation.years()
            + "年度、千葉県 協働推進マニュアル ②）。"
            + (fixedCoPartners.isEmpty() ? "特定の団体として選ぶには" : "公募によらず選ぶには（共に担う団体も同じです）")
            + "、課長が理由を記録して例外と認める必要があります。認めない場合は公募で選定します。"
            + String.join("", earlier));
        needed = true;
      }
    } else {
      CoPartnerChoice.clear(task);
    }
    Project.FIXATION_EXCEPTION_NEEDED.set(task, needed);
    if (!needed && requested) {
      // Nothing was asked of a manager: the record must not show a request that led nowhere.
      Project.FIXATION_EXCEPTION_REQUEST.set(task, null);
    }
  }

  private static void addIfAny(Set<String> into, String text) {
    if (text != null) {
      into.add(text);
    }
  }
}
