package jp.kyodo.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.forms.FieldSpec;
import jp.kyodo.forms.FieldSpec.Kind;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.forms.FormSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The browser checks a Camunda Form; the server checks its {@link FormSpec}. Both must say the
 * same, field by field, or a user would meet a rule the form never showed (or none at all).
 */
class FormSpecConsistencyTest {

  static Stream<String> formIds() {
    return ModelFiles.forms().keySet().stream();
  }

  @Test
  void everySpecHasAFormAndEveryFormASpec() {
    assertThat(new TreeSet<>(ModelFiles.forms().keySet()))
        .isEqualTo(new TreeSet<>(FormSpecs.all().stream().map(FormSpec::formId).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formIds")
  void fieldsAgree(String formId) {
    Path file = ModelFiles.forms().get(formId);
    FormSpec spec = FormSpecs.find(formId).orElseThrow();
    JsonNode form = ModelFiles.json(file);
    assertThat(form.path("schemaVersion").asInt()).as("form-js 1.8 in Tasklist 7.24 reads schema 16").isLessThanOrEqualTo(16);

    Map<String, JsonNode> components = new LinkedHashMap<>();
    for (JsonNode component : ModelFiles.keyedComponents(form)) {
      assertThat(components.put(component.path("key").asText(), component)).as("key used twice").isNull();
    }
    assertThat(components.keySet()).as(formId + " keys").containsExactlyInAnyOrderElementsOf(spec.fields().keySet());

    for (FieldSpec field : spec.fields().values()) {
      JsonNode component = components.get(field.name());
      String where = formId + "." + field.name();
      String type = component.path("type").asText();
      boolean readonly = component.path("readonly").asBoolean(false);
      assertThat(readonly).as(where + " read-only in the form iff display-only on the server")
          .isEqualTo(field.kind() == Kind.DISPLAY);
      if (field.kind() == Kind.DISPLAY) {
        continue;
      }
      JsonNode validate = component.path("validate");
      boolean hidden = component.path("conditional").has("hide");
      boolean formRequired = validate.path("required").asBoolean(false);
      if (field.kind() == Kind.BOOLEAN) {
        // A checkbox always submits true or false; "required" in form-js would mean "must be ticked".
        assertThat(formRequired).as(where + " checkbox not forced to be ticked").isFalse();
        assertThat(field.required()).as(where + " checkbox value always expected").isTrue();
      } else if (field.conditionallyRequired()) {
        assertThat(formRequired).as(where + ": conditionally required fields are required only while shown")
            .isEqualTo(hidden);
      } else {
        assertThat(formRequired).as(where + " required").isEqualTo(field.required());
      }
      switch (field.kind()) {
        case TEXT -> {
          if (type.equals("select")) {
            assertThat(component.path("valuesKey").isTextual()).as(where + ": a free-text key behind a select has dynamic options").isTrue();
          } else {
            assertThat(type).as(where).isIn("textfield", "textarea");
            assertThat(validate.path("maxLength").asInt()).as(where + " maxLength").isEqualTo(field.maxLength());
          }
        }
        case NUMBER -> {
          assertThat(type).as(where).isEqualTo("number");
          assertThat(component.path("decimalDigits").asInt(-1)).as(where + " whole numbers").isZero();
          assertThat(validate.path("min").asLong()).as(where + " min").isEqualTo(field.min());
          assertThat(validate.path("max").asLong()).as(where + " max").isEqualTo(field.max());
        }
        case BOOLEAN -> assertThat(type).as(where).isEqualTo("checkbox");
        case DATE -> {
          assertThat(type).as(where).isEqualTo("datetime");
          assertThat(component.path("subtype").asText()).as(where + " a date without time").isEqualTo("date");
          assertThat(component.path("dateLabel").asText()).as(where + " form-js shows dateLabel").isEqualTo(field.label());
        }
        case CHOICE -> {
          assertThat(type).as(where).isIn("select", "radio");
          assertOptions(where, component, field);
        }
        case CHOICES -> {
          assertThat(type).as(where).isEqualTo("checklist");
          assertOptions(where, component, field);
        }
        default -> throw new AssertionError(where);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formIds")
  void labelsAreJapaneseAndIdsUnique(String formId) {
    JsonNode form = ModelFiles.json(ModelFiles.forms().get(formId));
    Set<String> ids = new TreeSet<>();
    for (JsonNode component : ModelFiles.keyedComponents(form)) {
      assertThat(component.path("label").asText()).as(formId + "." + component.path("key").asText())
          .containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
      assertThat(ids.add(component.path("id").asText())).isTrue();
    }
  }

  /** Fixed options must be the same; options the process supplies must come from the same variable. */
  private static void assertOptions(String where, JsonNode component, FieldSpec field) {
    if (field.valuesKey() != null) {
      assertThat(component.path("valuesKey").asText()).as(where + " valuesKey").isEqualTo(field.valuesKey());
      assertThat(component.has("values")).as(where + " no fixed values beside valuesKey").isFalse();
    } else {
      assertThat(component.has("valuesKey")).as(where + " dynamic options need a spec that checks them").isFalse();
      assertThat(options(component)).as(where + " options").isEqualTo(field.options());
    }
  }

  private static Map<String, String> options(JsonNode component) {
    Map<String, String> options = new LinkedHashMap<>();
    component.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
    return options;
  }
}
