package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.StaffHandoverProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.engine.Privileged;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.execution.ExecutionRepository;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.SourceKey;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A manager confirmed the staff handover: the successors take the project over wherever it runs — the lifecycle and
 * every running fiscal year (which hand the staff on to the phases and years they start), every running phase that
 * was given the staff (③ and ④ assign their tasks by them), the agreement being concluded and the execution under
 * way (④ takes its staff from them) — and the open tasks of the people they succeed, role by role. The handover
 * joins the project's decisions, under the phase the project is in, and the list of handovers. Checked again first,
 * since time passed since the department recorded it: the project still runs, both successors are still in the
 * department, and the project's staff are not already these. A refusal keeps everything as it was.
 */
@Component("completeStaffHandover")
public class CompleteStaffHandoverDelegate implements JavaDelegate {

  private final ProjectRepository projects;
  private final StaffHandoverRepository handovers;
  private final AgreementRepository agreements;
  private final ExecutionRepository executions;

  public CompleteStaffHandoverDelegate(ProjectRepository projects, StaffHandoverRepository handovers,
      AgreementRepository agreements, ExecutionRepository executions) {
    this.projects = projects;
    this.handovers = handovers;
    this.agreements = agreements;
    this.executions = executions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = PROJECT_NUMBER.get(execution);
    ProjectRecord project = OpenStaffHandoverDelegate.running(projects, number);
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    ProjectStaff next = new ProjectStaff(NEW_MAIN_STAFF.get(execution), NEW_DEPUTY_STAFF.get(execution));
    for (String successor : List.of(next.main(), next.deputy())) {
      if (!KyodoGroups.isMember(identity, successor, project.departmentGroup())) {
        throw new InvalidInputException(Actors.displayName(identity, successor) + "は、いまは" + project.departmentName()
            + "の職員ではありません。差し戻して、後任を選び直してもらってください。");
      }
    }
    List<ProjectInstances.Running> instances = ProjectInstances.of(execution, number, ProjectStaff.VARIABLES, KEY);
    String lifecycle = OpenStaffHandoverDelegate.lifecycleOf(instances, number);
    ProjectStaff previous = ProjectStaff.current(instances)
        .orElse(new ProjectStaff(CURRENT_MAIN_STAFF.get(execution), CURRENT_DEPUTY_STAFF.get(execution)));
    if (previous.equals(next)) {
      throw new InvalidInputException("事業「" + number + "」の主担当・副担当は、既に" + Actors.displayName(identity, next.main())
          + "と" + Actors.displayName(identity, next.deputy()) + "です。取りやめてください。");
    }
    Map<String, Object> staff = new LinkedHashMap<>();
    staff.put(Project.MAIN_STAFF.name(), next.main());
    staff.put(Project.DEPUTY_STAFF.name(), next.deputy());
    Map<String, Object> named = new LinkedHashMap<>(staff);
    named.put(MAIN_STAFF_NAME.name(), Actors.displayName(identity, next.main()));
    named.put(DEPUTY_STAFF_NAME.name(), Actors.displayName(identity, next.deputy()));
    int reassigned = 0;
    int updated = 0;
    for (ProjectInstances.Running instance : instances) {
      // The lifecycle and the years carry the staff for what they start; a phase only where it was given them.
      if (instance.isLifecycle() || instance.isYear() || instance.holds(Project.MAIN_STAFF.name())) {
        ProjectInstances.setVariables(execution, instance.id(), instance.holds(MAIN_STAFF_NAME.name()) ? named : staff);
        updated++;
      }
      ProjectStaff before = ProjectStaff.of(instance).orElse(previous);
      reassigned += ProjectInstances.reassign(execution, instance.id(), before.successors(next));
      String agreement = (String) instance.get(Project.AGREEMENT_NUMBER.name());
      if (agreement != null && AgreementProcess.KEY.equals(instance.processKey())) {
        agreements.staff(agreement, next.main(), next.deputy());
      } else if (agreement != null && ExecutionProcess.KEY.equals(instance.processKey())) {
        executions.staff(agreement, next.main(), next.deputy());
      }
    }
    Decision decision = Decision.now(ProjectDecision.STAFF_HANDOVER, "担当者を交代した",
        reason(execution, identity, previous, next), execution);
    Long fiscalYear = project.fiscalYear() == null ? null : project.fiscalYear().longValue();
    ProjectDecisions.record(execution, number, lifecycle, projects,
        new ProjectDecision(project.phase(), project.round(), fiscalYear, decision), SourceKey.of(execution));
    Instant now = decision.decidedAt();
    String recordedBy = Privileged.run(() -> Actors.completedLast(execution, Elements.RECORD));
    handovers.insert(new StaffHandoverRepository.StaffHandover(execution.getProcessInstanceId(), number,
        project.departmentGroup(), project.phase(), project.round(), project.fiscalYear(), previous.main(),
        previous.deputy(), next.main(), next.deputy(), REASON.get(execution),
        CityCalendar.parseDay(HELD_ON.get(execution)).orElseThrow(), PARTNER_ATTENDEE.get(execution),
        NOTES.get(execution), REQUESTED_BY.get(execution), recordedBy, decision.decidedBy(), now, reassigned));
    PREVIOUS_MAIN_STAFF.set(execution, previous.main());
    PREVIOUS_DEPUTY_STAFF.set(execution, previous.deputy());
    NEW_MAIN_STAFF_NAME.set(execution, (String) named.get(MAIN_STAFF_NAME.name()));
    NEW_DEPUTY_STAFF_NAME.set(execution, (String) named.get(DEPUTY_STAFF_NAME.name()));
    TASKS_REASSIGNED.set(execution, (long) reassigned);
    INSTANCES_UPDATED.set(execution, (long) updated);
    CONFIRMED_BY.set(execution, decision.decidedBy());
    CONFIRMED_AT.set(execution, Date.from(now));
  }

  /** The record's reason: who handed over to whom, why, and the meeting with the partner (千葉県 ④). */
  static String reason(DelegateExecution execution, IdentityService identity, ProjectStaff previous, ProjectStaff next) {
    String attendee = PARTNER_ATTENDEE.get(execution);
    return "主担当 " + Actors.displayName(identity, previous.main()) + " → " + Actors.displayName(identity, next.main())
        + "、副担当 " + Actors.displayName(identity, previous.deputy()) + " → " + Actors.displayName(identity, next.deputy())
        + "。理由: " + REASON.get(execution) + "。引継ぎ " + HELD_ON.get(execution)
        + (attendee == null || attendee.isBlank() ? "" : "（団体から " + attendee + " が同席）");
  }
}
