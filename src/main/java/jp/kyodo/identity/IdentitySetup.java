package jp.kyodo.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Applies the access policy, and the demo people unless turned off, once the engine is up. */
@Component
public class IdentitySetup {

  private final boolean demoData;

  public IdentitySetup(@Value("${kyodo.demo-data:true}") boolean demoData) {
    this.demoData = demoData;
  }

  @EventListener
  public void onEngineReady(PostDeployEvent event) {
    ProcessEngine engine = event.getProcessEngine();
    new AccessPolicy(engine).apply();
    if (demoData) {
      new DemoData(engine).apply();
    }
  }
}
