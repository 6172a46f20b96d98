package jp.kyodo.platform;

import jp.kyodo.engine.EngineSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's tables come from Flyway ({@link EngineSchema}, before the engine starts), not from the engine:
 * {@code camunda.bpm.database.schema-update} is false, so the engine only checks them (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
public class EngineDatabase {

  @Bean
  EngineSchema engineSchema() {
    return new EngineSchema();
  }
}
