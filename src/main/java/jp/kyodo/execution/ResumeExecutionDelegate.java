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
 * The manager resumed the suspended execution (旭川 Q76): the stopped timers run again — one whose date passed while
 * suspended comes due at once (a report date, a reminder, the end of the term) — and payments are accepted again.
 */
@Component("resumeExecution")
public class ResumeExecutionDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public ResumeExecutionDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    Privileged.run(() -> {
      List<Job> timers = management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
          .suspended().list();
      timers.forEach(job -> management.activateJobById(job.getId()));
      return null;
    });
    executions.resumed(AGREEMENT_NUMBER.get(execution), ISSUE_ID.get(execution), ISSUE_DECISION_COMMENT.get(execution),
        Actors.currentOrSystem(execution), CityCalendar.now());
    EXECUTION_SUSPENDED.set(execution.getProcessInstance(), false);
    SUSPENDED_ISSUE.set(execution.getProcessInstance(), null);
    SUSPENDED_ON.set(execution.getProcessInstance(), null);
  }
}
