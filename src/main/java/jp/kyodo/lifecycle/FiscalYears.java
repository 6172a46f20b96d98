package jp.kyodo.lifecycle;

import java.util.List;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The engine calls between a project's lifecycle and its fiscal years, in one place: a year is started by a message
 * with the project number as business key, reports back by messages to the lifecycle that started it, and is found
 * and stopped by that business key. Each runs as the engine itself: the clerk whose task ends a year may not start
 * or read another process, but the project must go on.
 */
final class FiscalYears {

  private FiscalYears() {}

  /** Starts a year of the project; returns its instance id. */
  static String start(DelegateExecution from, String projectNumber, Map<String, Object> variables) {
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
  static void stop(DelegateExecution from, String yearInstanceId, String reason) {
    Privileged.run(() -> {
      runtime(from).deleteProcessInstance(yearInstanceId, reason, false, true);
      return null;
    });
  }

  private static RuntimeService runtime(DelegateExecution execution) {
    return execution.getProcessEngineServices().getRuntimeService();
  }
}
