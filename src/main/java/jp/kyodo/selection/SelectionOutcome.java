package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.function.Function;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.VariableScope;

/** How a partner selection ended, one per end event, with where its reason comes from (旭川 Q44, Q45). */
public enum SelectionOutcome implements Decision.Outcome {
  SELECTED(Elements.END_SELECTED, "パートナーを選定した",
      scope -> Method.SOLE_SOURCE.code().equals(METHOD.get(scope)) ? SOLE_SOURCE_REASON.get(scope) : SELECTION_REASON.get(scope)),
  WITHOUT_COLLABORATION(Elements.END_WITHOUT_COLLABORATION, "協働によらず市が実施する（旭川 Q44）", NO_PARTNER_REASON::get),
  DROPPED(Elements.END_DROPPED, "事業を取りやめた（旭川 Q44）", NO_PARTNER_REASON::get);

  private final Definition definition;

  SelectionOutcome(String endEventId, String label, Function<VariableScope, String> reason) {
    this.definition = new Definition(endEventId, label, reason);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
