package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** The decision logs keep the JSON they have always had, so running instances go on reading theirs. */
class DecisionLogTest {

  static final Instant AT = Instant.parse("2026-05-01T01:00:00Z");

  final Map<String, Object> variables = new HashMap<>();
  final VariableScope scope = scope();

  VariableScope scope() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    // The engine hands a JSON variable back as a Spin node whose text is the JSON.
    doAnswer(call -> variables.put(call.getArgument(0), ((JsonValue) call.getArgument(1)).getValueSerialized()))
        .when(scope).setVariable(anyString(), any());
    return scope;
  }

  @Test
  void aProjectsDecisionKeepsPhaseRoundYearThenTheDecisionWithItsLabel() {
    DecisionLog log = new DecisionLog("projectDecisions", "reason", true);
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("phase", "EXAMINATION");
    where.put("phaseLabel", "① 事業の検討");
    where.put("round", 1L);
    where.put("fiscalYear", null);
    log.append(scope, where, new Decision("APPROVED", "承認", "よい", "tanaka", AT));
    assertThat(variables.get("projectDecisions")).isEqualTo("[{\"phase\":\"EXAMINATION\",\"phaseLabel\":\"① 事業の検討\","
        + "\"round\":1,\"fiscalYear\":null,\"decision\":\"APPROVED\",\"label\":\"承認\",\"reason\":\"よい\","
        + "\"decidedBy\":\"tanaka\",\"decidedAt\":\"2026-05-01T01:00:00Z\"}]");
  }

  @Test
  void anAgreementsLogNamesTheReasonCommentKeepsNoLabelAndReadsWhatWasWrittenBefore() {
    DecisionLog log = new DecisionLog("agreementDecisionLog", "comment", false);
    variables.put("agreementDecisionLog", "[{\"step\":\"PARTNER\",\"decision\":\"REQUEST_CHANGES\",\"comment\":\"予算を見直して\","
        + "\"decidedBy\":\"hikari\",\"decidedAt\":\"2026-04-20T00:00:00Z\"}]");
    log.append(scope, Map.of("step", "DEPARTMENT"), new Decision("AGREE", null, null, "yamamoto", AT));
    assertThat(variables.get("agreementDecisionLog")).isEqualTo("[{\"step\":\"PARTNER\",\"decision\":\"REQUEST_CHANGES\","
        + "\"comment\":\"予算を見直して\",\"decidedBy\":\"hikari\",\"decidedAt\":\"2026-04-20T00:00:00Z\"},"
        + "{\"step\":\"DEPARTMENT\",\"decision\":\"AGREE\",\"comment\":null,\"decidedBy\":\"yamamoto\","
        + "\"decidedAt\":\"2026-05-01T01:00:00Z\"}]");
    assertThat(log.entries(scope)).extracting(e -> e.where().path("step").asText() + ":" + e.decision())
        .containsExactly("PARTNER:" + new Decision("REQUEST_CHANGES", null, "予算を見直して", "hikari",
                Instant.parse("2026-04-20T00:00:00Z")),
            "DEPARTMENT:" + new Decision("AGREE", null, null, "yamamoto", AT));
  }

  @Test
  void noLogYetMeansNoDecisions() {
    assertThat(new DecisionLog("agreementDecisionLog", "comment", false).entries(scope)).isEmpty();
  }
}
