package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.Arrays;
import java.util.function.Function;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How an examination ended, one per end event of the diagram, with where its reason comes from.
 * Every decision keeps its reason and who made it (docs/domain.md 原則, 関市 ルール).
 * The four ends as "not collaboration" are first the department's finding ({@link Ending}); the office confirms one
 * with a written reason before ① ends there, and it is the office's decision that ① hands back.
 */
public enum ExaminationOutcome implements Decision.Outcome {
  APPROVED(Elements.END_APPROVED, null, "協働事業として承認（パートナーの選定へ）",
      scope -> REVIEW_COMMENT.getOrDefault(scope, "市民協働課の審査で承認されました。")),
  REJECTED(Elements.END_REJECTED, null, "不採択", REVIEW_COMMENT::get),
  // 小金井 第2章(2) names what makes an activity eligible; a proposal rewritten to meet it can qualify, and the point
  // of 事業提案制度 is to take up what citizens propose (関市 IV-3(2)): the proposer may revise.
  INELIGIBLE(Elements.END_INELIGIBLE, new Ending(Elements.FLOW_INELIGIBLE, Elements.CHECK_SHEET, true),
      "協働の対象とならない活動（小金井市 協働の対象となる活動）", scope -> String.join(" ", INELIGIBILITY_REASONS.get(scope))),
  // The domain follows from who carries the work (関市 図1): a proposal that shares it differently (citizen-led with
  // the city's support, ②) is collaboration, so the proposer may revise.
  OUTSIDE_DOMAIN(Elements.END_OUTSIDE_DOMAIN, new Ending(Elements.FLOW_OUTSIDE_DOMAIN, Elements.CHECK_SHEET, true),
      "協働の領域外（関市 図1 ①市民主体・⑤行政主体）", DOMAIN_REASON::get),
  // A commission whose specification takes in the group's ideas is collaboration (旭川 Q20): the proposer may revise.
  PLAIN_OUTSOURCING(Elements.END_OUTSOURCING, new Ending(Elements.FLOW_OUTSOURCING, Elements.ASSESS, true),
      "協働ではない業務委託（旭川 Q20）", NOT_COLLABORATION_REASON::get),
  // Urgency decides it, not the proposal (旭川 Q9): nothing a revision could change, so the proposer is told why and
  // that the city still listens to citizens' needs, and accepts.
  CITY_ALONE(Elements.END_CITY_ALONE, new Ending(Elements.FLOW_CITY_ALONE, Elements.ASSESS, false),
      "市の単独事業として実施（旭川 Q9）", CITY_ALONE_REASON::get);

  /**
   * An end found by the department's examination: the sequence flow the diagram takes to it (where the finding is
   * recorded), the task whose answers made it, and whether the proposer may revise and submit again.
   */
  public record Ending(String flowId, String foundAt, boolean revisable) {}

  private final Definition definition;
  private final Ending ending;

  ExaminationOutcome(String endEventId, Ending ending, String label, Function<VariableScope, String> reason) {
    this.definition = new Definition(endEventId, label, reason);
    this.ending = ending;
  }

  @Override
  public Definition definition() {
    return definition;
  }

  /** The end as the department finds it; null for the review's own decisions. */
  public Ending ending() {
    return ending;
  }

  public boolean revisable() {
    return ending != null && ending.revisable();
  }

  /** The end whose finding is recorded on that sequence flow. */
  static ExaminationOutcome foundOn(String flowId) {
    return Arrays.stream(values()).filter(o -> o.ending != null && o.ending.flowId().equals(flowId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("sequence flow '" + flowId + "' leads to no end as not collaboration"));
  }

  /**
   * An end as not collaboration is the office's decision, whoever's answer (the proposer accepting) passes the end
   * event: who and when are the office's confirmation, the reason both the department's finding and the office's.
   */
  @Override
  public Decision decided(DelegateExecution execution) {
    if (ending == null) {
      return Decision.Outcome.super.decided(execution);
    }
    Decision confirmed = ExaminationDecisions.latestAt(execution, Elements.CONFIRM_ENDING);
    if (confirmed == null) {
      throw new IllegalStateException("① ends as " + name() + " without the office's confirmation");
    }
    return new Decision(code(), label(), "担当課の検討: " + ENDING_FINDING.get(execution) + " 市民協働課の確認: "
        + confirmed.reason(), confirmed.decidedBy(), confirmed.decidedAt());
  }
}
