package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 期限を過ぎた段階の対応 (the managers' task when a phase passed its due date; the phase goes on).
 * <p>On {@code create} the task keeps, on itself, which phase is late, since when, why that date, and which of
 * the phase's tasks are still open and with whom — the project may move on before a manager answers, and a
 * second escalation may be open at the same time. The project is marked overdue.
 * <p>On {@code complete} the manager's response joins the project's decisions with who and when.
 */
@Component("overduePhase")
public class OverduePhaseListener implements TaskListener {

  static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ProjectRepository projects;

  public OverduePhaseListener(ProjectRepository projects) {
    this.projects = projects;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      opened(task);
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      answered(task);
    }
  }

  private void opened(DelegateTask task) {
    Phase phase = Phase.valueOf(PHASE.get(task));
    task.setVariableLocal(OVERDUE_PHASE.name(), phase.name());
    task.setVariableLocal(OVERDUE_PHASE_LABEL.name(), phase.label());
    task.setVariableLocal(OVERDUE_DUE_ON.name(),
        CityCalendar.inCity(PHASE_DUE_DATE.get(task).toInstant()).format(DUE_FORMAT));
    task.setVariableLocal(OVERDUE_DUE_RULE.name(), PHASE_DUE_RULE.get(task));
    task.setVariableLocal(OVERDUE_OPEN_TASKS.name(), openTasks(task));
    PHASE_OVERDUE.set(task, true);
    projects.markOverdue(Project.PROJECT_NUMBER.get(task), CityCalendar.now());
  }

  private void answered(DelegateTask task) {
    Phase phase = Phase.valueOf((String) task.getVariableLocal(OVERDUE_PHASE.name()));
    ProjectDecisions.record(task, projects, new ProjectDecision(phase, ROUND.getOrDefault(task, 1L),
        Project.FISCAL_YEAR.get(task), Decision.now(ProjectDecision.OVERDUE_HANDLED,
            "期限を過ぎた「" + phase.label() + "」への対応", OVERDUE_ACTION.get(task), task)));
  }

  /** The open tasks of the late phase and who they wait for; read for the record, whatever the reader may see. */
  static String openTasks(DelegateTask task) {
    ProcessEngineServices services = task.getProcessEngineServices();
    return Privileged.run(() -> {
      List<String> phaseInstances = services.getRuntimeService().createProcessInstanceQuery()
          .superProcessInstanceId(task.getProcessInstanceId()).list().stream().map(ProcessInstance::getId).toList();
      if (phaseInstances.isEmpty()) {
        return "（この段階の開いているタスクはありません）";
      }
      List<Task> open = services.getTaskService().createTaskQuery()
          .processInstanceIdIn(phaseInstances.toArray(String[]::new)).orderByTaskCreateTime().asc().list();
      if (open.isEmpty()) {
        return "（この段階の開いているタスクはありません）";
      }
      return open.stream().map(t -> "・" + t.getName() + "（" + who(services, t) + "）").collect(Collectors.joining("\n"));
    });
  }

  private static String who(ProcessEngineServices services, Task task) {
    List<String> groups = services.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).toList();
    String assignee = task.getAssignee() != null ? "担当 " + task.getAssignee() : "未割当";
    return groups.isEmpty() ? assignee : assignee + "、" + String.join("・", groups);
  }
}
