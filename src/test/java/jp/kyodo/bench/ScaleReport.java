package jp.kyodo.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The prefecture-size part of the report (issue #18): the data set, the budgets at that size, the history cleanup. */
final class ScaleReport {

  static final double TASKLIST_BUDGET_MS = 100;
  static final double PAGES_BUDGET_MS = 200;

  private ScaleReport() {}

  static String markdown(List<Results.Run> runs) {
    List<Results.Run> scaled = runs.stream().filter(r -> r.scale() != null).toList();
    if (scaled.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("\n| a prefecture's ten years |");
    scaled.forEach(r -> out.append(' ').append(Report.label(r.database())).append(" |"));
    out.append(" budget |\n|---|");
    scaled.forEach(r -> out.append("---|"));
    out.append("---|\n");
    row(out, scaled, "data set: projects (running) / organisations / hikari's projects / rows written",
        r -> r.scale().data() == null ? "reused" : String.format(Locale.ROOT, "%,d (%,d) / %,d / %,d / %,d",
            r.scale().data().projects(), r.scale().data().running(), r.scale().data().organisations(),
            r.scale().data().hikariProjects(), r.scale().data().rows()), "");
    row(out, scaled, "generation: all / templates / COPY (rows per second)",
        r -> r.scale().data() == null ? "—" : String.format(Locale.ROOT, "%.0f s / %.0f s / %.0f s (%,.0f)",
            r.scale().data().seconds(), r.scale().data().templateSeconds(), r.scale().data().copySeconds(),
            r.scale().data().rows() / r.scale().data().copySeconds()), "≤ 10 min");
    row(out, scaled, "Tasklist lists and counts, every role: slowest p50 / p95",
        r -> slowest(r, q -> q.name().startsWith("Tasklist")), String.format(Locale.ROOT, "p95 ≤ %.0f ms", TASKLIST_BUDGET_MS));
    row(out, scaled, "/public/ list, search, project, calls: slowest p50 / p95",
        r -> slowest(r, q -> q.name().contains("/public/")), String.format(Locale.ROOT, "p95 ≤ %.0f ms", PAGES_BUDGET_MS));
    row(out, scaled, "/overview/ on load: slowest p50 / p95",
        r -> slowest(r, q -> q.name().contains("/overview/")), String.format(Locale.ROOT, "p95 ≤ %.0f ms", PAGES_BUDGET_MS));
    row(out, scaled, "history cleanup: expired rows (lifecycles) removed in job seconds, rows/s",
        r -> r.scale().cleanup() == null ? "—" : String.format(Locale.ROOT, "%,d (%,d) in %.0f s, %,.0f rows/s, %d left",
            r.scale().cleanup().removedRows(), r.scale().cleanup().expiredRoots(), r.scale().cleanup().seconds(),
            r.scale().cleanup().rowsPerSecond(), r.scale().cleanup().leftExpired()), "");
    row(out, scaled, "history cleanup of a year (10,000 lifecycles) at that rate",
        r -> r.scale().cleanup() == null ? "—" : String.format(Locale.ROOT, "%.1f h (batch %d, parallelism %d)",
            r.scale().cleanup().hoursFor(10_000), r.scale().cleanup().batchSize(), r.scale().cleanup().parallelism()),
        "≤ 7 h (22:00–05:00)");
    out.append("\n| request at prefecture size (reader) |");
    scaled.forEach(r -> out.append(' ').append(Report.label(r.database())).append(" p50 / p95 / max (CPU p50) |"));
    out.append("\n|---|");
    scaled.forEach(r -> out.append("---|"));
    out.append('\n');
    for (Results.Query q : scaled.get(0).scale().queries()) {
      out.append("| ").append(q.name()).append(" (").append(q.user()).append(") |");
      for (Results.Run r : scaled) {
        out.append(' ').append(r.scale().queries().stream().filter(x -> x.name().equals(q.name()) && x.user().equals(q.user()))
            .findFirst().map(x -> String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms (%.1f ms); %d of %,d", x.p50(), x.p95(),
                x.max(), x.cpuP50(), x.rows(), x.total())).orElse("—")).append(" |");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String slowest(Results.Run run, Predicate<Results.Query> which) {
    return run.scale().queries().stream().filter(which).max(Comparator.comparingDouble(Results.Query::p95))
        .map(q -> String.format(Locale.ROOT, "%.1f / %.1f ms (%s, %s)", q.p50(), q.p95(), q.name(), q.user())).orElse("—");
  }

  private static void row(StringBuilder out, List<Results.Run> runs, String measure,
      java.util.function.Function<Results.Run, String> value, String budget) {
    out.append("| ").append(measure).append(" |");
    runs.forEach(r -> out.append(' ').append(value.apply(r)).append(" |"));
    out.append(' ').append(budget).append(" |\n");
  }
}
