package jp.kyodo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.support.RestClient;

/**
 * {@code java @docker/jvm.options -jar target/kyodo.jar} as an operator starts it, with the settings of
 * {@link RunSettings} (and Native Memory Tracking on top, to see where the memory goes): the time from launching the
 * JVM until {@code /actuator/health} answers UP and the CPU seconds used by then, first on an empty database (schema,
 * models and people created) and then again on the same database (a restart); and, after a warm-up over HTTP as
 * people use Kyodo ({@link #warmUp}), the heap in use after a full GC, the resident set (now and its peak), the GC
 * pauses' share of the warm-up, and the JVM's own account of its memory by category (NMT).
 */
final class StartupProbe {

  private final Path jar;
  private final int port;
  private final Path logs;
  private final RunSettings settings;
  private final java.util.concurrent.locks.Lock proposing = new java.util.concurrent.locks.ReentrantLock();

  StartupProbe(Path jar, int port, Path logs) {
    this(jar, port, logs, RunSettings.read());
  }

  StartupProbe(Path jar, int port, Path logs, RunSettings settings) {
    this.jar = jar;
    this.port = port;
    this.logs = logs;
    this.settings = settings;
  }

  /**
   * {@code database} h2 or postgres, {@code arguments} the datasource settings; the database is emptied first.
   * {@code proposals} how many proposals each of {@code clients} concurrent people works through ① in the warm-up.
   */
  Results.Startup measure(String database, String url, String user, String password, int proposals, boolean restart)
      throws Exception {
    return measure(database, url, user, password, proposals, 1, restart, true);
  }

  Results.Startup measure(String database, String url, String user, String password, int proposals, int clients,
      boolean restart, boolean empty) throws Exception {
    if (empty) {
      BenchmarkHarness.emptyDatabase(database, url, user, password);
    }
    List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
    if (database.equals("postgres")) {
      arguments.add("--spring.profiles.active=postgres");
    }
    Process first = launch(arguments, logs.resolve("startup-" + database + "-first.log"));
    double[] firstSeconds;
    Memory memory;
    int requests;
    try {
      firstSeconds = untilReady(first);
      double gcBefore = gcSeconds(first.pid());
      long began = System.nanoTime();
      requests = warmUp(proposals, clients);
      double warmupSeconds = (System.nanoTime() - began) / 1e9;
      double gc = gcSeconds(first.pid()) - gcBefore;
      memory = memory(first.pid(), warmupSeconds, gc);
    } finally {
      stop(first);
    }
    double[] restartSeconds = {0, 0};
    if (restart) {
      Process again = launch(arguments, logs.resolve("startup-" + database + "-restart.log"));
      try {
        restartSeconds = untilReady(again);
      } finally {
        stop(again);
      }
    }
    BenchmarkHarness.log("%s: ready after %.1f s, %.1f s CPU (%s database); %.1f s, %.1f s CPU (restart, 0 = not run);"
        + " after %d requests of %d clients in %.1f s: heap %.0f MB after GC, RSS %.0f MB (peak %.0f MB), GC pauses %.2f s"
        + " (%.1f %%); NMT committed %s; settings %s", database, firstSeconds[0], firstSeconds[1], empty ? "empty" : "existing",
        restartSeconds[0], restartSeconds[1], requests, clients, memory.warmupSeconds, memory.heap, memory.rss, memory.peakRss,
        memory.gcSeconds, 100 * memory.gcSeconds / memory.warmupSeconds, memory.nativeMemory, settings.describe());
    return new Results.Startup(database, firstSeconds[0], firstSeconds[1], restartSeconds[0], restartSeconds[1], memory.heap,
        memory.rss, requests, Results.loadAverage(), settings.describe(), clients, memory.warmupSeconds, memory.gcSeconds,
        memory.peakRss, memory.nativeMemory);
  }

  private Process launch(List<String> arguments, Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    return launcher(arguments).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The command and environment the jar is started with: the shipped settings, as the Dockerfile starts it. */
  ProcessBuilder launcher(List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // NMT's own bookkeeping is in its breakdown ("Native Memory Tracking") and in the resident set: a few MB.
        "-XX:NativeMemoryTracking=summary", "@" + settings.file().toAbsolutePath(), "-jar", jar.toString(),
        "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(settings.environment());
    return builder;
  }

  /**
   * Seconds from launching until the health endpoint answers UP (polled every 50 ms), and the CPU seconds the
   * process had used by then (other programs on a shared machine stretch the first much more than the second).
   */
  private double[] untilReady(Process process) throws Exception {
    long launched = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() - launched < Duration.ofMinutes(6).toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited with " + process.exitValue() + " before it was ready");
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return new double[] {(System.nanoTime() - launched) / 1e9, cpuSeconds(process.pid())};
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the application was not ready within 6 minutes");
  }

  /**
   * {@code clients} people at the same time, each working {@code proposals} proposals through ① as in the browser:
   * hikari proposes through the start form in Tasklist; the office (tanaka) and the department (suzuki) open
   * Tasklist's filters with their counts, open each task's form (its variables and the deployed form) and submit it;
   * between proposals the office's integration reads the project API (HTTP Basic), the office looks at its overview page and Cockpit's dashboard, and a citizen
   * at the public project list and a search. Returns the requests made.
   */
  private int warmUp(int proposals, int clients) throws Exception {
    java.util.concurrent.ExecutorService people = java.util.concurrent.Executors.newFixedThreadPool(clients);
    try {
      int requests = 0;
      List<java.util.concurrent.Future<Integer>> each = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        each.add(people.submit(() -> warmUpOne(proposals, client)));
      }
      for (var done : each) {
        requests += done.get();
      }
      return requests;
    } finally {
      people.shutdownNow();
    }
  }

  private int warmUpOne(int proposals, int client) {
    RestClient hikari = RestClient.tasklistSession(port, "default", "hikari");
    RestClient tanaka = RestClient.tasklistSession(port, "default", "tanaka");
    RestClient suzuki = RestClient.tasklistSession(port, "default", "suzuki");
    RestClient cockpit = RestClient.webappSession(port, "default", "tanaka", "cockpit");
    RestClient api = RestClient.basic(port, "tanaka");
    RestClient citizen = RestClient.basic(port, null);
    int[] requests = {8};
    for (int i = 0; i < proposals; i++) {
      String start = WEBAPP_API + "/process-definition/key/" + jp.kyodo.lifecycle.CollaborationProcess.KEY;
      ok(hikari.get(start + "/deployed-start-form"), requests);
      String instance;
      // One numbering step at a time (the proposal, and the review that opens ② and numbers its selection): each
      // holds the row of its number series until it commits, and on H2 a second one waiting longer than H2's lock
      // timeout fails (500s seen here with 4 clients at a load average of 20 on 2 cores). Everything else overlaps.
      proposing.lock();
      try {
        instance = ok(hikari.post(start + "/submit-form", RestClient.variables(ExaminationScenario.with(
            ExaminationScenario.proposal(), ExaminationProcess.TITLE.name(), "起動後の試し " + client + "-" + i))), requests)
            .json().path("id").asText();
      } finally {
        proposing.unlock();
      }
      String number = ok(tanaka.get(WEBAPP_API + "/process-instance/" + instance), requests).json().path("businessKey")
          .asText();
      submit(tanaka, number, ExaminationProcess.Elements.INTAKE, ExaminationScenario.intake("dept-fukushi"), requests);
      submit(suzuki, number, ExaminationProcess.Elements.CHECK_SHEET, ExaminationScenario.checkSheet(), requests);
      submit(suzuki, number, ExaminationProcess.Elements.ASSESS, ExaminationScenario.assessment(), requests);
      proposing.lock();
      try {
        submit(tanaka, number, ExaminationProcess.Elements.REVIEW, ExaminationScenario.review("PROCEED", "試し"), requests);
      } finally {
        proposing.unlock();
      }
      ok(api.get("/api/projects"), requests);
      ok(api.get("/api/projects?status=ACTIVE&phase=EXAMINATION"), requests);
      ok(api.get("/api/projects/" + number), requests);
      ok(tanaka.get("/overview/"), requests);
      ok(tanaka.get("/overview/api/summary"), requests);
      ok(cockpit.get(WEBAPP_API + "/process-definition/statistics?rootIncidents=true"), requests);
      ok(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics"), requests);
      ok(citizen.get("/public/"), requests);
      ok(citizen.get("/public/api/projects"), requests);
      ok(citizen.get("/public/api/projects?q=" + java.net.URLEncoder.encode("見守り", StandardCharsets.UTF_8)), requests);
    }
    return requests[0];
  }

  static final String WEBAPP_API = "/camunda/api/engine/engine/default";

  /**
   * As Tasklist shows a task: the user's filters with their counts and the first page of the first, then the task's
   * form (its variables and the deployed form), then the submission.
   */
  private static void submit(RestClient user, String number, String taskKey, Map<String, Object> values, int[] requests) {
    var filters = ok(user.get(WEBAPP_API + "/filter?resourceType=Task&itemCount=true"), requests).json();
    ok(user.send("POST", WEBAPP_API + "/filter/" + filters.get(0).path("id").asText()
        + "/list?firstResult=0&maxResults=15", "application/json", QueryProbe.TASKLIST_BODY), requests);
    var tasks = ok(user.get(WEBAPP_API + "/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey),
        requests).json();
    String task = WEBAPP_API + "/task/" + tasks.get(0).path("id").asText();
    ok(user.get(task + "/form-variables"), requests);
    ok(user.get(task + "/deployed-form"), requests);
    ok(user.post(task + "/submit-form", RestClient.variables(values)), requests);
  }

  private static RestClient.Response ok(RestClient.Response response, int[] requests) {
    requests[0]++;
    if (response.status() >= 300) {
      throw new IllegalStateException("answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  /** What the process holds after the warm-up (MB), and how much of the warm-up went to GC pauses. */
  record Memory(double heap, double rss, double peakRss, double warmupSeconds, double gcSeconds,
      Map<String, Double> nativeMemory) {}

  private static Memory memory(long pid, double warmupSeconds, double gcSeconds) throws Exception {
    // Read before the GC that measures the heap: a full GC returns memory only to a heap that may shrink.
    double rss = status(pid, "VmRSS:");
    double peak = status(pid, "VmHWM:");
    Map<String, Double> nativeMemory = nativeMemory(jcmd(pid, "VM.native_memory summary"));
    double heap = heapAfterGc(pid);
    return new Memory(heap, rss, peak, warmupSeconds, gcSeconds, nativeMemory);
  }

  private static final Pattern NMT_CATEGORY = Pattern.compile("^(?:-\\s+([A-Za-z ]+?)|(Total):) \\(?reserved=(\\d+)KB, committed=(\\d+)KB\\)?",
      Pattern.MULTILINE);

  /** MB committed per category of {@code VM.native_memory summary} (total first, then the largest), 0.5 MB or more. */
  static Map<String, Double> nativeMemory(String summary) {
    Map<String, Double> all = new java.util.HashMap<>();
    Matcher category = NMT_CATEGORY.matcher(summary);
    while (category.find()) {
      String name = category.group(1) != null ? category.group(1).strip() : "Total";
      all.put(name, Long.parseLong(category.group(4)) / 1024.0);
    }
    if (!all.containsKey("Total")) {
      throw new IllegalStateException("no native memory summary in: " + summary);
    }
    Map<String, Double> sorted = new java.util.LinkedHashMap<>();
    sorted.put("Total", all.remove("Total"));
    all.entrySet().stream().filter(e -> e.getValue() >= 0.5)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
    return sorted;
  }

  /** Seconds the process spent in GC pauses so far ({@code jstat -gc}: GCT, the last column). */
  private static double gcSeconds(long pid) throws Exception {
    Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
        String.valueOf(pid)).redirectErrorStream(true).start();
    String[] lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
    jstat.waitFor();
    String[] header = lines[0].strip().split("\\s+");
    String[] values = lines[lines.length - 1].strip().split("\\s+");
    if (!header[header.length - 1].equals("GCT") || values.length != header.length) {
      throw new IllegalStateException("no GC time in: " + String.join("\n", lines));
    }
    return Double.parseDouble(values[values.length - 1]);
  }

  /** MB of heap in use right after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  private static double heapAfterGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long kb = 0;
    while (used.find()) {
      kb += Long.parseLong(used.group(1));
    }
    if (kb == 0) {
      throw new IllegalStateException("no heap figures in: " + info);
    }
    return kb / 1024.0;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }

  /** User and system CPU seconds of the process (/proc/<pid>/stat, in clock ticks of 1/100 s; 0 without /proc). */
  private static double cpuSeconds(long pid) throws IOException {
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    String text = Files.readString(stat);
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  /** MB of a line of /proc/<pid>/status (VmRSS resident now, VmHWM its peak); 0 where there is no /proc. */
  private static double status(long pid, String key) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return 0;
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /**
   * One measurement on its own, to try settings: {@code --database=h2|postgres --url=… [--user --password]
   * --port=8386 --proposals=5 --clients=4 --restart=false --empty=true --settings=docker/jvm.options --jar=target/kyodo.jar
   * --out=/tmp/…}.
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    StartupProbe probe = new StartupProbe(Path.of(options.get("jar", "target/kyodo.jar")),
        options.integer("port", 8386), Path.of(options.get("out", "target/bench")),
        RunSettings.read(Path.of(options.get("settings", RunSettings.FILE.toString()))));
    Results.Startup startup = probe.measure(options.get("database", "h2"), options.get("url", null),
        options.get("user", "sa"), options.get("password", ""), options.integer("proposals", 5),
        options.integer("clients", 1), Boolean.parseBoolean(options.get("restart", "false")),
        Boolean.parseBoolean(options.get("empty", "true")));
    System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(startup));
  }
}
