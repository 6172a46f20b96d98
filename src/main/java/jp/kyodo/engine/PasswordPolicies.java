package jp.kyodo.engine;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/** Camunda's own password policy, for the passwords people choose themselves even where the engine enforces none. */
public final class PasswordPolicies {

  private PasswordPolicies() {}

  /** What {@code enablePasswordPolicy} turns on: 10 characters, upper and lower case, a digit, a symbol, no user data. */
  public static PasswordPolicy camundaDefault() {
    return new DefaultPasswordPolicyImpl();
  }
}
