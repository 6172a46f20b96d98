package jp.kyodo.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What one run of the harness measured on one database; written as JSON, read back by the report. */
final class Results {

  private Results() {}

  /**
   * Lifecycles (or yardstick instances) run side by side by {@code clients} clients, and what they cost:
   * {@code actionNanos} the time spent inside the people's actions (starts, and each task's Tasklist calls), summed
   * over the clients, {@code nanos} the batch's wall time (the harness's own lookups included).
   */
  record Batch(String side, int clients, int lifecycles, int tasks, long nanos, long actionNanos, long cpuNanos,
      long statements, long roundTrips, long commits, long rollbacks) {

    /** The cost of a user task as its people feel it: their actions' time over the tasks they completed. */
    double msPerTask() {
      return actionNanos / 1e6 / tasks;
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
      String javaVersion, int processors, double seconds, List<String> loadAverages, List<Felt> felt,
      Scale scale) {}

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

  /** p50, p95 and maximum of some milliseconds. */
  record Stat(double p50, double p95, double max) {
    static Stat of(double[] ms) {
      return ms.length == 0 ? new Stat(Double.NaN, Double.NaN, Double.NaN)
          : new Stat(percentile(ms, 50), percentile(ms, 95), Arrays.stream(ms).max().orElseThrow());
    }
  }

  /**
   * Felt latency of one kind of task in headless Chromium ({@link BrowserProbe}): open until the form is rendered,
   * submit until Tasklist shows the task done, and the sum, in ms; with the requests the page made meanwhile and the
   * SQL statements the server ran in each span (median).
   */
  record Felt(String kind, String taskKey, String user, int samples, Stat open, Stat submit, Stat total,
      List<FeltCall> calls, double openStatements, double submitStatements) {}

  /**
   * A request Tasklist made while opening ({@code span} "open") or submitting ("submit"): how many per sample, its
   * duration p50 / p95 and time to first byte p50 (the server's time on a loopback connection), and whether it always
   * ended before the moment timed (false: it ran on after the form was rendered or the task shown done).
   */
  record FeltCall(String span, String request, double perSample, double p50, double p95, double firstByteP50,
      boolean within) {}

  /**
   * {@code java -jar} until {@code /actuator/health} answers UP, and what the process holds after a warm-up of
   * {@code warmupClients} concurrent people: with the settings of docker/jvm.options ({@code settings}), the GC pauses
   * during the warm-up, the peak resident set, and the JVM's native memory tracking (MB committed by category, the
   * total first).
   */
  record Startup(String database, double firstStartSeconds, double firstStartCpuSeconds, double restartSeconds,
      double restartCpuSeconds, double heapAfterWarmupMb, double rssAfterWarmupMb, int warmupRequests,
      String loadAverage, String settings, int warmupClients, double warmupSeconds, double gcPauseSeconds,
      double peakRssMb, Map<String, Double> nativeMemoryMb) {}

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
