package jp.kyodo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bare-engine yardstick: a second Camunda engine in the same JVM, on the same DataSource and pool, the same
 * transaction manager and the same engine settings as Kyodo's (history level, authorization, ID generator, JDBC
 * batching, serialization, task permissions, metrics — copied from Kyodo's engine, not restated), with only
 * Camunda's own Spin plugin — none of Kyodo's plugins, listeners, delegates or DMN. Its processes are straight lines
 * of user tasks, one per task of a recorded lifecycle: the lifecycle's line and the application's line (the partner's
 * draft and its reading of the result), started as often as Kyodo starts processes. Each task is offered to the same
 * group (or assigned to the same person) as the Kyodo task in the same position, shows the same Camunda Form (the
 * forms are deployed with the lines, bound to their deployment as Kyodo's are), and is worked by the same person
 * with the same values, through the same Tasklist calls.
 */
final class Yardstick implements AutoCloseable {

  static final String KEY = "benchYardstick";
  /** The second line: what a partner's application is in Kyodo (started by the partner, its draft and result). */
  static final String APPLICATION_KEY = "benchYardstickApplication";

  final ProcessEngine engine;
  final Desk desk;
  private final Script script;
  /** Per client's team: the definition of its lifecycle line and of its application line. */
  private final List<String[]> definitions = new ArrayList<>();
  /** Per client's team: the recorded people and groups, translated to the team's. */
  private final List<Map<String, String>> casts = new ArrayList<>();

  Yardstick(ProcessEngine kyodo, ApplicationContext context, Script script) {
    this.script = script;
    SpringProcessEngineConfiguration bare = bareEngine((ProcessEngineConfigurationImpl) kyodo.getProcessEngineConfiguration(),
        context.getBean(DataSource.class), context.getBean(PlatformTransactionManager.class));
    bare.setApplicationContext(context);
    this.engine = bare.buildProcessEngine();
    this.desk = new Desk(engine);
    var deployment = engine.getRepositoryService().createDeployment().name("bench-yardstick");
    for (int team = 0; team < CollaborationLifecycle.Team.ALL.size(); team++) {
      Map<String, String> cast = cast(kyodo.getIdentityService(), CollaborationLifecycle.Team.of(0),
          CollaborationLifecycle.Team.of(team));
      casts.add(cast);
      deployment.addModelInstance(KEY + team + ".bpmn", model(KEY + team, script.work(0), cast))
          .addModelInstance(APPLICATION_KEY + team + ".bpmn", model(APPLICATION_KEY + team, script.work(1), cast));
    }
    // Kyodo's forms, as Kyodo deploys them: each task of the lines shows the form of its Kyodo counterpart.
    var kyodoRepository = kyodo.getRepositoryService();
    String kyodoDeployment = kyodoRepository.createProcessDefinitionQuery()
        .processDefinitionKey(jp.kyodo.lifecycle.CollaborationProcess.KEY).latestVersion().singleResult().getDeploymentId();
    for (String resource : kyodoRepository.getDeploymentResourceNames(kyodoDeployment)) {
      if (resource.endsWith(".form")) {
        deployment.addInputStream(resource, kyodoRepository.getResourceAsStream(kyodoDeployment, resource));
      }
    }
    String deployed = deployment.deploy().getId();
    for (int team = 0; team < casts.size(); team++) {
      definitions.add(new String[] {definition(deployed, KEY + team), definition(deployed, APPLICATION_KEY + team)});
      grantStart(engine.getAuthorizationService(), casts.get(team).getOrDefault(starter(script), starter(script)),
          KEY + team, APPLICATION_KEY + team);
    }
  }

  /**
   * Who stands in for whom when client {@code to}'s team replays a lifecycle recorded by team {@code from}: the
   * department's group, its main and deputy staff, the partner and the partner's organisation group. Clients side by
   * side work for different departments in Kyodo, and so they do in the yardstick.
   */
  static Map<String, String> cast(org.camunda.bpm.engine.IdentityService identity, CollaborationLifecycle.Team from,
      CollaborationLifecycle.Team to) {
    Map<String, String> cast = new java.util.HashMap<>(Map.of(from.department(), to.department(), from.main(), to.main(),
        from.deputy(), to.deputy(), from.partner(), to.partner()));
    String fromOrganisation = organisationGroup(identity, from.partner());
    String toOrganisation = organisationGroup(identity, to.partner());
    if (fromOrganisation != null && toOrganisation != null) {
      cast.put(fromOrganisation, toOrganisation);
    }
    return cast;
  }

  private static String organisationGroup(org.camunda.bpm.engine.IdentityService identity, String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
        .filter(id -> id.startsWith("org-")).findFirst().orElse(null);
  }

  private static String starter(Script script) {
    return script.steps.stream().filter(Script.Start.class::isInstance).map(Script.Start.class::cast).findFirst()
        .orElseThrow().userId();
  }

  /** The engine settings that decide what a task costs, taken from Kyodo's engine. */
  static SpringProcessEngineConfiguration bareEngine(ProcessEngineConfigurationImpl kyodo, DataSource dataSource,
      PlatformTransactionManager transactions) {
    SpringProcessEngineConfiguration bare = new SpringProcessEngineConfiguration();
    bare.setProcessEngineName("benchBareEngine");
    bare.setDataSource(dataSource);
    bare.setTransactionManager(transactions);
    bare.setDatabaseSchemaUpdate("false");
    bare.setJobExecutorActivate(false);
    bare.setHistory(kyodo.getHistory());
    bare.setAuthorizationEnabled(kyodo.isAuthorizationEnabled());
    bare.setAuthorizationCheckRevokes(kyodo.getAuthorizationCheckRevokes());
    bare.setIdGenerator(newInstance(kyodo.getIdGenerator()));
    bare.setJdbcBatchProcessing(kyodo.isJdbcBatchProcessing());
    bare.setDatabaseTablePrefix(kyodo.getDatabaseTablePrefix());
    bare.setDefaultSerializationFormat(kyodo.getDefaultSerializationFormat());
    bare.setJavaSerializationFormatEnabled(kyodo.isJavaSerializationFormatEnabled());
    bare.setEnforceSpecificVariablePermission(kyodo.isEnforceSpecificVariablePermission());
    bare.setDefaultUserPermissionNameForTask(kyodo.getDefaultUserPermissionNameForTask());
    bare.setGeneralResourceWhitelistPattern(kyodo.getGeneralResourceWhitelistPattern());
    bare.setEnforceHistoryTimeToLive(kyodo.isEnforceHistoryTimeToLive());
    bare.setMetricsEnabled(kyodo.isMetricsEnabled());
    bare.setDbMetricsReporterActivate(kyodo.isDbMetricsReporterActivate());
    bare.setTaskMetricsEnabled(kyodo.isTaskMetricsEnabled());
    bare.setCmmnEnabled(kyodo.isCmmnEnabled());
    bare.setDmnEnabled(kyodo.isDmnEnabled());
    bare.setHistoryCleanupEnabled(kyodo.isHistoryCleanupEnabled());
    bare.setTenantCheckEnabled(kyodo.isTenantCheckEnabled());
    bare.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
    return bare;
  }

  private static <T> T newInstance(T like) {
    try {
      @SuppressWarnings("unchecked")
      T copy = (T) like.getClass().getDeclaredConstructor().newInstance();
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot copy " + like.getClass(), e);
    }
  }

  private String definition(String deployment, String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).processDefinitionKey(key)
        .singleResult().getId();
  }

  /** A line of user tasks, one per task of the recorded instance, with its group or assignee and its form. */
  static BpmnModelInstance model(String key, List<Script.Work> works, Map<String, String> cast) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("ベンチマークの基準（素のエンジン）")
        .camundaHistoryTimeToLive(180).startEvent("Start");
    int i = 0;
    for (Script.Work work : works) {
      UserTaskBuilder task = flow.userTask(taskId(i++)).name(work.taskKey());
      if (work.formKey() != null) {
        task.camundaFormRef(work.formKey()).camundaFormRefBinding("deployment");
      }
      if (work.assignee() != null) {
        task.camundaAssignee(cast.getOrDefault(work.assignee(), work.assignee()));
      } else {
        task.camundaCandidateGroups(String.join(",", work.candidateGroups().stream().map(g -> cast.getOrDefault(g, g))
            .toList()));
      }
      flow = task;
    }
    return flow.endEvent("End").done();
  }

  static String taskId(int position) {
    return "Task" + position;
  }

  /** The starter may start the yardstick's lines, as it may start the lifecycle. */
  private static void grantStart(AuthorizationService authorizations, String starter, String... keys) {
    for (String key : keys) {
      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(starter);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(key);
      grant.addPermission(Permissions.READ);
      grant.addPermission(Permissions.CREATE_INSTANCE);
      authorizations.saveAuthorization(grant);
    }
    if (authorizations.createAuthorizationQuery().userIdIn(starter).resourceType(Resources.PROCESS_INSTANCE).count() == 0
        && authorizations.createAuthorizationQuery().groupIdIn(KyodoGroups.PARTNERS).resourceType(Resources.PROCESS_INSTANCE)
        .count() == 0) {
      throw new IllegalStateException("the starter may not create process instances");
    }
  }

  /** One lifecycle's worth, worked through like the recorded one; returns the number of tasks completed. */
  int run(Lockstep clock, String businessKey, int client) {
    int team = client % definitions.size();
    Map<String, String> cast = casts.get(team);
    int[] next = new int[2];
    String[] keys = {businessKey, businessKey + "-A"};
    int done = 0;
    for (Script.Step step : script.steps) {
      if (step instanceof Script.Start start) {
        desk.start(cast.getOrDefault(start.userId(), start.userId()), definitions.get(team)[start.instance()],
            keys[start.instance()], start.values());
      } else if (step instanceof Script.Clock move) {
        clock.moveTo(move.at());
      } else if (step instanceof Script.Work work) {
        desk.work(desk.task(keys[work.instance()], taskId(next[work.instance()]++)),
            cast.getOrDefault(work.userId(), work.userId()), work.values());
        done++;
      }
    }
    for (String key : keys) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() != 0) {
        throw new IllegalStateException("yardstick " + key + " has not ended");
      }
    }
    return done;
  }

  @Override
  public void close() {
    engine.close();
  }

  static Map<String, Object> describe(Script script) {
    return Map.of("tasks", script.work().size(), "clockMoves", script.clockMoves());
  }
}
