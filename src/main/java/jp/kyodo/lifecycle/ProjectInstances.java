package jp.kyodo.lifecycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine calls of 担当者の交代, in one place: the running instances that carry a project — its lifecycle, its
 * fiscal years and the phases they called, all with the project number as business key — their variables and
 * their open tasks. Each runs as the engine itself: the manager who confirms a handover may neither read nor change
 * another process, but the project's staff must change in all of them at once.
 */
final class ProjectInstances {

  private ProjectInstances() {}

  /** One running instance of the project: its process and the variables asked for that it holds. */
  record Running(String id, String processKey, Map<String, Object> variables) {

    boolean holds(String name) {
      return variables.containsKey(name);
    }

    Object get(String name) {
      return variables.get(name);
    }

    boolean isLifecycle() {
      return CollaborationProcess.KEY.equals(processKey);
    }

    boolean isYear() {
      return FiscalYearProcess.KEY.equals(processKey);
    }
  }

  /**
   * The running instances of the project (suspended ones too) but those of the processes named in {@code except},
   * each with the values of {@code names} it holds, in the order they were found.
   */
  static List<Running> of(ProcessEngineServicesAware from, String projectNumber, Collection<String> names,
      String... except) {
    ProcessEngineServices services = from.getProcessEngineServices();
    return Privileged.run(() -> services.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(projectNumber).processDefinitionKeyNotIn(except).list().stream()
        .map(instance -> running(services, instance, names)).toList());
  }

  private static Running running(ProcessEngineServices services, ProcessInstance instance, Collection<String> names) {
    String key = services.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey();
    Map<String, Object> held = new LinkedHashMap<>(services.getRuntimeService().getVariables(instance.getId(), names));
    return new Running(instance.getId(), key, held);
  }

  static Object variable(ProcessEngineServicesAware from, String instanceId, String name) {
    return Privileged.run(() -> from.getProcessEngineServices().getRuntimeService().getVariable(instanceId, name));
  }

  static void setVariables(ProcessEngineServicesAware from, String instanceId, Map<String, ?> values) {
    Privileged.run(() -> {
      from.getProcessEngineServices().getRuntimeService().setVariables(instanceId, values);
      return null;
    });
  }

  /**
   * Hands the instance's open tasks over: a task assigned to a key of {@code successors} goes to its value (the
   * engine grants the new assignee the task). Returns how many moved.
   */
  static int reassign(ProcessEngineServicesAware from, String instanceId, Map<String, String> successors) {
    if (successors.isEmpty()) {
      return 0;
    }
    var tasks = from.getProcessEngineServices().getTaskService();
    return Privileged.run(() -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instanceId)
          .taskAssigneeIn(successors.keySet().toArray(String[]::new)).list();
      for (Task task : open) {
        tasks.setAssignee(task.getId(), successors.get(task.getAssignee()));
      }
      return open.size();
    });
  }
}
