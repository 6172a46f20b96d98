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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;

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

  /**
   * Starts the phase the way the lifecycle calls it: a calling process hands the project's values over
   * ({@code camunda:in variables="all"}). A phase started on its own takes only its start form's values, so the
   * values of an earlier phase reach it only through a caller. The caller is started by the system (no user).
   */
  public ProcessInstance startCalled(String key, Map<String, Object> handedOver) {
    String caller = "calls-" + key;
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(caller).count() == 0) {
      BpmnModelInstance model = Bpmn.createExecutableProcess(caller).camundaHistoryTimeToLive(1).startEvent()
          .callActivity("Call").calledElement(key).endEvent().done();
      CamundaIn all = model.newInstance(CamundaIn.class);
      all.setCamundaVariables("all");
      ((CallActivity) model.getModelElementById("Call")).builder().addExtensionElement(all);
      engine.getRepositoryService().createDeployment().name(caller).addModelInstance(caller + ".bpmn", model).deploy();
    }
    ProcessInstance parent = engine.getRuntimeService().createProcessInstanceByKey(caller).startBeforeActivity("Call")
        .setVariables(handedOver).execute();
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
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
