package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.function.Function;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How ③ ended, one per end event: the agreement signed, or the partner declined to sign it (with its reason). The
 * lifecycle routes on the code ({@code agreementOutcome}): a declined year goes back to ② to choose again.
 */
public enum AgreementOutcome implements Decision.Outcome {
  SIGNED(Elements.END_CONCLUDED, "協定を締結した", EXCHANGE_NOTE::get),
  DECLINED(Elements.END_DECLINED, "団体が協定の締結を辞退した", PARTNER_DECLINE_REASON::get);

  private final Definition definition;

  AgreementOutcome(String endEventId, String label, Function<VariableScope, String> reason) {
    this.definition = new Definition(endEventId, label, reason);
  }

  @Override
  public Definition definition() {
    return definition;
  }
}
