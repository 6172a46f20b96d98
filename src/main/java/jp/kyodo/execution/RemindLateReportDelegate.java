package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A progress report is late: the reminder is recorded and shown on the partner's open report task
 * (which stays open — a reminder never cancels it). If the report stays missing, the department gets
 * an escalation next.
 */
@Component("remindLateReport")
public class RemindLateReportDelegate implements JavaDelegate {

  private final ExecutionRepository executions;

  public RemindLateReportDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    executions.reportReminded(AGREEMENT_NUMBER.get(execution), REPORT_NO.get(execution).intValue(), CityCalendar.now());
    REPORT_REMINDED_ON.set(execution, CityCalendar.today().toString());
  }
}
