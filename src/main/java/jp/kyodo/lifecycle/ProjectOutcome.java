package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.Arrays;
import java.util.Date;
import java.util.function.Function;
import jp.kyodo.improvement.ImprovementChoices.EndReason;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How a project ended, one per end event of the lifecycle, with where its reason, decider and time come from:
 * the phase whose decision ended it. Every end keeps its reason and who decided (docs/domain.md 原則).
 */
public enum ProjectOutcome {
  NOT_APPROVED(Elements.END_AT_EXAMINATION, "事業の検討で終了した",
      scope -> EXAMINATION_OUTCOME_LABEL.get(scope) + ": " + EXAMINATION_OUTCOME_REASON.get(scope),
      EXAMINATION_DECIDED_BY::get, EXAMINATION_DECIDED_AT::get),
  WITHOUT_COLLABORATION(Elements.END_WITHOUT_COLLABORATION, "協働によらず市が実施することとした（旭川 Q44）",
      SelectionProcess.OUTCOME_REASON::get, SelectionProcess.OUTCOME_DECIDED_BY::get,
      SelectionProcess.OUTCOME_DECIDED_AT::get),
  DROPPED(Elements.END_DROPPED, "事業を取りやめた（旭川 Q44）", SelectionProcess.OUTCOME_REASON::get,
      SelectionProcess.OUTCOME_DECIDED_BY::get, SelectionProcess.OUTCOME_DECIDED_AT::get),
  HANDED_OVER(Elements.END_HANDED_OVER, "団体の自立した事業に引き継いだ（旭川 Q17）",
      scope -> ImprovementProcess.REASON.get(scope) + "／引き継いだ後も市が続ける関わり: "
          + ImprovementProcess.HANDOVER_SUPPORT.get(scope),
      ImprovementProcess.DECIDED_BY::get, ImprovementProcess.DECIDED_AT::get),
  ENDED(Elements.END_ENDED, "協働事業を終了した",
      scope -> EndReason.valueOf(ImprovementProcess.END_REASON.get(scope)).label() + "／"
          + ImprovementProcess.REASON.get(scope),
      ImprovementProcess.DECIDED_BY::get, ImprovementProcess.DECIDED_AT::get);

  private final String endEventId;
  private final String label;
  private final Function<VariableScope, String> reason;
  private final Function<VariableScope, String> decidedBy;
  private final Function<VariableScope, Date> decidedAt;

  ProjectOutcome(String endEventId, String label, Function<VariableScope, String> reason,
      Function<VariableScope, String> decidedBy, Function<VariableScope, Date> decidedAt) {
    this.endEventId = endEventId;
    this.label = label;
    this.reason = reason;
    this.decidedBy = decidedBy;
    this.decidedAt = decidedAt;
  }

  public String endEventId() {
    return endEventId;
  }

  public String label() {
    return label;
  }

  public String reason(VariableScope scope) {
    return reason.apply(scope);
  }

  public String decidedBy(VariableScope scope) {
    return decidedBy.apply(scope);
  }

  public Date decidedAt(VariableScope scope) {
    return decidedAt.apply(scope);
  }

  public static ProjectOutcome atEndEvent(String activityId) {
    return Arrays.stream(values()).filter(o -> o.endEventId.equals(activityId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("end event '" + activityId + "' has no project outcome"));
  }
}
