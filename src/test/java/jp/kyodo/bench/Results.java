package jp.kyodo.bench;

import java.util.Arrays;
import java.util.List;

/** What one run of the harness measured on one database; written as JSON, read back by the report. */
final class Results {

  private Results() {}

  /** Lifecycles (or yardstick instances) run side by side by {@code clients} clients, and what they cost. */
  record Batch(String side, int clients, int lifecycles, int tasks, long nanos, long cpuNanos, long statements,
      long roundTrips, long commits, long rollbacks) {

    double msPerTask() {
      return nanos / 1e6 / tasks;
    }

    /** CPU time of the benchmark's JVM (the application, and H2 when it is the database) per task. */
    double cpuMsPerTask() {
      return cpuNanos / 1e6 / tasks;
    }

    double lifecyclesPerSecond() {
      return lifecycles / (nanos / 1e9);
    }
  }

  /** One Kyodo batch and the yardstick batch right after it. */
  record Round(Batch kyodo, Batch yardstick) {
    double ratio() {
      return kyodo.msPerTask() / yardstick.msPerTask();
    }

    double cpuRatio() {
      return kyodo.cpuMsPerTask() / yardstick.cpuMsPerTask();
    }
  }

  record Timing(int clients, List<Round> rounds) {
    double[] ratios() {
      return rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
    }

    double medianRatio() {
      return median(ratios());
    }

    /** The same ratio in CPU time of the JVM: what other programs on the machine disturb least. */
    double medianCpuRatio() {
      return median(rounds.stream().mapToDouble(Round::cpuRatio).sorted().toArray());
    }

    double medianKyodoMsPerTask() {
      return median(rounds.stream().mapToDouble(r -> r.kyodo().msPerTask()).sorted().toArray());
    }

    double medianYardstickMsPerTask() {
      return median(rounds.stream().mapToDouble(r -> r.yardstick().msPerTask()).sorted().toArray());
    }

    double medianLifecyclesPerSecond() {
      return median(rounds.stream().mapToDouble(r -> r.kyodo().lifecyclesPerSecond()).sorted().toArray());
    }
  }

  /**
   * Latency of one kind of request, in milliseconds, over {@code samples} requests after warm-up; {@code cpuP50} the
   * median CPU time of the benchmark's JVM per request (client, application and, with H2, the database).
   */
  record Query(String name, String user, int samples, double p50, double p95, double max, double cpuP50, long rows,
      long total) {}

  /**
   * The statements and commits of one lifecycle and of one yardstick instance: the median over the batches of the
   * fewest clients (with one client nothing is retried, so every lifecycle asks the same of the database).
   */
  record Sql(double kyodoStatements, double kyodoRoundTrips, double kyodoCommits, double yardstickStatements,
      double yardstickRoundTrips, double yardstickCommits) {

    static Sql of(List<Timing> timings) {
      Timing fewest = timings.stream().min(java.util.Comparator.comparingInt(Timing::clients)).orElseThrow();
      return new Sql(per(fewest, Round::kyodo, Batch::statements), per(fewest, Round::kyodo, Batch::roundTrips),
          per(fewest, Round::kyodo, Batch::commits), per(fewest, Round::yardstick, Batch::statements),
          per(fewest, Round::yardstick, Batch::roundTrips), per(fewest, Round::yardstick, Batch::commits));
    }

    private static double per(Timing timing, java.util.function.Function<Round, Batch> side,
        java.util.function.ToLongFunction<Batch> measure) {
      return median(timing.rounds().stream().map(side).mapToDouble(b -> (double) measure.applyAsLong(b) / b.lifecycles())
          .sorted().toArray());
    }
  }

  /**
   * The data set made for the queries: {@code projects} generated, of which {@code runningLifecycles} are running
   * lifecycles; {@code projectsInDatabase} counts those and the benchmark's own (ended) lifecycles.
   */
  record Data(int projects, int runningLifecycles, int closedProjects, long projectsInDatabase, int openTasks,
      double seconds) {}

  record Run(String database, String databaseVersion, String jdbcUrl, String size, int tasksPerLifecycle,
      int clockMovesPerLifecycle, int startsPerLifecycle, Sql sql, List<Timing> timings, Data data, List<Query> queries,
      String javaVersion, int processors, double seconds, List<String> loadAverages, Scale scale) {}

  /**
   * A prefecture's ten years (issue #18, {@link PrefectureData}): the data set as generated, the query budgets
   * measured on it ({@link ScaleQueries}) and the history cleanup of what has expired ({@link HistoryCleanupProbe}).
   */
  record Scale(Prefecture data, List<Query> queries, Cleanup cleanup, List<String> checks) {}

  /**
   * The generated data: projects, running lifecycles, organisations, hikari's projects; rows written from how many
   * templates; seconds in all, for running the templates and for the COPY; rows by table; whether it was reused.
   */
  record Prefecture(int projects, int running, int organisations, int hikariProjects, long rows, int templates,
      double seconds, double templateSeconds, double copySeconds, java.util.Map<String, Long> rowsByTable,
      boolean reused, String loadAverage) {}

  /**
   * One history cleanup of what had expired: batch size and degree of parallelism; expired rows, process instances and
   * lifecycles (root instances) before; history rows in all and removed; expired rows left; job runs; seconds of the
   * job's work and of the whole loop; the nightly window in hours.
   */
  record Cleanup(int batchSize, int parallelism, long expiredRows, long expiredInstances, long expiredRoots,
      long historyRows, long removedRows, long leftExpired, int jobRuns, double seconds, double wallSeconds,
      double windowHours) {
    double rowsPerSecond() {
      return removedRows / seconds;
    }

    /** Expired lifecycles removed per second, estimated from the rows when the run was cut short. */
    double rootsPerSecond() {
      return rowsPerSecond() / ((double) expiredRows / Math.max(1, expiredRoots));
    }

    /** Hours the cleanup would take for {@code projects} expired lifecycles like these, at the rows per second measured. */
    double hoursFor(long projects) {
      return expiredRoots == 0 || removedRows == 0 ? Double.NaN
          : projects * ((double) expiredRows / expiredRoots) / rowsPerSecond() / 3600;
    }
  }

  /** {@code java -jar} until {@code /actuator/health} answers UP, and what the process holds after a warm-up. */
  record Startup(String database, double firstStartSeconds, double firstStartCpuSeconds, double restartSeconds,
      double restartCpuSeconds, double heapAfterWarmupMb, double rssAfterWarmupMb, int warmupRequests,
      String loadAverage) {}

  /** The machine's load average (1, 5, 15 minutes) now: on a shared machine, how busy it was meanwhile. */
  static String loadAverage() {
    try {
      String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  static double median(double[] sorted) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The value below which {@code p} percent of the samples lie (nearest rank). */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
