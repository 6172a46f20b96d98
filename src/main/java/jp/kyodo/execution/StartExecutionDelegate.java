package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementChoices.ReportRhythm;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.agreement.AgreementParties;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.agreement.AgreementTerm;
import jp.kyodo.forms.Options;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts the execution of a concluded or approved agreement: everything the term needs comes from the
 * agreement's tables — parties, staff, goals, roles, payment plan, term and the trouble clause — and the
 * term's rhythm becomes timers: progress reports on the agreed cycle (from the start, every period, up to
 * the last day; dates already past are skipped when the execution starts late), the mid-term check at the
 * middle, the completion report after the last day. An agreement runs once; started from Tasklist, only
 * a clerk of the agreement's own department may start it.
 */
@Component("startExecution")
public class StartExecutionDelegate implements JavaDelegate {

  static final LocalTime REPORT_TIME = LocalTime.of(9, 0);

  private final AgreementRepository agreements;
  private final ExecutionRepository executions;
  private final String reminderAfter;
  private final String escalationAfter;

  public StartExecutionDelegate(AgreementRepository agreements, ExecutionRepository executions,
      @Value("${kyodo.execution.reminder-after:P7D}") String reminderAfter,
      @Value("${kyodo.execution.escalation-after:P14D}") String escalationAfter) {
    this.agreements = agreements;
    this.executions = executions;
    this.reminderAfter = reminderAfter;
    this.escalationAfter = escalationAfter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = AGREEMENT_NUMBER.get(execution);
    Agreement a = agreements.find(number)
        .orElseThrow(() -> new InvalidInputException("協定番号「" + number + "」の決裁済みの協定はありません。"));
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String department = DEPARTMENT_GROUP.get(execution);
    String initiator = INITIATOR.get(execution);
    if (department == null && (initiator == null || !KyodoGroups.isMember(identity, initiator, a.departmentGroup()))) {
      throw new InvalidInputException("協定「" + number + "」の事業を始められるのは、担当課（" + a.departmentName() + "）の職員です。");
    }
    if (department != null && !department.equals(a.departmentGroup())) {
      throw new InvalidInputException("協定「" + number + "」の担当課は " + a.departmentName() + " です。");
    }
    if (executions.exists(number)) {
      throw alreadyStarted(number);
    }
    LocalDate today = CityCalendar.today();
    if (today.isAfter(a.termEnd())) {
      throw new InvalidInputException("協定「" + number + "」の期間（" + a.termEnd() + " まで）は終わっています。");
    }
    load(execution, a, identity);
    schedule(execution, a, today);
    if (!executions.start(number, execution.getProcessInstanceId(), a.mainStaff(), a.deputyStaff(), Actors.currentOrSystem(execution),
        CityCalendar.now())) {
      throw alreadyStarted(number);
    }
  }

  private static InvalidInputException alreadyStarted(String number) {
    return new InvalidInputException("協定「" + number + "」の事業の実施は既に始まっています。");
  }

  private void load(DelegateExecution execution, Agreement a, IdentityService identity) {
    PROJECT_NUMBER.set(execution, a.projectNumber());
    TITLE.set(execution, a.title());
    DEPARTMENT_GROUP.set(execution, a.departmentGroup());
    DEPARTMENT_NAME.set(execution, a.departmentName());
    PARTNER_GROUP.set(execution, a.partnerGroup());
    PARTNER_NAME.set(execution, a.partnerName());
    CHOSEN_FORM.set(execution, a.chosenForm());
    FISCAL_YEAR.set(execution, (long) a.fiscalYear());
    COST_ESTIMATE.set(execution, a.costEstimate());
    MAIN_STAFF.set(execution, a.mainStaff());
    DEPUTY_STAFF.set(execution, a.deputyStaff());
    MAIN_STAFF_NAME.set(execution, Actors.displayName(identity, a.mainStaff()));
    DEPUTY_STAFF_NAME.set(execution, Actors.displayName(identity, a.deputyStaff()));
    execution.setVariable(STAFF_OPTIONS,
        Options.json(AgreementParties.staff(identity, a.departmentGroup())));
    PURPOSE.set(execution, a.purpose());
    for (int i = 0; i < a.goals().size() && i < AgreementProcess.GOAL_SLOTS; i++) {
      Agreement.Goal goal = a.goals().get(i);
      GOAL_TEXT.get(i).set(execution, goal.id() + " " + goal.description());
      GOAL_INDICATOR.get(i).set(execution, goal.indicator() + "（期限 " + goal.due() + "）");
    }
    ROLES_SUMMARY.set(execution, a.roles().stream()
        .map(r -> "・" + r.task() + "（" + RoleParty.valueOf(r.party()).label() + "）").collect(Collectors.joining("\n")));
    TERM_START.set(execution, a.termStart().toString());
    TERM_END.set(execution, a.termEnd().toString());
    REPORT_RHYTHM.set(execution, a.reportRhythm());
    PAYMENT_TYPE.set(execution, a.payment().type());
    ADVANCE_AMOUNT.set(execution, a.payment().advanceAmount());
    FINAL_AMOUNT.set(execution, a.payment().finalAmount());
    CLAUSE_TROUBLE.set(execution, a.clauses().trouble());
    DOCUMENT_URL.set(execution, AgreementProcess.documentUrl(a.number()));
    APPLIED_PLAN_CHANGES.set(execution, null);
    EXECUTION_COMPLETED.set(execution, false);
    // Declared on the instance, so that the steps of an issue (a scope of its own) set the instance's values.
    EXECUTION_SUSPENDED.set(execution, false);
    SUSPENDED_ISSUE.set(execution, null);
    SUSPENDED_ON.set(execution, null);
    EXECUTION_OUTCOME.set(execution, null);
    EXECUTION_OUTCOME_LABEL.set(execution, null);
    SETTLEMENT_SUMMARY.set(execution, null);
  }

  private void schedule(DelegateExecution execution, Agreement a, LocalDate today) {
    ReportRhythm rhythm = ReportRhythm.valueOf(a.reportRhythm());
    List<LocalDate> dates = AgreementTerm.reportDates(a.termStart(), a.termEnd(), rhythm.period()).stream()
        .filter(d -> d.isAfter(today)).toList();
    REPORT_COUNT.set(execution, (long) dates.size());
    REPORT_CYCLE.set(execution, dates.isEmpty() ? null
        : "R" + dates.size() + "/" + at(dates.get(0)) + "/P" + rhythm.period().toTotalMonths() + "M");
    long days = ChronoUnit.DAYS.between(a.termStart(), a.termEnd());
    MIDTERM_AT.set(execution, Date.from(CityCalendar.at(a.termStart().plusDays(days / 2), REPORT_TIME).toInstant()));
    TERM_END_AT.set(execution, Date.from(CityCalendar.startOf(a.termEnd().plusDays(1))));
    REMINDER_AFTER.set(execution, reminderAfter);
    ESCALATION_AFTER.set(execution, escalationAfter);
  }

  /** An ISO 8601 date-time with the city's offset, as the timer cycle reads it. */
  static String at(LocalDate date) {
    return CityCalendar.at(date, REPORT_TIME).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
