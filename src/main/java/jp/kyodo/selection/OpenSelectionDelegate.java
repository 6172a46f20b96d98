package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Opens the selection record and prepares the choices: the owning department (the starter's, unless
 * the lifecycle passed it in), the registered organisations a sole source may name — each marked
 * when it has held the department's collaboration too long in a row (千葉県 マニュアル ②) — and the
 * members of the selection committee (審査委員).
 */
@Component("openSelection")
public class OpenSelectionDelegate implements JavaDelegate {

  static final int MAX_ORGANISATIONS = 200;

  private final SelectionRepository records;
  private final OrganisationRepository registry;
  private final PartnerFixation fixation;

  public OpenSelectionDelegate(SelectionRepository records, OrganisationRepository registry, PartnerFixation fixation) {
    this.records = records;
    this.registry = registry;
    this.fixation = fixation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    if (DEPARTMENT_GROUP.get(execution) == null) {
      Group department = departmentOf(identity, INITIATOR.get(execution));
      DEPARTMENT_GROUP.set(execution, department.getId());
      DEPARTMENT_NAME.set(execution, department.getName());
    } else if (DEPARTMENT_NAME.get(execution) == null) {
      DEPARTMENT_NAME.set(execution, KyodoGroups.group(identity, DEPARTMENT_GROUP.get(execution)).getName());
    }
    String department = DEPARTMENT_GROUP.get(execution);
    int fiscalYear = FISCAL_YEAR.get(execution).intValue();
    SELECTION_NUMBER.set(execution, records.openSelection(execution.getProcessInstanceId(),
        PROJECT_NUMBER.get(execution), TITLE.get(execution), department, fiscalYear));

    Map<String, String> organisations = new LinkedHashMap<>();
    List<String> fixed = new ArrayList<>();
    for (Organisation organisation : registry.list(RegistrationStatus.REGISTERED, 0, MAX_ORGANISATIONS)) {
      int years = fixation.consecutiveYearsBefore(organisation.id(), department, fiscalYear);
      if (years >= fixation.years()) {
        fixed.add(organisation.name() + "（" + years + "年度連続）");
        organisations.put(organisation.id(), organisation.name() + "（固定化に注意: 特定の団体とするには課長の例外判断が要ります）");
      } else {
        organisations.put(organisation.id(), organisation.name());
      }
    }
    execution.setVariable(ORGANISATION_OPTIONS, Options.json(organisations));
    FIXATION_NOTICE.set(execution, fixed.isEmpty()
        ? "この課の協働事業を続けて担っている団体のうち、固定化の注意が必要な団体はありません。"
        : "次の団体はこの課の協働事業を" + fixation.years() + "年度以上続けて担っています。公募で選定するのが原則です。特定の団体として"
            + "選ぶには「固定化の例外を課長に求める理由」を書き、課長が例外とするかを判断します（千葉県 協働推進マニュアル ②）: "
            + String.join("、", fixed));

    Map<String, String> reviewers = new LinkedHashMap<>();
    for (User user : KyodoGroups.membersOf(identity, KyodoGroups.REVIEWERS)) {
      reviewers.put(user.getId(), Actors.fullName(user));
    }
    execution.setVariable(REVIEWER_OPTIONS, Options.json(reviewers));
  }

  static Group departmentOf(IdentityService identity, String userId) {
    List<Group> departments = userId == null ? List.of()
        : KyodoGroups.groupsOfType(identity, userId, KyodoGroups.TYPE_DEPARTMENT);
    if (departments.size() != 1) {
      throw new InvalidInputException("パートナーの選定を始められるのは、一つの担当課に所属する職員です"
          + (departments.isEmpty() ? "（所属する担当課が見つかりません）。" : "（複数の担当課に所属しています）。"));
    }
    return departments.get(0);
  }
}
