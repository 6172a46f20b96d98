package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Date;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Keeps a project's decisions where people look for them: appended to the JSON variable
 * {@value CollaborationProcess#DECISIONS} and the {@code lastDecision…} variables (Cockpit), and to
 * {@code kyodo_project_decision} (the project API).
 */
final class ProjectDecisions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProjectDecisions() {}

  static void record(VariableScope scope, ProjectRepository projects, ProjectDecision d) {
    ArrayNode all = read(scope);
    ObjectNode entry = all.addObject();
    entry.put("phase", d.phase().name());
    entry.put("phaseLabel", d.phase().label());
    entry.put("round", d.round());
    if (d.fiscalYear() != null) {
      entry.put("fiscalYear", d.fiscalYear());
    } else {
      entry.putNull("fiscalYear");
    }
    entry.put("decision", d.decision());
    entry.put("label", d.label());
    entry.put("reason", d.reason());
    entry.put("decidedBy", d.decidedBy());
    entry.put("decidedAt", d.decidedAt().toString());
    scope.setVariable(DECISIONS, SpinValues.jsonValue(all.toString()).create());
    LAST_DECISION.set(scope, d.decision());
    LAST_DECISION_LABEL.set(scope, d.label());
    LAST_DECISION_REASON.set(scope, d.reason());
    LAST_DECIDED_BY.set(scope, d.decidedBy());
    LAST_DECIDED_AT.set(scope, Date.from(d.decidedAt()));
    projects.recordDecision(Project.PROJECT_NUMBER.get(scope), d, jp.kyodo.platform.SourceKey.of(scope));
  }

  static Object empty() {
    return SpinValues.jsonValue("[]").create();
  }

  private static ArrayNode read(VariableScope scope) {
    Object current = scope.getVariable(DECISIONS);
    if (current == null) {
      return JSON.createArrayNode();
    }
    try {
      return (ArrayNode) JSON.readTree(current.toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("variable " + DECISIONS + " is not a JSON array", e);
    }
  }
}
