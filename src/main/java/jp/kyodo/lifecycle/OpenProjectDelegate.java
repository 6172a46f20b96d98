package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Gives a new proposal its project number — the fiscal year it was proposed in and a serial, e.g.
 * {@code 2026-001} — as the instance's business key (Cockpit finds the project by it, and every phase carries it)
 * and registers the project in {@code kyodo_project}. The proposer's organisation or department is kept with it,
 * so the proposer sees its project before a department or partner is assigned.
 */
@Component("openProject")
public class OpenProjectDelegate implements JavaDelegate {

  private final ProjectRepository projects;

  public OpenProjectDelegate(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposer = PROPOSER.get(execution);
    if (proposer == null) {
      throw new InvalidInputException("提案者を確認できません。ログインしてから提出してください。");
    }
    String number = projects.open(Math.toIntExact(CityCalendar.currentFiscalYear()), Project.TITLE.get(execution),
        proposer, proposingGroup(execution.getProcessEngineServices().getIdentityService(), proposer),
        execution.getProcessInstanceId(), CityCalendar.now());
    execution.setProcessBusinessKey(number);
    Project.PROJECT_NUMBER.set(execution, number);
    PROJECT_STATUS.set(execution, ProjectRecord.ACTIVE);
    execution.setVariable(DECISIONS, DECISION_LOG.empty());
  }

  /** The one organisation or department the proposer acts for; none when that is not clear (① refuses then). */
  static String proposingGroup(IdentityService identity, String proposer) {
    List<Group> groups = new ArrayList<>(KyodoGroups.groupsOfType(identity, proposer, KyodoGroups.TYPE_ORGANISATION));
    groups.addAll(KyodoGroups.groupsOfType(identity, proposer, KyodoGroups.TYPE_DEPARTMENT));
    return groups.size() == 1 ? groups.get(0).getId() : null;
  }
}
