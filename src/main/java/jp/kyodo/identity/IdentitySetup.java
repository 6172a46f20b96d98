package jp.kyodo.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Sets how task permissions are granted, and applies the access policy and the demo people (unless
 * turned off) as soon as the engine is built.
 */
public class IdentitySetup extends AbstractProcessEnginePlugin {

  private final boolean demoData;
  private final Map<String, List<String>> starters;
  private final Map<String, String> taskColumns;

  /** See {@link AccessPolicy#AccessPolicy(ProcessEngine, Map, Map)} for the starters and the columns. */
  public IdentitySetup(boolean demoData, Map<String, List<String>> starters, Map<String, String> taskColumns) {
    this.demoData = demoData;
    this.starters = starters;
    this.taskColumns = taskColumns;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskWorkAuthorizationProvider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    new AccessPolicy(engine, starters, taskColumns).apply();
    if (demoData) {
      new DemoData(engine).apply();
    }
  }
}
