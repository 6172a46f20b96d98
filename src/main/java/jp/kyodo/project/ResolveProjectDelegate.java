package jp.kyodo.project;

import static jp.kyodo.project.Project.*;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Establishes who a phase is for: the owning department and the partner organisation. Called by the
 * lifecycle, a phase gets both as project variables and keeps them. Started on its own from Tasklist,
 * the department is the starting clerk's own (as for a 課題提案 in {@code ResolveProposerDelegate}), so a
 * department can only run a phase for itself, and the partner is the registered organisation named in
 * the start form (団体登録, 旭川 Q42): a submission cannot route the partner's tasks to a group that is not
 * a registered organisation.
 */
@Component("resolveProject")
public class ResolveProjectDelegate implements JavaDelegate {

  static final int NAMES_SHOWN = 20;

  private final OrganisationRepository registry;

  public ResolveProjectDelegate(OrganisationRepository registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    resolveDepartment(execution, identity);
    resolvePartner(execution, identity);
  }

  private static void resolveDepartment(DelegateExecution execution, IdentityService identity) {
    String given = DEPARTMENT_GROUP.get(execution);
    if (given != null) {
      if (DEPARTMENT_NAME.get(execution) == null) {
        Group group = KyodoGroups.group(identity, given);
        if (group == null || !KyodoGroups.TYPE_DEPARTMENT.equals(group.getType())) {
          throw new InvalidInputException("担当課「" + given + "」は登録されている担当課ではありません。");
        }
        DEPARTMENT_NAME.set(execution, group.getName());
      }
      return;
    }
    String starter = STARTED_BY.get(execution);
    if (starter == null) {
      throw new InvalidInputException("開始した職員を確認できません。ログインしてから開始してください。");
    }
    List<Group> departments = KyodoGroups.groupsOfType(identity, starter, KyodoGroups.TYPE_DEPARTMENT);
    if (departments.size() != 1) {
      throw new InvalidInputException(departments.isEmpty()
          ? "この手続きを開始できるのは担当課の職員です。担当課に所属していない利用者は開始できません。"
          : "開始した職員が複数の担当課に所属しています。市民協働課に所属の登録を確認してもらってください。");
    }
    DEPARTMENT_GROUP.set(execution, departments.get(0).getId());
    DEPARTMENT_NAME.set(execution, departments.get(0).getName());
  }

  private void resolvePartner(DelegateExecution execution, IdentityService identity) {
    String given = PARTNER_GROUP.get(execution);
    if (given != null) {
      if (PARTNER_NAME.get(execution) == null) {
        PARTNER_NAME.set(execution, registry.find(given).map(Organisation::name)
            .orElseThrow(() -> new InvalidInputException("協働パートナー「" + given + "」は団体登録簿にありません。")));
      }
      return;
    }
    String name = PARTNER_NAME.get(execution);
    Optional<Organisation> named = name == null ? Optional.empty() : registry.findByName(name).or(() -> registry.find(name));
    Organisation partner = named.filter(o -> o.status() == RegistrationStatus.REGISTERED)
        .orElseThrow(() -> new InvalidInputException("「" + name + "」という登録済みの団体は団体登録簿にありません。"
            + "団体登録簿の名称どおりに入力してください（登録済みの団体: " + registeredNames() + "）。"));
    PARTNER_GROUP.set(execution, partner.id());
    PARTNER_NAME.set(execution, partner.name());
  }

  private String registeredNames() {
    List<Organisation> registered = registry.list(RegistrationStatus.REGISTERED, 0, NAMES_SHOWN + 1);
    String names = registered.stream().limit(NAMES_SHOWN).map(Organisation::name).collect(Collectors.joining("、"));
    return registered.size() > NAMES_SHOWN ? names + " ほか" : names.isEmpty() ? "なし" : names;
  }
}
