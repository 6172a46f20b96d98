package jp.kyodo.forms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * A form's rules applied to values that belong to no process yet: an application kept until its sender confirms the
 * address (団体登録 on the public page) is checked by the very rules its start form applies when the process starts,
 * so a value refused there is refused here first, with the same message — the rules are never written twice.
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /**
   * The values, checked and normalized as {@link FormSpec#validateAndNormalize} does (trimmed texts, lists of
   * codes); a name the form does not have as an input is refused like a submission naming it.
   *
   * @throws InvalidInputException with every problem, in the form's words
   */
  public static Map<String, Object> check(FormSpec spec, Map<String, Object> values) {
    List<String> unknown = new ArrayList<>();
    for (String name : values.keySet()) {
      FieldSpec field = spec.fields().get(name);
      if (field == null || field.kind() == FieldSpec.Kind.DISPLAY) {
        unknown.add("「" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "」はこのフォームの項目ではないため受け付けられません。");
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown);
    }
    MapScope scope = new MapScope(values);
    spec.validateAndNormalize(scope.scope);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : spec.inputNames()) {
      Object value = scope.values.get(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Plain values by name: what the rules read and what normalizing writes back (a list as a Java list). Only the
   * engine's public {@link VariableScope} interface is implemented, the three methods the rules use.
   */
  static final class MapScope implements InvocationHandler {
    final Map<String, Object> values;
    final VariableScope scope;

    MapScope(Map<String, Object> values) {
      this.values = new LinkedHashMap<>(values);
      this.scope = (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
          new Class<?>[] {VariableScope.class}, this);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      switch (method.getName()) {
        case "getVariable":
          return values.get((String) args[0]);
        case "hasVariable":
          return values.containsKey((String) args[0]);
        case "setVariable":
          if (args.length == 2) {
            values.put((String) args[0], plain(args[1]));
            return null;
          }
          break;
        case "toString":
          return "form values " + values.keySet();
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          break;
      }
      throw new UnsupportedOperationException(method.getName());
    }

    private static Object plain(Object value) {
      if (value instanceof JsonValue json) {
        try {
          return json.getValueSerialized() == null ? null
              : JSON.readValue(json.getValueSerialized(), new TypeReference<List<String>>() {});
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException(e);
        }
      }
      return value;
    }
  }
}
