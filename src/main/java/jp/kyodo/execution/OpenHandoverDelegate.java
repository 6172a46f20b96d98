package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The department's main person changes (異動): the handover gets its own scope, and the outgoing main
 * person holds it with the partner present (千葉 ④, 旭川 Q57).
 */
@Component("openHandover")
public class OpenHandoverDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public OpenHandoverDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = Pending.take(execution, PENDING_HANDOVER);
    ExecutionRepository.Handover handover = executions.handover(id);
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    execution.setVariableLocal(HANDOVER_ID.name(), id);
    execution.setVariableLocal(PREVIOUS_MAIN_STAFF.name(), handover.previousMain());
    execution.setVariableLocal(NEW_MAIN_STAFF.name(), handover.newMain());
    execution.setVariableLocal(NEW_DEPUTY_STAFF.name(), handover.newDeputy());
    execution.setVariableLocal(NEW_MAIN_STAFF_NAME.name(), Actors.displayName(identity, handover.newMain()));
    execution.setVariableLocal(NEW_DEPUTY_STAFF_NAME.name(), Actors.displayName(identity, handover.newDeputy()));
    execution.setVariableLocal(HANDOVER_REASON.name(), handover.reason());
    for (var value : java.util.List.of(HANDOVER_HELD_ON, PARTNER_ATTENDEE, HANDOVER_NOTES, HANDOVER_PURPOSE_SHARED,
        HANDOVER_CONFIRMATION, HANDOVER_PARTNER_COMMENT)) {
      execution.setVariableLocal(value.name(), null);
    }
  }
}
