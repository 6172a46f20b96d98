package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.StaffHandoverProcess.*;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes up a reported staff handover (担当者の交代) for the project named on the start form: the project must be
 * running, with its department and its staff known, and the reporter a clerk of that department or a manager —
 * anything else is refused before the instance exists. The handover then carries the project number as business
 * key (Cockpit finds it with the project), shows where the project stands and who carries it now, and offers the
 * department's members as successors; a clerk who reported it records it too.
 */
@Component("openStaffHandover")
public class OpenStaffHandoverDelegate implements JavaDelegate {

  private final ProjectRepository projects;

  public OpenStaffHandoverDelegate(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = PROJECT_NUMBER.get(execution);
    ProjectRecord project = running(projects, number);
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String reporter = REQUESTED_BY.get(execution);
    boolean clerk = reporter != null && KyodoGroups.isMember(identity, reporter, project.departmentGroup());
    if (!clerk && (reporter == null || !KyodoGroups.isMember(identity, reporter, KyodoGroups.MANAGERS))) {
      throw new InvalidInputException("事業「" + number + "」の担当課は" + project.departmentName() + "です。担当者の交代を"
          + "届け出られるのは、その課の職員か課長です。");
    }
    List<ProjectInstances.Running> instances = ProjectInstances.of(execution, number, ProjectStaff.VARIABLES, KEY);
    lifecycleOf(instances, number);
    ProjectStaff current = ProjectStaff.current(instances).orElseThrow(() -> new InvalidInputException("事業「" + number
        + "」にはまだ主担当・副担当が決まっていないため、交代できません（主担当・副担当は協定の相手方とともに決めます）。"));
    execution.setProcessBusinessKey(number);
    Project.TITLE.set(execution, project.title());
    Project.DEPARTMENT_GROUP.set(execution, project.departmentGroup());
    Project.DEPARTMENT_NAME.set(execution, project.departmentName());
    Project.PARTNER_NAME.set(execution, project.partnerName());
    PHASE_LABEL.set(execution, project.phase().label()
        + (project.fiscalYear() == null ? "" : "（" + project.fiscalYear() + "年度）"));
    CURRENT_MAIN_STAFF.set(execution, current.main());
    CURRENT_DEPUTY_STAFF.set(execution, current.deputy());
    CURRENT_MAIN_STAFF_NAME.set(execution, Actors.displayName(identity, current.main()));
    CURRENT_DEPUTY_STAFF_NAME.set(execution, Actors.displayName(identity, current.deputy()));
    execution.setVariable(STAFF_OPTIONS, Options.json(Actors.staffOf(identity, project.departmentGroup())));
    CLERK.set(execution, clerk ? reporter : null);
  }

  /**
   * The project as kyodo_project has it, refused (nothing is kept) when there is none of that number, when it has
   * ended, or when no department has taken it up yet.
   */
  static ProjectRecord running(ProjectRepository projects, String number) {
    ProjectRecord project = projects.find(number)
        .orElseThrow(() -> new InvalidInputException("事業番号「" + number + "」の事業はありません。"));
    if (!ProjectRecord.ACTIVE.equals(project.status())) {
      throw new InvalidInputException("事業「" + number + "」は終了しているため、担当者を交代できません。");
    }
    if (project.departmentGroup() == null) {
      throw new InvalidInputException("事業「" + number + "」はまだ担当課が決まっていないため、担当者を交代できません。");
    }
    return project;
  }

  /** The project's lifecycle instance; refused when it no longer runs (removed in Cockpit, say). */
  static String lifecycleOf(List<ProjectInstances.Running> instances, String number) {
    return instances.stream().filter(ProjectInstances.Running::isLifecycle).map(ProjectInstances.Running::id).findFirst()
        .orElseThrow(() -> new InvalidInputException("事業「" + number + "」の進行（協働事業のプロセス）が見つからないため、"
            + "担当者を交代できません。市民協働課に連絡してください。"));
  }
}
