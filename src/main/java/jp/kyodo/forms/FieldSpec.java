package jp.kyodo.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.VariableScope;

/** What the server accepts for one form field, as its form states it ({@link FormSpec#of}). */
public final class FieldSpec {

  public enum Kind {
    /** One line or a text area. */
    TEXT,
    /** A whole number (Tasklist sends Integer, Long or Double by size). */
    NUMBER,
    /** A checkbox. */
    BOOLEAN,
    /** A calendar date (form-js datetime, subtype date), kept as an ISO text {@code 2026-04-01}. */
    DATE,
    /** One of the listed codes (select, radio). */
    CHOICE,
    /** Any of the listed codes (checklist). */
    CHOICES,

    /** Shown read-only: the server never takes it from the form. */
    DISPLAY
  }

  final String name;
  final String label;
  final Kind kind;
  boolean required;
  Predicate<VariableScope> requiredWhen;
  String requiredWhenHint;
  long min = Long.MIN_VALUE;
  long max = Long.MAX_VALUE;
  int maxLength = 200;
  boolean multiline;
  java.util.function.BiPredicate<VariableScope, Object> constraint;
  String constraintMessage;
  final Map<String, String> options = new LinkedHashMap<>();
  /** For a choice whose options the process supplies: the variable holding them ({@code [{value, label}]}). */
  String valuesKey;

  FieldSpec(String name, String label, Kind kind) {
    this.name = name;
    this.label = label;
    this.kind = kind;
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public Kind kind() {
    return kind;
  }

  public boolean required() {
    return required;
  }

  /** The message of the application's further check of this field, or null without one. */
  public String constraintMessage() {
    return constraintMessage;
  }

  /** Why a conditionally required field is required (for the message), or null. */
  public String requiredWhenHint() {
    return requiredWhenHint;
  }

  public boolean conditionallyRequired() {
    return requiredWhen != null;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public int maxLength() {
    return maxLength;
  }

  public Map<String, String> options() {
    return Map.copyOf(options);
  }

  /** The variable with the options of a choice the process supplies, or null for fixed options. */
  public String valuesKey() {
    return valuesKey;
  }
}
