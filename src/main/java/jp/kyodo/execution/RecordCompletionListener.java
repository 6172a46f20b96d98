package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the completion report (実施報告) — what was done, each goal's result, cost, surplus, how citizens
 * were informed — and its inspection (検査) with who and when (旭川 Q51). ⑤ 事業の評価 reads both.
 */
@Component("recordCompletion")
public class RecordCompletionListener implements TaskListener {

  private final ExecutionRepository executions;

  public RecordCompletionListener(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = AGREEMENT_NUMBER.get(task);
    if (Elements.INSPECT.equals(task.getTaskDefinitionKey())) {
      executions.inspection(number, INSPECTION_RESULT.get(task), INSPECTION_COMMENT.get(task),
          CityCalendar.parseDay(INSPECTED_ON.get(task)).orElseThrow(), Actors.currentOrSystem(task), CityCalendar.now());
      return;
    }
    Map<String, String> results = new LinkedHashMap<>();
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      String goal = GOAL_TEXT.get(i).get(task);
      if (goal != null) {
        results.put(goal.split(" ", 2)[0], GOAL_RESULT.get(i).get(task));
      }
    }
    executions.completionReport(number, new ExecutionRepository.Completion(COMPLETION_SUMMARY.get(task),
        GOAL_RESULT_NOTES.get(task), ACTUAL_EXPENDITURE.get(task), SURPLUS_AMOUNT.get(task), CITIZEN_INFO.get(task),
        FUTURE_ISSUES.get(task), results), Actors.currentOrSystem(task), CityCalendar.now());
  }
}
