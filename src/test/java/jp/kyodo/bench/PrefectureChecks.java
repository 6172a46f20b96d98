package jp.kyodo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the generated projects are what the engine and Kyodo would have written ({@link PrefectureData}), on the
 * first clone of every template: its history rows per table equal its template's; Cockpit's history queries find its
 * instances and activities; Kyodo's project API shows it with its decisions; and a running clone can be worked on
 * through the engine — its waiting task completed with the values its template's lifecycle was about to submit. Any
 * difference stops the benchmark.
 */
final class PrefectureChecks {

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;
  private final Desk desk;
  private final int port;

  PrefectureChecks(ProcessEngine engine, Desk desk, int port) {
    this.engine = engine;
    this.desk = desk;
    this.port = port;
    this.jdbc = new JdbcTemplate(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource());
  }

  List<String> check(List<PrefectureData.Clone> clones) {
    List<String> passed = new ArrayList<>();
    for (PrefectureData.Clone clone : clones) {
      var template = clone.plan.template;
      int tables = 0;
      for (var entry : template.rows().entrySet()) {
        TableRows.Table table = entry.getKey();
        int root = table.column("ROOT_PROC_INST_ID_");
        if (root < 0) {
          continue;
        }
        Set<String> roots = new LinkedHashSet<>();
        long expected = 0;
        for (Object[] row : entry.getValue()) {
          if (row[root] != null) {
            roots.add(clone.of((String) row[root]));
            expected++;
          }
        }
        if (roots.isEmpty()) {
          continue;
        }
        Long actual = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.name() + " WHERE ROOT_PROC_INST_ID_ IN ("
            + String.join(", ", roots.stream().map(r -> "?").toList()) + ")", Long.class, roots.toArray());
        same(clone, table.name() + " rows", expected, actual == null ? -1 : actual);
        tables++;
      }
      long templateInstances = rows(template, "ACT_HI_PROCINST").stream()
          .filter(r -> template.projectNumber().equals(r[column(template, "ACT_HI_PROCINST", "BUSINESS_KEY_")])).count();
      same(clone, "Cockpit: historic process instances of the business key", templateInstances,
          engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(clone.projectNumber)
              .count());
      Map<String, Long> activities = new HashMap<>();
      int procInst = column(template, "ACT_HI_ACTINST", "PROC_INST_ID_");
      rows(template, "ACT_HI_ACTINST").forEach(r -> activities.merge((String) r[procInst], 1L, Long::sum));
      activities.forEach((instance, count) -> same(clone, "Cockpit: historic activities of instance " + instance, count,
          engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(clone.of(instance)).count()));
      long decisions = rows(template, "kyodo_project_decision").size();
      JsonNode project = QueryProbe.Client.basic(port, "tanaka").get("/api/projects/" + clone.projectNumber);
      same(clone, "/api/projects/{number}: decisions", decisions, project.path("decisions").size());
      passed.add(String.format("%s from %s template %s (%s): %d history tables, %d instances, %d decisions as the template's",
          clone.projectNumber, template.kind(), template.projectNumber(), template.phase(), tables, templateInstances,
          decisions));
    }
    passed.add(workOne(clones));
    passed.forEach(line -> BenchmarkHarness.log("data check: %s", line));
    return passed;
  }

  /**
   * A running clone's waiting task, completed with the values the lifecycle submits at that task: the earliest
   * waiting task first; a clone whose form refuses those values (a rule that reads another lifecycle's data) is
   * logged and the next one tried.
   */
  private String workOne(List<PrefectureData.Clone> clones) {
    List<String> refused = new ArrayList<>();
    for (PrefectureData.Clone clone : clones.stream().filter(c -> c.running)
        .sorted(java.util.Comparator.comparingInt(c -> c.plan.template.stopAt())).toList()) {
      var next = clone.plan.template.next();
      if (next == null || next.values() == null || next.values().values().stream()
          .anyMatch(v -> v instanceof String text && text.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-.*"))) {
        continue; // values that name another lifecycle's ids (an application chosen) are not this clone's
      }
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(clone.projectNumber)
          .taskDefinitionKey(next.taskKey()).list();
      if (tasks.size() != 1) {
        throw new IllegalStateException("clone " + clone.projectNumber + ": expected its task " + next.taskKey() + ", found "
            + tasks.size());
      }
      Map<String, Object> values = new HashMap<>();
      next.values().forEach((name, value) -> values.put(name, value instanceof String s ? shifted(clone, s) : value));
      String user = clone.of(next.userId());
      try {
        desk.work(tasks.get(0), user, values);
      } catch (RuntimeException e) {
        refused.add(clone.projectNumber + " " + next.taskKey() + ": " + e.getMessage());
        BenchmarkHarness.log("data check: %s %s refused the values: %s", clone.projectNumber, next.taskKey(), e.getMessage());
        continue;
      }
      var done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(tasks.get(0).getId()).singleResult();
      if (done == null || done.getEndTime() == null) {
        throw new IllegalStateException("clone " + clone.projectNumber + ": task " + next.taskKey() + " not completed");
      }
      long open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(clone.projectNumber).count();
      return String.format("%s (running, %s): %s completed by %s with the lifecycle's values; %d task(s) open after it%s",
          clone.projectNumber, clone.plan.template.phase(), next.taskKey(), user, open,
          refused.isEmpty() ? "" : " (refused before: " + refused + ")");
    }
    throw new IllegalStateException("no running clone could be worked on: " + refused);
  }

  /** A submitted text as the clone would send it: its own ids and names, a date moved with the clone's time. */
  private static String shifted(PrefectureData.Clone clone, String value) {
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return java.time.LocalDate.parse(value).plusDays(Math.floorDiv(clone.shiftSeconds, 86_400L)).toString();
    }
    return clone.of(value);
  }

  private static void same(PrefectureData.Clone clone, String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException("clone " + clone.projectNumber + " of template " + clone.plan.template.projectNumber()
          + ": " + what + " " + actual + ", the template has " + expected);
    }
  }

  private static List<Object[]> rows(LifecycleTemplates.Template template, String table) {
    return template.rows().entrySet().stream().filter(e -> e.getKey().name().equalsIgnoreCase(table))
        .flatMap(e -> e.getValue().stream()).toList();
  }

  private static int column(LifecycleTemplates.Template template, String table, String column) {
    return template.rows().keySet().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(table.toLowerCase(
        Locale.ROOT))).findFirst().map(t -> t.column(column)).orElse(-1);
  }
}
