package jp.kyodo.overview;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.EngineFigures;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.lifecycle.Phase;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Kyodo's own figures for Prometheus ({@code kyodo_*}, docs/monitoring.md): the office's overview in numbers — open
 * tasks per group, projects per phase, overdue phases, the mail outbox — and the engine's counters and jobs. It lives
 * beside the overview because it reads the same tables across every phase ({@code kyodo_project}, the mail outbox);
 * the base may not know a phase. The figures are read from the database on a schedule ({@code
 * kyodo.metrics.refresh}, every 60 s) and kept: a scrape, from however many Prometheus servers, reads only memory.
 */
@Component
@EnableScheduling
public class OperationsMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final MultiGauge openTasks;
  private final MultiGauge projects;
  private final MultiGauge overduePhases;
  private final MultiGauge mail;
  private final MultiGauge engineEvents;
  private final MultiGauge engineJobs;

  public OperationsMetrics(JdbcTemplate jdbc, ProcessEngine engine, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.engine = engine;
    openTasks = MultiGauge.builder("kyodo_tasks_open").description("open tasks offered to each candidate group")
        .register(registry);
    projects = MultiGauge.builder("kyodo_projects_active").description("active projects per phase").register(registry);
    overduePhases = MultiGauge.builder("kyodo_phases_overdue")
        .description("active projects whose current phase is past its due date, per phase").register(registry);
    mail = MultiGauge.builder("kyodo_mail_outbox").description("notices in the mail outbox per status")
        .register(registry);
    engineEvents = MultiGauge.builder("kyodo_engine_events")
        .description("the engine's counters (Camunda metrics), all nodes, since the database began").register(registry);
    engineJobs = MultiGauge.builder("kyodo_engine_jobs").description("the engine's jobs: executable now, failed, timers")
        .register(registry);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void first() {
    refresh();
  }

  /** Reads every figure again; a figure that cannot be read keeps its last value (and the failure is logged). */
  @Scheduled(initialDelayString = "${kyodo.metrics.refresh:PT60S}", fixedDelayString = "${kyodo.metrics.refresh:PT60S}")
  public void refresh() {
    read("open tasks", () -> openTasks.register(rows(openTasksPerGroup(), "group"), true));
    read("projects", () -> projects.register(rows(perPhase("status = 'ACTIVE'"), "phase"), true));
    read("overdue phases", () -> overduePhases.register(
        rows(perPhase("status = 'ACTIVE' AND overdue_since IS NOT NULL"), "phase"), true));
    read("mail outbox", () -> mail.register(rows(mailByStatus(), "status"), true));
    read("engine events", () -> engineEvents.register(rows(EngineFigures.events(engine), "name"), true));
    read("engine jobs", () -> engineJobs.register(rows(EngineFigures.jobs(engine), "state"), true));
  }

  /** Every role group (0 when it has none), and each department, organisation or other group that has open tasks. */
  Map<String, Long> openTasksPerGroup() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String[] role : KyodoGroups.ROLES) {
      out.put(role[0], 0L);
    }
    out.putAll(EngineFigures.openTasksPerCandidateGroup(engine, jdbc));
    return out;
  }

  /** Every phase, with 0 where no project is: a graph shows a phase that empties, not a line that stops. */
  Map<String, Long> perPhase(String where) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      out.put(phase.name(), 0L);
    }
    jdbc.query("SELECT phase, COUNT(*) AS n FROM kyodo_project WHERE " + where + " GROUP BY phase",
        row -> {
          out.merge(row.getString("phase"), row.getLong("n"), Long::sum);
        });
    return out;
  }

  Map<String, Long> mailByStatus() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String status : List.of("PENDING", "SENT", "LOGGED", "SKIPPED", "FAILED")) {
      out.put(status, 0L);
    }
    jdbc.query("SELECT status, COUNT(*) AS n FROM kyodo_mail_outbox GROUP BY status",
        row -> {
          out.put(row.getString("status"), row.getLong("n"));
        });
    return out;
  }

  private static List<MultiGauge.Row<?>> rows(Map<String, Long> values, String tag) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    values.forEach((key, value) -> rows.add(MultiGauge.Row.of(Tags.of(tag, key), value)));
    return rows;
  }

  private static void read(String what, Runnable reading) {
    try {
      reading.run();
    } catch (RuntimeException e) {
      LOG.warn("メトリクス「{}」を読めませんでした（前の値のまま）", what, e);
    }
  }
}
