package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who the agreement is between. Called by the lifecycle, the department and the partner come in with
 * the project; started from Tasklist, the department is the starting clerk's own (like a 課題提案) and
 * the partner is chosen next from the registered organisations (旭川 Q42). Main and deputy staff are
 * chosen from the department's members unless they came in already: a project is never one person's
 * (旭川 Q57).
 */
@Component("resolveAgreementParties")
public class ResolveAgreementPartiesDelegate implements JavaDelegate {

  private final OrganisationRepository registry;
  private final AgreementRepository agreements;

  public ResolveAgreementPartiesDelegate(OrganisationRepository registry, AgreementRepository agreements) {
    this.registry = registry;
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String project = PROJECT_NUMBER.get(execution);
    if (project != null && agreements.existsForProjectYear(project, FISCAL_YEAR.get(execution).intValue())) {
      throw new InvalidInputException("事業番号「" + project + "」の" + FISCAL_YEAR.get(execution)
          + "年度の協定は既にあります。協定は年度ごとに一つです（旭川 Q31）。");
    }
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
