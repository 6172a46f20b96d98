package jp.kyodo.variables;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A named, typed process variable. Delegates and listeners read and write variables only
 * through these handles, so a variable's name and type are declared once, in the process's
 * backing class.
 */
public final class Var<T> {

  private final String name;
  private final Class<T> type;

  private Var(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static Var<String> string(String name) {
    return new Var<>(name, String.class);
  }

  public static Var<Long> number(String name) {
    return new Var<>(name, Long.class);
  }

  public static Var<Boolean> bool(String name) {
    return new Var<>(name, Boolean.class);
  }

  public static Var<java.util.Date> date(String name) {
    return new Var<>(name, java.util.Date.class);
  }

  public String name() {
    return name;
  }

  /** The value, or null when the variable is absent. Numbers of any width read as Long. */
  public T get(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (type == Long.class && value instanceof Number n) {
      return type.cast(n.longValue());
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Variable '" + name + "' holds " + value.getClass().getSimpleName() + ", expected " + type.getSimpleName());
    }
    return type.cast(value);
  }

  public T getOrDefault(VariableScope scope, T fallback) {
    T value = get(scope);
    return value != null ? value : fallback;
  }

  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(get(scope));
  }

  /**
   * Writes the value, unless the variable already holds this very value (equal, of the same type): with history
   * level full every write is a history row, and the lifecycle restates labels and flags on each pass that have not
   * changed. A variable is read and written in the same scope (the nearest that has it), so skipping is exact.
   */
  public void set(VariableScope scope, T value) {
    if (value != null) {
      Object current = scope.getVariable(name);
      if (current != null && current.getClass() == value.getClass() && current.equals(value)) {
        return;
      }
    }
    scope.setVariable(name, value);
  }

  @Override
  public String toString() {
    return name;
  }
}
