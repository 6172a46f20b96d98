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
 * Task permissions as the application's engine grants them (authorization on, Kyodo's provider): each task is
 * granted to its candidate group (a department, the collaboration office) per task, and worked by their people and
 * nobody else; the office also reads and (re)assigns every task, without working it.
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
    jp.kyodo.Phases.identitySetup(true).postProcessEngineBuild(engine);
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
  void theOfficeWorksItsOwnTasksThroughAGrantPerTaskLikeADepartment() {
    engine.getRuntimeService().startProcessInstanceByKey("permissions");
    Task office = task("OfficeWork");
    Task department = task("DepartmentWork");

    assertThat(grantsOn(office)).isEqualTo(1);
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

  /**
   * The office follows every project: it sees a department's task and may hand it to someone else, but completing it
   * or writing its data is the department's (README, roles).
   */
  @Test
  void theOfficeSeesAndReassignsADepartmentsTaskButNeitherCompletesItNorWritesItsData() {
    engine.getRuntimeService().startProcessInstanceByKey("permissions");
    Task department = task("DepartmentWork");

    assertThat(visibleTo("tanaka", "DepartmentWork")).isEqualTo(1);
    as("tanaka", () -> {
      engine.getTaskService().setAssignee(department.getId(), "suzuki");
      return null;
    });
    assertThat(task("DepartmentWork").getAssignee()).isEqualTo("suzuki");
    assertThatThrownBy(() -> as("tanaka", () -> {
      engine.getFormService().submitTaskForm(department.getId(), Map.of());
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as("tanaka", () -> {
      engine.getTaskService().setVariable(department.getId(), "departmentGroup", "dept-kankyo");
      return null;
    })).isInstanceOf(AuthorizationException.class);
    assertThat(engine.getTaskService().getVariables(department.getId())).doesNotContainKey("departmentGroup");
  }

  /** An installation set up by an earlier release loses the office's UPDATE and TASK_WORK on every task. */
  @Test
  void anUpgradeTakesTheOfficesWorkOnEveryTaskBack() {
    var grant = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(KyodoGroups.COORDINATORS)
        .resourceType(Resources.TASK).resourceId("*").singleResult();
    grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
    grant.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK);
    engine.getAuthorizationService().saveAuthorization(grant);

    jp.kyodo.Phases.identitySetup(true).postProcessEngineBuild(engine);

    var after = engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(KyodoGroups.COORDINATORS)
        .resourceType(Resources.TASK).resourceId("*").singleResult();
    assertThat(after.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
    assertThat(after.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK)).isFalse();
    assertThat(after.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN)).isTrue();
  }

  /**
   * Several partners (旭川 Q71): a project whose partner is NPO法人ひかり and whose co-partner is みどり町内会. A task
   * offered to the partner ({@code ${partnerGroup}}, as in every phase's diagram) is offered to the co-partner too,
   * with the engine's grant per task: midori sees and completes it; a member of a third organisation neither sees nor
   * claims it. A task not offered to the partner stays as modelled, and only organisation groups are ever added.
   */
  @Test
  void aCoPartnersMemberWorksThePartnersTaskAndAThirdOrganisationsDoesNot() {
    jp.kyodo.support.TestIdentity.group(engine.getIdentityService(), "org-kumo", KyodoGroups.TYPE_ORGANISATION, "くもの会");
    jp.kyodo.support.TestIdentity.user(engine.getIdentityService(), "kumo", KyodoGroups.PARTNERS, "org-kumo");
    String partnerDeployment = engine.getRepositoryService().createDeployment().addModelInstance("partner.bpmn",
        Bpmn.createExecutableProcess("partner-work").camundaHistoryTimeToLive(1).startEvent()
            .parallelGateway("split")
            .userTask("PartnerWork").camundaCandidateGroups("${partnerGroup}").endEvent("partnerDone")
            .moveToNode("split").userTask("DepartmentWork").camundaCandidateGroups("dept-fukushi").endEvent("departmentDone")
            .done()).deploy().getId();
    try {
      // The lifecycle hands the phase the project's partner and co-partners (a start with values is the system's).
      engine.getRuntimeService().createProcessInstanceByKey("partner-work").startBeforeActivity("split")
          .setVariable("partnerGroup", "org-hikari").setVariable("coPartnerGroups", "org-midori,coordinators").execute();
      Task partner = task("PartnerWork");

      assertThat(engine.getTaskService().getIdentityLinksForTask(partner.getId())).extracting(l -> l.getGroupId())
          .containsExactlyInAnyOrder("org-hikari", "org-midori");
      assertThat(engine.getTaskService().getIdentityLinksForTask(task("DepartmentWork").getId()))
          .extracting(l -> l.getGroupId()).containsExactly("dept-fukushi");
      assertThat(grantsOn(partner)).isEqualTo(2);
      assertThat(visibleTo("hikari", "PartnerWork")).isEqualTo(1);
      assertThat(visibleTo("midori", "PartnerWork")).isEqualTo(1);
      assertThat(visibleTo("kumo", "PartnerWork")).isZero();
      assertThat(visibleTo("midori", "DepartmentWork")).isZero();
      assertThatThrownBy(() -> as("kumo", () -> {
        engine.getTaskService().claim(partner.getId(), "kumo");
        return null;
      })).isInstanceOf(AuthorizationException.class);

      as("midori", () -> {
        engine.getTaskService().claim(partner.getId(), "midori");
        engine.getFormService().submitTaskForm(partner.getId(), Map.of());
        return null;
      });
      assertThat(task("PartnerWork")).isNull();
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(partner.getId()).singleResult()
          .getAssignee()).isEqualTo("midori");
    } finally {
      engine.getRepositoryService().deleteDeployment(partnerDeployment, true);
    }
  }
}
