package jp.kyodo.variables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A list of strings kept as a JSON variable, so Cockpit shows it as readable JSON and no Java
 * serialization is involved. Tasklist submits a checklist as Json; DMN collect results arrive as
 * a Java list: both are read here.
 */
public final class ListVar {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String name;

  private ListVar(String name) {
    this.name = Objects.requireNonNull(name);
  }

  public static ListVar of(String name) {
    return new ListVar(name);
  }

  public String name() {
    return name;
  }

  public List<String> get(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public void set(VariableScope scope, Collection<String> values) {
    scope.setVariable(name, json(values));
  }

  /** Reads a list of strings from a Json node or a Java collection; anything else is refused. */
  public static List<String> read(Object value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (value instanceof SpinJsonNode node) {
      if (!node.isArray()) {
        throw new IllegalArgumentException("not a list");
      }
      for (SpinJsonNode element : node.elements()) {
        if (!element.isString()) {
          throw new IllegalArgumentException("not a list of texts");
        }
        out.add(element.stringValue());
      }
      return out;
    }
    if (value instanceof Collection<?> collection) {
      for (Object element : collection) {
        if (!(element instanceof String s)) {
          throw new IllegalArgumentException("not a list of texts");
        }
        out.add(s);
      }
      return out;
    }
    throw new IllegalArgumentException("not a list");
  }

  public static JsonValue json(Collection<String> values) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(List.copyOf(values))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write list as JSON", e);
    }
  }
}
