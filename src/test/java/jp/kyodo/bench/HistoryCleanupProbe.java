package jp.kyodo.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's history cleanup of what has expired, as Kyodo configures it (removal-time based, batch size and degree
 * of parallelism from application.yml, window 22:00–05:00 Japan time): the clock is set to 23:00 of today's night,
 * the engine schedules its cleanup job ({@code cleanUpHistoryAsync}), and the harness runs that job through the job
 * API as the job executor would — again as long as it comes due again at once (a full batch), until nothing expired
 * is left. Timed is the job's own work; counted before and after, every history row whose removal time has passed.
 * {@code --cleanup-batch=n} tries another batch size (the engine's maximum is 500); {@code --cleanup-limit-seconds=n}
 * stops after n seconds of the job's work, and the time for all of it is estimated from the rate.
 */
final class HistoryCleanupProbe {

  /** The nightly window, 22:00–05:00 in Japan. */
  static final double WINDOW_HOURS = 7;

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  HistoryCleanupProbe(ProcessEngine engine) {
    this.engine = engine;
    this.dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    this.jdbc = new JdbcTemplate(dataSource);
  }

  Results.Cleanup measure(Options options) throws SQLException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    int batch = options.integer("cleanup-batch", configuration.getHistoryCleanupBatchSize());
    // --cleanup-limit-seconds=n: only n seconds of the job's work, the rest estimated from the rate (a long run)
    int limit = options.integer("cleanup-limit-seconds", 0);
    configuration.setHistoryCleanupBatchSize(batch);
    Date night = Date.from(LocalDate.ofInstant(ProjectData.NOW, CityCalendar.ZONE).atTime(23, 0)
        .atZone(CityCalendar.ZONE).toInstant());
    ClockUtil.setCurrentTime(night);
    List<String> tables = tablesWithRemovalTime();
    long expiredRows = expired(tables);
    Long expiredInstances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= ?",
        Long.class, new java.sql.Timestamp(night.getTime()));
    Long expiredRoots = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE REMOVAL_TIME_ <= ?"
        + " AND PROC_INST_ID_ = ROOT_PROC_INST_ID_", Long.class, new java.sql.Timestamp(night.getTime()));
    Long historyRows = tables.stream().mapToLong(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).sum();
    BenchmarkHarness.log("cleanup: %d of %d history rows expired (%d process instances, %d projects' lifecycles),"
        + " batch size %d, degree of parallelism %d", expiredRows, historyRows, expiredInstances, expiredRoots, batch,
        configuration.getHistoryCleanupDegreeOfParallelism());
    engine.getHistoryService().cleanUpHistoryAsync(true);
    long working = 0;
    int runs = 0;
    long began = System.nanoTime();
    while (true) {
      List<Job> due = engine.getHistoryService().findHistoryCleanupJobs().stream()
          .filter(j -> j.getDuedate() == null || !j.getDuedate().after(ClockUtil.getCurrentTime())).toList();
      if (due.isEmpty()) {
        break;
      }
      for (Job job : due) {
        long start = System.nanoTime();
        engine.getManagementService().executeJob(job.getId());
        working += System.nanoTime() - start;
        runs++;
      }
      if (limit > 0 && working / 1e9 >= limit) {
        BenchmarkHarness.log("cleanup: stopped after %d s of work (--cleanup-limit-seconds); the rate is measured", limit);
        break;
      }
      if (runs % 200 == 0) {
        BenchmarkHarness.log("cleanup: %d runs, %.0f s", runs, working / 1e9);
      }
    }
    double wall = (System.nanoTime() - began) / 1e9;
    long left = expired(tables);
    Long historyAfter = tables.stream().mapToLong(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).sum();
    double seconds = working / 1e9;
    Results.Cleanup cleanup = new Results.Cleanup(batch, configuration.getHistoryCleanupDegreeOfParallelism(), expiredRows,
        expiredInstances == null ? 0 : expiredInstances, expiredRoots == null ? 0 : expiredRoots, historyRows,
        historyRows - historyAfter, left, runs, seconds, wall, WINDOW_HOURS);
    BenchmarkHarness.log("cleanup: removed %d rows (%d left expired) in %d job runs, %.1f s (%.0f rows/s, %.1f lifecycles/s);"
        + " a %d-project year would take %.1f h of the %.0f h window", cleanup.removedRows(), left, runs, seconds,
        cleanup.rowsPerSecond(), cleanup.rootsPerSecond(), 10_000, cleanup.hoursFor(10_000), WINDOW_HOURS);
    ClockUtil.setCurrentTime(Date.from(ProjectData.NOW));
    return cleanup;
  }

  private long expired(List<String> tables) {
    java.sql.Timestamp now = new java.sql.Timestamp(ClockUtil.getCurrentTime().getTime());
    return tables.stream().mapToLong(t -> jdbc.queryForObject("SELECT COUNT(*) FROM " + t + " WHERE REMOVAL_TIME_ <= ?",
        Long.class, now)).sum();
  }

  /** The engine's tables that carry a removal time: what the cleanup deletes from. */
  private List<String> tablesWithRemovalTime() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), "%", "%")) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase("REMOVAL_TIME_")
            && rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT).startsWith("act_")) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return tables;
  }
}
