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

  private final String endEventId;
  private final String label;
  private final Function<VariableScope, String> reason;

  SelectionOutcome(String endEventId, String label, Function<VariableScope, String> reason) {
    this.endEventId = endEventId;
    this.label = label;
    this.reason = reason;
  }

  @Override
  public String endEventId() {
    return endEventId;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String reason(VariableScope scope) {
    return reason.apply(scope);
  }
}
