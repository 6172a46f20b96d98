package jp.kyodo.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's rows about memory after {@code java -jar} ({@link StartupProbe}): the settings it ran with, the peak
 * resident set and the GC pauses of the warm-up, and where the resident memory goes by the JVM's own account.
 */
final class StartupRows {

  static final double RSS_BUDGET_MB = 512;

  private StartupRows() {}

  static void append(StringBuilder out, List<Results.Run> runs, List<Results.Startup> startups) {
    row(out, runs, startups, "`java` settings (docker/jvm.options; the probe adds NMT)", s -> "`" + s.settings() + "`", "");
    row(out, runs, startups, "resident set after warm-up / its peak; warm-up clients",
        s -> String.format(Locale.ROOT, "**%.0f MB** / %.0f MB; %d", s.rssAfterWarmupMb(), s.peakRssMb(), s.warmupClients()),
        String.format(Locale.ROOT, "≤ %.0f MB", RSS_BUDGET_MB));
    row(out, runs, startups, "GC pauses during the warm-up (share of its time)",
        s -> String.format(Locale.ROOT, "%.2f s of %.1f s (%.1f %%)", s.gcPauseSeconds(), s.warmupSeconds(),
            s.warmupSeconds() > 0 ? 100 * s.gcPauseSeconds() / s.warmupSeconds() : 0), "");
    row(out, runs, startups, "native memory tracking after warm-up, MB committed (largest categories)",
        s -> breakdown(s.nativeMemoryMb()), "");
  }

  static String breakdown(Map<String, Double> committed) {
    return committed.entrySet().stream().limit(9)
        .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
  }

  private static void row(StringBuilder out, List<Results.Run> runs, List<Results.Startup> startups, String measure,
      java.util.function.Function<Results.Startup, String> value, String budget) {
    out.append("| ").append(measure).append(" |");
    runs.forEach(r -> out.append(' ').append(Report.startup(startups, r.database()).map(value).orElse("—")).append(" |"));
    out.append(' ').append(budget).append(" |\n");
  }
}
