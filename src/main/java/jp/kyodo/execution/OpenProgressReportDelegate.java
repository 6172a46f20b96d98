package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A report period has ended (the agreed cycle fired): numbers the report, enters it as due, and keeps
 * this report's values in its own scope, so two reports open at once (a late one and the next) never
 * mix. The report is due within the reminder period; the task shows that date.
 */
@Component("openProgressReport")
public class OpenProgressReportDelegate implements JavaDelegate {

  /** The values of one report, held in the report's scope rather than the whole instance. */
  static final List<Var<?>> REPORT_VALUES = List.of(REPORT_REMINDED_ON, REPORT_SUMMARY, REPORT_GOAL_PROGRESS,
      REPORT_ISSUES, REPORT_CITIZEN_INFO, REVIEW_DECISION, REVIEW_COMMENT, LATE_ACTION);

  private final ExecutionRepository executions;

  public OpenProgressReportDelegate(ExecutionRepository executions) {
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = AGREEMENT_NUMBER.get(execution);
    int reportNo = executions.reportDue(number, CityCalendar.today(), jp.kyodo.platform.SourceKey.of(execution));
    execution.setVariableLocal(REPORT_NO.name(), (long) reportNo);
    execution.setVariableLocal(REPORT_DUE_ON.name(), CityCalendar.today().toString());
    execution.setVariableLocal(REPORT_DUE_AT.name(),
        Date.from(CityCalendar.now().plus(Duration.parse(REMINDER_AFTER.get(execution)))));
    for (Var<?> value : REPORT_VALUES) {
      execution.setVariableLocal(value.name(), null);
    }
  }
}
