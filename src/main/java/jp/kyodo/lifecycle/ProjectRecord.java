package jp.kyodo.lifecycle;

import java.time.Instant;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A row of {@code kyodo_project}: where one collaboration project stands. */
public record ProjectRecord(
    String projectNumber,
    String title,
    String proposer,
    String proposerGroup,
    String departmentGroup,
    String departmentName,
    String partnerGroup,
    String partnerName,
    String chosenForm,
    String otherFormDescription,
    Integer domain,
    String calendarPattern,
    Phase phase,
    int round,
    Integer fiscalYear,
    Instant phaseStartedAt,
    Instant phaseDueAt,
    Instant overdueSince,
    String latestGrade,
    String lastDecision,
    String lastDecisionLabel,
    String lastDecisionReason,
    String lastDecidedBy,
    Instant lastDecidedAt,
    String status,
    String outcome,
    String processInstanceId,
    Instant openedAt,
    Instant updatedAt,
    Instant closedAt) {

  public static final String ACTIVE = "ACTIVE";
  public static final String CLOSED = "CLOSED";

  /** What the phases decide about the project: its title, who owns it, who is the partner, form, domain, calendar. */
  public record Facts(String title, String departmentGroup, String departmentName, String partnerGroup,
      String partnerName, String chosenForm, String otherFormDescription, Integer domain, String calendarPattern) {

    /** The project as its variables say now. */
    public static Facts of(VariableScope scope) {
      Long domain = Project.DOMAIN.get(scope);
      return new Facts(Project.TITLE.get(scope), Project.DEPARTMENT_GROUP.get(scope), Project.DEPARTMENT_NAME.get(scope),
          Project.PARTNER_GROUP.get(scope), Project.PARTNER_NAME.get(scope), Project.CHOSEN_FORM.get(scope),
          CollaborationForm.descriptionOf(Project.CHOSEN_FORM.get(scope), Project.OTHER_FORM_DESCRIPTION.get(scope)),
          domain == null ? null : Math.toIntExact(domain), Project.CALENDAR_PATTERN.get(scope));
    }
  }

  /** What entering a phase changes besides the facts. */
  public record PhaseEntry(Phase phase, int round, Integer fiscalYear, Instant startedAt, Instant dueAt) {}
}
