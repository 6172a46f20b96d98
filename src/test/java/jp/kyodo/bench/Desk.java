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
 * What a person does in Tasklist, through the engine's API, the same for Kyodo and the yardstick: log in (the
 * engine's authentication with the user's groups), start a process through its start form, find a task, claim it
 * when nobody holds it, and submit its form. Every step costs the same calls on both sides.
 */
final class Desk {

  final ProcessEngine engine;
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

  /** Kyodo's server-side start of an application (「この公募に応募する」); null on a plain engine. */
  jp.kyodo.selection.CallApplications applications;

  Desk(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Applies as a partner does: the call's page opens the draft, the partner submits its form. */
  ProcessInstance apply(String userId, String callNumber, Map<String, Object> values) {
    if (applications == null) {
      throw new IllegalStateException("applying needs Kyodo's CallApplications");
    }
    List<String> of = groups.computeIfAbsent(userId, id -> engine.getIdentityService().createGroupQuery().groupMember(id)
        .list().stream().map(Group::getId).toList());
    jp.kyodo.selection.CallApplications.Draft draft = applications.openDraft(callNumber, userId, of, null);
    Map<String, Object> form = new java.util.HashMap<>(values);
    form.remove("callNumber");
    as(userId, () -> {
      engine.getFormService().submitTaskForm(draft.taskId(), form);
      return null;
    });
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(draft.processInstanceId())
        .singleResult();
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
    return as(userId, () -> engine.getFormService().submitStartForm(definitionId, businessKey, copy(values)));
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
    as(userId, () -> {
      if (task.getAssignee() == null) {
        engine.getTaskService().claim(task.getId(), userId);
      }
      engine.getFormService().submitTaskForm(task.getId(), copy(values));
      return null;
    });
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
