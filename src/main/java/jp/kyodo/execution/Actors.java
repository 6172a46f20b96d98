package jp.kyodo.execution;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts now: the authenticated user whose command this is. */
final class Actors {

  static final String SYSTEM = "system";

  private Actors() {}

  static String who(ProcessEngineServicesAware scope) {
    Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }

  /** Engine work the process does for whoever triggered it (moving tasks to a new clerk), not as that user. */
  static <T> T asProcess(Callable<T> work) {
    return Context.getCommandContext().runWithoutAuthorization(work);
  }
}
