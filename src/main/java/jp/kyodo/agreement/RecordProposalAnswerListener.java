package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.agreement.AgreementChoices.ProposalAnswer;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The department's answer to the partner's proposal, recorded as a round of the negotiation. Accepted, the proposal is
 * the draft the department confirms next. Answered, the department's own terms come back (kept when the proposal task
 * began) and the drafter sees the proposal and the answer; the partner reads the answer at its next confirmation, so
 * neither side's words are lost between rounds (旭川 Q51 協議・調整).
 */
@Component("recordProposalAnswer")
public class RecordProposalAnswerListener implements TaskListener {

  static final String STEP = "DEPARTMENT_ANSWER";

  @Override
  public void notify(DelegateTask task) {
    String comment = PROPOSAL_ANSWER_COMMENT.get(task);
    Decision answer = Decision.now(PROPOSAL_ANSWER.get(task), null, comment, task);
    AgreementDecisions.append(task, STEP, answer);
    if (ProposalAnswer.ANSWER.code().equals(answer.outcome())) {
      AgreementTerms.restore(task);
      LAST_CHANGE_REQUEST.set(task, "団体の修正案に担当課（" + answer.decidedBy() + "）が回答しました: " + comment
          + "\n団体の修正案の理由: " + PARTNER_PROPOSAL_REASON.get(task) + "\n団体の修正案:\n" + PARTNER_PROPOSAL_SUMMARY.get(task));
      PROPOSAL_ANSWER_NOTE.set(task, "前回の修正案への担当課（" + answer.decidedBy() + "）の回答: " + comment);
    } else {
      PROPOSAL_ANSWER_NOTE.set(task, "担当課（" + answer.decidedBy() + "）は修正案を受け入れました"
          + (comment == null ? "。" : ": " + comment));
    }
  }
}
