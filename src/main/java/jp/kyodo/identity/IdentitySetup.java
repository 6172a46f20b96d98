package jp.kyodo.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Sets how task permissions are granted, and applies the access policy and the demo people (unless
 * turned off) as soon as the engine is built.
 */
public class IdentitySetup extends AbstractProcessEnginePlugin {

  private final boolean demoData;

  public IdentitySetup(boolean demoData) {
    this.demoData = demoData;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskWorkAuthorizationProvider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new AccessPolicy(engine).apply();
    if (demoData) {
      new DemoData(engine).apply();
    }
  }
}
