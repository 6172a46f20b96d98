package jp.kyodo.forms;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
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
    spec.validateAndNormalize(scope);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : spec.inputNames()) {
      Object value = scope.values.get(name);
      if (value != null) {
        out.put(name, value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Plain values by name: what the rules read and what normalizing writes back (a list as a Java list). */
  static final class MapScope extends AbstractVariableScope {
    private static final long serialVersionUID = 1L;
    final Map<String, Object> values;

    MapScope(Map<String, Object> values) {
      this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Object getVariable(String name) {
      return values.get(name);
    }

    @Override
    public void setVariable(String name, Object value) {
      if (value instanceof JsonValue json) {
        try {
          value = json.getValueSerialized() == null ? null
              : JSON.readValue(json.getValueSerialized(), new TypeReference<List<String>>() {});
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException(e);
        }
      }
      values.put(name, value);
    }

    @Override
    public boolean hasVariable(String name) {
      return values.containsKey(name);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected VariableStore<CoreVariableInstance> getVariableStore() {
      return (VariableStore) new VariableStore<SimpleVariableInstance>();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
      return (VariableInstanceFactory) SimpleVariableInstance.SimpleVariableInstanceFactory.INSTANCE;
    }

    @Override
    protected List<VariableInstanceLifecycleListener<CoreVariableInstance>> getVariableInstanceLifecycleListeners() {
      return List.of();
    }

    @Override
    public AbstractVariableScope getParentVariableScope() {
      return null;
    }
  }
}
