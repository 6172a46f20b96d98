package jp.kyodo.execution;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The execution tables (db/migration V4, V13), read and written with plain SQL; every entry keeps who and when. */
@Repository
public class ExecutionRepository {

  private final JdbcTemplate jdbc;

  public ExecutionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Date day(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  public boolean exists(String agreementNumber) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_execution WHERE agreement_number = ?", Integer.class,
        agreementNumber);
    return n != null && n > 0;
  }

  /**
   * Enters the start of the agreement's execution; false, and nothing entered, when it has started already — also
   * when another clerk started it at the same moment (the primary key on the agreement decides).
   */
  public boolean start(String agreementNumber, String processInstanceId, String main, String deputy, String by, Instant at) {
    return UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution (agreement_number, process_instance_id, status, main_staff, deputy_staff,"
        + " started_by, started_at) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?)", agreementNumber, processInstanceId, main, deputy,
        by, ts(at)));
  }

  /** A row of {@code kyodo_execution}: the agreement's execution, its mid-term check, completion report and inspection. */
  public record Execution(String agreementNumber, String processInstanceId, String status, String mainStaff,
      String deputyStaff, String startedBy, Instant startedAt, String midtermProgress, String midtermFindings,
      String midtermCitizenVoice, String midtermActions, Boolean midtermWithPartner, String midtermBy, Instant midtermAt,
      String completionSummary, String completionGoalNotes, Long completionExpenditure, Long completionSurplus,
      String completionCitizenInfo, String completionFutureIssues, String completionBy, Instant completionAt,
      String inspectionResult, String inspectionComment, LocalDate inspectedOn, String inspectedBy, Instant inspectedAt,
      Instant completedAt, Instant terminatedAt) {}

  public Execution execution(String agreementNumber) {
    return jdbc.queryForObject("SELECT * FROM kyodo_execution WHERE agreement_number = ?", (rs, i) -> new Execution(
        rs.getString("agreement_number"), rs.getString("process_instance_id"), rs.getString("status"),
        rs.getString("main_staff"), rs.getString("deputy_staff"), rs.getString("started_by"), instant(rs, "started_at"),
        rs.getString("midterm_progress"), rs.getString("midterm_findings"), rs.getString("midterm_citizen_voice"),
        rs.getString("midterm_actions"), rs.getObject("midterm_with_partner", Boolean.class), rs.getString("midterm_by"),
        instant(rs, "midterm_at"), rs.getString("completion_summary"), rs.getString("completion_goal_notes"),
        rs.getObject("completion_expenditure", Long.class), rs.getObject("completion_surplus", Long.class),
        rs.getString("completion_citizen_info"), rs.getString("completion_future_issues"), rs.getString("completion_by"),
        instant(rs, "completion_at"), rs.getString("inspection_result"), rs.getString("inspection_comment"),
        day(rs, "inspected_on"), rs.getString("inspected_by"), instant(rs, "inspected_at"), instant(rs, "completed_at"),
        instant(rs, "terminated_at")),
        agreementNumber);
  }

  public void midterm(String number, String progress, String findings, String citizenVoice, String actions,
      boolean withPartner, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution SET midterm_progress = ?, midterm_findings = ?, midterm_citizen_voice = ?,"
        + " midterm_actions = ?, midterm_with_partner = ?, midterm_by = ?, midterm_at = ? WHERE agreement_number = ?",
        progress, findings, citizenVoice, actions, withPartner, by, ts(at), number);
  }

  public void staff(String number, String main, String deputy) {
    jdbc.update("UPDATE kyodo_execution SET main_staff = ?, deputy_staff = ? WHERE agreement_number = ?", main, deputy, number);
  }

  public record Completion(String summary, String goalNotes, long expenditure, long surplus, String citizenInfo,
      String futureIssues, Map<String, String> goalResults) {}

  public void completionReport(String number, Completion c, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution SET completion_summary = ?, completion_goal_notes = ?, completion_expenditure = ?,"
        + " completion_surplus = ?, completion_citizen_info = ?, completion_future_issues = ?, completion_by = ?,"
        + " completion_at = ? WHERE agreement_number = ?", c.summary(), c.goalNotes(), c.expenditure(), c.surplus(),
        c.citizenInfo(), c.futureIssues(), by, ts(at), number);
    jdbc.update("DELETE FROM kyodo_execution_goal_result WHERE agreement_number = ?", number);
    c.goalResults().forEach((goal, result) -> jdbc.update(
        "INSERT INTO kyodo_execution_goal_result (agreement_number, goal_id, result) VALUES (?, ?, ?)", number, goal, result));
  }

  public Map<String, String> goalResults(String number) {
    Map<String, String> out = new java.util.TreeMap<>();
    jdbc.query("SELECT goal_id, result FROM kyodo_execution_goal_result WHERE agreement_number = ?",
        rs -> {
          out.put(rs.getString(1), rs.getString(2));
        }, number);
    return out;
  }

  public void inspection(String number, String result, String comment, LocalDate on, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution SET inspection_result = ?, inspection_comment = ?, inspected_on = ?,"
        + " inspected_by = ?, inspected_at = ? WHERE agreement_number = ?", result, comment, day(on), by, ts(at), number);
  }

  public void complete(String number, Instant at) {
    jdbc.update("UPDATE kyodo_execution SET status = 'COMPLETED', completed_at = ? WHERE agreement_number = ?", ts(at), number);
  }

  // Progress reports

  private int nextReportNo(String number) {
    Integer max = jdbc.queryForObject("SELECT MAX(report_no) FROM kyodo_execution_report WHERE agreement_number = ?",
        Integer.class, number);
    return max == null ? 1 : max + 1;
  }

  /**
   * Enters the next report as due, once per {@code sourceKey} (the step that opened it): run again, the step finds
   * its report and gets its number back; a number another step took meanwhile is skipped.
   */
  public int reportDue(String number, LocalDate dueOn, String sourceKey) {
    int reportNo = nextReportNo(number);
    for (int attempt = 0; attempt < 50; attempt++) {
      int taken = reportNo;
      if (UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_report (agreement_number,"
          + " report_no, due_on, status, rounds, source_key) VALUES (?, ?, ?, 'DUE', 0, ?)", number, taken, day(dueOn),
          sourceKey))) {
        return taken;
      }
      List<Integer> opened = jdbc.queryForList("SELECT report_no FROM kyodo_execution_report WHERE source_key = ?",
          Integer.class, sourceKey);
      if (!opened.isEmpty()) {
        return opened.get(0);
      }
      reportNo = Math.max(reportNo + 1, nextReportNo(number));
    }
    throw new IllegalStateException("no free report number for " + number);
  }

  public void reportSubmitted(String number, int reportNo, String summary, String goalProgress, String issues,
      String citizenInfo, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_report SET status = 'SUBMITTED', summary = ?, goal_progress = ?, issues = ?,"
        + " citizen_info = ?, submitted_by = ?, submitted_at = ?, rounds = rounds + 1 WHERE agreement_number = ? AND report_no = ?",
        summary, goalProgress, issues, citizenInfo, by, ts(at), number, reportNo);
  }

  public void reportReminded(String number, int reportNo, Instant at) {
    jdbc.update("UPDATE kyodo_execution_report SET reminded_at = ? WHERE agreement_number = ? AND report_no = ?",
        ts(at), number, reportNo);
  }

  public void reportEscalated(String number, int reportNo, String action, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_report SET escalated_at = ?, late_action = ?, late_action_by = ?"
        + " WHERE agreement_number = ? AND report_no = ?", ts(at), action, by, number, reportNo);
  }

  public void reportReviewed(String number, int reportNo, boolean accepted, String decision, String comment, String by,
      Instant at) {
    jdbc.update("UPDATE kyodo_execution_report SET status = ?, review_decision = ?, review_comment = ?, reviewed_by = ?,"
        + " reviewed_at = ? WHERE agreement_number = ? AND report_no = ?", accepted ? "ACCEPTED" : "MORE_REQUESTED",
        decision, comment, by, ts(at), number, reportNo);
  }

  /** A progress report (row of {@code kyodo_execution_report}): when due, what was reported, reminders and review. */
  public record Report(String agreementNumber, int reportNo, LocalDate dueOn, String status, String summary,
      String goalProgress, String issues, String citizenInfo, String submittedBy, Instant submittedAt, int rounds,
      Instant remindedAt, Instant escalatedAt, String lateAction, String lateActionBy, String reviewDecision,
      String reviewComment, String reviewedBy, Instant reviewedAt) {}

  public List<Report> reports(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_report WHERE agreement_number = ? ORDER BY report_no", (rs, i) ->
        new Report(rs.getString("agreement_number"), rs.getInt("report_no"), day(rs, "due_on"), rs.getString("status"),
            rs.getString("summary"), rs.getString("goal_progress"), rs.getString("issues"), rs.getString("citizen_info"),
            rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getInt("rounds"), instant(rs, "reminded_at"),
            instant(rs, "escalated_at"), rs.getString("late_action"), rs.getString("late_action_by"),
            rs.getString("review_decision"), rs.getString("review_comment"), rs.getString("reviewed_by"),
            instant(rs, "reviewed_at")), number);
  }

  // Payments

  public void payment(String number, String kind, long scheduled, long amount, LocalDate paidOn, String reason, String by,
      Instant at) {
    jdbc.update("INSERT INTO kyodo_execution_payment (agreement_number, kind, scheduled_amount, amount, paid_on,"
        + " reduction_reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", number, kind, scheduled, amount,
        day(paidOn), reason, by, ts(at));
  }

  /** A payment to the partner (row of {@code kyodo_execution_payment}): which, how much of what was scheduled, when. */
  public record Payment(String agreementNumber, String kind, long scheduledAmount, long amount, LocalDate paidOn,
      String reductionReason, String recordedBy, Instant recordedAt) {}

  public List<Payment> payments(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_payment WHERE agreement_number = ? ORDER BY recorded_at", (rs, i) ->
        new Payment(rs.getString("agreement_number"), rs.getString("kind"), rs.getLong("scheduled_amount"),
            rs.getLong("amount"), day(rs, "paid_on"), rs.getString("reduction_reason"), rs.getString("recorded_by"),
            instant(rs, "recorded_at")), number);
  }

  // Issues

  public String raiseIssue(String id, String number, String side, String title, String description, String severity, String by,
      Instant at) {
    // The id is the raising task's: a task completed once raises once (idempotency key).
    UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_issue (id, agreement_number, raised_by,"
        + " raised_side, raised_at, title, description, severity, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", id, number, by, side, ts(at), title,
        description, severity));
    return id;
  }

  /** An issue or trouble (row of {@code kyodo_execution_issue}): who raised it, how it was handled and decided. */
  public record Issue(String id, String agreementNumber, String raisedBy, String raisedSide, Instant raisedAt,
      String title, String description, String severity, String status, String response, String handledBy,
      Instant handledAt, Boolean escalated, String managerDecision, String managerComment, String decidedBy,
      Instant decidedAt) {}

  private static final RowMapper<Issue> ISSUE = (rs, i) -> new Issue(rs.getString("id"), rs.getString("agreement_number"),
      rs.getString("raised_by"), rs.getString("raised_side"), instant(rs, "raised_at"), rs.getString("title"),
      rs.getString("description"), rs.getString("severity"), rs.getString("status"), rs.getString("response"),
      rs.getString("handled_by"), instant(rs, "handled_at"), rs.getObject("escalated", Boolean.class),
      rs.getString("manager_decision"), rs.getString("manager_comment"), rs.getString("decided_by"),
      instant(rs, "decided_at"));

  public Issue issue(String id) {
    return jdbc.queryForObject("SELECT * FROM kyodo_execution_issue WHERE id = ?", ISSUE, id);
  }

  public void issueHandled(String id, String response, boolean toManager, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_issue SET response = ?, escalated = ?, status = ?, handled_by = ?, handled_at = ?"
        + " WHERE id = ?", response, toManager, toManager ? "WITH_MANAGER" : "CLOSED", by, ts(at), id);
  }

  /** The manager's decision; {@code status} is where it leaves the issue (OPEN, SUSPENDED, CLOSED, TERMINATED). */
  public void issueDecided(String id, String decision, String comment, String status, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_issue SET manager_decision = ?, manager_comment = ?, status = ?, decided_by = ?,"
        + " decided_at = ? WHERE id = ?", decision, comment, status, by, ts(at), id);
  }

  /** The partner's view of a serious issue, heard before the manager decides (旭川 Q76); the latest is kept. */
  public void issueViewed(String id, String view, String wish, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_issue SET partner_view = ?, partner_wish = ?, partner_view_by = ?,"
        + " partner_view_at = ? WHERE id = ?", view, wish, by, ts(at), id);
  }

  /** What the side that raised the issue did about it while the execution was suspended; the latest is kept. */
  public void issueMeasures(String id, String measures, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_issue SET measures = ?, measures_by = ?, measures_at = ? WHERE id = ?",
        measures, by, ts(at), id);
  }

  /** The partner's view and the measures of an issue (V13 columns of {@code kyodo_execution_issue}). */
  public record IssueHearing(String partnerView, String partnerWish, String partnerViewBy, String measures,
      String measuresBy) {}

  public IssueHearing issueHearing(String id) {
    return jdbc.queryForObject("SELECT partner_view, partner_wish, partner_view_by, measures, measures_by"
        + " FROM kyodo_execution_issue WHERE id = ?", (rs, i) -> new IssueHearing(rs.getString(1), rs.getString(2),
        rs.getString(3), rs.getString(4), rs.getString(5)), id);
  }

  // Suspension (V13): an issue stops the term's timers and payments until it is resumed or the execution terminated

  /** Enters the suspension by an issue; false, and nothing entered, when that issue suspended the execution already. */
  public boolean suspended(String number, String issueId, String reason, int timersStopped, String by, Instant at) {
    boolean entered = UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_suspension (issue_id,"
        + " agreement_number, reason, suspended_by, suspended_at, timers_stopped) VALUES (?, ?, ?, ?, ?, ?)", issueId,
        number, reason, by, ts(at), timersStopped));
    jdbc.update("UPDATE kyodo_execution SET status = 'SUSPENDED' WHERE agreement_number = ?", number);
    return entered;
  }

  public void resumed(String number, String issueId, String reason, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_suspension SET resumed_by = ?, resumed_at = ?, resume_reason = ? WHERE issue_id = ?",
        by, ts(at), reason, issueId);
    jdbc.update("UPDATE kyodo_execution SET status = 'RUNNING' WHERE agreement_number = ?", number);
  }

  /** A suspension (row of {@code kyodo_execution_suspension}): which issue, why, who, when, and its end. */
  public record Suspension(String issueId, String agreementNumber, String reason, String suspendedBy,
      Instant suspendedAt, int timersStopped, String resumedBy, Instant resumedAt, String resumeReason) {}

  public List<Suspension> suspensions(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_suspension WHERE agreement_number = ? ORDER BY suspended_at",
        (rs, i) -> new Suspension(rs.getString("issue_id"), rs.getString("agreement_number"), rs.getString("reason"),
            rs.getString("suspended_by"), instant(rs, "suspended_at"), rs.getInt("timers_stopped"),
            rs.getString("resumed_by"), instant(rs, "resumed_at"), rs.getString("resume_reason")), number);
  }

  // Termination with settlement (V13)

  /** What has been paid to the partner so far (advance, and after completion). */
  public long paidSoFar(String number) {
    Long paid = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM kyodo_execution_payment WHERE agreement_number = ?",
        Long.class, number);
    return paid == null ? 0 : paid;
  }

  /** Enters the manager's decision to terminate, with the amounts the settlement starts from; once per execution. */
  public void terminationDecided(String number, String issueId, String reason, long paymentTotal, long paidBefore,
      String by, Instant at) {
    UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_settlement (agreement_number, issue_id,"
        + " termination_reason, decided_by, decided_at, payment_total, paid_before, status) VALUES (?, ?, ?, ?, ?, ?, ?,"
        + " 'DECIDED')", number, issueId, reason, by, ts(at), paymentTotal, paidBefore));
  }

  public void settlementDrafted(String number, String workDone, long pay, long repay, String note, String by,
      Instant at) {
    jdbc.update("UPDATE kyodo_execution_settlement SET work_done = ?, pay_amount = ?, repay_amount = ?, note = ?,"
        + " drafted_by = ?, drafted_at = ?, partner_answer = NULL, partner_comment = NULL, partner_answered_by = NULL,"
        + " partner_answered_at = NULL, approval = NULL, approval_comment = NULL, approved_by = NULL, approved_at = NULL,"
        + " status = 'DRAFTED' WHERE agreement_number = ?", workDone, pay, repay, note, by, ts(at), number);
  }

  public void settlementAnswered(String number, String answer, String comment, boolean agreed, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_settlement SET partner_answer = ?, partner_comment = ?, partner_answered_by = ?,"
        + " partner_answered_at = ?, status = ? WHERE agreement_number = ?", answer, comment, by, ts(at),
        agreed ? "AGREED" : "OBJECTED", number);
  }

  public void settlementApproval(String number, String approval, String comment, boolean approved, String by,
      Instant at) {
    jdbc.update("UPDATE kyodo_execution_settlement SET approval = ?, approval_comment = ?, approved_by = ?, approved_at = ?,"
        + " status = ? WHERE agreement_number = ?", approval, comment, by, ts(at), approved ? "AGREED" : "RETURNED", number);
  }

  /** The settlement is approved: the execution ends as terminated. */
  public void terminated(String number, Instant at) {
    jdbc.update("UPDATE kyodo_execution_settlement SET status = 'SETTLED', settled_at = ? WHERE agreement_number = ?",
        ts(at), number);
    jdbc.update("UPDATE kyodo_execution SET status = 'TERMINATED', terminated_at = ? WHERE agreement_number = ?", ts(at),
        number);
  }

  /** The settlement of a terminated execution (row of {@code kyodo_execution_settlement}), step by step. */
  public record Settlement(String agreementNumber, String issueId, String terminationReason, String decidedBy,
      Instant decidedAt, long paymentTotal, long paidBefore, String workDone, Long payAmount, Long repayAmount,
      String note, String draftedBy, String partnerAnswer, String partnerComment, String partnerAnsweredBy,
      String approval, String approvalComment, String approvedBy, Instant approvedAt, String status,
      Instant settledAt) {}

  public Optional<Settlement> settlement(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_settlement WHERE agreement_number = ?", (rs, i) -> new Settlement(
        rs.getString("agreement_number"), rs.getString("issue_id"), rs.getString("termination_reason"),
        rs.getString("decided_by"), instant(rs, "decided_at"), rs.getLong("payment_total"), rs.getLong("paid_before"),
        rs.getString("work_done"), rs.getObject("pay_amount", Long.class), rs.getObject("repay_amount", Long.class),
        rs.getString("note"), rs.getString("drafted_by"), rs.getString("partner_answer"), rs.getString("partner_comment"),
        rs.getString("partner_answered_by"), rs.getString("approval"), rs.getString("approval_comment"),
        rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("status"), instant(rs, "settled_at")),
        number).stream().findFirst();
  }

  public List<Issue> issues(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_issue WHERE agreement_number = ? ORDER BY raised_at, id", ISSUE,
        number);
  }

  // Plan changes

  /**
   * Enters a proposed change with the plan it proposes as data (JSON of {@link PlanData}), the parts it changes, the
   * lines saying how, and whether money changes (then a manager's 決裁 is needed).
   */
  public String proposeChange(String id, String number, String side, String summary, String reason, String details,
      String proposedPlan, String changedParts, String changes, boolean moneyChanged, String by, Instant at) {
    // The id is the raising task's: a task completed once raises once (idempotency key).
    UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_plan_change (id, agreement_number,"
        + " proposed_by, proposed_side, proposed_at, summary, reason, details, status, proposed_plan, changed_parts,"
        + " changes, money_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?)", id, number, by, side, ts(at),
        summary, reason, details, proposedPlan, changedParts, changes, moneyChanged));
    return id;
  }

  /**
   * A plan change (row of {@code kyodo_execution_plan_change}): who proposed what and why, the plan as data and what it
   * changes, the other side's answer, the manager's 決裁 when money changes, and the amendment it became.
   */
  public record PlanChange(String id, String agreementNumber, String proposedBy, String proposedSide, Instant proposedAt,
      String summary, String reason, String details, String status, String answer, String answerComment,
      String answeredBy, Instant answeredAt, String proposedPlan, String changedParts, String changes,
      boolean moneyChanged, String approval, String approvalComment, String approvedBy, Integer amendmentNo) {}

  private static final RowMapper<PlanChange> PLAN_CHANGE = (rs, i) -> new PlanChange(rs.getString("id"),
      rs.getString("agreement_number"), rs.getString("proposed_by"), rs.getString("proposed_side"),
      instant(rs, "proposed_at"), rs.getString("summary"), rs.getString("reason"), rs.getString("details"),
      rs.getString("status"), rs.getString("answer"), rs.getString("answer_comment"), rs.getString("answered_by"),
      instant(rs, "answered_at"), rs.getString("proposed_plan"), rs.getString("changed_parts"), rs.getString("changes"),
      Boolean.TRUE.equals(rs.getObject("money_changed", Boolean.class)), rs.getString("approval"),
      rs.getString("approval_comment"), rs.getString("approved_by"), rs.getObject("amendment_no", Integer.class));

  public PlanChange planChange(String id) {
    return jdbc.queryForObject("SELECT * FROM kyodo_execution_plan_change WHERE id = ?", PLAN_CHANGE, id);
  }

  public void changeAnswered(String id, String answer, String comment, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_plan_change SET answer = ?, answer_comment = ?, answered_by = ?, answered_at = ?"
        + " WHERE id = ?", answer, comment, by, ts(at), id);
  }

  public void changeApproved(String id, String approval, String comment, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_plan_change SET approval = ?, approval_comment = ?, approved_by = ?, approved_at = ?"
        + " WHERE id = ?", approval, comment, by, ts(at), id);
  }

  /** How the change ended: APPLIED (with its amendment number), DECLINED by the other side, or REJECTED at 決裁. */
  public void changeSettled(String id, String status, Integer amendmentNo) {
    jdbc.update("UPDATE kyodo_execution_plan_change SET status = ?, amendment_no = ? WHERE id = ?", status, amendmentNo, id);
  }

  public List<PlanChange> planChanges(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_plan_change WHERE agreement_number = ? ORDER BY proposed_at, id",
        PLAN_CHANGE, number);
  }

  // Amendments of the agreement (変更協定, V13)

  /** Enters 変更協定 第N号 for an applied change; once per change (a step run again finds it). */
  public void amendment(String number, int amendmentNo, String planChangeId, String summary, String changes,
      LocalDate agreedOn, String approvedBy) {
    UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_amendment (agreement_number, amendment_no,"
        + " plan_change_id, summary, changes, agreed_on, approved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", number, amendmentNo,
        planChangeId, summary, changes, day(agreedOn), approvedBy));
  }

  /** An amendment (row of {@code kyodo_execution_amendment}); the 協定書 it replaced is kept with it. */
  public record Amendment(String agreementNumber, int amendmentNo, String planChangeId, String summary, String changes,
      LocalDate agreedOn, String approvedBy, boolean replacedDocumentKept, Instant documentAt) {}

  public List<Amendment> amendments(String number) {
    return jdbc.query("SELECT agreement_number, amendment_no, plan_change_id, summary, changes, agreed_on, approved_by,"
        + " CASE WHEN replaced_document IS NULL THEN 0 ELSE 1 END AS kept, document_at FROM kyodo_execution_amendment"
        + " WHERE agreement_number = ? ORDER BY amendment_no", (rs, i) -> new Amendment(rs.getString(1), rs.getInt(2),
        rs.getString(3), rs.getString(4), rs.getString(5), day(rs, "agreed_on"), rs.getString(7), rs.getInt("kept") == 1,
        instant(rs, "document_at")), number);
  }

  /**
   * Keeps the 協定書 an amendment replaces and notes when the amended one was made; the first run of the step keeps it,
   * a run again leaves it (the document it would find is the amended one).
   */
  public void amendedDocument(String number, int amendmentNo, byte[] replaced, Instant at) {
    jdbc.update("UPDATE kyodo_execution_amendment SET replaced_document = ? WHERE agreement_number = ? AND amendment_no = ?"
        + " AND replaced_document IS NULL AND document_at IS NULL", replaced, number, amendmentNo);
    jdbc.update("UPDATE kyodo_execution_amendment SET document_at = ? WHERE agreement_number = ? AND amendment_no = ?",
        ts(at), number, amendmentNo);
  }

  public byte[] replacedDocument(String number, int amendmentNo) {
    return jdbc.queryForObject("SELECT replaced_document FROM kyodo_execution_amendment WHERE agreement_number = ?"
        + " AND amendment_no = ?", byte[].class, number, amendmentNo);
  }

  // Handovers

  public String requestHandover(String id, String number, String previousMain, String previousDeputy, String newMain,
      String newDeputy, String reason, String by, Instant at) {
    // The id is the raising task's: a task completed once raises once (idempotency key).
    UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_execution_handover (id, agreement_number,"
        + " previous_main, previous_deputy, new_main, new_deputy, reason, requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED')",
        id, number, previousMain, previousDeputy, newMain, newDeputy, reason, by, ts(at)));
    return id;
  }

  /** A change of the department's staff (row of {@code kyodo_execution_handover}), held with the partner present. */
  public record Handover(String id, String agreementNumber, String previousMain, String previousDeputy, String newMain,
      String newDeputy, String reason, String requestedBy, Instant requestedAt, String status, LocalDate heldOn,
      String partnerAttendee, String notes, String heldBy, String partnerAnswer, String partnerComment,
      String partnerAnsweredBy, Instant partnerAnsweredAt, Instant completedAt) {}

  private static final RowMapper<Handover> HANDOVER = (rs, i) -> new Handover(rs.getString("id"),
      rs.getString("agreement_number"), rs.getString("previous_main"), rs.getString("previous_deputy"),
      rs.getString("new_main"), rs.getString("new_deputy"), rs.getString("reason"), rs.getString("requested_by"),
      instant(rs, "requested_at"), rs.getString("status"), day(rs, "held_on"), rs.getString("partner_attendee"),
      rs.getString("notes"), rs.getString("held_by"), rs.getString("partner_answer"), rs.getString("partner_comment"),
      rs.getString("partner_answered_by"), instant(rs, "partner_answered_at"), instant(rs, "completed_at"));

  public Handover handover(String id) {
    return jdbc.queryForObject("SELECT * FROM kyodo_execution_handover WHERE id = ?", HANDOVER, id);
  }

  public void handoverHeld(String id, LocalDate heldOn, String attendee, String notes, String by) {
    jdbc.update("UPDATE kyodo_execution_handover SET status = 'HELD', held_on = ?, partner_attendee = ?, notes = ?,"
        + " held_by = ? WHERE id = ?", day(heldOn), attendee, notes, by, id);
  }

  public void handoverAnswered(String id, String answer, String comment, String by, Instant at) {
    jdbc.update("UPDATE kyodo_execution_handover SET partner_answer = ?, partner_comment = ?, partner_answered_by = ?,"
        + " partner_answered_at = ? WHERE id = ?", answer, comment, by, ts(at), id);
  }

  public void handoverCompleted(String id, Instant at) {
    jdbc.update("UPDATE kyodo_execution_handover SET status = 'COMPLETED', completed_at = ? WHERE id = ?", ts(at), id);
  }

  public List<Handover> handovers(String number) {
    return jdbc.query("SELECT * FROM kyodo_execution_handover WHERE agreement_number = ? ORDER BY requested_at, id",
        HANDOVER, number);
  }
}
