package jp.kyodo.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a form cannot say about itself, kept in Java beside the {@code .form} file: a check on a field's value that
 * needs the process or the database (a registered department, a date after today, a year in range), a rule across
 * fields (weights that add up), and whether the form's values stay on its task. Everything a form can say — which
 * fields, their type, label, required or not and when, length, range, options — is read from the form itself.
 */
public final class FormRules {

  /** A check of one field's normalized value; the message says what is wrong in the clerk's words. */
  record Check(BiPredicate<VariableScope, Object> holds, String message) {}

  /**
   * When a field the form shows as optional is required after all: a condition on other fields that the form does
   * not express by hiding the field (a criterion's name and its points go together). The hint ends the message.
   */
  record Requirement(Predicate<VariableScope> when, String hint) {}

  private final String formId;
  private final boolean taskLocal;
  private final Map<String, Check> checks;
  private final Map<String, Requirement> requirements;
  private final List<FormSpec.Rule> rules;

  private FormRules(String formId, boolean taskLocal, Map<String, Check> checks, Map<String, Requirement> requirements,
      List<FormSpec.Rule> rules) {
    this.formId = formId;
    this.taskLocal = taskLocal;
    this.checks = Map.copyOf(checks);
    this.requirements = Map.copyOf(requirements);
    this.rules = List.copyOf(rules);
  }

  public static Builder forForm(String formId) {
    return new Builder(formId);
  }

  /** A form whose every rule it states itself. */
  public static FormRules none(String formId) {
    return forForm(formId).build();
  }

  public String formId() {
    return formId;
  }

  boolean taskLocal() {
    return taskLocal;
  }

  Map<String, Check> checks() {
    return checks;
  }

  Map<String, Requirement> requirements() {
    return requirements;
  }

  List<FormSpec.Rule> rules() {
    return rules;
  }

  /** The names of the fields this Java names: each must be an input of the form. */
  public java.util.Set<String> fieldNames() {
    java.util.Set<String> names = new java.util.TreeSet<>(checks.keySet());
    names.addAll(requirements.keySet());
    return names;
  }

  public static final class Builder {
    private final String formId;
    private boolean taskLocal;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Map<String, Requirement> requirements = new LinkedHashMap<>();
    private final List<FormSpec.Rule> rules = new ArrayList<>();

    private Builder(String formId) {
      this.formId = formId;
    }

    /** See {@link FormSpec#taskLocal()}. */
    public Builder taskLocal() {
      taskLocal = true;
      return this;
    }

    /** A further check on the field's normalized value, for what the form cannot say. */
    public Builder check(Var<?> field, BiPredicate<VariableScope, Object> holds, String message) {
      return check(field.name(), holds, message);
    }

    public Builder check(String field, BiPredicate<VariableScope, Object> holds, String message) {
      if (checks.put(field, new Check(holds, message)) != null) {
        throw new IllegalArgumentException("two checks for " + formId + "." + field);
      }
      return this;
    }

    /** See {@link Requirement}: required when the condition holds, though the form shows the field as optional. */
    public Builder requiredWhen(Var<?> field, Predicate<VariableScope> when, String hint) {
      if (requirements.put(field.name(), new Requirement(when, hint)) != null) {
        throw new IllegalArgumentException("two requirements for " + formId + "." + field.name());
      }
      return this;
    }

    /** A rule across fields (weights that add up, a date after another), checked once every field is valid. */
    public Builder rule(Predicate<VariableScope> holds, String message) {
      rules.add(new FormSpec.Rule(holds, message));
      return this;
    }

    public FormRules build() {
      return new FormRules(formId, taskLocal, checks, requirements, rules);
    }
  }
}
