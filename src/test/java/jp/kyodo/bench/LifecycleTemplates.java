package jp.kyodo.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationProcess;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Lifecycles really run through the engine, as {@link CollaborationLifecycle} works them (the people, forms and values
 * of the benchmark), each one's rows in every table read back as a template for {@link PrefectureData}: one that
 * ends in ⑥, one the office rejects in ① (「差し戻し・不採択」), and running ones stopped before the k-th action of
 * the lifecycle — k spread over the whole lifecycle, so that together they wait in every phase, at department,
 * office, manager, reviewer and partner tasks.
 *
 * <p>The stop is made below {@link Desk}: the engine the lifecycle is given is the real one behind a proxy whose form
 * and task services count the people's actions and refuse the k-th (nothing of it is done). A running template is
 * suspended once read, so that the clock moves of the next template do not fire its timers into the next one's rows.
 */
final class LifecycleTemplates {

  /** How one template ends: after ⑥, rejected in ①, or running (stopped before action {@code stopAt}). */
  enum Kind { ENDED, REJECTED, RUNNING }

  /** What the next person would have done on a running template: the task, who, and the form's values. */
  record NextAction(String taskKey, String userId, Map<String, Object> values) {}

  /** One template: its project number and title, its rows by table, the moment it stopped, and its next action. */
  record Template(Kind kind, int stopAt, String projectNumber, String title, Map<TableRows.Table, List<Object[]>> rows,
      java.time.LocalDateTime clock, NextAction next, String phase) {
    int rowCount() {
      return rows.values().stream().mapToInt(List::size).sum();
    }
  }

  private static final class Stop extends RuntimeException {
    Stop() {
      super("template stopped here", null, false, false);
    }
  }

  private final ProcessEngine engine;
  private final jp.kyodo.selection.CallApplications applications;
  private final TableRows tables;
  /** The values each task's form was first submitted with (the ended template's run comes first). */
  private final Map<String, Map<String, Object>> submitted = new java.util.LinkedHashMap<>();

  LifecycleTemplates(ProcessEngine engine, jp.kyodo.selection.CallApplications applications, TableRows tables) {
    this.engine = engine;
    this.applications = applications;
    this.tables = tables;
  }

  /** The ended templates and {@code running} running ones. */
  List<Template> record(int running) throws SQLException {
    List<Template> templates = new ArrayList<>();
    Template ended = run(Kind.ENDED, Integer.MAX_VALUE);
    templates.add(ended);
    templates.add(run(Kind.REJECTED, Integer.MAX_VALUE));
    int actions = ended.stopAt();
    for (int i = 0; i < running; i++) {
      // From the first task (after the proposal) to the last, evenly.
      int stopAt = 2 + (int) Math.round((double) i * (actions - 3) / Math.max(1, running - 1));
      templates.add(run(Kind.RUNNING, stopAt));
    }
    return templates;
  }

  private Template run(Kind kind, int stopAt) throws SQLException {
    var before = tables.keys();
    int[] done = {0};
    NextAction[] next = {null};
    String[] businessKey = {null};
    ProcessEngine stopping = stopping(kind, stopAt, done, next, businessKey);
    Desk desk = new Desk(stopping);
    desk.applications = applications;
    boolean stopped = false;
    try {
      new CollaborationLifecycle(desk, new Lockstep(1, engine.getManagementService()), CollaborationLifecycle.Team.of(0),
          null).run();
    } catch (Stop stop) {
      stopped = true;
    } catch (IllegalStateException afterRejection) {
      if (kind != Kind.REJECTED) {
        throw afterRejection;
      }
    }
    if (kind == Kind.RUNNING && !stopped) {
      throw new IllegalStateException("the lifecycle ended before action " + stopAt);
    }
    businessKey[0] = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(businessKey[0])
        .singleResult().getBusinessKey();
    long open = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey[0]).count();
    if ((kind == Kind.RUNNING) != (open > 0)) {
      throw new IllegalStateException("template " + kind + " of " + businessKey[0] + " has " + open + " running instances");
    }
    String phase = kind == Kind.RUNNING ? engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey[0]).list().stream().map(p -> engine.getRepositoryService()
            .getProcessDefinition(p.getProcessDefinitionId()).getKey()).filter(k -> !k.startsWith("collaboration"))
        .sorted().findFirst().orElse("collaboration") : kind.name();
    var rows = tables.added(before);
    if (kind == Kind.RUNNING) {
      // Its call's applications run under their own business key; suspend every instance this template started.
      for (var table : rows.keySet()) {
        if (table.name().equalsIgnoreCase("act_ru_execution")) {
          int id = table.column("ID_");
          int parent = table.column("PARENT_ID_");
          for (Object[] row : rows.get(table)) {
            if (row[parent] == null && engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId((String) row[id]).active().count() == 1) {
              engine.getRuntimeService().suspendProcessInstanceById((String) row[id]);
            }
          }
        }
      }
    }
    String title = null;
    for (var entry : rows.entrySet()) {
      if (entry.getKey().name().equalsIgnoreCase("kyodo_project")) {
        title = (String) entry.getValue().get(0)[entry.getKey().column("title")];
      }
    }
    java.time.LocalDateTime clock = java.time.LocalDateTime.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.systemDefault());
    if (next[0] != null && next[0].values() == null && submitted.containsKey(next[0].taskKey())) {
      // stopped at the claim: the values are those the ended template's lifecycle submitted at that task
      next[0] = new NextAction(next[0].taskKey(), next[0].userId(), submitted.get(next[0].taskKey()));
    }
    Template template = new Template(kind, kind == Kind.RUNNING ? stopAt : done[0], businessKey[0], title, rows, clock,
        next[0], phase);
    BenchmarkHarness.log("data: template %s %s (%s, %d actions, next %s): %d rows in %d tables", kind, businessKey[0],
        phase, done[0], next[0] == null ? "-" : next[0].taskKey(), template.rowCount(), rows.size());
    return template;
  }

  /**
   * The engine as the lifecycle sees it: the same, except that the form and task services count the actions (a start,
   * a claim followed by its submission, a submission) and throw {@link Stop} at action {@code stopAt}; for
   * {@link Kind#REJECTED} the office's review in ① is submitted as 不採択.
   */
  private ProcessEngine stopping(Kind kind, int stopAt, int[] done, NextAction[] next, String[] businessKey) {
    FormService forms = engine.getFormService();
    TaskService taskService = engine.getTaskService();
    boolean[] claimed = {false};
    FormService formProxy = proxy(FormService.class, (method, args) -> {
      String name = method.getName();
      if (name.equals("submitTaskForm") || name.equals("submitStartForm")) {
        if (!claimed[0] && done[0] + 1 == stopAt) {
          if (name.equals("submitTaskForm")) {
            Task task = taskService.createTaskQuery().taskId((String) args[0]).singleResult();
            next[0] = new NextAction(task.getTaskDefinitionKey(), currentUser(), new HashMap<>(castMap(args[1])));
          }
          throw new Stop();
        }
        claimed[0] = false;
        done[0]++;
        if (name.equals("submitTaskForm")) {
          Task task = taskService.createTaskQuery().taskId((String) args[0]).singleResult();
          submitted.putIfAbsent(task.getTaskDefinitionKey(), new HashMap<>(castMap(args[1])));
        }
        if (kind == Kind.REJECTED && name.equals("submitTaskForm")) {
          Task task = taskService.createTaskQuery().taskId((String) args[0]).singleResult();
          if (task.getTaskDefinitionKey().equals(ExaminationProcess.Elements.REVIEW)) {
            Map<String, Object> values = new HashMap<>(castMap(args[1]));
            values.put(ExaminationProcess.REVIEW_DECISION.name(), "REJECT");
            values.put("reviewComment", "今年度は予算の見込みがなく不採択とする");
            args[1] = values;
          }
        }
      }
      Object result = method.invoke(forms, args);
      if (result instanceof ProcessInstance started && businessKey[0] == null) {
        businessKey[0] = started.getId(); // its business key is read after, without the proposer's authentication
      }
      return result;
    });
    TaskService taskProxy = proxy(TaskService.class, (method, args) -> {
      if (method.getName().equals("claim") && done[0] + 1 == stopAt) {
        Task task = taskService.createTaskQuery().taskId((String) args[0]).singleResult();
        next[0] = new NextAction(task.getTaskDefinitionKey(), (String) args[1], null);
        throw new Stop();
      }
      if (method.getName().equals("claim")) {
        claimed[0] = true;
      }
      return method.invoke(taskService, args);
    });
    return proxy(ProcessEngine.class, (method, args) -> switch (method.getName()) {
      case "getFormService" -> formProxy;
      case "getTaskService" -> taskProxy;
      default -> method.invoke(engine, args);
    });
  }

  /** The values the lifecycle would have submitted at its stop are recorded by the claim's stop only by task and user. */
  private String currentUser() {
    var authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }

  interface Handler {
    Object handle(java.lang.reflect.Method method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Handler handler) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
      try {
        return handler.handle(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }
}
