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
 * Camunda's own Spin plugin — none of Kyodo's plugins, listeners, delegates or DMN. Its process is a straight line
 * of as many user tasks as a Kyodo lifecycle has, each offered to the same group (or assigned to the same person) as
 * the Kyodo task in the same position, and worked by the same person with the same values, replayed from a
 * recorded lifecycle.
 */
final class Yardstick implements AutoCloseable {

  static final String KEY = "benchYardstick";

  final ProcessEngine engine;
  final Desk desk;
  private final Script script;
  private final String definitionId;

  Yardstick(ProcessEngine kyodo, ApplicationContext context, Script script) {
    this.script = script;
    SpringProcessEngineConfiguration bare = bareEngine((ProcessEngineConfigurationImpl) kyodo.getProcessEngineConfiguration(),
        context.getBean(DataSource.class), context.getBean(PlatformTransactionManager.class));
    bare.setApplicationContext(context);
    this.engine = bare.buildProcessEngine();
    this.desk = new Desk(engine);
    String deployment = engine.getRepositoryService().createDeployment().name("bench-yardstick")
        .addModelInstance(KEY + ".bpmn", model(script)).deploy().getId();
    definitionId = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult()
        .getId();
    grantStart(engine.getAuthorizationService(), script);
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

  /** A line of user tasks, one per task of the recorded lifecycle, with its group or assignee. */
  static BpmnModelInstance model(Script script) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(KEY).name("ベンチマークの基準（素のエンジン）")
        .camundaHistoryTimeToLive(180).startEvent("Start");
    int i = 0;
    for (Script.Work work : script.work()) {
      UserTaskBuilder task = flow.userTask(taskId(i++)).name(work.taskKey());
      if (work.assignee() != null) {
        task.camundaAssignee(work.assignee());
      } else {
        task.camundaCandidateGroups(String.join(",", work.candidateGroups()));
      }
      flow = task;
    }
    return flow.endEvent("End").done();
  }

  static String taskId(int position) {
    return "Task" + position;
  }

  /** The starter may start the yardstick, as it may start the lifecycle. */
  private static void grantStart(AuthorizationService authorizations, Script script) {
    String starter = script.steps.stream().filter(Script.Start.class::isInstance).map(Script.Start.class::cast)
        .findFirst().orElseThrow().userId();
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId(starter);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(KEY);
    grant.addPermission(Permissions.READ);
    grant.addPermission(Permissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
    if (authorizations.createAuthorizationQuery().userIdIn(starter).resourceType(Resources.PROCESS_INSTANCE).count() == 0
        && authorizations.createAuthorizationQuery().groupIdIn(KyodoGroups.PARTNERS).resourceType(Resources.PROCESS_INSTANCE)
        .count() == 0) {
      throw new IllegalStateException("the starter may not create process instances");
    }
  }

  /** One instance, worked through like the recorded lifecycle; returns the number of tasks completed. */
  int run(Lockstep clock, String businessKey) {
    int i = 0;
    int done = 0;
    for (Script.Step step : script.steps) {
      if (step instanceof Script.Start start) {
        desk.start(start.userId(), definitionId, businessKey, start.values());
      } else if (step instanceof Script.Clock move) {
        clock.moveTo(move.at());
      } else if (step instanceof Script.Work work) {
        desk.work(desk.task(businessKey, taskId(i++)), work.userId(), work.values());
        done++;
      }
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() != 0) {
      throw new IllegalStateException("yardstick " + businessKey + " has not ended");
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
