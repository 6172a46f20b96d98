package jp.kyodo.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A JSON variable listing a process's decisions, oldest first, which Cockpit shows as it is: the project's
 * decisions in the lifecycle, the confirmations and approval of an agreement. Each entry is where the decision was
 * taken (the log's own fields, first) and the decision. The field names are those the logs have always had, so
 * running instances keep reading theirs: {@code decision}, {@code label} (where the log keeps it), the reason
 * (named {@code reason} or {@code comment}), {@code decidedBy}, {@code decidedAt}.
 */
public final class DecisionLog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String variable;
  private final String reasonField;
  private final boolean keepsLabel;

  public DecisionLog(String variable, String reasonField, boolean keepsLabel) {
    this.variable = variable;
    this.reasonField = reasonField;
    this.keepsLabel = keepsLabel;
  }

  public String variable() {
    return variable;
  }

  /** One entry: where the decision was taken (the log's own fields) and the decision. */
  public record Entry(JsonNode where, Decision decision) {}

  /** An empty log, for a process to start with. */
  public Object empty() {
    return SpinValues.jsonValue("[]").create();
  }

  /** Appends the decision, after the fields that say where it was taken (null values are kept as null). */
  public void append(VariableScope scope, Map<String, ?> where, Decision d) {
    scope.setVariable(variable, appended(scope.getVariable(variable), where, d));
  }

  /**
   * The log's value (as read from the variable, null for none) with the decision appended, to be written back: for
   * a decision about a process taken in another one (a project's staff handover is its own process), whose step
   * reaches the log through the engine's services rather than as its own scope.
   */
  public Object appended(Object current, Map<String, ?> where, Decision d) {
    ArrayNode log = parse(current, variable);
    ObjectNode entry = log.addObject();
    where.forEach((field, value) -> entry.set(field, JSON.valueToTree(value)));
    entry.put("decision", d.outcome());
    if (keepsLabel) {
      entry.put("label", d.label());
    }
    entry.put(reasonField, d.reason());
    entry.put("decidedBy", d.decidedBy());
    entry.put("decidedAt", d.decidedAt().toString());
    return SpinValues.jsonValue(log.toString()).create();
  }

  /**
   * Appends, as they are, the entries of another log of the same kind kept in {@code fromVariable} (a part of the
   * process that kept its own log, such as one fiscal year of a project), and returns how many.
   */
  public int appendAll(VariableScope scope, String fromVariable) {
    ArrayNode from = read(scope, fromVariable);
    if (from.isEmpty()) {
      return 0;
    }
    ArrayNode log = read(scope);
    log.addAll(from);
    scope.setVariable(variable, SpinValues.jsonValue(log.toString()).create());
    return from.size();
  }

  /** The decisions so far, oldest first; none when the process has not logged any. */
  public List<Entry> entries(VariableScope scope) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : read(scope)) {
      ObjectNode where = node.deepCopy();
      where.remove(List.of("decision", "label", reasonField, "decidedBy", "decidedAt"));
      entries.add(new Entry(where, new Decision(text(node, "decision"), text(node, "label"), text(node, reasonField),
          text(node, "decidedBy"), Instant.parse(node.path("decidedAt").asText()))));
    }
    return entries;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private ArrayNode read(VariableScope scope) {
    return read(scope, variable);
  }

  private static ArrayNode read(VariableScope scope, String variable) {
    return parse(scope.getVariable(variable), variable);
  }

  private static ArrayNode parse(Object current, String variable) {
    if (current == null) {
      return JSON.createArrayNode();
    }
    try {
      return (ArrayNode) JSON.readTree(current.toString());
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("variable " + variable + " is not a JSON array", e);
    }
  }
}
