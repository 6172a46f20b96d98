package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.function.Function;
import jp.kyodo.improvement.ImprovementChoices.EndReason;
import jp.kyodo.improvement.ImprovementProcess;
import jp.kyodo.platform.Decision;
import jp.kyodo.selection.SelectionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How a project ended, one per end event of the lifecycle, with where its reason, decider and time come from:
 * the phase whose decision ended it. Every end keeps its reason and who decided (docs/domain.md 原則).
 */
public enum ProjectOutcome implements Decision.Outcome {
  NOT_APPROVED(Elements.END_AT_EXAMINATION, "事業の検討で終了した", EXAMINATION_DECISION_VARIABLES,
      scope -> EXAMINATION_OUTCOME_LABEL.get(scope) + ": " + EXAMINATION_OUTCOME_REASON.get(scope)),
  WITHOUT_COLLABORATION(Elements.END_WITHOUT_COLLABORATION, "協働によらず市が実施することとした（旭川 Q44）",
      SelectionProcess.DECISION_VARIABLES, SelectionProcess.OUTCOME_REASON::get),
  DROPPED(Elements.END_DROPPED, "事業を取りやめた（旭川 Q44）", SelectionProcess.DECISION_VARIABLES,
      SelectionProcess.OUTCOME_REASON::get),
  HANDED_OVER(Elements.END_HANDED_OVER, "団体の自立した事業に引き継いだ（旭川 Q17）", ImprovementProcess.DECISION_VARIABLES,
      scope -> ImprovementProcess.REASON.get(scope) + "／引き継いだ後も市が続ける関わり: "
          + ImprovementProcess.HANDOVER_SUPPORT.get(scope)),
  ENDED(Elements.END_ENDED, "協働事業を終了した", ImprovementProcess.DECISION_VARIABLES,
      scope -> EndReason.valueOf(ImprovementProcess.END_REASON.get(scope)).label() + "／"
          + ImprovementProcess.REASON.get(scope)),
  NO_BUDGET(Elements.END_WITHOUT_BUDGET, "予算が認められず、事業を終えた（旭川 Q50）",
      FiscalYearProcess.BUDGET_DECISION_VARIABLES, FiscalYearProcess.BUDGET_COMMENT::get);

  private final Definition definition;
  private final Decision.Variables endedBy;

  ProjectOutcome(String endEventId, String label, Decision.Variables endedBy, Function<VariableScope, String> reason) {
    this.definition = new Definition(endEventId, label, reason);
    this.endedBy = endedBy;
  }

  @Override
  public Definition definition() {
    return definition;
  }

  /** The project's end, decided by whoever took the phase's decision that ended it, when they took it. */
  @Override
  public Decision decided(DelegateExecution execution) {
    Decision phase = endedBy.read(execution);
    return new Decision(code(), label(), reason(execution), phase.decidedBy(), phase.decidedAt());
  }
}
