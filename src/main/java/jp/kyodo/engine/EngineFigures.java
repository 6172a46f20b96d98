package jp.kyodo.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's own figures for monitoring (docs/monitoring.md): its event counters, its jobs, and the open tasks per
 * candidate group. Each is one read of the database (or of the engine's memory), made by Kyodo's metrics on their
 * schedule, never per scrape.
 */
public final class EngineFigures {

  /** The engine's counters that tell whether work flows: steps, decisions, the job executor. */
  public static final List<String> EVENTS = List.of(Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
      Metrics.ACTIVTY_INSTANCE_END, Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS,
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE);

  private EngineFigures() {}

  /**
   * Each counter as Cockpit counts it: what every node has written to the database (the engine writes its counts
   * every 15 minutes) plus what this node counted since it last wrote — so the figure moves when work happens, and
   * every node shows the same total.
   */
  public static Map<String, Long> events(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    var registry = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry();
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : EVENTS) {
      Meter pending = registry == null ? null : registry.getDbMeterByName(name);
      out.put(name, management.createMetricsQuery().name(name).sum() + (pending == null ? 0 : pending.get()));
    }
    return out;
  }

  /** Jobs waiting to run now, jobs out of retries (an incident each), and timers waiting for their date. */
  public static Map<String, Long> jobs(ProcessEngine engine) {
    ManagementService management = engine.getManagementService();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("executable", management.createJobQuery().executable().count());
    out.put("failed", management.createJobQuery().noRetriesLeft().count());
    out.put("timers", management.createJobQuery().timers().count());
    return out;
  }

  /**
   * Open tasks offered to each group (claimed ones included), in one query: the engine's API counts per named group
   * only, and the groups are the city's directory.
   */
  public static Map<String, Long> openTasksPerCandidateGroup(ProcessEngine engine, JdbcTemplate jdbc) {
    ManagementService management = engine.getManagementService();
    String links = management.getTableName(IdentityLinkEntity.class);
    String tasks = management.getTableName(TaskEntity.class);
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.query("SELECT l.GROUP_ID_ AS g, COUNT(DISTINCT t.ID_) AS n FROM " + links + " l JOIN " + tasks
        + " t ON t.ID_ = l.TASK_ID_ WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL GROUP BY l.GROUP_ID_"
        + " ORDER BY l.GROUP_ID_", row -> {
          out.put(row.getString("g"), row.getLong("n"));
        });
    return out;
  }
}
