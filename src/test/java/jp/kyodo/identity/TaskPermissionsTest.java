package jp.kyodo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.ResourceAuthorizationProvider;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Task permissions as the application's engine grants them (authorization on, Kyodo's provider): a department's
 * task is granted to the department per task, the collaboration office's tasks are covered by its grant on every
 * task and get no grant of their own — and both are seen, claimed and completed by their people, and by nobody else.
 */
class TaskPermissionsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  ProcessEngineConfigurationImpl configuration;
  ResourceAuthorizationProvider provider;
  String deployment;

  @BeforeEach
  void authorizationOn() {
    engine = extension.getProcessEngine();
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    new IdentitySetup(true).postProcessEngineBuild(engine);
    deployment = engine.getRepositoryService().createDeployment().addModelInstance("permissions.bpmn",
        Bpmn.createExecutableProcess("permissions").camundaHistoryTimeToLive(1).startEvent()
            .parallelGateway("split")
            .userTask("OfficeWork").camundaCandidateGroups(KyodoGroups.COORDINATORS).endEvent("officeDone")
            .moveToNode("split").userTask("DepartmentWork").camundaCandidateGroups("dept-fukushi").endEvent("departmentDone")
            .done()).deploy().getId();
    provider = configuration.getResourceAuthorizationProvider();
    configuration.setResourceAuthorizationProvider(new TaskWorkAuthorizationProvider());
    configuration.setAuthorizationEnabled(true);
  }

  @AfterEach
  void authorizationOff() {
    configuration.setAuthorizationEnabled(false);
    configuration.setResourceAuthorizationProvider(provider);
    engine.getRepositoryService().deleteDeployment(deployment, true);
  }

  <T> T as(String user, java.util.function.Supplier<T> action) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  Task task(String key) {
    return engine.getTaskService().createTaskQuery().taskDefinitionKey(key).singleResult();
  }

  long grantsOn(Task task) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .count();
  }

  long visibleTo(String user, String key) {
    return as(user, () -> engine.getTaskService().createTaskQuery().taskDefinitionKey(key).count());
  }

  @Test
  void theOfficeWorksItsTasksThroughItsGrantOnEveryTaskAndADepartmentThroughAGrantPerTask() {
    engine.getRuntimeService().startProcessInstanceByKey("permissions");
    Task office = task("OfficeWork");
    Task department = task("DepartmentWork");

    assertThat(grantsOn(office)).as("no grant of its own").isZero();
    assertThat(grantsOn(department)).isEqualTo(1);
    assertThat(visibleTo("tanaka", "OfficeWork")).isEqualTo(1);
    assertThat(visibleTo("suzuki", "DepartmentWork")).isEqualTo(1);
    assertThat(visibleTo("suzuki", "OfficeWork")).isZero();
    assertThat(visibleTo("hikari", "OfficeWork")).isZero();
    assertThat(visibleTo("hikari", "DepartmentWork")).isZero();
    assertThatThrownBy(() -> as("suzuki", () -> {
      engine.getTaskService().claim(office.getId(), "suzuki");
      return null;
    })).isInstanceOf(AuthorizationException.class);

    as("tanaka", () -> {
      engine.getTaskService().claim(office.getId(), "tanaka");
      engine.getFormService().submitTaskForm(office.getId(), Map.of());
      return null;
    });
    as("suzuki", () -> {
      engine.getTaskService().claim(department.getId(), "suzuki");
      engine.getFormService().submitTaskForm(department.getId(), Map.of());
      return null;
    });
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("permissions").count()).isZero();
  }
}
