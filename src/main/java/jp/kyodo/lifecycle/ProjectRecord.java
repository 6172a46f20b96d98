package jp.kyodo.lifecycle;

import java.time.Instant;

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
      String partnerName, String chosenForm, Integer domain, String calendarPattern) {}

  /** What entering a phase changes besides the facts. */
  public record PhaseEntry(Phase phase, int round, Integer fiscalYear, Instant startedAt, Instant dueAt) {}
}
