package jp.kyodo.project;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who made a decision: the user whose form submission is being processed (the same transaction carries
 * their authentication), or {@value #SYSTEM} when the engine acts on its own.
 */
public final class CurrentUser {

  public static final String SYSTEM = "system";

  private CurrentUser() {}

  public static String id(ProcessEngineServicesAware scope) {
    Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }
}
