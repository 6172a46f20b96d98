package jp.kyodo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.browser.CamundaForm;
import org.junit.jupiter.api.Test;

/**
 * What the browser probe waits for before it calls a form rendered, and how it names Tasklist's requests; the timing
 * itself runs in {@link BenchmarkIT}.
 */
class BrowserProbeTest {

  @Test
  void aRenderedCheckSheetShowsItsUnconditionalFieldsAndTheEngineValuesOfItsReadOnlyTextFields() throws Exception {
    JsonNode schema = form("forms/examination-check-sheet.form");
    List<String> fields = new ArrayList<>();
    List<Map<String, Object>> witnesses = new ArrayList<>();
    BrowserProbe.expectations(schema.path("components"), Map.of("title", "見守りサロン", "partnerName", "NPO法人ひかり",
        "issue", "", "intakeNote", "引継ぎ", "proposalType", "CITIZEN"), fields, witnesses);

    assertThat(fields).as("keyed fields shown whatever the answers, groups opened").contains(id(schema, "title"),
        id(schema, "mainStaff"), id(schema, "voluntaryPublicInterest")).doesNotContain(id(schema, "intakeNote"));
    assertThat(witnesses).as("read-only text fields with a value: an empty one, a hidden one and a radio are no witness")
        .extracting(w -> w.get("key") + "=" + w.get("expected"))
        .containsExactly("title=見守りサロン", "partnerName=NPO法人ひかり");
  }

  @Test
  void aNumberFieldIsComparedAsANumber() throws Exception {
    JsonNode schema = form("forms/evaluation-self-assessment.form");
    List<Map<String, Object>> witnesses = new ArrayList<>();
    BrowserProbe.expectations(schema.path("components"), Map.of("fiscalYear", 2027), new ArrayList<>(), witnesses);
    assertThat(witnesses).singleElement().satisfies(w -> {
      assertThat(w).containsEntry("expected", "2027").containsEntry("number", true);
    });
  }

  @Test
  void requestsAreNamedByTheirPathWithoutIdsOrQuery() {
    String base = "http://localhost:8285";
    assertThat(BrowserProbe.request(base + "/camunda/api/engine/engine/default/task/0b6f1c2e-1d2a-11f0-9a3b-0242ac120002"
        + "/form-variables?deserializeValues=false", base)).isEqualTo("engine/task/{id}/form-variables");
    assertThat(BrowserProbe.request(base + "/camunda/api/engine/engine/default/filter/12345/list?firstResult=0", base))
        .isEqualTo("engine/filter/{id}/list");
    assertThat(BrowserProbe.request(base + "/camunda/assets/IBMPlexSans-Bold.woff", base))
        .isEqualTo("/camunda/assets/IBMPlexSans-Bold.woff");
  }

  private static JsonNode form(String resource) throws Exception {
    try (InputStream in = BrowserProbeTest.class.getClassLoader().getResourceAsStream(resource)) {
      return CamundaForm.JSON.readTree(in);
    }
  }

  private static String id(JsonNode schema, String key) {
    List<JsonNode> all = new ArrayList<>();
    collect(schema.path("components"), all);
    return all.stream().filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow().path("id").asText();
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode component : components) {
      out.add(component);
      collect(component.path("components"), out);
    }
  }
}
