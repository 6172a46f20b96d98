package jp.kyodo.execution;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Who acts now (the authenticated user whose command this is) and when (the engine's clock). */
final class Actors {

  static final String SYSTEM = "system";

  private Actors() {}

  static String who(ProcessEngineServicesAware scope) {
    Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** Engine work the process does for whoever triggered it (moving tasks to a new clerk), not as that user. */
  static <T> T asProcess(Callable<T> work) {
    return Context.getCommandContext().runWithoutAuthorization(work);
  }
}
