package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.execution.ExecutionChoices.Side;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The standing tasks of the term — report an issue, propose a plan change (either side), change the
 * department's main person — record what was raised, by whom and when, the moment it is raised. Their
 * forms keep values on the task, so each request starts empty; the id waits for the event subprocess
 * the task's escalation starts. A plan change is kept with the plan it proposes as data and what that changes in the
 * agreement; one that changes nothing, in data or in words, is refused.
 */
@Component("recordExecutionRequest")
public class RecordExecutionRequestListener implements TaskListener {

  private final ExecutionRepository executions;
  private final AgreementRepository agreements;

  public RecordExecutionRequestListener(ExecutionRepository executions, AgreementRepository agreements) {
    this.executions = executions;
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    String who = Actors.currentOrSystem(task);
    DelegateExecution execution = task.getExecution();
    switch (task.getTaskDefinitionKey()) {
      case Elements.PARTNER_REPORTS_ISSUE, Elements.DEPARTMENT_REPORTS_ISSUE -> Pending.put(execution, PENDING_ISSUE,
          executions.raiseIssue(task.getId(), number, side(task).name(), ISSUE_TITLE.get(task), ISSUE_DESCRIPTION.get(task),
              ISSUE_SEVERITY.get(task), who, CityCalendar.now()));
      case Elements.PARTNER_PROPOSES_CHANGE, Elements.DEPARTMENT_PROPOSES_CHANGE -> {
        // Compared with the agreement as it stands now (an amendment agreed meanwhile counts as the plan).
        Agreement agreement = agreements.find(number).orElseThrow(() -> new IllegalStateException("no agreement " + number));
        PlanData proposed = PlanData.read(task);
        PlanData.Changes changes = PlanData.of(agreement).compare(proposed);
        if (changes.parts().isEmpty() && CHANGE_DETAILS.get(task) == null) {
          throw new InvalidInputException("修正の内容がありません。成果目標・経費・支払・期間のいずれかを変えるか、"
              + "「その他の修正（役割・実施の方法など）」に修正後の内容を書いてください。");
        }
        Pending.put(execution, PENDING_PLAN_CHANGE, executions.proposeChange(task.getId(), number, side(task).name(),
            CHANGE_SUMMARY.get(task), CHANGE_REASON.get(task), CHANGE_DETAILS.get(task), proposed.json(),
            changes.partCodes(), changes.text(), changes.money(), who, CityCalendar.now()));
      }
      case Elements.REQUEST_HANDOVER -> Pending.put(execution, PENDING_HANDOVER, executions.requestHandover(task.getId(), number,
          MAIN_STAFF.get(task), DEPUTY_STAFF.get(task), NEW_MAIN_STAFF.get(task), NEW_DEPUTY_STAFF.get(task),
          HANDOVER_REASON.get(task), who, CityCalendar.now()));
      default -> throw new IllegalStateException("no request recorded at task " + task.getTaskDefinitionKey());
    }
  }

  static Side side(DelegateTask task) {
    return task.getTaskDefinitionKey().startsWith("Partner") ? Side.PARTNER : Side.DEPARTMENT;
  }
}
