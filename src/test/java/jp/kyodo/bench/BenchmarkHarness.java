package jp.kyodo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import jp.kyodo.KyodoApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark on one database, in a JVM of its own (started by {@link BenchmarkIT}): Kyodo's application with its
 * engine as configured for production (history full, authorization on, the same pool), a bare engine beside it for
 * the yardstick, whole lifecycles of both run side by side and interleaved, then the project data set and the
 * query latencies. Writes {@link Results.Run} as JSON to {@code --out}.
 *
 * <p>Arguments (all {@code --name=value}): {@code database} h2|postgres, {@code url}, {@code user}, {@code password},
 * {@code port} (HTTP port of the application), {@code clients} (e.g. 1,4), {@code lifecycles} per client and batch,
 * {@code rounds} (Kyodo/yardstick pairs per client count), {@code warmup} (lifecycles per side before measuring),
 * {@code projects} (size of the data set), {@code running} (how many of them are running lifecycles),
 * {@code samples} (requests per query), {@code size} (a label), {@code out}.
 */
public final class BenchmarkHarness {

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    long began = System.nanoTime();
    String database = options.get("database", "h2");
    String url = options.get("url", "jdbc:h2:file:./target/bench/h2/kyodo");
    String user = options.get("user", database.equals("h2") ? "sa" : "kyodo");
    String password = options.get("password", database.equals("h2") ? "" : "kyodo");
    // --queries-only=true: the queries again on the data a previous run left (to work on them without waiting).
    boolean queriesOnly = Boolean.parseBoolean(options.get("queries-only", "false"));
    if (!queriesOnly) {
      emptyDatabase(database, url, user, password);
    }

    SqlCounter counter = new SqlCounter();
    SpringApplication application = new SpringApplication(KyodoApplication.class);
    application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && name.equals("dataSource") ? counter.wrap(dataSource) : bean;
      }
    }));
    org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup steps =
        new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(20_000);
    if (Boolean.parseBoolean(options.get("startup-steps", "false"))) {
      application.setApplicationStartup(steps);
    }
    List<String> properties = new ArrayList<>(List.of(
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password, "--server.port=" + options.get("port", "8085"),
        // Timers and async jobs run through the job API, by the harness, as in the lifecycle tests.
        "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.context=ERROR",
        "--spring.main.banner-mode=off"));
    if (database.equals("postgres")) {
      properties.add("--spring.profiles.active=postgres");
    }
    Results.Run run;
    long starting = System.nanoTime();
    try (ConfigurableApplicationContext context = application.run(properties.toArray(String[]::new))) {
      SqlCounter.Snapshot startup = counter.snapshot();
      log("application started in %.1f s with %d SQL statements and %d commits", (System.nanoTime() - starting) / 1e9,
          startup.statements(), startup.commits());
      // --startup-steps=true: the slowest steps of the start (bean creation and the like, nested steps included).
      steps.getBufferedTimeline().getEvents().stream()
          .sorted(java.util.Comparator.comparing(org.springframework.boot.context.metrics.buffering.StartupTimeline
              .TimelineEvent::getDuration).reversed()).limit(40)
          .forEach(e -> log("  %6d ms  %s %s", e.getDuration().toMillis(), e.getStartupStep().getName(),
              java.util.stream.StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                  .map(t -> t.getKey() + "=" + t.getValue()).toList()));
      if (queriesOnly) {
        QueryProbe probe = new QueryProbe(context, context.getBean(ProcessEngine.class));
        if (Boolean.parseBoolean(options.get("profile", "false"))) {
          probe.profile(counter);
        }
        probe.measure(options.integer("samples", 200));
        // the data a previous run generated, again (issue #18): the scale queries, and the cleanup when asked for
        PrefectureData.scale(null, options, context, context.getBean(ProcessEngine.class), null);
        System.exit(0);
      }
      run = measure(options, context, counter, database, url, began);
    }
    Path out = Path.of(options.get("out", "target/bench/" + database + ".json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), run);
    System.out.println("benchmark results written to " + out);
    System.exit(0);
  }

  static Results.Run measure(Options options, ConfigurableApplicationContext context, SqlCounter counter, String database,
      String url, long began) throws Exception {
    ProcessEngine kyodo = context.getBean(ProcessEngine.class);
    // --rest=false: the people's actions through the engine's Java API instead of Tasklist's HTTP calls.
    boolean rest = Boolean.parseBoolean(options.get("rest", "true"));
    int port = options.integer("port", 8085);
    Desk desk = new Desk(kyodo);
    if (rest) {
      desk.viaTasklist(port);
    }
    desk.applications = context.getBean(jp.kyodo.selection.CallApplications.class);
    Script script = new Script();
    CollaborationLifecycle.Team.hire(kyodo.getIdentityService());
    CollaborationLifecycle.Outcome recorded = new CollaborationLifecycle(desk, new Lockstep(1, kyodo.getManagementService()),
        CollaborationLifecycle.Team.of(0), script, counter).run();
    log("recorded lifecycle %s: %d tasks, %d starts, %d clock moves", recorded.projectNumber(), recorded.tasks(),
        recorded.starts(), script.clockMoves());
    script.statements.forEach(e -> log("  %-32s %5d statements (claim and submit)", e.getKey(), e.getValue()));
    if (Boolean.parseBoolean(options.get("profile", "false"))) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < script.statements.size(); i++) {
        text.append("== ").append(script.statements.get(i).getKey()).append(": ").append(script.statements.get(i).getValue())
            .append(" statements\n");
        script.profiles.get(i).forEach(e -> text.append(String.format("%6d  %s%n", e.getValue(), e.getKey())));
      }
      Path tasks = Path.of(options.get("out", "target/bench/" + database + ".json").replaceFirst("\\.json$", "")
          + "-sql-by-task.txt");
      Files.createDirectories(tasks.toAbsolutePath().getParent());
      Files.writeString(tasks, text);
    }
    try (Yardstick yardstick = new Yardstick(kyodo, context, script)) {
      if (rest) {
        yardstick.desk.viaTasklist(port);
      }
      Sides sides = new Sides(kyodo, desk, yardstick);
      int warmup = options.integer("warmup", 3);
      for (int i = 0; i < warmup; i++) {
        sides.kyodo(1, 1, counter);
        sides.yardstick(1, 1, counter);
      }
      if (Boolean.parseBoolean(options.get("profile", "false"))) {
        sides.profile(counter, Path.of(options.get("out", "target/bench/" + database + ".json")
            .replaceFirst("\\.json$", "") + "-sql-profile.txt"));
      }
      List<String> load = new ArrayList<>(List.of("before the lifecycles: " + Results.loadAverage()));
      List<Results.Timing> timings = new ArrayList<>();
      int lifecycles = options.integer("lifecycles", 2);
      int rounds = options.integer("rounds", 5);
      for (int clients : options.integers("clients", "1,4")) {
        List<Results.Round> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          // Interleaved, and the side that goes first alternates (K Y, Y K, K Y, ...), so neither always inherits
          // the other's garbage or a warmer cache.
          Results.Batch a;
          Results.Batch b;
          if (round % 2 == 0) {
            a = sides.kyodo(clients, lifecycles, counter);
            b = sides.yardstick(clients, lifecycles, counter);
          } else {
            b = sides.yardstick(clients, lifecycles, counter);
            a = sides.kyodo(clients, lifecycles, counter);
          }
          Results.Round pair = new Results.Round(a, b);
          measured.add(pair);
          log("%d client(s), round %d: Kyodo %.2f ms/task, yardstick %.2f ms/task, ratio %.2f (CPU %.2f / %.2f ms, %.2f)",
              clients, round + 1, a.msPerTask(), b.msPerTask(), pair.ratio(), a.cpuMsPerTask(), b.cpuMsPerTask(),
              pair.cpuRatio());
        }
        timings.add(new Results.Timing(clients, measured));
      }
      load.add("after the lifecycles: " + Results.loadAverage());
      // --data=prefecture (issue #18): cloned lifecycles with full history (PrefectureData); =projects: ProjectData
      PrefectureData.Made prefecture = null;
      Results.Data data;
      if (options.get("data", "prefecture").equals("prefecture")) {
        prefecture = new PrefectureData(context, kyodo).generate(options);
        data = prefecture.asData();
      } else {
        data = new ProjectData(context, desk).generate(options.integer("projects", 10_000),
            options.integer("running", 2_000));
      }
      load.add("before the queries: " + Results.loadAverage());
      List<Results.Query> queries = new QueryProbe(context, kyodo).measure(options.integer("samples", 200));
      load.add("after the queries: " + Results.loadAverage());
      List<Results.Felt> felt = browser(options, context, kyodo, desk, script, counter, database, load);
      Results.Scale scale = prefecture == null ? null : PrefectureData.scale(prefecture, options, context, kyodo, desk);
      Results.Sql sql = Results.Sql.of(timings);
      log("one lifecycle: Kyodo %.0f statements / %.0f commits; yardstick %.0f statements / %.0f commits",
          sql.kyodoStatements(), sql.kyodoCommits(), sql.yardstickStatements(), sql.yardstickCommits());
      return new Results.Run(database, databaseVersion(kyodo), url, options.get("size", "custom"), recorded.tasks(),
          (int) script.clockMoves(), recorded.starts(), sql, timings, data, queries,
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), (System.nanoTime() - began) / 1e9,
          load, felt, scale);
    }
  }

  /**
   * Felt latency in headless Chromium ({@link BrowserProbe}) on the data set, {@code --browser-samples} per kind of
   * task after {@code --browser-warmup}; none when Chromium is not installed (the report says so).
   */
  static List<Results.Felt> browser(Options options, ConfigurableApplicationContext context, ProcessEngine kyodo, Desk desk,
      Script script, SqlCounter counter, String database, List<String> load) {
    int samples = options.integer("browser-samples", 20);
    if (samples == 0 || !jp.kyodo.browser.Chromium.installed()) {
      log("browser: not measured (%s)", samples == 0 ? "--browser-samples=0" : "Chromium is not installed");
      return List.of();
    }
    List<Results.Felt> felt = new BrowserProbe(kyodo, desk, script,
        Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
        Path.of(options.get("out", "target/bench/" + database + ".json")).toAbsolutePath().getParent()
            .resolve(database + "-screenshots"), counter).measure(options.integer("browser-warmup", 2), samples);
    load.add("after the browser: " + Results.loadAverage());
    return felt;
  }

  /** Runs Kyodo lifecycles and yardstick instances in batches of clients side by side. */
  record Sides(ProcessEngine kyodo, Desk desk, Yardstick yardstick) {

    static final AtomicInteger SERIAL = new AtomicInteger();

    Results.Batch kyodo(int clients, int lifecycles, SqlCounter counter) throws Exception {
      Lockstep clock = new Lockstep(clients, kyodo.getManagementService());
      return batch("kyodo", clients, lifecycles, counter, client -> new CollaborationLifecycle(desk, clock,
          CollaborationLifecycle.Team.of(client), null).run().tasks(), clock, desk);
    }

    Results.Batch yardstick(int clients, int lifecycles, SqlCounter counter) throws Exception {
      Lockstep clock = new Lockstep(clients, yardstick.engine.getManagementService());
      return batch("yardstick", clients, lifecycles, counter,
          client -> yardstick.run(clock, "Y-" + SERIAL.incrementAndGet(), client), clock, yardstick.desk);
    }

    private Results.Batch batch(String side, int clients, int lifecycles, SqlCounter counter, IntFunction<Integer> one,
        Lockstep clock, Desk acting) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      System.gc(); // each batch starts from a collected heap, whichever side ran before
      try {
        SqlCounter.Snapshot before = counter.snapshot();
        long acted = acting.actionNanos.sum();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          int client = c;
          futures.add(pool.submit(() -> {
            int tasks = 0;
            try {
              for (int i = 0; i < lifecycles; i++) {
                tasks += one.apply(client);
              }
            } catch (RuntimeException e) {
              clock.abort();
              throw e;
            }
            return tasks;
          }));
        }
        int tasks = 0;
        for (Future<Integer> future : futures) {
          tasks += future.get();
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpu;
        SqlCounter.Snapshot sql = counter.snapshot().minus(before);
        return new Results.Batch(side, clients, clients * lifecycles, tasks, nanos, acting.actionNanos.sum() - acted,
            cpuNanos, sql.statements(),
            sql.roundTrips(), sql.commits(), sql.rollbacks());
      } finally {
        pool.shutdownNow();
      }
    }

    /**
     * One lifecycle of each on its own, its statements counted by SQL text and written to {@code profile}, most
     * frequent first: where the database work of a lifecycle goes.
     */
    void profile(SqlCounter counter, Path profile) throws Exception {
      counter.startProfile();
      kyodo(1, 1, counter);
      List<java.util.Map.Entry<String, Long>> kyodoProfile = counter.stopProfile();
      counter.startProfile();
      yardstick(1, 1, counter);
      List<java.util.Map.Entry<String, Long>> yardstickProfile = counter.stopProfile();
      StringBuilder text = new StringBuilder("== statements of one lifecycle by what they are for: Kyodo / yardstick\n");
      java.util.Map<String, long[]> byKind = new java.util.TreeMap<>();
      kyodoProfile.forEach(e -> byKind.computeIfAbsent(kind(e.getKey()), k -> new long[2])[0] += e.getValue());
      yardstickProfile.forEach(e -> byKind.computeIfAbsent(kind(e.getKey()), k -> new long[2])[1] += e.getValue());
      byKind.forEach((kind, n) -> text.append(String.format("%6d %6d  %s%n", n[0], n[1], kind)));
      for (var side : List.of(java.util.Map.entry("Kyodo lifecycle", kyodoProfile),
          java.util.Map.entry("yardstick instance", yardstickProfile))) {
        text.append("== ").append(side.getKey()).append(": statements by SQL text\n");
        side.getValue().forEach(e -> text.append(String.format("%6d  %s%n", e.getValue(), e.getKey())));
      }
      Files.createDirectories(profile.toAbsolutePath().getParent());
      Files.writeString(profile, text);
    }
  }

  /** What a statement is for, by the first table it names. */
  static String kind(String sql) {
    java.util.regex.Matcher table = java.util.regex.Pattern.compile(
        "(?i)\\b(?:from|into|update|join)\\s+(ACT_[A-Z_]+|kyodo_[a-z_]+)").matcher(sql);
    if (!table.find()) {
      return "other";
    }
    String name = table.group(1).toUpperCase(java.util.Locale.ROOT);
    if (name.startsWith("KYODO_")) {
      return "Kyodo's own tables (kyodo_*)";
    }
    if (name.equals("ACT_HI_DETAIL") && sql.contains("'FormProperty'")) {
      return "form submissions in the history (ACT_HI_DETAIL FormProperty)";
    }
    return switch (name) {
      case "ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY" ->
          "variables and their history (ACT_RU_VARIABLE, ACT_HI_VARINST, ACT_HI_DETAIL, ACT_GE_BYTEARRAY)";
      case "ACT_RU_EXECUTION", "ACT_HI_ACTINST", "ACT_HI_PROCINST", "ACT_RU_EVENT_SUBSCR" ->
          "process execution and its history (ACT_RU_EXECUTION, ACT_HI_ACTINST, ACT_HI_PROCINST, ACT_RU_EVENT_SUBSCR)";
      case "ACT_RU_TASK", "ACT_HI_TASKINST", "ACT_RU_IDENTITYLINK", "ACT_HI_IDENTITYLINK", "ACT_RU_TASK_METER_LOG" ->
          "tasks and their history (ACT_RU_TASK, ACT_HI_TASKINST, identity links, task meter)";
      case "ACT_RU_AUTHORIZATION" -> "authorization checks and task grants (ACT_RU_AUTHORIZATION)";
      case "ACT_RU_JOB", "ACT_HI_JOB_LOG", "ACT_RU_JOBDEF", "ACT_RU_INCIDENT" ->
          "jobs: timers and async steps (ACT_RU_JOB, ACT_HI_JOB_LOG, ACT_RU_JOBDEF, ACT_RU_INCIDENT)";
      case "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_RE_DECISION_DEF", "ACT_RE_DECISION_REQ_DEF" ->
          "DMN decisions and their history (ACT_HI_DEC*, ACT_RE_DECISION*)";
      case "ACT_HI_OP_LOG" -> "user operation log (ACT_HI_OP_LOG)";
      default -> name.startsWith("ACT_RE_") ? "definitions (ACT_RE_*)" : name.startsWith("ACT_ID_") ? "identity (ACT_ID_*)"
          : "other engine tables (" + name + ")";
    };
  }

  private static Object[] concat(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String databaseVersion(ProcessEngine engine) {
    try (Connection connection = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource().getConnection()) {
      return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "unknown";
    }
  }

  /** Every run starts from an empty database: H2's files are removed, PostgreSQL's schema is dropped. */
  static void emptyDatabase(String database, String url, String user, String password) throws IOException, SQLException {
    if (database.equals("h2")) {
      String file = url.replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*$", "");
      for (String suffix : List.of(".mv.db", ".trace.db")) {
        Files.deleteIfExists(Path.of(file + suffix));
      }
      return;
    }
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
      statement.execute("CREATE SCHEMA public");
    }
  }

  static void log(String format, Object... args) {
    System.out.printf("[bench] %5.1fs " + format + "%n", concat(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, args));
    System.out.flush();
  }
}
