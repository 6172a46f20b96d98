package jp.kyodo.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A form's conditions ({@code conditional.hide}), evaluated on the server the way Tasklist evaluates them in the
 * browser: with FEEL, over the process's values. A field the form hides is not asked for, so it is required only
 * while the form shows it. The same FEEL engine as the decision tables (Camunda's, feel-scala).
 */
final class FormConditions {

  private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

  private FormConditions() {}

  /** Whether the form hides the field for these values; an expression that yields no boolean hides nothing. */
  static boolean hidden(String hide, VariableScope scope) {
    String expression = hide.startsWith("=") ? hide.substring(1) : hide;
    Object result = FEEL.evaluateSimpleExpression(expression, context(scope));
    return Boolean.TRUE.equals(result);
  }

  /**
   * The scope's values as FEEL sees them in the browser, and as the server keeps them: JSON lists as lists, a text
   * without its surrounding spaces (one of only spaces is empty, like a slot left blank), a name not set as null.
   */
  private static VariableContext context(VariableScope scope) {
    Map<String, Object> values = new HashMap<>();
    scope.getVariables().forEach((name, value) -> values.put(name, plain(value)));
    return new VariableContext() {
      @Override
      public TypedValue resolve(String name) {
        return Variables.untypedValue(values.get(name));
      }

      @Override
      public boolean containsVariable(String name) {
        return true;
      }

      @Override
      public Set<String> keySet() {
        return values.keySet();
      }
    };
  }

  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        return json.elements().stream().map(FormConditions::plain).toList();
      }
      if (json.isString()) {
        return json.stringValue();
      }
      if (json.isNumber()) {
        return json.numberValue();
      }
      if (json.isBoolean()) {
        return json.boolValue();
      }
      if (json.isNull()) {
        return null;
      }
      return json.toString();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FormConditions::plain).toList();
    }
    if (value instanceof String text) {
      return text.strip();
    }
    return value;
  }
}
