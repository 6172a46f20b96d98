package jp.kyodo.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A DMN engine for the row-by-row tests of the decision tables, as the process engine evaluates them (FEEL), that
 * remembers which rows the last evaluation matched: a test per row asserts its row, and a test per table that the
 * cases reach every row.
 */
public final class DecisionTables {

  private final List<String> matched = new ArrayList<>();
  private final DmnEngine engine;

  public DecisionTables() {
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of((DmnDecisionTableEvaluationListener) event -> {
      matched.clear();
      event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
    }));
    engine = configuration.buildEngine();
  }

  public DmnEngine engine() {
    return engine;
  }

  /** The ids of the rows the last evaluation matched (the same list, refilled by each evaluation). */
  public List<String> matched() {
    return matched;
  }

  /** The table {@code processes/<key>.dmn}, as deployed. */
  public DmnDecision parse(String key) {
    try (InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream("processes/" + key + ".dmn")) {
      if (in == null) {
        throw new IllegalArgumentException("no processes/" + key + ".dmn on the classpath");
      }
      return engine.parseDecision(key, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
