package jp.kyodo.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The results of one benchmark run as one Markdown table (and the query details under it). */
final class Report {

  static final double TASK_BUDGET = 1.5;
  /** Where the issue wants the cost per task in the long run. */
  static final double TASK_AIM = 1.25;
  static final double QUERY_BUDGET_MS = 100;
  static final double READY_BUDGET_S = 10;
  /** Opening a task until its form is rendered plus submitting it until Tasklist shows it done, p95 (BrowserProbe). */
  static final double BROWSER_BUDGET_MS = 500;

  private Report() {}

  static String markdown(List<Results.Run> runs, List<Results.Startup> startups, List<String> notRun) {
    StringBuilder out = new StringBuilder();
    out.append("| measure |");
    runs.forEach(r -> out.append(' ').append(label(r.database())).append(" |"));
    out.append(" budget |\n|---|");
    runs.forEach(r -> out.append("---|"));
    out.append("---|\n");
    List<Integer> clients = runs.stream().flatMap(r -> r.timings().stream()).map(Results.Timing::clients).distinct()
        .sorted().toList();
    for (int c : clients) {
      row(out, runs, "**Kyodo ÷ yardstick, cost per user task, " + clients(c) + "** (median; min–max of the rounds)",
          r -> timing(r, c).map(t -> String.format(Locale.ROOT, "**%.2f×** (%.2f–%.2f, %d rounds)", t.medianRatio(),
              t.ratios()[0], t.ratios()[t.ratios().length - 1], t.rounds().size())).orElse("—"),
          String.format(Locale.ROOT, "≤ %.2f× (aim %.2f×)", TASK_BUDGET, TASK_AIM));
    }
    row(out, runs, "the same ratio in CPU time of the benchmark's JVM (" + clientsList(clients) + ")",
        r -> join(clients, c -> timing(r, c).map(t -> String.format(Locale.ROOT, "%.2f×", t.medianCpuRatio())).orElse("—")),
        "");
    row(out, runs, "ms per completed user task inside Tasklist's calls, Kyodo / yardstick (" + clientsList(clients) + ")",
        r -> join(clients, c -> timing(r, c).map(t -> String.format(Locale.ROOT, "%.1f / %.1f", t.medianKyodoMsPerTask(),
            t.medianYardstickMsPerTask())).orElse("—")), "");
    row(out, runs, "Kyodo lifecycles per second (" + clientsList(clients) + ")",
        r -> join(clients, c -> timing(r, c).map(t -> String.format(Locale.ROOT, "%.2f", t.medianLifecyclesPerSecond()))
            .orElse("—")), "");
    row(out, runs, "user tasks per lifecycle (and process starts, clock moves)",
        r -> String.format(Locale.ROOT, "%d (%d, %d)", r.tasksPerLifecycle(), r.startsPerLifecycle(),
            r.clockMovesPerLifecycle()), "");
    row(out, runs, "SQL statements per lifecycle, Kyodo / yardstick",
        r -> String.format(Locale.ROOT, "%.0f / %.0f", r.sql().kyodoStatements(), r.sql().yardstickStatements()), "");
    row(out, runs, "commits per lifecycle, Kyodo / yardstick",
        r -> String.format(Locale.ROOT, "%.0f / %.0f", r.sql().kyodoCommits(), r.sql().yardstickCommits()), "");
    row(out, runs, "Tasklist task list, p50 / p95 (slowest of " + count(runs, true) + " lists)",
        r -> slowest(r, true), String.format(Locale.ROOT, "p95 ≤ %.0f ms", QUERY_BUDGET_MS));
    row(out, runs, "project API, p50 / p95 (slowest of " + count(runs, false) + " requests)",
        r -> slowest(r, false), String.format(Locale.ROOT, "p95 ≤ %.0f ms", QUERY_BUDGET_MS));
    row(out, runs, "task opened until its form is rendered + submitted until done, in headless Chromium, p50 / p95 "
        + "(slowest of " + BrowserProbe.KINDS.stream().mapToInt(List::size).sum() + " kinds of task)", Report::slowestFelt,
        String.format(Locale.ROOT, "p95 ≤ %.0f ms", BROWSER_BUDGET_MS));
    row(out, runs, "data set: projects (running lifecycles / open tasks)",
        r -> String.format(Locale.ROOT, "%,d (%,d / %,d)", r.data().projects(), r.data().runningLifecycles(),
            r.data().openTasks()), "");
    row(out, runs, "`java -jar` until ready (CPU seconds used by then): empty database / restart",
        r -> startup(startups, r.database()).map(s -> String.format(Locale.ROOT, "%.1f s (%.1f s) / %s", s.firstStartSeconds(),
            s.firstStartCpuSeconds(), s.restartSeconds() > 0 ? String.format(Locale.ROOT, "%.1f s (%.1f s)",
                s.restartSeconds(), s.restartCpuSeconds()) : "—")).orElse("—"),
        String.format(Locale.ROOT, "≤ %.0f s", READY_BUDGET_S));
    row(out, runs, "memory after warm-up: heap in use after GC / resident set",
        r -> startup(startups, r.database()).map(s -> String.format(Locale.ROOT, "%.0f MB / %.0f MB (%d requests)",
            s.heapAfterWarmupMb(), s.rssAfterWarmupMb(), s.warmupRequests())).orElse("—"), "");
    StartupRows.append(out, runs, startups);
    row(out, runs, "load average of the machine (1 / 5 / 15 min) around the measurements",
        r -> String.join("; ", r.loadAverages()) + startup(startups, r.database()).map(s -> "; after java -jar: "
            + s.loadAverage()).orElse(""), "");
    notRun.forEach(reason -> out.append("\nNot measured: ").append(reason).append('\n'));

    felt(out, runs);
    out.append("\n| request (reader) |");
    runs.forEach(r -> out.append(' ').append(label(r.database())).append(" p50 / p95 / max (CPU p50) |"));
    out.append("\n|---|");
    runs.forEach(r -> out.append("---|"));
    out.append('\n');
    for (Results.Query q : runs.get(0).queries()) {
      out.append("| ").append(q.name()).append(" (").append(q.user()).append(") |");
      for (Results.Run r : runs) {
        out.append(' ').append(r.queries().stream().filter(x -> x.name().equals(q.name()) && x.user().equals(q.user()))
            .findFirst().map(x -> String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (%.1f ms); %d of %,d", x.p50(), x.p95(),
                x.max(), x.cpuP50(), x.rows(), x.total())).orElse("—")).append(" |");
      }
      out.append('\n');
    }
    out.append(ScaleReport.markdown(runs));
    return out.toString();
  }

  /** The slowest kind of task by the p95 of open plus submit. */
  private static String slowestFelt(Results.Run run) {
    return run.felt() == null || run.felt().isEmpty() ? "— (Chromium not installed)" : run.felt().stream()
        .max(Comparator.comparingDouble(f -> f.total().p95())).map(f -> String.format(Locale.ROOT, "%.0f / %.0f ms (%s)",
            f.total().p50(), f.total().p95(), f.kind())).orElseThrow();
  }

  /**
   * Felt latency per kind of task and database (open, submit, both: p50 / p95 / max), then the requests Tasklist made
   * in each span with their duration and time to first byte (p50).
   */
  private static void felt(StringBuilder out, List<Results.Run> runs) {
    List<Results.Run> measured = runs.stream().filter(r -> r.felt() != null && !r.felt().isEmpty()).toList();
    if (measured.isEmpty()) {
      return;
    }
    out.append("\n| task in headless Chromium (person, samples) | database | open → rendered p50 / p95 / max | "
        + "submit → done p50 / p95 / max | both p50 / p95 / max | SQL statements: open / submit |\n|---|---|---|---|---|---|\n");
    for (Results.Run r : measured) {
      for (Results.Felt f : r.felt()) {
        out.append(String.format(Locale.ROOT, "| %s (%s, %d) | %s | %s | %s | %s | %.0f / %.0f |%n", f.kind(), f.user(),
            f.samples(), label(r.database()), stat(f.open()), stat(f.submit()), stat(f.total()), f.openStatements(),
            f.submitStatements()));
      }
    }
    out.append("\n| request made by Tasklist (span) | database: duration p50 / p95, time to first byte p50, per task, "
        + "by kind of task |\n|---|---|\n");
    for (Results.Run r : measured) {
      java.util.Map<String, List<String>> byRequest = new java.util.LinkedHashMap<>();
      for (Results.Felt f : r.felt()) {
        for (Results.FeltCall c : f.calls()) {
          byRequest.computeIfAbsent(c.request() + " (" + c.span() + ")", k -> new java.util.ArrayList<>()).add(String.format(
              Locale.ROOT, "%s %.0f / %.0f ms, %.0f ms%s%s", f.taskKey(), c.p50(), c.p95(), c.firstByteP50(),
              c.perSample() == 1 ? "" : String.format(Locale.ROOT, ", ×%.1f", c.perSample()), c.within() ? "" : ", runs on"));
        }
      }
      byRequest.forEach((request, each) -> out.append("| ").append(request).append(" | ").append(label(r.database()))
          .append(": ").append(String.join("; ", each)).append(" |\n"));
    }
  }

  private static String stat(Results.Stat s) {
    return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", s.p50(), s.p95(), s.max());
  }

  private static void row(StringBuilder out, List<Results.Run> runs, String measure, Function<Results.Run, String> value,
      String budget) {
    out.append("| ").append(measure).append(" |");
    runs.forEach(r -> out.append(' ').append(value.apply(r)).append(" |"));
    out.append(' ').append(budget).append(" |\n");
  }

  static Optional<Results.Timing> timing(Results.Run run, int clients) {
    return run.timings().stream().filter(t -> t.clients() == clients).findFirst();
  }

  static Optional<Results.Startup> startup(List<Results.Startup> startups, String database) {
    return startups.stream().filter(s -> s.database().equals(database)).findFirst();
  }

  /** The slowest request by p95 among the Tasklist lists or among the project API requests. */
  static Results.Query slowestQuery(Results.Run run, boolean tasklist) {
    return run.queries().stream().filter(q -> q.name().startsWith("Tasklist") == tasklist)
        .max(Comparator.comparingDouble(Results.Query::p95)).orElseThrow();
  }

  private static String slowest(Results.Run run, boolean tasklist) {
    Results.Query q = slowestQuery(run, tasklist);
    return String.format(Locale.ROOT, "%.1f / %.1f ms", q.p50(), q.p95());
  }

  private static long count(List<Results.Run> runs, boolean tasklist) {
    return runs.get(0).queries().stream().filter(q -> q.name().startsWith("Tasklist") == tasklist).count();
  }

  private static String join(List<Integer> clients, Function<Integer, String> each) {
    return String.join("; ", clients.stream().map(each).toList());
  }

  private static String clients(int c) {
    return c == 1 ? "1 client" : c + " clients";
  }

  private static String clientsList(List<Integer> clients) {
    return String.join("; ", clients.stream().map(Report::clients).toList());
  }

  static String label(String database) {
    return database.equals("h2") ? "H2 (file)" : "PostgreSQL";
  }
}
