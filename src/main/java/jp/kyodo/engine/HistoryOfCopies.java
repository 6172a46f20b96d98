package jp.kyodo.engine;

import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.CallableElementParameter;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.springframework.stereotype.Component;

/**
 * History level "full", less the engine's copies of values it has already recorded. A phase is a process of its own
 * (its key is a public contract), so a call activity copies the caller's values into each phase instance it starts
 * ({@code camunda:in}), and a year starts with the project's values: at level full each copy would be recorded again
 * (a variable instance and a detail row each, twice for JSON) although the value is unchanged and its history is the
 * caller's. Only those creations are left out. Every value a phase changes is recorded when it changes (the engine
 * writes the variable's history row then), and every form submission, decision, task and activity is recorded as
 * before: the audit trail stays whole, only its duplicates go.
 *
 * <p>Same id and name as Camunda's "full" (3), so a database written at level full goes on at this level and back.
 * Kyodo's own starts that copy values ({@link #copying}) name the values they copy.
 */
public final class HistoryOfCopies extends AbstractHistoryLevel {

  /** The names Kyodo's code is copying now, and whether only into an instance that is being started. */
  private record Copying(Set<String> names, boolean atStart) {}

  private static final ThreadLocal<Copying> COPYING = new ThreadLocal<>();

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return ProcessEngineConfiguration.HISTORY_FULL;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (!(entity instanceof VariableInstanceEntity variable)) {
      return true;
    }
    if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE) {
      return !isCopyIntoStartingInstance(variable);
    }
    // A copy written over a value the task declared empty (a form's fields are declared when its task is created).
    return !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE && isCopyOfKyodosRecords(variable));
  }

  /**
   * Starts an instance with values copied unchanged from another: those named are not recorded again as the new
   * instance starts (what the instance then does is recorded as usual, whatever the names).
   */
  public static <T> T copying(Set<String> names, Callable<T> start) {
    return within(new Copying(names, true), start);
  }

  /**
   * Writes values that are copies of what Kyodo's own records hold (a form filled in with the agreement as it
   * stands): those named are not recorded as they are created or filled in; once a person changes one, it is.
   */
  public static void copyingValues(Set<String> names, Runnable write) {
    within(new Copying(names, false), () -> {
      write.run();
      return null;
    });
  }

  private static <T> T within(Copying copying, Callable<T> work) {
    Copying before = COPYING.get();
    COPYING.set(copying);
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      COPYING.set(before);
    }
  }

  /**
   * A variable the start of its process instance creates from a call activity's input mapping or from Kyodo's
   * copying start, or one Kyodo's code creates as a copy of its records.
   */
  static boolean isCopyOfKyodosRecords(VariableInstanceEntity variable) {
    Copying copying = COPYING.get();
    return copying != null && !copying.atStart() && copying.names().contains(variable.getName());
  }

  static boolean isCopyIntoStartingInstance(VariableInstanceEntity variable) {
    if (isCopyOfKyodosRecords(variable)) {
      return true;
    }
    Copying copying = COPYING.get();
    ExecutionEntity execution = variable.getExecution();
    // Before its first activity: a called instance gets its values before any activity instance (the engine's
    // starting flag is set only for instances it starts itself).
    if (execution == null || variable.getTaskId() != null || !execution.isProcessInstanceExecution()
        || !(execution.isStarting() || execution.getActivityInstanceId() == null)) {
      return false;
    }
    ExecutionEntity caller = execution.getSuperExecution();
    if (caller == null) {
      return copying != null && copying.atStart() && copying.names().contains(variable.getName());
    }
    PvmActivity callActivity = caller.getActivity();
    if (callActivity == null || !(callActivity.getActivityBehavior() instanceof CallableElementActivityBehavior calling)
        || calling.getCallableElement() == null) {
      return false;
    }
    for (CallableElementParameter input : calling.getCallableElement().getInputs()) {
      if (input.isAllVariables() || variable.getName().equals(input.getTarget())) {
        return true;
      }
    }
    return false;
  }

  /** Puts this level in place of Camunda's "full" for the engine's configured history level. */
  @Component
  public static class Plugin extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      // Custom levels come after Camunda's own, and the engine takes the last level of the configured name.
      java.util.List<HistoryLevel> custom = new java.util.ArrayList<>();
      if (configuration.getCustomHistoryLevels() != null) {
        custom.addAll(configuration.getCustomHistoryLevels());
      }
      custom.add(new HistoryOfCopies());
      configuration.setCustomHistoryLevels(custom);
    }
  }
}
