package jp.kyodo.overview;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.lifecycle.Phase;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.WebappLogin;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The collaboration office's overview (市民協働課: watches all projects, docs/domain.md): projects per phase and fiscal
 * year, overdue phases and tasks, projects by form and domain, partners by number of projects with the fixation
 * rule at a glance (千葉 ②), and grades per fiscal year. It uses the login of Tasklist/Cockpit (the webapps'
 * session), so the office opens it next to Cockpit without a second login; only the office, managers and
 * administrators may read it.
 */
@RestController
@RequestMapping("/overview/api")
public class OverviewApi {

  static final int OVERDUE_TASKS_SHOWN = 50;

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final PartnerFixation fixation;

  public OverviewApi(JdbcTemplate jdbc, ProcessEngine engine, PartnerFixation fixation) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.fixation = fixation;
  }

  @GetMapping("/summary")
  public Map<String, Object> summary(HttpServletRequest request) {
    WebappLogin.User user = officeUser(request);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user.id());
    out.putAll(data());
    return out;
  }

  /** The figures, as of the engine's clock. */
  public Map<String, Object> data() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("generatedAt", CityCalendar.now());
    out.put("byPhaseAndYear", byPhaseAndYear());
    out.put("overduePhases", jdbc.queryForList("SELECT project_number, title, phase, department_name, phase_due_at, overdue_since"
        + " FROM kyodo_project WHERE status = 'ACTIVE' AND overdue_since IS NOT NULL ORDER BY overdue_since").stream()
        .map(r -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("projectNumber", r.get("project_number"));
          row.put("title", r.get("title"));
          row.put("phaseLabel", Phase.valueOf((String) r.get("phase")).label());
          row.put("departmentName", r.get("department_name"));
          row.put("dueAt", r.get("phase_due_at"));
          row.put("overdueSince", r.get("overdue_since"));
          return row;
        }).toList());
    out.put("overdueTasks", overdueTasks());
    out.put("byForm", counts("chosen_form", code -> CollaborationForm.valueOf(code).label()));
    out.put("byDomain", counts("collaboration_domain", code -> Map.of("2", "② 市民主導", "3", "③ 市民行政協力", "4", "④ 行政主導")
        .getOrDefault(code, code)));
    out.put("partners", partners());
    out.put("grades", grades());
    return out;
  }

  /** The webapps' login for this engine; the office, managers and administrators only. */
  WebappLogin.User officeUser(HttpServletRequest request) {
    WebappLogin.User user = WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
    if (!user.inAny(List.of(KyodoGroups.COORDINATORS, KyodoGroups.MANAGERS, KyodoGroups.ADMIN))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この一覧は市民協働課・課長・管理者が閲覧できます。");
    }
    return user;
  }

  private Map<String, Object> byPhaseAndYear() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT COALESCE(fiscal_year, 0) AS fy, phase, status, COUNT(*) AS n"
        + " FROM kyodo_project GROUP BY COALESCE(fiscal_year, 0), phase, status ORDER BY fy");
    List<String> columns = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      columns.add(phase.label());
    }
    columns.add("終了");
    Map<String, Map<String, Long>> table = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      int year = ((Number) r.get("fy")).intValue();
      String key = year == 0 ? "年度未定" : year + "年度";
      String column = "CLOSED".equals(r.get("status")) ? "終了" : Phase.valueOf((String) r.get("phase")).label();
      table.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(column, ((Number) r.get("n")).longValue(), Long::sum);
    }
    out.put("columns", columns);
    out.put("rows", table);
    return out;
  }

  private List<Map<String, Object>> overdueTasks() {
    Date now = Date.from(CityCalendar.now());
    List<Task> tasks = engine.getTaskService().createTaskQuery().dueBefore(now).orderByDueDate().asc()
        .listPage(0, OVERDUE_TASKS_SHOWN);
    List<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null).distinct().toList();
    Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
        : engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instanceIds))
            .list().stream().filter(p -> p.getBusinessKey() != null)
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Task task : tasks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("projectNumber", businessKeys.get(task.getProcessInstanceId()));
      row.put("task", task.getName());
      row.put("assignee", task.getAssignee());
      row.put("due", task.getDueDate().toInstant());
      row.put("daysOverdue", (now.getTime() - task.getDueDate().getTime()) / 86_400_000L);
      out.add(row);
    }
    return out;
  }

  private List<Map<String, Object>> counts(String column, Function<String, String> label) {
    return jdbc.queryForList("SELECT " + column + " AS k, COUNT(*) AS n FROM kyodo_project WHERE " + column
        + " IS NOT NULL GROUP BY " + column + " ORDER BY n DESC").stream().map(r -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("label", label.apply(String.valueOf(r.get("k"))));
          row.put("count", ((Number) r.get("n")).longValue());
          return row;
        }).toList();
  }

  /** Partners by projects held, with the longest run of consecutive fiscal years in one department (千葉 ②). */
  private List<Map<String, Object>> partners() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : jdbc.queryForList("SELECT o.id, o.name, COUNT(DISTINCT p.project_key) AS projects,"
        + " COUNT(*) AS years FROM kyodo_partnership p JOIN kyodo_organisation o ON o.id = p.organisation_id"
        + " GROUP BY o.id, o.name ORDER BY projects DESC, years DESC, o.name FETCH FIRST 30 ROWS ONLY")) {
      String id = (String) r.get("id");
      int longestRun = 0;
      String department = null;
      for (String dept : jdbc.queryForList("SELECT DISTINCT department_group FROM kyodo_partnership WHERE organisation_id = ?",
          String.class, id)) {
        int maxYear = jdbc.queryForObject("SELECT MAX(fiscal_year) FROM kyodo_partnership WHERE organisation_id = ?"
            + " AND department_group = ?", Integer.class, id, dept);
        int run = fixation.consecutiveYearsBefore(id, dept, maxYear + 1);
        if (run > longestRun) {
          longestRun = run;
          department = dept;
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("organisationName", r.get("name"));
      row.put("projects", ((Number) r.get("projects")).longValue());
      row.put("fiscalYearsHeld", ((Number) r.get("years")).longValue());
      row.put("longestRun", longestRun);
      row.put("department", department);
      row.put("fixed", longestRun >= fixation.years());
      out.add(row);
    }
    return out;
  }

  private List<Map<String, Object>> grades() {
    return jdbc.queryForList("SELECT fiscal_year, grade, COUNT(*) AS n FROM kyodo_evaluation GROUP BY fiscal_year, grade"
        + " ORDER BY fiscal_year, grade").stream().collect(Collectors.groupingBy(r -> ((Number) r.get("fiscal_year")).intValue(),
            java.util.TreeMap::new, Collectors.toList())).entrySet().stream().map(e -> {
              Map<String, Object> row = new LinkedHashMap<>();
              Map<String, Long> byGrade = new LinkedHashMap<>();
              long total = 0;
              long points = 0;
              for (Map<String, Object> r : e.getValue()) {
                long n = ((Number) r.get("n")).longValue();
                String grade = (String) r.get("grade");
                byGrade.put(grade, n);
                total += n;
                points += n * (4 - "ABCD".indexOf(grade));
              }
              row.put("fiscalYear", e.getKey());
              row.put("byGrade", byGrade);
              row.put("evaluations", total);
              row.put("average", total == 0 ? null : Math.round(points * 100.0 / total) / 100.0);
              return row;
            }).toList();
  }
}
