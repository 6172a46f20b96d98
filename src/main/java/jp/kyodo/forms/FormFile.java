package jp.kyodo.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Camunda Form (a {@code .form} file) as the server reads its rules: each field with its key, type, label, whether
 * it is read-only or required, when it is hidden (a FEEL expression), its length, range and options. What the form
 * says here, the server checks; a field the server could not check (a type it does not know, a number with decimals,
 * a date with a time) makes the form unusable, so a process owner learns it when deploying, not from a clerk.
 */
public final class FormFile {

  /** Types without a value (headings, text, layout): shown, never submitted. */
  static final Set<String> WITHOUT_VALUE = Set.of("text", "html", "image", "spacer", "separator", "button", "iframe");

  /** One keyed field as the form states it. */
  public record Field(String key, String type, String label, boolean readonly, boolean required, String hide,
      Integer maxLength, Long min, Long max, Map<String, String> values, String valuesKey,
      Map<String, String> properties) {

    /** The text the form gives as the condition's reason (custom property {@value #REQUIRED_WHEN}), or null. */
    public String requiredWhenHint() {
      return properties.get(REQUIRED_WHEN);
    }
  }

  /**
   * The custom property (Modeler: "Custom properties") naming when a conditionally required field is required, for
   * the refusal's message: 「…を入力してください（{hint}）」.
   */
  public static final String REQUIRED_WHEN = "requiredWhen";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final List<Field> fields;

  private FormFile(String id, List<Field> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
  }

  public String id() {
    return id;
  }

  public List<Field> fields() {
    return fields;
  }

  /** Only the form's id (its key in {@code camunda:formRef}). */
  static String id(byte[] content) {
    try {
      return JSON.readTree(content).path("id").asText(null);
    } catch (IOException e) {
      throw new UncheckableFormException("(unknown)", "is not JSON");
    }
  }

  /** Reads a form; a field the server cannot check is refused with the reason, in the form's own terms. */
  public static FormFile parse(byte[] content) {
    JsonNode form;
    try {
      form = JSON.readTree(content);
    } catch (IOException e) {
      throw new UncheckableFormException("(unknown)", "is not JSON: " + e.getMessage());
    }
    String id = form.path("id").asText(null);
    if (id == null || id.isBlank()) {
      throw new UncheckableFormException("(unknown)", "has no id");
    }
    List<Field> fields = new ArrayList<>();
    collect(id, form.path("components"), fields);
    return new FormFile(id, fields);
  }

  private static void collect(String formId, JsonNode components, List<Field> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (component.has("components")) {
        collect(formId, component.path("components"), into);
      }
      if (!component.hasNonNull("key")) {
        if (!WITHOUT_VALUE.contains(type) && !component.has("components")) {
          throw new UncheckableFormException(formId, "has a component of type '" + type + "' without a key");
        }
        continue;
      }
      into.add(field(formId, type, component));
    }
  }

  private static Field field(String formId, String type, JsonNode component) {
    String key = component.path("key").asText();
    String where = "field '" + key + "' (" + type + ")";
    JsonNode validate = component.path("validate");
    boolean readonly = component.path("readonly").asBoolean(false);
    if (!readonly) {
      switch (type) {
        case "textfield", "textarea", "checkbox", "radio", "select", "checklist" -> { }
        case "number" -> {
          if (component.path("decimalDigits").asInt(-1) != 0) {
            throw new UncheckableFormException(formId, where + " allows decimals: Kyodo keeps whole numbers (yen, counts)"
                + "; set 'decimal digits' to 0");
          }
        }
        case "datetime" -> {
          if (!"date".equals(component.path("subtype").asText())) {
            throw new UncheckableFormException(formId, where + " asks for a time: Kyodo keeps dates; set subtype 'date'");
          }
        }
        default -> throw new UncheckableFormException(formId, where + ": the server cannot check this type of field");
      }
    }
    String label = component.hasNonNull("label") ? component.path("label").asText()
        : component.hasNonNull("dateLabel") ? component.path("dateLabel").asText() : key;
    Map<String, String> values = new LinkedHashMap<>();
    component.path("values").forEach(v -> values.put(v.path("value").asText(), v.path("label").asText()));
    Map<String, String> properties = new LinkedHashMap<>();
    component.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue().asText()));
    String hide = component.path("conditional").path("hide").asText(null);
    return new Field(key, type, label, readonly, validate.path("required").asBoolean(false),
        hide == null || hide.isBlank() ? null : hide,
        validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
        validate.has("min") ? validate.path("min").asLong() : null,
        validate.has("max") ? validate.path("max").asLong() : null,
        Collections.unmodifiableMap(values), component.path("valuesKey").asText(null),
        Collections.unmodifiableMap(properties));
  }

  /** A form the server could not check; refused when deployed. */
  public static final class UncheckableFormException extends IllegalArgumentException {
    UncheckableFormException(String formId, String problem) {
      super("The form '" + formId + "' " + problem + ".");
    }
  }
}
