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
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.agreement.AgreementTerm;
import jp.kyodo.forms.Options;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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
    OTHER_FORM_DESCRIPTION.set(execution, a.otherFormDescription());
    FISCAL_YEAR.set(execution, (long) a.fiscalYear());
    COST_ESTIMATE.set(execution, a.costEstimate());
    MAIN_STAFF.set(execution, a.mainStaff());
    DEPUTY_STAFF.set(execution, a.deputyStaff());
    MAIN_STAFF_NAME.set(execution, Actors.displayName(identity, a.mainStaff()));
    DEPUTY_STAFF_NAME.set(execution, Actors.displayName(identity, a.deputyStaff()));
    execution.setVariable(STAFF_OPTIONS,
        Options.json(Actors.staffOf(identity, a.departmentGroup())));
    PURPOSE.set(execution, a.purpose());
    showGoals(execution, a.goals(), false);
    ROLES_SUMMARY.set(execution, a.roles().stream()
        .map(r -> "・" + r.task() + "（" + RoleParty.valueOf(r.party()).label() + "）").collect(Collectors.joining("\n")));
    TERM_START.set(execution, a.termStart().toString());
    TERM_END.set(execution, a.termEnd().toString());
    REPORT_RHYTHM.set(execution, a.reportRhythm());
    PAYMENT_TYPE.set(execution, a.payment().type());
    PAYMENT_TIMING.set(execution, a.payment().timing());
    ADVANCE_AMOUNT.set(execution, a.payment().advanceAmount());
    FINAL_AMOUNT.set(execution, a.payment().finalAmount());
    CLAUSE_TROUBLE.set(execution, a.clauses().trouble());
    DOCUMENT_URL.set(execution, AgreementProcess.documentUrl(a.number()));
    AMENDMENT_NO.set(execution, (long) agreements.amendmentNo(a.number()));
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
    MIDTERM_AT.set(execution, midtermAt(a.termStart(), a.termEnd()));
    TERM_END_AT.set(execution, termEndAt(a.termEnd()));
    REMINDER_AFTER.set(execution, reminderAfter);
    ESCALATION_AFTER.set(execution, escalationAfter);
  }

  /** The goals as the forms show them (id and what; indicator and due date); a slot no longer used is emptied. */
  static void showGoals(DelegateExecution execution, List<Agreement.Goal> goals, boolean clearRest) {
    for (int i = 0; i < AgreementProcess.GOAL_SLOTS; i++) {
      Agreement.Goal goal = i < goals.size() ? goals.get(i) : null;
      if (goal != null) {
        GOAL_TEXT.get(i).set(execution, goal.id() + " " + goal.description());
        GOAL_INDICATOR.get(i).set(execution, goal.indicator() + "（期限 " + goal.due() + "）");
      } else if (clearRest && execution.getVariable(GOAL_TEXT.get(i).name()) != null) {
        GOAL_TEXT.get(i).set(execution, null);
        GOAL_INDICATOR.get(i).set(execution, null);
      }
    }
  }

  /** The mid-term check: the middle of the term, in the morning. */
  static Date midtermAt(LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end);
    return Date.from(CityCalendar.at(start.plusDays(days / 2), REPORT_TIME).toInstant());
  }

  /** The term is over when its last day is. */
  static Date termEndAt(LocalDate end) {
    return Date.from(CityCalendar.startOf(end.plusDays(1)));
  }

  /**
   * A term amended during the execution (変更協定): the end of the term and of the reporting, and a mid-term check not
   * yet held, move with it. Report dates stay as agreed: a shorter term ends the reporting earlier, a longer one adds
   * no report (the completion report covers the rest).
   */
  static void reschedule(DelegateExecution execution, LocalDate start, LocalDate end) {
    Date termEnd = termEndAt(end);
    Date midterm = midtermAt(start, end);
    TERM_END_AT.set(execution, termEnd);
    MIDTERM_AT.set(execution, midterm);
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    // The process moves its own timers, whoever's change it applies.
    Privileged.run(() -> {
      for (String activity : List.of(Elements.TERM_END_TIMER, Elements.REPORTING_UNTIL_TERM_END, Elements.MIDTERM_TIMER)) {
        Date due = Elements.MIDTERM_TIMER.equals(activity) ? midterm : termEnd;
        for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
            .activityId(activity).list()) {
          management.setJobDuedate(job.getId(), due);
        }
      }
      return null;
    });
  }

  /** An ISO 8601 date-time with the city's offset, as the timer cycle reads it. */
  static String at(LocalDate date) {
    return CityCalendar.at(date, REPORT_TIME).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
