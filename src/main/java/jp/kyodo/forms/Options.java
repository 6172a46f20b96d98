package jp.kyodo.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * The options of a select or checklist that the process supplies ({@code valuesKey} in form-js):
 * a JSON variable {@code [{"value": ..., "label": ...}]}. The server accepts only what was offered.
 */
public final class Options {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Options() {}

  /** value → label, in order; the options as a JSON variable for the form. */
  public static JsonValue json(Map<String, String> options) {
    List<Map<String, String>> list = options.entrySet().stream()
        .map(e -> Map.of("value", e.getKey(), "label", e.getValue())).toList();
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(list)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The offered options; none when the variable is missing or not a list of options. */
  public static Map<String, String> read(Object variable) {
    Map<String, String> options = new LinkedHashMap<>();
    if (variable instanceof SpinJsonNode node && node.isArray()) {
      for (SpinJsonNode option : node.elements()) {
        if (option.isObject() && option.hasProp("value") && option.prop("value").isString()) {
          options.put(option.prop("value").stringValue(),
              option.hasProp("label") && option.prop("label").isString() ? option.prop("label").stringValue() : "");
        }
      }
    }
    return options;
  }
}
