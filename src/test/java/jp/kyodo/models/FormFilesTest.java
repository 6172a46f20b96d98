package jp.kyodo.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.kyodo.Phases;
import jp.kyodo.forms.FormRules;
import jp.kyodo.support.FormsOnDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forms are the single source of their rules (the server reads them as deployed): each must be one the server
 * can check, in the form-js version Tasklist 7.24 ships, with Japanese labels; and what Java adds must belong to a form.
 */
class FormFilesTest {

  static Stream<String> formIds() {
    return ModelFiles.forms().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formIds")
  void theServerCanCheckIt(String formId) {
    JsonNode form = ModelFiles.json(ModelFiles.forms().get(formId));
    assertThat(form.path("schemaVersion").asInt()).as("form-js 1.8 in Tasklist 7.24 reads schema 16").isLessThanOrEqualTo(16);
    assertThat(FormsOnDisk.spec(formId).formId()).isEqualTo(formId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formIds")
  void labelsAreJapaneseAndIdsUnique(String formId) {
    JsonNode form = ModelFiles.json(ModelFiles.forms().get(formId));
    Set<String> ids = new TreeSet<>();
    Set<String> keys = new TreeSet<>();
    for (JsonNode component : ModelFiles.keyedComponents(form)) {
      String label = component.has("label") ? component.path("label").asText() : component.path("dateLabel").asText();
      assertThat(label).as(formId + "." + component.path("key").asText()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
      assertThat(ids.add(component.path("id").asText())).as("id used twice").isTrue();
      assertThat(keys.add(component.path("key").asText())).as("key used twice").isTrue();
    }
  }

  /** Rules in Java for a form that is not there would never run. */
  @Test
  void everyFormTheApplicationHasRulesForExists() {
    Set<String> forms = ModelFiles.forms().keySet();
    assertThat(Phases.formCatalog().allRules()).extracting(FormRules::formId).allMatch(forms::contains);
  }
}
