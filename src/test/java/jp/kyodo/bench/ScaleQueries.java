package jp.kyodo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;

/**
 * The query budgets at a prefecture's size (issue #18), over HTTP one request at a time as {@link QueryProbe} times
 * them: Tasklist for every role — the collaboration office (tanaka), a department (suzuki), the manager (sato), a
 * reviewer (takahashi), an administrator (admin) and a partner with many projects (hikari) — each with a Tasklist
 * session, the first page of each filter the person may open and each filter's count as Tasklist asks it
 * ({@code GET filter/{id}/count} for the filter list's badges); {@code /public/} as a citizen's browser loads it (the
 * filters, the first page, a text search, a fiscal year and department, a deep page, one project, the calls); and
 * {@code /overview/} as the office's page loads it (summary, documents, delivery log).
 */
final class ScaleQueries {

  static final String FILTER_MINE = "わたしのタスク";
  /** Who opens Tasklist, and the filters each one sees (Kyodo grants the office the third). */
  static final List<String[]> ROLES = List.of(new String[] {"tanaka", "office"}, new String[] {"suzuki", "department"},
      new String[] {"sato", "manager"}, new String[] {"takahashi", "reviewer"}, new String[] {"admin", "administrator"},
      new String[] {"hikari", "partner"});

  private final int port;
  private final ProcessEngine engine;

  ScaleQueries(ApplicationContext context, ProcessEngine engine) {
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    this.engine = engine;
  }

  List<Results.Query> measure(int samples) {
    List<Results.Query> results = new ArrayList<>();
    String mine = filterId(FILTER_MINE);
    String groups = filterId(QueryProbe.FILTER_GROUPS);
    String all = filterId(QueryProbe.FILTER_ALL);
    String base = "/camunda/api/engine/engine/default/filter/";
    for (String[] role : ROLES) {
      String user = role[0];
      QueryProbe.Client tasklist = QueryProbe.Client.tasklist(port, user);
      List<String[]> filters = new ArrayList<>(List.of(new String[] {FILTER_MINE, mine},
          new String[] {QueryProbe.FILTER_GROUPS, groups}));
      if (user.equals("tanaka") || user.equals("admin")) {
        filters.add(new String[] {QueryProbe.FILTER_ALL, all});
      }
      for (String[] filter : filters) {
        results.add(QueryProbe.time("Tasklist list: " + filter[0] + " (" + role[1] + ")", user, samples,
            () -> tasklist.postHal(base + filter[1] + "/list?firstResult=0&maxResults=15")));
        results.add(QueryProbe.time("Tasklist count: " + filter[0] + " (" + role[1] + ")", user, samples,
            () -> tasklist.get(base + filter[1] + "/count")));
      }
    }
    QueryProbe.Client citizen = QueryProbe.Client.anonymous(port);
    JsonNode filters = citizen.get("/public/api/filters");
    String year = filters.path("fiscalYears").path(Math.min(3, filters.path("fiscalYears").size() - 1)).path("value")
        .asText("2020");
    String department = filters.path("departments").path(0).path("value").asText("dept-fukushi");
    results.add(QueryProbe.time("GET /public/api/filters", "citizen", samples, () -> citizen.get("/public/api/filters")));
    results.add(QueryProbe.time("GET /public/api/projects?limit=20", "citizen", samples,
        () -> citizen.get("/public/api/projects?offset=0&limit=20")));
    String search = URLEncoder.encode("見守り", StandardCharsets.UTF_8);
    results.add(QueryProbe.time("GET /public/api/projects?q=見守り", "citizen", samples,
        () -> citizen.get("/public/api/projects?q=" + search + "&offset=0&limit=20")));
    results.add(QueryProbe.time("GET /public/api/projects?fiscalYear&department", "citizen", samples,
        () -> citizen.get("/public/api/projects?fiscalYear=" + year + "&department=" + department + "&offset=0&limit=20")));
    JsonNode first = citizen.get("/public/api/projects?offset=0&limit=20");
    long total = first.path("total").asLong();
    long deep = Math.max(0, total / 2 / 20 * 20);
    results.add(QueryProbe.time("GET /public/api/projects?offset=half", "citizen", samples,
        () -> citizen.get("/public/api/projects?offset=" + deep + "&limit=20")));
    List<String> numbers = new ArrayList<>();
    first.path("items").forEach(p -> numbers.add(p.path("projectNumber").asText()));
    citizen.get("/public/api/projects?offset=" + deep + "&limit=20").path("items")
        .forEach(p -> numbers.add(p.path("projectNumber").asText()));
    if (!numbers.isEmpty()) {
      int[] next = {0};
      results.add(QueryProbe.time("GET /public/api/projects/{number}", "citizen", samples,
          () -> citizen.get("/public/api/projects/" + numbers.get(next[0]++ % numbers.size()))));
    }
    results.add(QueryProbe.time("GET /public/api/calls/filters", "citizen", samples,
        () -> citizen.get("/public/api/calls/filters")));
    results.add(QueryProbe.time("GET /public/api/calls", "citizen", samples,
        () -> citizen.get("/public/api/calls?offset=0&limit=20")));
    // the overview is the office's page in the webapps' session (it refuses a bare API login)
    QueryProbe.Client office = QueryProbe.Client.tasklist(port, "tanaka");
    for (String route : List.of("/overview/api/summary", "/overview/api/documents", "/overview/api/mail")) {
      results.add(QueryProbe.time("GET " + route, "tanaka", samples, () -> office.get(route)));
    }
    return results;
  }

  private String filterId(String name) {
    var filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      throw new IllegalStateException("Tasklist filter " + name + " is missing");
    }
    return filter.getId();
  }
}
