package jp.kyodo.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * What a person does in Tasklist, for the process tests: logged in with their groups, start a process through its
 * start form and submit a task's form, with the values as Tasklist sends them.
 */
public final class TestDesk {

  private final ProcessEngine engine;

  public TestDesk(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Submits the start form of the latest version of the process, as that user. */
  public ProcessInstance start(String key, String userId, Map<String, Object> values) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult().getId();
    return as(userId, () -> engine.getFormService().submitStartForm(definitionId, values));
  }

  /** Submits the form of the one open task with that key, as that user. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    Task task = task(instance, taskKey);
    if (task == null) {
      throw new AssertionError("no open task " + taskKey);
    }
    complete(task, userId, values);
  }

  public void complete(Task task, String userId, Map<String, Object> values) {
    as(userId, () -> {
      engine.getFormService().submitTaskForm(task.getId(), values);
      return null;
    });
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Runs the action logged in as that user, with the user's groups (as the webapps and the REST API do). */
  public <T> T as(String userId, Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identity.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A copy of the values with some added or replaced: name, value, name, value … */
  public static Map<String, Object> with(Map<String, Object> values, Object... namesAndValues) {
    Map<String, Object> copy = new HashMap<>(values);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      copy.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return copy;
  }

  /** Values of a form: name, value, name, value … */
  public static Map<String, Object> values(Object... namesAndValues) {
    return with(Map.of(), namesAndValues);
  }
}
