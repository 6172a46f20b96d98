package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.platform.SourceKey;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Keeps a project's decisions where people look for them: appended to the JSON variable
 * {@value CollaborationProcess#DECISIONS} and the {@code lastDecision…} variables (Cockpit), and to
 * {@code kyodo_project_decision} (the project API). The one place a project's decision is written.
 */
final class ProjectDecisions {

  private ProjectDecisions() {}

  static void record(VariableScope scope, ProjectRepository projects, ProjectDecision d) {
    record(scope, projects, d, SourceKey.of(scope));
  }

  /** As above, for a step that records several decisions: each with its own idempotency key. */
  static void record(VariableScope scope, ProjectRepository projects, ProjectDecision d, String sourceKey) {
    DECISION_LOG.append(scope, where(d), d.decision());
    LAST_DECISION_VARIABLES.write(scope, d.decision());
    projects.recordDecision(Project.PROJECT_NUMBER.get(scope), d, sourceKey);
  }

  /**
   * As above, for a decision taken in a process of its own (担当者の交代): the same entry and latest decision, written
   * to the project's lifecycle instance through the engine.
   */
  static void record(DelegateExecution from, String projectNumber, String lifecycleInstanceId,
      ProjectRepository projects, ProjectDecision d, String sourceKey) {
    Map<String, Object> values = new LinkedHashMap<>(LAST_DECISION_VARIABLES.values(d.decision()));
    values.put(DECISIONS, DECISION_LOG.appended(ProjectInstances.variable(from, lifecycleInstanceId, DECISIONS), where(d),
        d.decision()));
    ProjectInstances.setVariables(from, lifecycleInstanceId, values);
    projects.recordDecision(projectNumber, d, sourceKey);
  }

  private static Map<String, Object> where(ProjectDecision d) {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("phase", d.phase().name());
    where.put("phaseLabel", d.phase().label());
    where.put("round", d.round());
    where.put("fiscalYear", d.fiscalYear());
    return where;
  }
}
