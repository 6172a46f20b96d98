package jp.kyodo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * Latency of what people open most, over HTTP against the running application, one request at a time: Tasklist's
 * task list (the saved filter run the way Tasklist runs it — logged-in session, first page of 15, newest first,
 * HAL with the filter's variable columns and the count) and Kyodo's project API (list pages with each filter and
 * reader, a deep page, one project with its decisions). Each request is warmed up, then timed {@code samples} times.
 */
final class QueryProbe {

  /** The Tasklist filters Kyodo creates (jp.kyodo.identity.AccessPolicy). */
  static final String FILTER_GROUPS = "わたしのグループのタスク";
  static final String FILTER_ALL = "すべての協働事業のタスク";
  static final String TASKLIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final ProcessEngine engine;

  QueryProbe(ApplicationContext context, ProcessEngine engine) {
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.engine = engine;
  }

  /** The statements of one request of each kind, by SQL text (logged): what a request asks of the database. */
  void profile(SqlCounter counter) {
    measure(1, (name, request) -> {
      request.get();
      counter.startProfile();
      request.get();
      var statements = counter.stopProfile();
      BenchmarkHarness.log("%s: %d statements", name, statements.stream().mapToLong(java.util.Map.Entry::getValue).sum());
      statements.forEach(e -> BenchmarkHarness.log("  %4d  %s", e.getValue(), e.getKey().length() > 3000
          ? e.getKey().substring(0, 3000) + "..." : e.getKey()));
      return null;
    });
  }

  List<Results.Query> measure(int samples) {
    return measure(samples, null);
  }

  /** Each kind of request, timed, or handed to {@code instead}. */
  private List<Results.Query> measure(int samples,
      java.util.function.BiFunction<String, Supplier<JsonNode>, Results.Query> instead) {
    List<Results.Query> results = new ArrayList<>() {
      @Override
      public boolean add(Results.Query query) {
        return query != null && super.add(query);
      }
    };
    java.util.function.BiFunction<String, Supplier<JsonNode>, Results.Query> run = instead;
    String groups = filterId(FILTER_GROUPS);
    String all = filterId(FILTER_ALL);
    for (String user : List.of("tanaka", "suzuki", "hikari")) {
      Client tasklist = Client.tasklist(port, user);
      results.add(either(run, "Tasklist: わたしのグループのタスク", user, samples,
          () -> tasklist.postHal("/camunda/api/engine/engine/default/filter/" + groups + "/list?firstResult=0&maxResults=15")));
    }
    Client office = Client.tasklist(port, "tanaka");
    results.add(either(run, "Tasklist: すべての協働事業のタスク", "tanaka", samples,
        () -> office.postHal("/camunda/api/engine/engine/default/filter/" + all + "/list?firstResult=0&maxResults=15")));

    Client tanaka = Client.basic(port, "tanaka");
    Client suzuki = Client.basic(port, "suzuki");
    Client hikari = Client.basic(port, "hikari");
    results.add(either(run, "GET /api/projects", "tanaka", samples, () -> tanaka.get("/api/projects")));
    results.add(either(run, "GET /api/projects?status=ACTIVE&phase=EXAMINATION", "tanaka", samples,
        () -> tanaka.get("/api/projects?status=ACTIVE&phase=EXAMINATION")));
    results.add(either(run, "GET /api/projects?status=CLOSED&fiscalYear=2020", "tanaka", samples,
        () -> tanaka.get("/api/projects?status=CLOSED&fiscalYear=2020")));
    results.add(either(run, "GET /api/projects?department=dept-fukushi", "suzuki", samples,
        () -> suzuki.get("/api/projects?department=dept-fukushi")));
    results.add(either(run, "GET /api/projects", "hikari", samples, () -> hikari.get("/api/projects")));
    results.add(either(run, "GET /api/projects?offset=5000&limit=50", "tanaka", samples,
        () -> tanaka.get("/api/projects?offset=5000&limit=50")));
    JsonNode page = tanaka.get("/api/projects?status=CLOSED&limit=200");
    List<String> numbers = new ArrayList<>();
    page.path("projects").forEach(p -> numbers.add(p.path("projectNumber").asText()));
    int[] next = {0};
    results.add(either(run, "GET /api/projects/{number}", "tanaka", samples,
        () -> tanaka.get("/api/projects/" + numbers.get(next[0]++ % numbers.size()))));
    return results;
  }

  private static Results.Query either(java.util.function.BiFunction<String, Supplier<JsonNode>, Results.Query> instead,
      String name, String user, int samples, Supplier<JsonNode> request) {
    return instead == null ? time(name, user, samples, request) : instead.apply(name + " (" + user + ")", request);
  }

  private String filterId(String name) {
    var filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      throw new IllegalStateException("Tasklist filter " + name + " is missing");
    }
    return filter.getId();
  }

  static Results.Query time(String name, String user, int samples, Supplier<JsonNode> request) {
    JsonNode answer = null;
    for (int i = 0; i < Math.max(10, samples / 10); i++) {
      answer = request.get();
    }
    double[] ms = new double[samples];
    double[] cpu = new double[samples];
    for (int i = 0; i < samples; i++) {
      long cpuStart = BenchmarkHarness.processCpuNanos();
      long start = System.nanoTime();
      answer = request.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (BenchmarkHarness.processCpuNanos() - cpuStart) / 1e6;
    }
    long rows = answer.has("count") && answer.size() == 1 ? answer.path("count").asLong() // a count: all it counted
        : answer.has("_embedded") ? answer.path("_embedded").path("task").size()
        : answer.has("projects") ? answer.path("projects").size() : answer.has("items") ? answer.path("items").size()
        : answer.has("decisions") ? 1 : answer.isArray() ? answer.size() : 1;
    long total = answer.has("count") ? answer.path("count").asLong() : answer.has("total") ? answer.path("total").asLong()
        : answer.has("decisions") ? answer.path("decisions").size() : rows;
    Results.Query query = new Results.Query(name, user, samples, Results.percentile(ms, 50), Results.percentile(ms, 95),
        Results.percentile(ms, 100), Results.percentile(cpu, 50), rows, total);
    BenchmarkHarness.log("%-55s %-7s p50 %6.1f ms  p95 %6.1f ms  CPU p50 %5.1f ms  (%d rows of %d)", name, user,
        query.p50(), query.p95(), query.cpuP50(), rows, total);
    return query;
  }

  /** A logged-in browser (Tasklist's session and CSRF token) or an API client with HTTP Basic. */
  static final class Client {
    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String basic;

    private Client(int port, String basicUser) {
      this.base = "http://localhost:" + port;
      this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
      this.basic = basicUser == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString((basicUser + ":" + basicUser).getBytes(StandardCharsets.UTF_8));
    }

    /** Nobody logged in: a citizen on the public page. */
    static Client anonymous(int port) {
      return new Client(port, null);
    }

    static Client basic(int port, String user) {
      return new Client(port, user);
    }

    /** Logs in like Tasklist's login page (password = user id, the demo people). */
    static Client tasklist(int port, String user) {
      String engine = "default";
      Client client = new Client(port, null);
      client.send(client.request("/camunda/app/tasklist/" + engine + "/").GET(), "text/html");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(user, StandardCharsets.UTF_8);
      client.send(client.request("/camunda/api/admin/auth/user/" + engine + "/login/tasklist")
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)),
          "application/json");
      client.send(client.request("/camunda/api/engine/engine/").GET(), "application/json");
      return client;
    }

    JsonNode get(String path) {
      return send(request(path).GET(), "application/json");
    }

    JsonNode postHal(String path) {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(TASKLIST_BODY)), "application/hal+json");
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
      if (basic != null) {
        builder.header("Authorization", basic);
      }
      cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
      return builder;
    }

    private JsonNode send(HttpRequest.Builder builder, String accept) {
      try {
        HttpResponse<String> response = http.send(builder.header("Accept", accept).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 300) {
          throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
              + response.body());
        }
        return accept.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body())
            : JSON.createObjectNode();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
