package jp.kyodo.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;

/**
 * Two people (or two nodes) completing the same task at the same moment: the winner's completion may reach the
 * loser's command half-way — its task authorizations gone (403), the agreement it was about to record already
 * there (400), the instance already ended (500 "list of executions is empty"), a row already written (duplicate
 * key). Whatever the loser's error, once the task has been completed meanwhile the loser is told just that: 409
 * with a clerk's message (someone completed it at the same moment, nothing of this submission was kept), never a
 * 500 with engine internals. A failure on a task that is still open keeps its own answer (a refused input stays a
 * 400 with its reasons); a task completed earlier stays a 404.
 */
@Provider
@Priority(Priorities.USER)
public class TaskRaceFilter implements ContainerResponseFilter {

  static final Pattern TASK_ACTION = Pattern.compile(
      "^/?(?:engine/([^/]+)/)?task/([^/]+)/(?:submit-form|complete|resolve)/?$");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (!"POST".equals(request.getMethod()) || status < 400 || status == 404 || status == 401) {
      return;
    }
    Matcher action = TASK_ACTION.matcher(request.getUriInfo().getPath());
    if (!action.matches()) {
      return;
    }
    String engineName = action.group(1) != null ? action.group(1) : ProcessEngines.NAME_DEFAULT;
    ProcessEngine engine = ProcessEngines.getProcessEngine(engineName);
    if (engine != null && completedMeanwhile(engine, action.group(2))) {
      response.setStatus(409);
      response.setEntity(InputErrorMapping.completedMeanwhile().getEntity(), new Annotation[0],
          MediaType.APPLICATION_JSON_TYPE);
    }
  }

  /** The task is no longer open and its history shows it ended; read as the engine, whoever asked. */
  static boolean completedMeanwhile(ProcessEngine engine, String taskId) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      if (context.getTaskManager().findTaskById(taskId) != null) {
        return false;
      }
      HistoricTaskInstanceEntity history = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
      return history != null && history.getEndTime() != null;
    });
  }
}
