package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.function.Function;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How an examination ended, one per end event of the diagram, with where its reason comes from.
 * Every decision keeps its reason and who made it (docs/domain.md 原則, 関市 ルール).
 */
public enum ExaminationOutcome implements Decision.Outcome {
  APPROVED(Elements.END_APPROVED, "協働事業として承認（パートナーの選定へ）",
      scope -> REVIEW_COMMENT.getOrDefault(scope, "市民協働課の審査で承認されました。")),
  REJECTED(Elements.END_REJECTED, "不採択", REVIEW_COMMENT::get),
  INELIGIBLE(Elements.END_INELIGIBLE, "協働の対象とならない活動（小金井市 協働の対象となる活動）",
      scope -> String.join(" ", INELIGIBILITY_REASONS.get(scope))),
  OUTSIDE_DOMAIN(Elements.END_OUTSIDE_DOMAIN, "協働の領域外（関市 図1 ①市民主体・⑤行政主体）", DOMAIN_REASON::get),
  PLAIN_OUTSOURCING(Elements.END_OUTSOURCING, "協働ではない業務委託（旭川 Q20）", NOT_COLLABORATION_REASON::get),
  CITY_ALONE(Elements.END_CITY_ALONE, "市の単独事業として実施（旭川 Q9）", CITY_ALONE_REASON::get);

  private final Definition definition;

  ExaminationOutcome(String endEventId, String label, Function<VariableScope, String> reason) {
    this.definition = new Definition(endEventId, label, reason);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
