package jp.kyodo.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The server's copy of a Camunda Form's rules. Camunda Forms validate only in the browser; a REST submit skips that,
 * so every value is checked here again, normalized (trimmed text, Long numbers, JSON lists) and written back. The
 * rules are read from the deployed form itself ({@link #of}), joined with what the application adds in Java.
 */
public final class FormSpec {

  private final String formId;
  private final Map<String, FieldSpec> fields;
  private final boolean taskLocal;
  private final List<Rule> rules;

  /** A rule across fields, checked once every field on its own is valid. */
  record Rule(Predicate<VariableScope> holds, String message) {}

  private FormSpec(String formId, Map<String, FieldSpec> fields, boolean taskLocal, List<Rule> rules) {
    this.formId = formId;
    this.fields = Collections.unmodifiableMap(fields);
    this.taskLocal = taskLocal;
    this.rules = List.copyOf(rules);
  }

  /** The rules of an element without a form: it accepts no values at all. */
  public static FormSpec none(String elementId) {
    return new FormSpec("(no form: " + elementId + ")", new LinkedHashMap<>(), false, List.of());
  }

  /** What a text field allows when its form states no maximum length. */
  static final int DEFAULT_TEXT_LENGTH = 200;
  static final int DEFAULT_TEXT_AREA_LENGTH = 2000;

  /**
   * The rules of a deployed form: everything the form states (its fields, their types, labels, whether and when they
   * are required, lengths, ranges and options) and what Java adds that a form cannot say ({@link FormRules}).
   */
  public static FormSpec of(FormFile form, FormRules extra) {
    Map<String, FieldSpec> fields = new LinkedHashMap<>();
    for (FormFile.Field declared : form.fields()) {
      FieldSpec field = new FieldSpec(declared.key(), declared.label(), kind(declared));
      switch (field.kind) {
        case TEXT -> {
          field.multiline = declared.type().equals("textarea");
          field.maxLength = declared.maxLength() != null ? declared.maxLength()
              : field.multiline ? DEFAULT_TEXT_AREA_LENGTH : DEFAULT_TEXT_LENGTH;
        }
        case NUMBER -> {
          field.min = declared.min() != null ? declared.min() : field.min;
          field.max = declared.max() != null ? declared.max() : field.max;
        }
        case CHOICE, CHOICES -> {
          field.options.putAll(declared.values());
          field.valuesKey = declared.valuesKey();
        }
        default -> { }
      }
      if (field.kind == FieldSpec.Kind.BOOLEAN) {
        // A checkbox always sends true or false; "required" in a form would mean "must be ticked" (a check).
        field.required = true;
      } else if (declared.required() && declared.hide() != null) {
        String hide = declared.hide();
        field.requiredWhen = scope -> !FormConditions.hidden(hide, scope);
        field.requiredWhenHint = declared.requiredWhenHint();
      } else {
        field.required = declared.required();
      }
      if (fields.put(field.name, field) != null) {
        throw new FormFile.UncheckableFormException(form.id(), "uses the key '" + field.name + "' twice");
      }
    }
    extra.checks().forEach((name, check) -> {
      FieldSpec field = fields.get(name);
      if (field == null || field.kind == FieldSpec.Kind.DISPLAY) {
        throw new FormFile.UncheckableFormException(form.id(), "has no input '" + name
            + "', which the application checks (" + extra.getClass().getSimpleName() + ")");
      }
      field.constraint = check.holds();
      field.constraintMessage = check.message();
    });
    extra.requirements().forEach((name, requirement) -> {
      FieldSpec field = fields.get(name);
      if (field == null || field.kind == FieldSpec.Kind.DISPLAY || field.required || field.requiredWhen != null) {
        throw new FormFile.UncheckableFormException(form.id(), "has no optional input '" + name
            + "' for the application's condition on it (the form itself makes it required, or does not have it)");
      }
      field.requiredWhen = requirement.when();
      field.requiredWhenHint = requirement.hint();
    });
    return new FormSpec(form.id(), fields, extra.taskLocal(), extra.rules());
  }

  private static FieldSpec.Kind kind(FormFile.Field declared) {
    if (declared.readonly()) {
      return FieldSpec.Kind.DISPLAY;
    }
    return switch (declared.type()) {
      case "textfield", "textarea" -> FieldSpec.Kind.TEXT;
      case "number" -> FieldSpec.Kind.NUMBER;
      case "checkbox" -> FieldSpec.Kind.BOOLEAN;
      case "datetime" -> FieldSpec.Kind.DATE;
      case "select", "radio" -> FieldSpec.Kind.CHOICE;
      case "checklist" -> FieldSpec.Kind.CHOICES;
      default -> throw new IllegalStateException(declared.type());
    };
  }

  public String formId() {
    return formId;
  }

  public Map<String, FieldSpec> fields() {
    return fields;
  }

  /**
   * Whether the form's values stay on the task instead of the process instance: for tasks that run
   * side by side (multi-instance), where each person's answers must neither overwrite nor be seen
   * by the others. A listener of the task then keeps what it needs.
   */
  public boolean taskLocal() {
    return taskLocal;
  }

  /** The messages of the rules across fields, in order. */
  public List<String> ruleMessages() {
    return rules.stream().map(Rule::message).toList();
  }

  /** The names the submission may set (every field that is not display-only). */
  public List<String> inputNames() {
    return fields.values().stream().filter(f -> f.kind != FieldSpec.Kind.DISPLAY).map(f -> f.name).toList();
  }

  /**
   * Checks every input field; on any problem throws with all problems, having changed nothing. Only values that
   * normalizing changed are written back: with history level full every write of a variable is a history row,
   * and a submission that is already normal (the second check at completion, a trimmed text, a Long) needs none.
   */
  public void validateAndNormalize(VariableScope scope) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> normalized = new LinkedHashMap<>();
    for (FieldSpec field : fields.values()) {
      if (field.kind == FieldSpec.Kind.DISPLAY) {
        continue;
      }
      Object raw = scope.getVariable(field.name);
      try {
        Object value = normalize(field, raw, scope);
        boolean needed = field.required || conditionHolds(field, scope);
        if (isMissing(value)) {
          if (needed) {
            problems.add(field.requiredWhenHint != null && !field.required
                ? "「" + field.label + "」を入力してください（" + field.requiredWhenHint + "）。"
                : "「" + field.label + "」を入力してください。");
          }
          if (raw != null && value == null) {
            normalized.put(field.name, null);
          }
          continue;
        }
        if (field.constraint != null && !field.constraint.test(scope, value)) {
          problems.add(field.constraintMessage);
          continue;
        }
        if (!alreadyNormal(raw, value)) {
          normalized.put(field.name, value);
        }
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      for (Rule rule : rules) {
        if (!rule.holds().test(scope)) {
          problems.add(rule.message());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    normalized.forEach((name, value) -> {
      if (value instanceof List<?> list) {
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) list;
        scope.setVariable(name, ListVar.json(strings));
      } else {
        scope.setVariable(name, value);
      }
    });
  }

  /**
   * Whether the stored value is already the normalized one, of the same type: a list stored as JSON with the same
   * texts in the same order, or an equal text, Long or Boolean.
   */
  static boolean alreadyNormal(Object raw, Object value) {
    if (value instanceof List<?> list) {
      return raw instanceof org.camunda.spin.json.SpinJsonNode && ListVar.read(raw).equals(list);
    }
    return raw != null && raw.getClass() == value.getClass() && raw.equals(value);
  }

  /** A condition over a value that is itself malformed counts as not holding; that value's own problem is reported. */
  private static boolean conditionHolds(FieldSpec field, VariableScope scope) {
    if (field.requiredWhen == null) {
      return false;
    }
    try {
      return field.requiredWhen.test(scope);
    } catch (RuntimeException malformedInput) {
      return false;
    }
  }

  private static boolean isMissing(Object value) {
    return value == null || (value instanceof List<?> list && list.isEmpty());
  }

  private static Object normalize(FieldSpec field, Object raw, VariableScope scope) {
    if (raw == null) {
      return null;
    }
    return switch (field.kind) {
      case TEXT -> text(field, raw);
      case NUMBER -> number(field, raw);
      case BOOLEAN -> {
        if (!(raw instanceof Boolean)) {
          throw new IllegalArgumentException("「" + field.label + "」は、はい／いいえ（true / false）で答えてください。");
        }
        yield raw;
      }
      case DATE -> date(field, raw);
      case CHOICE -> {
        if (!(raw instanceof String s)) {
          throw new IllegalArgumentException("「" + field.label + "」は選択肢から選んでください。");
        }
        String code = s.trim();
        if (code.isEmpty()) {
          yield null;
        }
        checkOption(field, code, scope);
        yield code;
      }
      case CHOICES -> {
        List<String> codes;
        try {
          codes = ListVar.read(raw);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("「" + field.label + "」は選択肢の一覧で答えてください。");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String code : codes) {
          checkOption(field, code, scope);
          unique.add(code);
        }
        yield new ArrayList<>(unique);
      }
      case DISPLAY -> null;
    };
  }

  private static void checkOption(FieldSpec field, String code, VariableScope scope) {
    if (field.valuesKey != null) {
      Map<String, String> offered = Options.read(scope.getVariable(field.valuesKey));
      if (!offered.containsKey(code)) {
        throw new IllegalArgumentException("「" + field.label + "」に「" + abbreviate(code) + "」という選択肢はありません。"
            + "表示された選択肢から選んでください。");
      }
      return;
    }
    if (!field.options.containsKey(code)) {
      throw new IllegalArgumentException("「" + field.label + "」に「" + abbreviate(code) + "」という選択肢はありません。次から選んでください: "
          + String.join("、", field.options.values()) + "。");
    }
  }

  private static String text(FieldSpec field, Object raw) {
    if (!(raw instanceof String s)) {
      throw new IllegalArgumentException("「" + field.label + "」は文字で入力してください。");
    }
    String value = s.strip().replace("\r\n", "\n");
    if (value.isEmpty()) {
      return null;
    }
    int length = value.codePointCount(0, value.length());
    if (length > field.maxLength) {
      throw new IllegalArgumentException("「" + field.label + "」は" + field.maxLength + "文字以内で入力してください（いま" + length + "文字です）。");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowedBreak = field.multiline && (c == '\n' || c == '\t');
      if (Character.isISOControl(c) && !allowedBreak) {
        throw new IllegalArgumentException("「" + field.label + "」に使えない制御文字が含まれています。");
      }
    }
    // Texts are shown in Tasklist, Cockpit, the 協定書 and the public pages: markup is refused at the door (the
    // pages escape it as well). A lone "<" as in "5 < 10" is fine.
    if (MARKUP.matcher(value).find()) {
      throw new IllegalArgumentException("「" + field.label + "」に HTML のタグ（<script> など）は書けません。"
          + "不等号は全角の「＜」「＞」で書いてください。");
    }
    return value;
  }

  /** The start of an HTML tag, comment or processing instruction: "<" followed by a letter, "/", "!" or "?". */
  static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("<\\s*[A-Za-z/!?]");

  private static String date(FieldSpec field, Object raw) {
    String message = "「" + field.label + "」は日付（例: 2027-04-01）で入力してください。";
    if (!(raw instanceof String s)) {
      throw new IllegalArgumentException(message);
    }
    String value = s.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(value).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(message);
    }
  }

  private static Long number(FieldSpec field, Object raw) {
    long value;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof Double || raw instanceof Float) {
      double d = ((Number) raw).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) > 9.0e15) {
        throw new IllegalArgumentException("「" + field.label + "」は整数で入力してください。");
      }
      value = (long) d;
    } else {
      throw new IllegalArgumentException("「" + field.label + "」は半角数字の数値で入力してください。");
    }
    if (value < field.min || value > field.max) {
      throw new IllegalArgumentException("「" + field.label + "」は" + field.min + "以上" + field.max + "以下で入力してください。");
    }
    return value;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
