package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.examination.ExaminationChoices.ProposalType;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Decides which way a proposal came in from who submitted it (関市 IV-3(2)): a partner's
 * organisation makes a citizen proposal (事業提案) and becomes the likely partner; a department's
 * staff pose an issue (課題提案) and their department owns the project. The proposer's group is
 * where a revision request goes back to.
 */
@Component("resolveProposer")
public class ResolveProposerDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String proposer = PROPOSER.get(execution);
    if (proposer == null) {
      throw new InvalidInputException("提案者を確認できません。ログインしてから提出してください。");
    }
    boolean partner = KyodoGroups.isMember(identity, proposer, KyodoGroups.PARTNERS);
    boolean department = KyodoGroups.isMember(identity, proposer, KyodoGroups.DEPARTMENTS);
    if (partner == department) {
      throw new InvalidInputException("提案できるのは、協働パートナーの団体（事業提案）か担当課の職員（課題提案）のどちらか一方に属する利用者です。");
    }
    if (partner) {
      Group organisation = onlyOne(KyodoGroups.groupsOfType(identity, proposer, KyodoGroups.TYPE_ORGANISATION),
          "団体");
      PROPOSAL_TYPE.set(execution, ProposalType.CITIZEN.code());
      PARTNER_GROUP.set(execution, organisation.getId());
      PARTNER_NAME.set(execution, organisation.getName());
      PROPOSER_GROUP.set(execution, organisation.getId());
      execution.setVariable(DEPARTMENT_OPTIONS, departmentOptions(identity));
    } else {
      Group owner = onlyOne(KyodoGroups.groupsOfType(identity, proposer, KyodoGroups.TYPE_DEPARTMENT), "担当課");
      PROPOSAL_TYPE.set(execution, ProposalType.ISSUE.code());
      DEPARTMENT_GROUP.set(execution, owner.getId());
      DEPARTMENT_NAME.set(execution, owner.getName());
      PROPOSER_GROUP.set(execution, owner.getId());
    }
    REVISION_COUNT.set(execution, 0L);
  }

  private static Group onlyOne(List<Group> groups, String what) {
    if (groups.size() != 1) {
      throw new InvalidInputException("提案者の所属する" + what + "が" + (groups.isEmpty() ? "登録されていません" : "複数あります")
          + "。市民協働課に所属の登録を確認してもらってください。");
    }
    return groups.get(0);
  }

  /** The choices of the intake form's department select, from the directory Admin maintains. */
  static Object departmentOptions(IdentityService identity) {
    Map<String, String> options = new LinkedHashMap<>();
    KyodoGroups.allOfType(identity, KyodoGroups.TYPE_DEPARTMENT).forEach(g -> options.put(g.getId(), g.getName()));
    return Options.json(options);
  }
}
