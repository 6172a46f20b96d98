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
 * {@code java -jar target/kyodo.jar} as an operator starts it: the time from launching the JVM until
 * {@code /actuator/health} answers UP, first on an empty database (schema, models and people created) and then
 * again on the same database (a restart); and, after a warm-up over HTTP (proposals worked through ① with the
 * forms, Tasklist's task list, the project list), the heap in use after a full GC and the resident set of the
 * process.
 */
final class StartupProbe {

  private final Path jar;
  private final int port;
  private final Path logs;

  StartupProbe(Path jar, int port, Path logs) {
    this.jar = jar;
    this.port = port;
    this.logs = logs;
  }

  /**
   * {@code database} h2 or postgres, {@code arguments} the datasource settings; the database is emptied first.
   * {@code proposals} how many proposals the warm-up works through ①.
   */
  Results.Startup measure(String database, String url, String user, String password, int proposals, boolean restart)
      throws Exception {
    BenchmarkHarness.emptyDatabase(database, url, user, password);
    List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
    if (database.equals("postgres")) {
      arguments.add("--spring.profiles.active=postgres");
    }
    Process first = launch(arguments, logs.resolve("startup-" + database + "-first.log"));
    double[] firstSeconds;
    double heap;
    double rss;
    int requests;
    try {
      firstSeconds = untilReady(first);
      requests = warmUp(proposals);
      heap = heapAfterGc(first.pid());
      rss = residentSet(first.pid());
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
    BenchmarkHarness.log("%s: ready after %.1f s, %.1f s CPU (empty database); %.1f s, %.1f s CPU (restart, 0 = not run);"
        + " after %d requests heap %.0f MB, RSS %.0f MB", database, firstSeconds[0], firstSeconds[1], restartSeconds[0],
        restartSeconds[1], requests, heap, rss);
    return new Results.Startup(database, firstSeconds[0], firstSeconds[1], restartSeconds[0], restartSeconds[1], heap, rss,
        requests, Results.loadAverage());
  }

  private Process launch(List<String> arguments, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "--server.port=" + port));
    command.addAll(arguments);
    Files.createDirectories(log.toAbsolutePath().getParent());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
    while (System.nanoTime() - launched < Duration.ofMinutes(3).toNanos()) {
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
    throw new IllegalStateException("the application was not ready within 3 minutes");
  }

  /** Proposals through ① with the forms over REST, Tasklist's list and the project list. Returns the requests made. */
  private int warmUp(int proposals) {
    RestClient hikari = RestClient.basic(port, "hikari");
    RestClient tanaka = RestClient.basic(port, "tanaka");
    RestClient suzuki = RestClient.basic(port, "suzuki");
    RestClient admin = RestClient.basic(port, "admin");
    int requests = 0;
    for (int i = 0; i < proposals; i++) {
      String instance = ok(hikari.post("/engine-rest/process-definition/key/collaboration/submit-form", RestClient.variables(
          ExaminationScenario.with(ExaminationScenario.proposal(), ExaminationProcess.TITLE.name(), "起動後の試し " + i))))
          .json().path("id").asText();
      requests++;
      String number = ok(admin.get("/engine-rest/process-instance/" + instance)).json().path("businessKey").asText();
      requests++;
      requests += submit(admin, tanaka, number, ExaminationProcess.Elements.INTAKE, ExaminationScenario.intake("dept-fukushi"));
      requests += submit(admin, suzuki, number, ExaminationProcess.Elements.CHECK_SHEET, ExaminationScenario.checkSheet());
      requests += submit(admin, suzuki, number, ExaminationProcess.Elements.ASSESS, ExaminationScenario.assessment());
      requests += submit(admin, tanaka, number, ExaminationProcess.Elements.REVIEW, ExaminationScenario.review("PROCEED", "試し"));
      ok(tanaka.get("/engine-rest/task?candidateGroup=coordinators&firstResult=0&maxResults=15"));
      ok(tanaka.get("/api/projects"));
      requests += 2;
    }
    return requests;
  }

  /** Finds the project's task (every phase carries the project number as business key) and submits its form. */
  private static int submit(RestClient admin, RestClient user, String number, String taskKey, Map<String, Object> values) {
    var tasks = ok(admin.get("/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + taskKey)).json();
    ok(user.post("/engine-rest/task/" + tasks.get(0).path("id").asText() + "/submit-form", RestClient.variables(values)));
    return 2;
  }

  private static RestClient.Response ok(RestClient.Response response) {
    if (response.status() >= 300) {
      throw new IllegalStateException("answered " + response.status() + ": " + response.body());
    }
    return response;
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

  /** MB resident (VmRSS of /proc/<pid>/status; 0 where there is no /proc). */
  private static double residentSet(long pid) throws IOException {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
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
}
