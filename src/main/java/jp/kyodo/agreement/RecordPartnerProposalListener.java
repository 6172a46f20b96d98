package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.List;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The partner's own proposal: the partner rewrites the terms itself instead of asking the drafter to (旭川 Q51: the
 * selected organisation's proposal is the base and the roles are 「協議・調整しながら決定」; an equal partner, 東久留米
 * II-4). On {@code create} the terms as they stand are kept, so the department can answer by going back to them; on
 * {@code complete} the proposal must be a valid draft (the same rules as the drafter's: roles for both sides, a balanced
 * plan, payment terms that fit), and what changed, field by field, is recorded with the partner's reason as one round
 * of the negotiation in the agreement's decision log. A proposal may change no field: what the partner wants changed
 * beyond its fields (the term, a clause) it writes in its reason.
 */
@Component("recordPartnerProposal")
public class RecordPartnerProposalListener implements TaskListener {

  static final String STEP = "PARTNER_PROPOSAL";
  static final String PROPOSED = "PROPOSED";

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      AgreementTerms.keep(task);
      PARTNER_PROPOSAL_REASON.set(task, null);
      PARTNER_PROPOSAL_SUMMARY.set(task, null);
      return;
    }
    CheckAgreementDraftListener.checkAndCompute(task);
    List<String> changes = AgreementTerms.changes(task);
    PARTNER_PROPOSAL_SUMMARY.set(task, changes.isEmpty() ? "条件の書き換えはありません（理由に書かれた修正の提案のみ）。"
        : String.join("\n", changes));
    AgreementDecisions.append(task, STEP, Decision.now(PROPOSED, null, PARTNER_PROPOSAL_REASON.get(task), task), changes);
  }
}
