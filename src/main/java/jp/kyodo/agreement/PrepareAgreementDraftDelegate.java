package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.project.SelectionResult;
import jp.kyodo.project.SelectionResultRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The draft starts from what was chosen, not from a blank page: 旭川 Q51 has the city and the selected organisation
 * decide the roles 「選定された団体の提案内容をベースに…協議・調整しながら」, and 関市 V-3① wants a concrete plan both sides
 * agree. So the winning application of ② (its plan — method, organisation, schedule — and its money plan) is shown
 * beside the draft and fills 「事業の内容と進め方」; a sole source has no application, and then ①'s idea of the role
 * division ({@code roleIdea}) does. Budget lines and roles stay the drafter's: the application states its money plan
 * and roles as free text, which only a person can turn into lines of who bears what.
 */
@Component("prepareAgreementDraft")
public class PrepareAgreementDraftDelegate implements JavaDelegate {

  private final SelectionResultRepository selections;

  public PrepareAgreementDraftDelegate(SelectionResultRepository selections) {
    this.selections = selections;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = SELECTION_NUMBER.get(execution);
    SelectionResult selection = number == null ? null : selections.find(number)
        // The lifecycle hands over the number ② gave; one it does not know is a fault of the model, not of a clerk.
        .orElseThrow(() -> new IllegalStateException("no selection " + number + " in kyodo_selection"));
    if (selection != null && !chosePartnerForThisYear(selection, execution)) {
      // A year continued with the same partner has no selection of its own: an earlier year's is not this agreement's.
      selection = null;
      SELECTION_NUMBER.set(execution, null);
    }
    SelectionResult.Proposal proposal = selection == null ? null : selection.proposal();
    String roleIdea = blankToNull(ROLE_IDEA.get(execution));
    String basis;
    String plan;
    if (proposal != null) {
      basis = "公募（" + proposal.callNumber() + "）で選定された団体の提案「" + proposal.title() + "」（応募 "
          + proposal.applicationId() + "）をたたき台にしています。提案の内容をベースに、役割分担と経費を団体と協議・調整して決めます（旭川 Q51）。";
      plan = proposal.plan();
      PROPOSED_PLAN.set(execution, proposal.plan());
      PROPOSED_BUDGET_PLAN.set(execution, proposal.budgetPlan());
    } else if (roleIdea != null) {
      basis = (selection != null && selection.soleSource()
          ? "特定の団体として選定した（選定 " + selection.selectionNumber() + "）ため、応募の提案はありません。" : "")
          + "① 事業の検討で出された役割分担の案をたたき台にしています。団体と協議・調整して決めます（旭川 Q51）。";
      plan = roleIdea;
    } else {
      basis = "たたき台になる提案や役割分担の案はありません。団体と話し合って事業の内容と進め方を決めてください（関市 V-3①）。";
      plan = null;
    }
    DRAFT_BASIS.set(execution, basis);
    WORK_PLAN.set(execution, plan);
  }

  private static boolean chosePartnerForThisYear(SelectionResult selection, DelegateExecution execution) {
    return selection.selected() && selection.organisationId().equals(PARTNER_GROUP.get(execution))
        && selection.fiscalYear() == FISCAL_YEAR.get(execution).intValue();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
