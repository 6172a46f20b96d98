package jp.kyodo.execution;

import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Hands a request recorded by a standing task over to the event subprocess its escalation starts: the
 * id waits on the process instance for the few steps in between (the same transaction) and is taken
 * from there, so the next request starts clean.
 */
final class Pending {

  private Pending() {}

  static void put(DelegateExecution execution, Var<String> slot, String id) {
    execution.getProcessInstance().setVariableLocal(slot.name(), id);
  }

  static String take(DelegateExecution execution, Var<String> slot) {
    VariableScope instance = execution.getProcessInstance();
    Object id = instance.getVariableLocal(slot.name());
    if (id == null) {
      throw new IllegalStateException("no " + slot.name() + " waiting to be opened");
    }
    instance.removeVariableLocal(slot.name());
    return (String) id;
  }
}
