package jp.kyodo.agreement;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kyodo.platform.Decision;
import jp.kyodo.platform.NumberSeries;
import jp.kyodo.platform.UniqueInsert;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agreement tables (db/migration V3, V12), read and written with plain SQL. */
@Repository
public class AgreementRepository {

  private final JdbcTemplate jdbc;

  public AgreementRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next serial of the department in the fiscal year. Approvals numbered at the same moment wait for one
   * another and get consecutive serials ({@link jp.kyodo.platform.NumberSeries}); the unique constraint stays as the
   * guard, and RecordAgreementDelegate takes the next serial should it ever refuse one.
   */
  public int nextSerial(int fiscalYear, String departmentGroup) {
    return new NumberSeries(jdbc).next(series(fiscalYear, departmentGroup), () -> lastSerial(fiscalYear, departmentGroup));
  }

  /**
   * Writes an agreement with the next serial of its department and year ({@link NumberSeries#insertNext}):
   * {@code insert} writes it for a serial (see {@link #insert}); empty when {@code settled} finds it written already.
   */
  public java.util.OptionalInt insertNumbered(int fiscalYear, String departmentGroup,
      java.util.function.IntPredicate insert, java.util.function.BooleanSupplier settled) {
    return new NumberSeries(jdbc).insertNext(series(fiscalYear, departmentGroup),
        () -> lastSerial(fiscalYear, departmentGroup), insert, settled);
  }

  private static String series(int fiscalYear, String departmentGroup) {
    return "agreement:" + fiscalYear + ":" + departmentGroup;
  }

  private int lastSerial(int fiscalYear, String departmentGroup) {
    Integer max = jdbc.queryForObject("SELECT MAX(serial_no) FROM kyodo_agreement WHERE fiscal_year = ? AND"
        + " department_group = ?", Integer.class, fiscalYear, departmentGroup);
    return max == null ? 0 : max;
  }

  public boolean existsForProjectYear(String projectNumber, int fiscalYear) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_agreement WHERE project_number = ? AND fiscal_year = ?",
        Integer.class, projectNumber, fiscalYear);
    return count != null && count > 0;
  }

  public void insert(Agreement a, int serial) {
    if (!insert(a, serial, null)) {
      throw new org.springframework.dao.DuplicateKeyException("agreement " + a.number() + " exists already");
    }
  }

  /**
   * Inserts the agreement with all its parts; false (and nothing written) when its number, its project's year or
   * its {@code sourceKey} (the process instance that records it) is taken already.
   */
  public boolean insert(Agreement a, int serial, String sourceKey) {
    Agreement.PaymentPlan p = a.payment();
    Agreement.Clauses c = a.clauses();
    boolean inserted = UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO kyodo_agreement (agreement_number,"
            + " fiscal_year, serial_no, project_number, title,"
            + " department_group, department_name, partner_group, partner_name, chosen_form, other_form_description, cost_estimate, main_staff,"
            + " deputy_staff, purpose, final_goal, term_start, term_end, report_rhythm, payment_type, payment_timing,"
            + " payment_amount, advance_amount, final_amount, payment_terms_note, expenditure_total, income_own_funds,"
            + " income_fees, income_other, clause_confidentiality, clause_surplus, clause_results, clause_trouble, status,"
            + " approved_by, approved_at, process_instance_id, source_key, work_plan, selection_number, grant_decision_ref)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.number(), a.fiscalYear(), serial, a.projectNumber(), a.title(), a.departmentGroup(), a.departmentName(),
        a.partnerGroup(), a.partnerName(), a.chosenForm(), a.otherFormDescription(), a.costEstimate(), a.mainStaff(), a.deputyStaff(), a.purpose(),
        a.finalGoal(), Date.valueOf(a.termStart()), Date.valueOf(a.termEnd()), a.reportRhythm(), p.type(), p.timing(),
        p.amount(), p.advanceAmount(), p.finalAmount(), p.note(), a.expenditureTotal(), a.incomeOwnFunds(), a.incomeFees(),
        a.incomeOther(), c.confidentiality(), c.surplus(), c.results(), c.trouble(), a.status(), a.approvedBy(),
        Timestamp.from(a.approvedAt()), a.processInstanceId(), sourceKey, a.workPlan(), a.selectionNumber(),
        p.grantDecisionRef()));
    if (!inserted) {
      return false;
    }
    int position = 0;
    for (Agreement.Goal g : a.goals()) {
      jdbc.update("INSERT INTO kyodo_agreement_goal (agreement_number, goal_id, position, description, indicator, due_date)"
          + " VALUES (?, ?, ?, ?, ?, ?)", a.number(), g.id(), ++position, g.description(), g.indicator(), Date.valueOf(g.due()));
    }
    position = 0;
    for (Agreement.Role r : a.roles()) {
      jdbc.update("INSERT INTO kyodo_agreement_role (agreement_number, position, task, party) VALUES (?, ?, ?, ?)",
          a.number(), ++position, r.task(), r.party());
    }
    position = 0;
    for (Agreement.BudgetLine b : a.budget()) {
      jdbc.update("INSERT INTO kyodo_agreement_budget_line (agreement_number, position, item, amount, bearer)"
          + " VALUES (?, ?, ?, ?, ?)", a.number(), ++position, b.item(), b.amount(), b.bearer());
    }
    insertInstalments(a);
    position = 0;
    for (Agreement.StepDecision s : a.decisions()) {
      Decision d = s.decision();
      jdbc.update("INSERT INTO kyodo_agreement_decision (agreement_number, position, step, decision, comment_text,"
              + " decided_by, decided_at, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          a.number(), ++position, s.step(), d.outcome(), d.reason(), d.decidedBy(), Timestamp.from(d.decidedAt()),
          s.details());
    }
    return true;
  }

  /** The agreement resting on that selection of ②, if there is one (a selection chooses a partner for one year). */
  public Optional<String> numberBySelection(String selectionNumber) {
    return jdbc.queryForList("SELECT agreement_number FROM kyodo_agreement WHERE selection_number = ?", String.class,
        selectionNumber).stream().findFirst();
  }

  /** The number of the agreement a process instance recorded already, if it did. */
  public Optional<String> numberBySourceKey(String sourceKey) {
    return jdbc.queryForList("SELECT agreement_number FROM kyodo_agreement WHERE source_key = ?", String.class, sourceKey)
        .stream().findFirst();
  }

  /** Records the exchange of signed copies (締結): the agreement is then concluded. */
  public void markConcluded(String number, LocalDate signedOn, String recordedBy, String note) {
    int rows = jdbc.update("UPDATE kyodo_agreement SET status = ?, signed_on = ?, signed_recorded_by = ?, exchange_note = ?"
        + " WHERE agreement_number = ?", Agreement.CONCLUDED, Date.valueOf(signedOn), recordedBy, note, number);
    if (rows != 1) {
      throw new IllegalStateException("no agreement " + number);
    }
  }

  /** How often the agreement was amended during its term: 0 as concluded, N after 変更協定 第N号 (V13). */
  public int amendmentNo(String number) {
    Integer no = jdbc.queryForObject("SELECT amendment_no FROM kyodo_agreement WHERE agreement_number = ?", Integer.class,
        number);
    return no == null ? 0 : no;
  }

  /**
   * Writes a change of the plan both sides agreed during ④ 事業の実施 (and a manager approved, when it changes money):
   * the goals, the budget lines with their total and the partner's income, the payment amounts and the term, as
   * {@link Agreement#amended} gives them. The amendment number goes up by one and is returned (変更協定 第N号).
   */
  public int amend(Agreement a) {
    Agreement.PaymentPlan p = a.payment();
    int rows = jdbc.update("UPDATE kyodo_agreement SET term_end = ?, payment_amount = ?, advance_amount = ?,"
        + " final_amount = ?, expenditure_total = ?, income_own_funds = ?, income_fees = ?, income_other = ?,"
        + " amendment_no = amendment_no + 1 WHERE agreement_number = ?", Date.valueOf(a.termEnd()), p.amount(),
        p.advanceAmount(), p.finalAmount(), a.expenditureTotal(), a.incomeOwnFunds(), a.incomeFees(), a.incomeOther(),
        a.number());
    if (rows != 1) {
      throw new IllegalStateException("no agreement " + a.number());
    }
    jdbc.update("DELETE FROM kyodo_agreement_goal WHERE agreement_number = ?", a.number());
    int position = 0;
    for (Agreement.Goal g : a.goals()) {
      jdbc.update("INSERT INTO kyodo_agreement_goal (agreement_number, goal_id, position, description, indicator, due_date)"
          + " VALUES (?, ?, ?, ?, ?, ?)", a.number(), g.id(), ++position, g.description(), g.indicator(), Date.valueOf(g.due()));
    }
    jdbc.update("DELETE FROM kyodo_agreement_budget_line WHERE agreement_number = ?", a.number());
    position = 0;
    for (Agreement.BudgetLine b : a.budget()) {
      jdbc.update("INSERT INTO kyodo_agreement_budget_line (agreement_number, position, item, amount, bearer)"
          + " VALUES (?, ?, ?, ?, ?)", a.number(), ++position, b.item(), b.amount(), b.bearer());
    }
    jdbc.update("DELETE FROM kyodo_agreement_instalment WHERE agreement_number = ?", a.number());
    insertInstalments(a);
    return amendmentNo(a.number());
  }

  /**
   * The department's staff changed (担当者の交代) while the agreement was still being concluded: ④ takes its staff
   * from the agreement when it starts, so it starts with the successors. The 協定書 already generated keeps the names
   * it was approved with.
   */
  public void staff(String number, String main, String deputy) {
    jdbc.update("UPDATE kyodo_agreement SET main_staff = ?, deputy_staff = ? WHERE agreement_number = ?", main, deputy,
        number);
  }

  private void insertInstalments(Agreement a) {
    for (Agreement.Instalment i : a.payment().instalments()) {
      jdbc.update("INSERT INTO kyodo_agreement_instalment (agreement_number, instalment_no, kind, due_on, amount)"
          + " VALUES (?, ?, ?, ?, ?)", a.number(), i.number(), i.kind(), Date.valueOf(i.dueOn()), i.amount());
    }
  }

  public Optional<Agreement> find(String number) {
    List<Agreement> found = jdbc.query("SELECT * FROM kyodo_agreement WHERE agreement_number = ?", this::agreement, number);
    return found.stream().findFirst();
  }

  public void storeDocument(String number, String fileName, byte[] content, Instant generatedAt) {
    jdbc.update("DELETE FROM kyodo_agreement_document WHERE agreement_number = ?", number);
    jdbc.update("INSERT INTO kyodo_agreement_document (agreement_number, file_name, content, generated_at) VALUES (?, ?, ?, ?)",
        number, fileName, content, Timestamp.from(generatedAt));
  }

  public record StoredDocument(String fileName, byte[] content, Instant generatedAt) {}

  public Optional<StoredDocument> document(String number) {
    return jdbc.query("SELECT file_name, content, generated_at FROM kyodo_agreement_document WHERE agreement_number = ?",
        (rs, i) -> new StoredDocument(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()), number)
        .stream().findFirst();
  }

  private Agreement agreement(ResultSet rs, int row) throws SQLException {
    String number = rs.getString("agreement_number");
    List<Agreement.Goal> goals = jdbc.query("SELECT goal_id, description, indicator, due_date FROM kyodo_agreement_goal"
            + " WHERE agreement_number = ? ORDER BY position",
        (g, i) -> new Agreement.Goal(g.getString(1), g.getString(2), g.getString(3), g.getDate(4).toLocalDate()), number);
    List<Agreement.Role> roles = jdbc.query("SELECT task, party FROM kyodo_agreement_role WHERE agreement_number = ?"
        + " ORDER BY position", (r, i) -> new Agreement.Role(r.getString(1), r.getString(2)), number);
    List<Agreement.BudgetLine> budget = jdbc.query("SELECT item, amount, bearer FROM kyodo_agreement_budget_line"
            + " WHERE agreement_number = ? ORDER BY position",
        (b, i) -> new Agreement.BudgetLine(b.getString(1), b.getLong(2), b.getString(3)), number);
    List<Agreement.StepDecision> decisions = jdbc.query("SELECT step, decision, comment_text, decided_by, decided_at,"
            + " details FROM kyodo_agreement_decision WHERE agreement_number = ? ORDER BY position",
        (d, i) -> new Agreement.StepDecision(d.getString(1), new Decision(d.getString(2), null, d.getString(3),
            d.getString(4), d.getTimestamp(5).toInstant()), d.getString(6)), number);
    List<Agreement.Instalment> instalments = jdbc.query("SELECT instalment_no, kind, due_on, amount"
            + " FROM kyodo_agreement_instalment WHERE agreement_number = ? ORDER BY instalment_no",
        (i, n) -> new Agreement.Instalment(i.getInt(1), i.getString(2), i.getDate(3).toLocalDate(), i.getLong(4)), number);
    Object cost = rs.getObject("cost_estimate");
    Long costEstimate = cost == null ? null : ((Number) cost).longValue();
    Date signedOn = rs.getDate("signed_on");
    return new Agreement(number, rs.getInt("fiscal_year"), rs.getString("project_number"), rs.getString("title"),
        rs.getString("department_group"), rs.getString("department_name"), rs.getString("partner_group"),
        rs.getString("partner_name"), rs.getString("chosen_form"), rs.getString("other_form_description"), costEstimate,
        rs.getString("main_staff"), rs.getString("deputy_staff"), rs.getString("purpose"), rs.getString("final_goal"),
        goals, roles, budget, rs.getLong("income_own_funds"), rs.getLong("income_fees"), rs.getLong("income_other"),
        new Agreement.PaymentPlan(rs.getString("payment_type"), rs.getString("payment_timing"), rs.getLong("payment_amount"),
            rs.getLong("advance_amount"), rs.getLong("final_amount"), rs.getString("payment_terms_note"),
            rs.getString("grant_decision_ref"), instalments),
        rs.getDate("term_start").toLocalDate(), rs.getDate("term_end").toLocalDate(), rs.getString("report_rhythm"),
        new Agreement.Clauses(rs.getString("clause_confidentiality"), rs.getString("clause_surplus"),
            rs.getString("clause_results"), rs.getString("clause_trouble")),
        decisions, rs.getString("status"), rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant(),
        signedOn == null ? null : signedOn.toLocalDate(), rs.getString("process_instance_id"), rs.getString("work_plan"),
        rs.getString("selection_number"));
  }
}
