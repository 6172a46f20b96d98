package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.engine.HistoryOfCopies;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Fills a plan-change proposal in with the agreement as it stands — goals, budget lines and income, the advance, the
 * end of the term — so that a side changes what it means to change and leaves the rest; after an amendment the open
 * proposals are filled in again with the amended agreement. The values stay on the proposal's task.
 */
@Component("prefillPlanChange")
public class PrefillPlanChangeListener implements TaskListener {

  static final List<String> PROPOSALS = List.of(Elements.PARTNER_PROPOSES_CHANGE, Elements.DEPARTMENT_PROPOSES_CHANGE);

  private final AgreementRepository agreements;

  public PrefillPlanChangeListener(AgreementRepository agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    Map<String, Object> plan = PlanData.of(agreements.find(number)
        .orElseThrow(() -> new IllegalStateException("no agreement " + number))).formValues();
    // The agreement as it stands is recorded with the agreement; what a side changes in it is recorded on submit.
    HistoryOfCopies.copyingValues(plan.keySet(), () -> task.setVariablesLocal(plan));
  }

  /** Fills the open proposals of the execution in again, with the plan as now amended. */
  static void refresh(DelegateExecution execution, PlanData plan) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    // The process fills in its own standing tasks, whoever's change was just applied.
    Privileged.run(() -> {
      for (Task open : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKeyIn(PROPOSALS.toArray(String[]::new)).list()) {
        Map<String, Object> values = plan.formValues();
        HistoryOfCopies.copyingValues(values.keySet(), () -> tasks.setVariablesLocal(open.getId(), values));
      }
      return null;
    });
  }
}
