package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.agreement.AgreementChoices.Approval;
import jp.kyodo.agreement.AgreementChoices.Confirmation;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Keeps every answer to a draft — the partner's and the department's confirmation, the manager's
 * approval — with who, when and why in a JSON log that goes into the agreement at approval. A request
 * for changes is also shown to the drafter in the next round.
 */
@Component("recordAgreementDecision")
public class RecordAgreementDecisionListener implements TaskListener {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Which decision each task takes, and who is named as asking for changes. */
  enum Step {
    PARTNER(Elements.PARTNER_CONFIRMS, PARTNER_DECISION, PARTNER_COMMENT, Confirmation.REQUEST_CHANGES.code(), "団体"),
    DEPARTMENT(Elements.DEPARTMENT_CONFIRMS, DEPARTMENT_DECISION, DEPARTMENT_COMMENT, Confirmation.REQUEST_CHANGES.code(), "担当課"),
    MANAGER(Elements.APPROVE, APPROVAL_DECISION, APPROVAL_COMMENT, Approval.RETURN.code(), "決裁者");

    final String taskKey;
    final Var<String> decision;
    final Var<String> comment;
    final String changes;
    final String who;

    Step(String taskKey, Var<String> decision, Var<String> comment, String changes, String who) {
      this.taskKey = taskKey;
      this.decision = decision;
      this.comment = comment;
      this.changes = changes;
      this.who = who;
    }

    static Step of(String taskKey) {
      for (Step step : values()) {
        if (step.taskKey.equals(taskKey)) {
          return step;
        }
      }
      throw new IllegalStateException("no decision step for task " + taskKey);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Step step = Step.of(task.getTaskDefinitionKey());
    String decision = step.decision.get(task);
    String comment = step.comment.get(task);
    String who = Actors.currentOrSystem(task);
    append(task, new Agreement.Decision(step.name(), decision, comment, who, CityCalendar.now()));
    if (step.changes.equals(decision)) {
      LAST_CHANGE_REQUEST.set(task, step.who + "（" + who + "）からの修正依頼: " + comment);
    }
  }

  static void append(VariableScope scope, Agreement.Decision decision) {
    ArrayNode log = JSON.createArrayNode();
    for (Agreement.Decision earlier : decisions(scope)) {
      log.add(node(earlier));
    }
    log.add(node(decision));
    scope.setVariable(DECISION_LOG, SpinValues.jsonValue(log.toString()).create());
  }

  private static ObjectNode node(Agreement.Decision d) {
    ObjectNode node = JSON.createObjectNode();
    node.put("step", d.step());
    node.put("decision", d.decision());
    node.put("comment", d.comment());
    node.put("decidedBy", d.decidedBy());
    node.put("decidedAt", d.decidedAt().toString());
    return node;
  }

  /** The decisions so far, oldest first. */
  static List<Agreement.Decision> decisions(VariableScope scope) {
    List<Agreement.Decision> out = new ArrayList<>();
    Object value = scope.getVariable(DECISION_LOG);
    if (value == null) {
      return out;
    }
    try {
      for (var node : JSON.readTree(value.toString())) {
        out.add(new Agreement.Decision(node.path("step").asText(), node.path("decision").asText(),
            node.path("comment").isNull() ? null : node.path("comment").asText(), node.path("decidedBy").asText(),
            Instant.parse(node.path("decidedAt").asText())));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + DECISION_LOG, e);
    }
    return out;
  }
}
