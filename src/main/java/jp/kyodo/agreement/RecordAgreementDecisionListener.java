package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.agreement.AgreementChoices.Approval;
import jp.kyodo.agreement.AgreementChoices.Confirmation;
import jp.kyodo.agreement.AgreementChoices.PartnerAnswer;
import jp.kyodo.platform.Decision;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every answer to a draft — the partner's and the department's confirmation, the manager's
 * approval — with who, when and why in a JSON log that goes into the agreement at approval. A request
 * for changes is also shown to the drafter in the next round. The partner does not request changes: it proposes its
 * own (RecordPartnerProposalListener); its REQUEST_CHANGES is still read for instances of the diagrams before that.
 * When the partner declines, its reason is the decision's and the decliner is named for the lifecycle.
 */
@Component("recordAgreementDecision")
public class RecordAgreementDecisionListener implements TaskListener {

  /** Which decision each task takes, and who is named as asking for changes. */
  enum Step {
    PARTNER(Elements.PARTNER_CONFIRMS, PARTNER_DECISION, PARTNER_COMMENT, Confirmation.REQUEST_CHANGES.code(), "団体"),
    DEPARTMENT(Elements.DEPARTMENT_CONFIRMS, DEPARTMENT_DECISION, DEPARTMENT_COMMENT, Confirmation.REQUEST_CHANGES.code(), "担当課"),
    MANAGER(Elements.APPROVE, APPROVAL_DECISION, APPROVAL_COMMENT, Approval.RETURN.code(), "決裁者");

    final String taskKey;
    final Var<String> decision;
    final Var<String> comment;
    final String changes;
    final String who;

    Step(String taskKey, Var<String> decision, Var<String> comment, String changes, String who) {
      this.taskKey = taskKey;
      this.decision = decision;
      this.comment = comment;
      this.changes = changes;
      this.who = who;
    }

    static Step of(String taskKey) {
      for (Step step : values()) {
        if (step.taskKey.equals(taskKey)) {
          return step;
        }
      }
      throw new IllegalStateException("no decision step for task " + taskKey);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Step step = Step.of(task.getTaskDefinitionKey());
    if (step == Step.PARTNER) {
      // The department's answer to the partner's last proposal has been read: the next round starts afresh.
      PROPOSAL_ANSWER_NOTE.set(task, null);
    }
    String decision = step.decision.get(task);
    boolean declined = step == Step.PARTNER && PartnerAnswer.DECLINE.code().equals(decision);
    String comment = declined ? PARTNER_DECLINE_REASON.get(task) : step.comment.get(task);
    // The log keeps no label: the step's code says what was answered.
    Decision answer = Decision.now(decision, null, comment, task);
    AgreementDecisions.append(task, step.name(), answer);
    if (declined) {
      // The lifecycle learns who declined for the organisation, beside the reason the form asked for.
      PARTNER_DECLINED_BY.set(task, answer.decidedBy());
    }
    if (step.changes.equals(decision)) {
      LAST_CHANGE_REQUEST.set(task, step.who + "（" + answer.decidedBy() + "）からの修正依頼: " + comment);
    }
  }
}
