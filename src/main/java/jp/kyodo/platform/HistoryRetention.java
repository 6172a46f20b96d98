package jp.kyodo.platform;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How long the engine keeps the history of Kyodo's processes and decisions: {@code kyodo.history.time-to-live}
 * (default P3650D, the city's setting for its 協定・契約 records), per process or decision key
 * {@code kyodo.history.time-to-live-by-process.<key>}. The models keep their required {@code historyTimeToLive}
 * attribute; once the engine has started and {@link ModelDeployer} has deployed, every version of Kyodo's definitions
 * (those of its deployments, and any key named by an override) is set to the configured value where it differs, so
 * a change of the setting needs a restart, not a model change. The history cleanup (nightly window, strategy) is the
 * engine's, set in {@code camunda.bpm.generic-properties} (docs/retention.md).
 */
@Component
public class HistoryRetention {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

  private final ProcessEngine engine;
  private final int defaultDays;
  private final Map<String, Integer> daysByKey;

  @org.springframework.beans.factory.annotation.Autowired
  public HistoryRetention(ProcessEngine engine, Environment environment) {
    this(engine, Binder.get(environment).bind("kyodo.history.time-to-live", Duration.class).orElse(Duration.ofDays(3650)),
        Binder.get(environment).bind("kyodo.history.time-to-live-by-process", Bindable.mapOf(String.class, Duration.class))
            .orElse(Map.of()));
  }

  public HistoryRetention(ProcessEngine engine, Duration timeToLive, Map<String, Duration> byKey) {
    this.engine = engine;
    this.defaultDays = days("kyodo.history.time-to-live", timeToLive);
    this.daysByKey = byKey.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> days("kyodo.history.time-to-live-by-process." + e.getKey(), e.getValue()), (a, b) -> a, TreeMap::new));
  }

  /** The engine counts whole days; anything else would be rounded silently, so it stops the start instead. */
  static int days(String setting, Duration value) {
    if (value.isNegative() || !value.equals(Duration.ofDays(value.toDays())) || value.toDays() > Integer.MAX_VALUE) {
      throw new IllegalStateException(setting + " must be a whole number of days, e.g. P3650D, not " + value);
    }
    return (int) value.toDays();
  }

  /** The days a definition of that key keeps its history. */
  public int daysFor(String key) {
    return daysByKey.getOrDefault(key, defaultDays);
  }

  @EventListener(ApplicationStartedEvent.class)
  public void applyAtStart() {
    int changed = apply();
    LOG.info("History time to live: {} days, {} by key; {} definition version(s) changed", defaultDays, daysByKey, changed);
  }

  /** Sets every version of Kyodo's definitions to its configured time to live; returns how many changed. */
  public int apply() {
    RepositoryService repository = engine.getRepositoryService();
    Set<String> kyodoDeployments = repository.createDeploymentQuery().deploymentSource(ModelDeployer.SOURCE).list()
        .stream().map(Deployment::getId).collect(Collectors.toSet());
    int changed = 0;
    var processes = repository.createProcessDefinitionQuery().list();
    Set<String> keys = new HashSet<>(daysByKey.keySet());
    processes.stream().filter(d -> kyodoDeployments.contains(d.getDeploymentId())).forEach(d -> keys.add(d.getKey()));
    for (ProcessDefinition definition : processes) {
      if (keys.contains(definition.getKey()) && !Integer.valueOf(daysFor(definition.getKey())).equals(definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), daysFor(definition.getKey()));
        changed++;
      }
    }
    var decisions = repository.createDecisionDefinitionQuery().list();
    decisions.stream().filter(d -> kyodoDeployments.contains(d.getDeploymentId())).forEach(d -> keys.add(d.getKey()));
    for (DecisionDefinition definition : decisions) {
      if (keys.contains(definition.getKey()) && !Integer.valueOf(daysFor(definition.getKey())).equals(definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), daysFor(definition.getKey()));
        changed++;
      }
    }
    return changed;
  }
}
