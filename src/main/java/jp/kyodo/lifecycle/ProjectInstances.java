package jp.kyodo.lifecycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine calls between the running instances that carry a project, in one place — its lifecycle, its fiscal
 * years and the phases they called, all with the project number as business key. A year is started by a message
 * with that key, reports back by messages to the lifecycle that started it, and is found and stopped by the key;
 * 担当者の交代 reads and changes the staff variables of all of them and hands over their open tasks. Each call runs
 * as the engine itself: the clerk whose task ends a year, or the manager who confirms a handover, may neither read
 * nor change another process, but the project must go on.
 */
final class ProjectInstances {

  private ProjectInstances() {}

  /** Starts a year of the project; returns its instance id. */
  static String startYear(DelegateExecution from, String projectNumber, Map<String, Object> variables) {
    ProcessInstance year = Privileged.run(() -> runtime(from).startProcessInstanceByMessage(
        FiscalYearProcess.Messages.FISCAL_YEAR_STARTS, projectNumber, variables));
    return year.getId();
  }

  /**
   * Tells the lifecycle instance something ({@link FiscalYearProcess.Messages}); whether it was waiting to hear it.
   * A lifecycle that is no longer there (ended, or removed by the administrator) is not an error of the year.
   */
  static boolean tellProject(DelegateExecution from, String projectInstanceId, String message, Map<String, Object> variables) {
    return Privileged.run(() -> !runtime(from).createMessageCorrelation(message).processInstanceId(projectInstanceId)
        .setVariables(variables).correlateAllWithResult().isEmpty());
  }

  /** The project's years that run now (suspended ones too), but the one given. */
  static List<String> runningYears(DelegateExecution from, String projectNumber, String except) {
    return Privileged.run(() -> runtime(from).createProcessInstanceQuery()
        .processDefinitionKey(FiscalYearProcess.KEY).processInstanceBusinessKey(projectNumber).list().stream()
        .map(ProcessInstance::getId).filter(id -> !id.equals(except)).toList());
  }

  /** Stops a year and the phases it called; their end listeners see a cancelled instance and record nothing. */
  static void stopYear(DelegateExecution from, String yearInstanceId, String reason) {
    Privileged.run(() -> {
      runtime(from).deleteProcessInstance(yearInstanceId, reason, false, true);
      return null;
    });
  }

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

  private static RuntimeService runtime(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRuntimeService();
  }
}
