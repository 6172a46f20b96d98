package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.List;
import jp.kyodo.engine.Privileged;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The manager suspended the execution over a serious issue (旭川 Q76): every timer of the term stops where it is —
 * report dates, reminders and escalations, the mid-term check, the end of the term — and payments are refused
 * (ExecutionForms) until the same issue resumes or terminates it. The tasks stay open: the side that raised the issue
 * works on it, and both sides can still report. Decided again on a suspended issue, it simply stays suspended.
 */
@Component("suspendExecution")
public class SuspendExecutionDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public SuspendExecutionDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    // The process stops its own clock, whoever decided: the manager needs no right on jobs.
    int stopped = Privileged.run(() -> {
      List<Job> timers = management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
          .active().list();
      timers.forEach(job -> management.suspendJobById(job.getId()));
      return timers.size();
    });
    String issue = ISSUE_ID.get(execution);
    if (executions.suspended(AGREEMENT_NUMBER.get(execution), issue, ISSUE_DECISION_COMMENT.get(execution), stopped,
        Actors.currentOrSystem(execution), CityCalendar.now())) {
      SUSPENDED_ON.set(execution.getProcessInstance(), CityCalendar.today().toString());
    }
    EXECUTION_SUSPENDED.set(execution.getProcessInstance(), true);
    SUSPENDED_ISSUE.set(execution.getProcessInstance(), issue);
  }
}
