package jp.kyodo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark (see docs/performance.md), run by Maven after the jar is built. {@code ./mvnw verify} runs the smoke
 * size: H2 only, a handful of lifecycles and requests, a few seconds of each part; it checks that every part still
 * works and that its figures make sense, and asserts no timing. {@code ./mvnw -Pbench verify} runs the full size on
 * H2 and PostgreSQL and writes the table to {@code target/bench/results.md}.
 *
 * <p>Each database gets a JVM of its own for the lifecycles and queries ({@link BenchmarkHarness}), so one
 * database's warm JIT or heap does not help the other; {@code java -jar} is then started on it by
 * {@link StartupProbe}. Every size parameter can be overridden with {@code -Dkyodo.bench.<name>=...}.
 */
class BenchmarkIT {

  /** The sizes: what a CI run checks, and what the published table is measured with. */
  static final Map<String, Map<String, String>> SIZES = Map.of(
      "smoke", Map.ofEntries(Map.entry("databases", "h2"), Map.entry("warmup", "0"), Map.entry("clients", "2"),
          Map.entry("lifecycles", "1"), Map.entry("rounds", "1"), Map.entry("projects", "12"), Map.entry("running", "6"),
          Map.entry("samples", "3"), Map.entry("profile", "false"), Map.entry("proposals", "1"),
          Map.entry("restart", "false"), Map.entry("startup.alongside", "true"), Map.entry("startup.clients", "1"),
          // issue #18's prefecture data at a tiny size: two ended templates and three running ones, cloned
          Map.entry("organisations", "20"), Map.entry("running-templates", "3"), Map.entry("hikari-every", "16"),
          // Only checks that every part works: the harness's JVM compiles less (C1 only), so the build stays short.
          Map.entry("jvm", "-XX:TieredStopAtLevel=1")),
      "full", Map.ofEntries(Map.entry("databases", "h2,postgres"), Map.entry("warmup", "3"), Map.entry("clients", "1,4"),
          Map.entry("lifecycles", "2"), Map.entry("rounds", "8"), Map.entry("projects", "100000"),
          Map.entry("running", "5000"), Map.entry("samples", "200"), Map.entry("profile", "true"),
          // issue #18: a prefecture's ten years (docs/performance-data.md); projects/running above are for it
          Map.entry("organisations", "2000"), Map.entry("running-templates", "15"), Map.entry("hikari-every", "200"),
          Map.entry("proposals", "5"), Map.entry("restart", "true"), Map.entry("startup.alongside", "false"),
          Map.entry("startup.clients", "4"),
          Map.entry("jvm", "")));

  /**
   * The browser probe's samples per kind of task and untimed ones before (BrowserProbe): the smoke size opens and
   * submits one task of each kind, which checks that the probe and Tasklist work.
   */
  static final Map<String, Map<String, String>> BROWSER = Map.of(
      "smoke", Map.of("browser-samples", "1", "browser-warmup", "0"),
      "full", Map.of("browser-samples", "20", "browser-warmup", "2"));

  final String size = System.getProperty("kyodo.bench.size", "smoke");
  final Path out = Path.of(System.getProperty("kyodo.bench.out", "target/bench"));

  /** What both sizes share: where the jar and PostgreSQL are, and the ports (8085 in-process, 8086 the jar). */
  static final Map<String, String> COMMON = Map.of("jar", "target/kyodo.jar", "port", "8085", "jar.port", "8086",
      "postgres.url", "jdbc:postgresql://localhost:5432/kyodo_bench", "postgres.user", "kyodo", "postgres.password", "kyodo");

  String setting(String name) {
    return System.getProperty("kyodo.bench." + name, SIZES.get(size).getOrDefault(name, COMMON.get(name)));
  }

  /** A setting for one database: {@code -Dkyodo.bench.<database>.<name>} when given (e.g. a smaller data set on H2). */
  String setting(String database, String name) {
    return System.getProperty("kyodo.bench." + database + "." + name, setting(name));
  }

  @Test
  void measuresKyodoAgainstTheBareEngineAndPublishesOneTable() throws Exception {
    assertThat(SIZES).containsKey(size);
    Files.createDirectories(out);
    List<Results.Run> runs = new ArrayList<>();
    List<Results.Startup> startups = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    for (String database : setting("databases").split(",")) {
      Map<String, String> db = database(database);
      if (db == null) {
        notRun.add(Report.label(database) + " — no database at " + setting("postgres.url")
            + " (create it: see docs/performance.md)");
        continue;
      }
      StartupProbe probe = new StartupProbe(Path.of(setting("jar")), Integer.parseInt(setting("jar.port")), out);
      // java -jar gets a database of its own on H2; on PostgreSQL it reuses the benchmark's, after it.
      String startupUrl = database.equals("h2") ? "jdbc:h2:file:" + out.toAbsolutePath().resolve("h2-startup/kyodo")
          : db.get("url");
      java.util.concurrent.Callable<Results.Startup> startup = () -> probe.measure(database, startupUrl, db.get("user"),
          db.get("password"), Integer.parseInt(setting("proposals")), Integer.parseInt(setting("startup.clients")),
          Boolean.parseBoolean(setting("restart")), true);
      // The smoke size starts the jar alongside the harness (it checks that both work, not how fast: no timing is
      // asserted); the full size one after the other, so that neither disturbs the other's figures.
      if (Boolean.parseBoolean(setting("startup.alongside")) && database.equals("h2")) {
        java.util.concurrent.ExecutorService alongside = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
          java.util.concurrent.Future<Results.Startup> started = alongside.submit(startup);
          runs.add(harness(database, db));
          startups.add(started.get());
        } finally {
          alongside.shutdownNow();
        }
      } else {
        runs.add(harness(database, db));
        startups.add(startup.call());
      }
    }
    assertThat(runs).as("at least one database measured").isNotEmpty();
    String table = Report.markdown(runs, startups, notRun);
    String heading = String.format("Kyodo benchmark, size %s, %s, %s (%d cores), Java %s%n%n",
        size, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), InetAddress.getLocalHost().getHostName(),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    Files.writeString(out.resolve("results.md"), heading + table, StandardCharsets.UTF_8);
    System.out.println(heading + table);
    runs.forEach(this::checkSane);
    runs.forEach(this::checkBrowser);
    startups.forEach(BenchmarkIT::checkSane);
  }

  /** Connection settings of a database to measure, or null when PostgreSQL is not there. */
  Map<String, String> database(String database) {
    Map<String, String> db = new LinkedHashMap<>();
    if (database.equals("h2")) {
      db.put("url", "jdbc:h2:file:" + out.toAbsolutePath().resolve("h2/kyodo"));
      db.put("user", "sa");
      db.put("password", "");
      return db;
    }
    db.put("url", setting("postgres.url"));
    db.put("user", setting("postgres.user"));
    db.put("password", setting("postgres.password"));
    try (var connection = DriverManager.getConnection(db.get("url"), db.get("user"), db.get("password"))) {
      return db;
    } catch (java.sql.SQLException unavailable) {
      return null;
    }
  }

  /** Runs {@link BenchmarkHarness} on one database in a JVM of its own and reads its results. */
  Results.Run harness(String database, Map<String, String> db) throws Exception {
    Path json = out.resolve(database + ".json");
    Path log = out.resolve(database + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    for (String option : setting("jvm").split(" ")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchmarkHarness.class.getName(), "--database=" + database,
        "--url=" + db.get("url"), "--user=" + db.get("user"), "--password=" + db.get("password"), "--size=" + size,
        "--out=" + json, "--port=" + setting("port")));
    for (String name : List.of("warmup", "clients", "lifecycles", "rounds", "projects", "running", "samples", "profile")) {
      command.add("--" + name + "=" + setting(database, name));
    }
    for (String name : List.of("browser-samples", "browser-warmup")) {
      command.add("--" + name + "=" + System.getProperty("kyodo.bench." + name, BROWSER.get(size).get(name)));
    }
    for (String name : List.of("organisations", "running-templates", "hikari-every")) {
      command.add("--" + name + "=" + setting(database, name));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    List<String> lines = Files.readAllLines(log);
    lines.stream().filter(line -> line.startsWith("[bench]")).forEach(System.out::println);
    assertThat(exit).as("benchmark on %s (log %s):%n%s", database, log,
        String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()))).isZero();
    return new ObjectMapper().findAndRegisterModules().readValue(json.toFile(), Results.Run.class);
  }

  /** The figures make sense: every lifecycle completed all its tasks, both sides did database work, queries answered. */
  void checkSane(Results.Run run) {
    assertThat(run.tasksPerLifecycle()).as("user tasks in a lifecycle").isGreaterThan(30);
    assertThat(run.startsPerLifecycle()).as("the proposal and the partner's application").isEqualTo(2);
    for (Results.Timing timing : run.timings()) {
      for (Results.Round round : timing.rounds()) {
        for (Results.Batch batch : List.of(round.kyodo(), round.yardstick())) {
          assertThat(batch.clients()).isEqualTo(timing.clients());
          assertThat(batch.lifecycles()).isEqualTo(timing.clients() * Integer.parseInt(setting("lifecycles")));
          assertThat(batch.tasks()).as("%s completed every task", batch.side())
              .isEqualTo(batch.lifecycles() * run.tasksPerLifecycle());
          assertThat(batch.nanos()).isPositive();
          assertThat(batch.actionNanos()).as("%s: time inside the people's actions, within the clients' wall time", batch.side())
              .isPositive().isLessThanOrEqualTo(batch.nanos() * batch.clients());
          assertThat(batch.statements()).as("%s ran statements", batch.side()).isGreaterThan(batch.tasks());
          assertThat(batch.commits()).as("%s committed", batch.side()).isGreaterThanOrEqualTo(batch.tasks());
        }
        assertThat(round.ratio()).isFinite().isPositive();
      }
    }
    assertThat(run.sql().kyodoStatements()).as("Kyodo does what the bare engine does, and more")
        .isGreaterThan(run.sql().yardstickStatements());
    assertThat(run.data().projects()).isEqualTo(Integer.parseInt(setting(run.database(), "projects")));
    assertThat(run.data().openTasks()).as("every running lifecycle waits at a task")
        .isGreaterThanOrEqualTo(run.data().runningLifecycles());
    for (Results.Query query : run.queries()) {
      assertThat(query.samples()).isEqualTo(Integer.parseInt(setting("samples")));
      assertThat(query.p50()).isPositive().isLessThanOrEqualTo(query.p95());
      assertThat(query.p95()).isLessThanOrEqualTo(query.max());
      assertThat(query.rows()).isLessThanOrEqualTo(query.total());
    }
    assertThat(run.queries()).filteredOn(q -> q.name().equals("GET /api/projects") && q.user().equals("tanaka"))
        .singleElement().satisfies(q -> assertThat(q.total()).as("the office sees every project")
            .isEqualTo(run.data().projectsInDatabase()));
    checkSane(run.database(), run.scale());
  }

  /** Issue #18's part: the prefecture data was made and checked, every role's queries answered, the cleanup removed. */
  void checkSane(String database, Results.Scale scale) {
    assertThat(scale).as("the prefecture data and its measurements").isNotNull();
    assertThat(scale.data().projects()).isEqualTo(Integer.parseInt(setting(database, "projects")));
    assertThat(scale.data().organisations()).isEqualTo(Integer.parseInt(setting(database, "organisations")));
    assertThat(scale.data().hikariProjects()).as("hikari's projects").isPositive();
    assertThat(scale.data().templates()).isEqualTo(2 + Integer.parseInt(setting(database, "running-templates")));
    assertThat(scale.checks()).as("faithfulness checks, one per template and the worked clone")
        .hasSize(scale.data().templates() + 1);
    assertThat(scale.queries()).extracting(Results.Query::user)
        .contains("tanaka", "suzuki", "sato", "takahashi", "admin", "hikari", "citizen");
    for (Results.Query query : scale.queries()) {
      assertThat(query.p50()).isPositive().isLessThanOrEqualTo(query.p95());
      assertThat(query.rows()).isLessThanOrEqualTo(query.total());
    }
    assertThat(scale.cleanup().expiredRoots()).as("a year of lifecycles expired").isPositive();
    assertThat(scale.cleanup().leftExpired()).as("the cleanup removed everything expired").isZero();
    // the cleanup's own job log is history too: the rows removed are the expired ones less those it wrote meanwhile
    assertThat(scale.cleanup().removedRows()).isPositive().isLessThanOrEqualTo(scale.cleanup().expiredRows());
  }

  /**
   * The browser probe ran every kind of task with as many samples as asked, its figures are ordered, and Tasklist made
   * the calls that open and submit a Camunda Form (each sample's form was checked rendered with the engine's values and
   * its task completed in the history by the probe itself). Without Chromium there is nothing to check, unless
   * KYODO_REQUIRE_ALL asks for every part.
   */
  void checkBrowser(Results.Run run) {
    if (!jp.kyodo.browser.Chromium.installed() && !"true".equals(System.getenv("KYODO_REQUIRE_ALL"))) {
      return;
    }
    int samples = Integer.parseInt(System.getProperty("kyodo.bench.browser-samples", BROWSER.get(size).get("browser-samples")));
    assertThat(run.felt()).as("kinds of task measured in the browser").extracting(Results.Felt::taskKey)
        .containsExactly(BrowserProbe.KINDS.stream().flatMap(List::stream).map(BrowserProbe.Kind::taskKey).toArray(String[]::new));
    for (Results.Felt felt : run.felt()) {
      assertThat(felt.samples()).isEqualTo(samples);
      for (Results.Stat stat : List.of(felt.open(), felt.submit(), felt.total())) {
        assertThat(stat.p50()).as(felt.kind()).isPositive().isLessThanOrEqualTo(stat.p95());
        assertThat(stat.p95()).as(felt.kind()).isLessThanOrEqualTo(stat.max());
      }
      assertThat(felt.total().max()).as(felt.kind()).isLessThanOrEqualTo(felt.open().max() + felt.submit().max());
      assertThat(felt.submitStatements()).as(felt.kind() + ": the submission reached the database").isPositive();
      assertThat(felt.calls()).as(felt.kind() + ": Tasklist's calls").extracting(c -> c.span() + " " + c.request())
          .contains("open engine/task/{id}/deployed-form", "open engine/task/{id}/form-variables",
              "submit engine/task/{id}/submit-form");
    }
  }

  static void checkSane(Results.Startup startup) {
    assertThat(startup.firstStartSeconds()).isPositive();
    assertThat(startup.heapAfterWarmupMb()).isPositive();
    assertThat(startup.warmupRequests()).isPositive();
    // Started with the shipped settings, and the memory figures read (what they are is reported, not asserted).
    assertThat(startup.settings()).isEqualTo(RunSettings.read().describe());
    assertThat(startup.nativeMemoryMb()).containsKeys("Total", "Java Heap", "Metaspace", "Code");
    assertThat(startup.peakRssMb()).isGreaterThanOrEqualTo(startup.rssAfterWarmupMb());
    assertThat(startup.gcPauseSeconds()).isNotNegative().isLessThan(startup.warmupSeconds());
  }
}
