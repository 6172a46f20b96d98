package jp.kyodo.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.forms.InvalidInputException;

/**
 * A measurable goal of the agreement (小金井 ④: what, by when; 関市 V-3): the unit the evaluation asks
 * "reached?" about. The agreement passes its goals as a JSON array of these.
 */
public record AgreementGoal(String id, String description, String indicator, String target) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads the goals handed over by the lifecycle. Refuses, with the reason, anything the evaluation could
   * not show in its goal slots: not a list, no goal, more than {@link EvaluationProcess#MAX_GOALS}, a goal
   * without id or description, an id used twice, texts longer than the forms take.
   */
  public static List<AgreementGoal> parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw refused("JSON として読めません");
    }
    if (root == null || !root.isArray()) {
      throw refused("成果目標の一覧（JSON の配列）ではありません");
    }
    if (root.isEmpty() || root.size() > EvaluationProcess.MAX_GOALS) {
      throw refused("成果目標は1件以上" + EvaluationProcess.MAX_GOALS + "件以下にしてください（いま" + root.size() + "件）");
    }
    List<AgreementGoal> goals = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode node : root) {
      String id = text(node, "id", 32, true);
      if (!ids.add(id)) {
        throw refused("成果目標の id「" + id + "」が重複しています");
      }
      goals.add(new AgreementGoal(id, text(node, "description", 200, true), text(node, "indicator", 200, false),
          text(node, "target", 200, false)));
    }
    return goals;
  }

  public static String toJson(List<AgreementGoal> goals) {
    ArrayNode array = JSON.createArrayNode();
    for (AgreementGoal goal : goals) {
      array.addObject().put("id", goal.id()).put("description", goal.description()).put("indicator", goal.indicator())
          .put("target", goal.target());
    }
    return array.toString();
  }

  private static String text(JsonNode node, String field, int maxLength, boolean required) {
    JsonNode value = node.path(field);
    if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      if (required) {
        throw refused("成果目標に「" + field + "」がありません");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw refused("成果目標の「" + field + "」が文字列ではありません");
    }
    String text = value.asText().strip();
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw refused("成果目標の「" + field + "」が" + maxLength + "文字を超えています");
    }
    return text;
  }

  private static InvalidInputException refused(String why) {
    return new InvalidInputException("協定から引き継いだ成果目標（agreementGoals）を読み取れません: " + why + "。");
  }
}
