package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.CollaborationProcess.*;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Server-side rules of the lifecycle's own forms. Its start event and the 見直し task use ① 事業の検討's proposal
 * form ({@code examination-proposal}), whose rules are {@link jp.kyodo.examination.ExaminationForms#PROPOSAL}.
 */
public final class LifecycleForms {

  private LifecycleForms() {}

  /** The managers' response to an overdue phase; kept on the task (two may be open at once). */
  public static final FormRules OVERDUE = FormRules.forForm(FormIds.OVERDUE)
      .taskLocal()
      .build();

  /** The department's budget request (予算要求); the amount and basis are the file's rules. */
  public static final FormRules BUDGET_REQUEST = FormRules.forForm(FiscalYearProcess.FormIds.BUDGET_REQUEST).build();

  /**
   * What the budget granted. The file requires the amount for a cut and a reason for a cut or a refusal; how the
   * amount compares with the request is {@link RecordBudgetListener}'s, which knows the request.
   */
  public static final FormRules BUDGET_DECISION = FormRules.forForm(FiscalYearProcess.FormIds.BUDGET_DECISION).build();

  /** 来年度の進め方; the fixation rule and the phase the year is in are {@link PlanNextYearListener}'s. */
  public static final FormRules NEXT_YEAR_PLAN = FormRules.forForm(FiscalYearProcess.FormIds.NEXT_YEAR_PLAN).build();

  /** A project number as kyodo_project gives them: the fiscal year of the proposal and a serial. */
  static final Pattern PROJECT_NUMBER_PATTERN = Pattern.compile("^[0-9]{4}-[0-9]{3,}$");

  /** 担当者の交代: a project number as they are given; whether the project runs and whose it is, openStaffHandover's. */
  public static final FormRules STAFF_HANDOVER_START = FormRules.forForm(StaffHandoverProcess.FormIds.START)
      .check(StaffHandoverProcess.PROJECT_NUMBER, (scope, value) -> PROJECT_NUMBER_PATTERN.matcher((String) value).matches(),
          "「事業番号」は 2026-001 の形（提案した年度と連番）で入力してください。")
      .build();

  /**
   * The successors and the handover meeting. The form offers the department's members as they were when the handover
   * was reported; who still belongs to it is checked here. A project is never one person's (旭川 Q57), and a handover
   * hands something over: at least one role gets a successor. Who succeeds whom is checked again when a manager
   * confirms ({@link CompleteStaffHandoverDelegate}), since time passes in between.
   */
  public static final FormRules STAFF_HANDOVER = FormRules.forForm(StaffHandoverProcess.FormIds.RECORD)
      .check(StaffHandoverProcess.NEW_MAIN_STAFF, LifecycleForms::inDepartment, "「新しい主担当」は担当課の職員から選んでください。")
      .check(StaffHandoverProcess.NEW_DEPUTY_STAFF, LifecycleForms::inDepartment, "「新しい副担当」は担当課の職員から選んでください。")
      .check(StaffHandoverProcess.HELD_ON, (scope, value) -> CityCalendar.parseDay(value)
          .map(day -> !day.isAfter(CityCalendar.today())).orElse(false), "「引継ぎを行った日」に未来の日付は入れられません。")
      .check(StaffHandoverProcess.PURPOSE_SHARED, (scope, value) -> Boolean.TRUE.equals(value),
          "引継ぎでは、事業の目的と役割分担を後任と共有します（協働パートナーが決まっていれば、その同席のもとで。千葉県 協働推進マニュアル"
              + " 第1章 3(1)④）。共有してから記録してください。")
      .rule(scope -> !StaffHandoverProcess.NEW_MAIN_STAFF.get(scope).equals(StaffHandoverProcess.NEW_DEPUTY_STAFF.get(scope)),
          "主担当と副担当には別の職員を選んでください（旭川市 Q57: 協働は一人で担当しない）。")
      .rule(scope -> !(StaffHandoverProcess.NEW_MAIN_STAFF.get(scope).equals(StaffHandoverProcess.CURRENT_MAIN_STAFF.get(scope))
              && StaffHandoverProcess.NEW_DEPUTY_STAFF.get(scope).equals(StaffHandoverProcess.CURRENT_DEPUTY_STAFF.get(scope))),
          "新しい主担当・副担当が、いまの主担当・副担当と同じです。交代する役には後任を選んでください。")
      .build();

  /** The manager's answer; the reason for returning or withdrawing is required by the form itself. */
  public static final FormRules STAFF_HANDOVER_CONFIRMATION = FormRules.none(StaffHandoverProcess.FormIds.CONFIRM);

  public static final List<FormRules> ALL = List.of(OVERDUE, BUDGET_REQUEST, BUDGET_DECISION, NEXT_YEAR_PLAN,
      STAFF_HANDOVER_START, STAFF_HANDOVER, STAFF_HANDOVER_CONFIRMATION);

  static boolean inDepartment(VariableScope scope, Object userId) {
    String department = Project.DEPARTMENT_GROUP.get(scope);
    return department != null && KyodoGroups.isMember(KyodoGroups.identity(scope), (String) userId, department);
  }
}
