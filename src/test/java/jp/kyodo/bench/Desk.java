package jp.kyodo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * What a person does in Tasklist, the same for Kyodo and the yardstick: log in, start a process through its start
 * form, open a task, claim it when nobody holds it, and submit its form. Every step costs the same calls on both
 * sides. With {@link #viaTasklist} a task is worked through Tasklist's own HTTP calls on the engine's webapp API (the
 * task, its form key, {@code form-variables}, {@code deployed-form}, {@code claim}, {@code submit-form}, each with the
 * user's Tasklist session), otherwise through the engine's Java API. {@link #actionNanos} adds up the time spent
 * inside those actions only: the harness's own lookups (which task is next, which instance) are not in it.
 */
final class Desk {

  final ProcessEngine engine;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  /** Time spent inside the people's actions (starts and task work), summed over every client of this desk. */
  final java.util.concurrent.atomic.LongAdder actionNanos = new java.util.concurrent.atomic.LongAdder();
  private int port;
  private String engineName;
  private final Map<String, jp.kyodo.support.RestClient> sessions = new ConcurrentHashMap<>();

  /** Kyodo's server-side start of an application (「この公募に応募する」); null on a plain engine. */
  jp.kyodo.selection.CallApplications applications;

  Desk(ProcessEngine engine) {
    this.engine = engine;
  }

  /** From now on tasks are worked through Tasklist's HTTP calls on the application at {@code port}. */
  Desk viaTasklist(int port) {
    this.port = port;
    this.engineName = engine.getName();
    return this;
  }

  boolean overHttp() {
    return engineName != null;
  }

  /** Runs one action of a person and adds its time to {@link #actionNanos}. */
  <T> T timed(Supplier<T> action) {
    long start = System.nanoTime();
    try {
      return action.get();
    } finally {
      actionNanos.add(System.nanoTime() - start);
    }
  }

  /** 「この公募に応募する」 on the call's page: Kyodo's server starts the application at its draft task. */
  jp.kyodo.selection.CallApplications.Draft openDraft(String userId, String callNumber) {
    if (applications == null) {
      throw new IllegalStateException("applying needs Kyodo's CallApplications");
    }
    List<String> of = groups.computeIfAbsent(userId, id -> engine.getIdentityService().createGroupQuery().groupMember(id)
        .list().stream().map(Group::getId).toList());
    return timed(() -> applications.openDraft(callNumber, userId, of, null));
  }

  /** The key of the Camunda Form the task shows (its {@code camunda:formRef}). */
  String formKey(Task task) {
    Task withForm = engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    return withForm.getCamundaFormRef() == null ? null : withForm.getCamundaFormRef().getKey();
  }

  String processKey(Task task) {
    return engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }

  <T> T as(String userId, Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, groups.computeIfAbsent(userId,
        id -> identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList()));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  String latestDefinition(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  ProcessInstance start(String userId, String definitionId, String businessKey, Map<String, Object> values) {
    Map<String, Object> submitted = copy(values);
    return timed(() -> as(userId, () -> engine.getFormService().submitStartForm(definitionId, businessKey, submitted)));
  }

  /** The one open task with that key among the processes of that business key. */
  Task task(String businessKey, String taskKey) {
    return single(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey), businessKey + "/" + taskKey);
  }

  Task taskOfInstance(String processInstanceId, String taskKey) {
    return single(engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey), processInstanceId + "/" + taskKey);
  }

  List<Task> tasks(String businessKey, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().list();
  }

  private static Task single(TaskQuery query, String what) {
    List<Task> found = query.list();
    if (found.size() != 1) {
      throw new IllegalStateException("expected one open task " + what + ", found " + found.size());
    }
    return found.get(0);
  }

  /** Claims the task when it is nobody's yet (as Tasklist's 担当する), then submits its form. */
  void work(Task task, String userId, Map<String, Object> values) {
    Map<String, Object> submitted = copy(values);
    if (overHttp()) {
      jp.kyodo.support.RestClient tasklist = sessions.computeIfAbsent(userId,
          id -> jp.kyodo.support.RestClient.tasklistSession(port, engineName, id));
      String path = "/camunda/api/engine/engine/" + engineName + "/task/" + task.getId();
      com.fasterxml.jackson.databind.node.ObjectNode body = jp.kyodo.support.RestClient.variables(submitted);
      timed(() -> {
        // What Tasklist asks when a task is opened (the task, its form, the values the form shows), then its buttons.
        answered(tasklist.get(path));
        answered(tasklist.get(path + "/form"));
        answered(tasklist.get(path + "/deployed-form"));
        answered(tasklist.get(path + "/form-variables"));
        if (task.getAssignee() == null) {
          answered(tasklist.post(path + "/claim", java.util.Map.of("userId", userId)));
        }
        return answered(tasklist.post(path + "/submit-form", body));
      });
      return;
    }
    timed(() -> as(userId, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), userId);
      }
      engine.getFormService().submitTaskForm(task.getId(), submitted);
      return null;
    }));
  }

  /** A refused call stops the run: a benchmark of refusals would measure nothing. */
  private static jp.kyodo.support.RestClient.Response answered(jp.kyodo.support.RestClient.Response response) {
    if (response.status() >= 300) {
      throw new IllegalStateException("Tasklist's call answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  /** A fresh copy of the submitted values: typed values are not shared between submissions or engines. */
  static Map<String, Object> copy(Map<String, Object> values) {
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((name, value) -> copy.put(name, value instanceof JsonValue json
        ? SpinValues.jsonValue(json.getValueSerialized()).create()
        : value instanceof TypedValue typed ? unsupported(name, typed) : value));
    return copy;
  }

  private static Object unsupported(String name, TypedValue value) {
    throw new IllegalArgumentException("value of " + name + " is a " + value.getType() + ", not plain or JSON");
  }
}
