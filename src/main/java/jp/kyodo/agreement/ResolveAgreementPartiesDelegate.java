package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.project.SelectionResult;
import jp.kyodo.project.SelectionResultRepository;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who the agreement is between. Called by the lifecycle, the department and the partner come in with
 * the project; started from Tasklist, the department is the starting clerk's own (like a 課題提案) and
 * the partner is the one ② chose for the project's year — there is no way around the selection. Main and deputy
 * staff are chosen from the department's members unless they came in already: a project is never one person's
 * (旭川 Q57).
 */
@Component("resolveAgreementParties")
public class ResolveAgreementPartiesDelegate implements JavaDelegate {

  private final OrganisationRepository registry;
  private final AgreementRepository agreements;
  private final SelectionResultRepository selections;
  private final PartnerFixation fixation;

  public ResolveAgreementPartiesDelegate(OrganisationRepository registry, AgreementRepository agreements,
      SelectionResultRepository selections, PartnerFixation fixation) {
    this.registry = registry;
    this.agreements = agreements;
    this.selections = selections;
    this.fixation = fixation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    resolveDepartment(execution, identity);
    // Called by the lifecycle, ② ran in the project before; started on its own, ③ must show that it did.
    boolean onItsOwn = execution.getProcessInstance().getSuperExecution() == null;
    if (onItsOwn) {
      takeThePartnerTheSelectionChose(execution);
    }
    String project = PROJECT_NUMBER.get(execution);
    if (project != null && agreements.existsForProjectYear(project, FISCAL_YEAR.get(execution).intValue())) {
      throw new InvalidInputException("事業番号「" + project + "」の" + FISCAL_YEAR.get(execution)
          + "年度の協定は既にあります。協定は年度ごとに一つです（旭川 Q31）。");
    }
    resolvePartnerAndStaff(execution, identity);
  }

  /**
   * No way around ②: an agreement started on its own needs a selection that chose the partner for the department's
   * project and fiscal year — by a public call, or a sole source a manager approved (関市 ルール4 2(2)、旭川 Q43, Q45) —
   * and takes that partner, which the department can no longer change. The selection is the one named in the start
   * form, or else the one decided for the project's year. A sole source is checked against the fixation rule again
   * (千葉県 協働推進マニュアル ②): the registry may have learnt more years since ② approved it.
   */
  private void takeThePartnerTheSelectionChose(DelegateExecution execution) {
    int fiscalYear = FISCAL_YEAR.get(execution).intValue();
    String department = DEPARTMENT_GROUP.get(execution);
    String number = SELECTION_NUMBER.get(execution);
    String project = PROJECT_NUMBER.get(execution);
    String needed = "③ 協定・契約は、② パートナーの選定で協働パートナーが決まってから始めます（公募で選定した、または特定の団体の選定が"
        + "決裁された選定。関市 ルール4、旭川 Q43・Q45）。";
    SelectionResult selection;
    if (number != null) {
      selection = selections.find(number).orElseThrow(() -> new InvalidInputException(
          "選定番号「" + number + "」の選定はありません。" + needed));
    } else if (project != null) {
      selection = selections.selectedFor(project, fiscalYear).orElseThrow(() -> new InvalidInputException(
          "事業番号「" + project + "」の" + fiscalYear + "年度に、協働パートナーを決めた選定はありません。" + needed
              + "選定番号が分かれば入力してください。"));
    } else {
      throw new InvalidInputException("「選定番号」を入力してください。" + needed);
    }
    String named = "選定番号「" + selection.selectionNumber() + "」";
    if (!selection.selected()) {
      throw new InvalidInputException(named + "の選定では協働パートナーが決まっていません（選定中、または協働によらない実施・取りやめ）。"
          + needed);
    }
    if (!selection.departmentGroup().equals(department)) {
      throw new InvalidInputException(named + "は " + DEPARTMENT_NAME.get(execution) + " の選定ではありません。協定は選定した担当課が結びます。");
    }
    if (selection.fiscalYear() != fiscalYear) {
      throw new InvalidInputException(named + "は" + selection.fiscalYear() + "年度の選定です。協定の年度（" + fiscalYear
          + "年度）の選定が必要です（旭川 Q31: 協定は年度ごと）。");
    }
    if (selection.projectNumber() != null) {
      if (project != null && !project.equals(selection.projectNumber())) {
        throw new InvalidInputException(named + "は事業番号「" + selection.projectNumber() + "」の選定です。事業番号「" + project
            + "」の協定には使えません。");
      }
      PROJECT_NUMBER.set(execution, selection.projectNumber());
    }
    agreements.numberBySelection(selection.selectionNumber()).ifPresent(agreement -> {
      throw new InvalidInputException(named + "の選定による協定は既にあります（協定番号 " + agreement + "）。協定は年度ごとに一つです（旭川 Q31）。");
    });
    String partner = selection.organisationId();
    if (selection.soleSource()) {
      int years = fixation.consecutiveYearsBefore(partner, department, fiscalYear);
      if (years >= fixation.years()) {
        throw new InvalidInputException(registry.find(partner).map(Organisation::name).orElse(partner) + "はこの課の協働事業を"
            + years + "年度続けて担っているため、特定の団体として協定を結ぶことはできません（パートナーの固定化の防止、千葉県 協働推進マニュアル ②）。"
            + "公募で選定してください。");
      }
    }
    SELECTION_NUMBER.set(execution, selection.selectionNumber());
    PARTNER_GROUP.set(execution, partner);
  }

  private static void resolveDepartment(DelegateExecution execution, IdentityService identity) {
    String department = DEPARTMENT_GROUP.get(execution);
    if (department == null) {
      String initiator = INITIATOR.get(execution);
      List<Group> departments = initiator == null ? List.of()
          : KyodoGroups.groupsOfType(identity, initiator, KyodoGroups.TYPE_DEPARTMENT);
      if (departments.size() != 1) {
        throw new InvalidInputException("協定を作成できるのは、一つの担当課に所属する職員です。所属の登録を市民協働課に確認してください。");
      }
      DEPARTMENT_GROUP.set(execution, departments.get(0).getId());
      DEPARTMENT_NAME.set(execution, departments.get(0).getName());
    } else {
      Group group = KyodoGroups.group(identity, department);
      if (group == null || !KyodoGroups.TYPE_DEPARTMENT.equals(group.getType())) {
        throw new InvalidInputException("担当課「" + department + "」は登録されていません。");
      }
      DEPARTMENT_NAME.set(execution, group.getName());
    }
  }

  private void resolvePartnerAndStaff(DelegateExecution execution, IdentityService identity) {
    String partner = PARTNER_GROUP.get(execution);
    PARTNER_CHOSEN.set(execution, partner != null);
    if (partner != null) {
      Group group = KyodoGroups.group(identity, partner);
      if (group == null || !KyodoGroups.TYPE_ORGANISATION.equals(group.getType())) {
        throw new InvalidInputException("協働パートナー「" + partner + "」は登録された団体ではありません。");
      }
      PARTNER_NAME.set(execution, group.getName());
    }
    String main = MAIN_STAFF.get(execution);
    String deputy = DEPUTY_STAFF.get(execution);
    boolean staffKnown = main != null && deputy != null && !main.equals(deputy)
        && KyodoGroups.isMember(identity, main, DEPARTMENT_GROUP.get(execution))
        && KyodoGroups.isMember(identity, deputy, DEPARTMENT_GROUP.get(execution));
    PARTIES_KNOWN.set(execution, partner != null && staffKnown);
    if (staffKnown) {
      MAIN_STAFF_NAME.set(execution, Actors.displayName(identity, main));
      DEPUTY_STAFF_NAME.set(execution, Actors.displayName(identity, deputy));
    }
    Map<String, String> staff = Actors.staffOf(identity, DEPARTMENT_GROUP.get(execution));
    if (staff.size() < 2) {
      throw new InvalidInputException("担当課「" + DEPARTMENT_NAME.get(execution)
          + "」の職員が2人以上いないため、主担当と副担当を決められません（旭川 Q57）。");
    }
    execution.setVariable(STAFF_OPTIONS, Options.json(staff));
    Map<String, String> partners = new LinkedHashMap<>();
    for (Organisation o : registry.list(RegistrationStatus.REGISTERED, 0, 200)) {
      if (KyodoGroups.group(identity, o.id()) != null) {
        partners.put(o.id(), o.name());
      }
    }
    execution.setVariable(PARTNER_OPTIONS, Options.json(partners));
  }
}
