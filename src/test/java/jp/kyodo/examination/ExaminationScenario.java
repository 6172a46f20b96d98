package jp.kyodo.examination;

import jp.kyodo.platform.CityCalendar;
import jp.kyodo.support.TestDesk;
import jp.kyodo.support.TestIdentity;
import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Drives ① 事業の検討 the way Tasklist does: start form and task forms submitted by a logged-in
 * user, with the values Tasklist sends (numbers untyped, checklists as Json).
 */
public final class ExaminationScenario {

  public static final String[] RESOURCES = {
      "processes/examination.bpmn",
      "processes/activity-eligibility.dmn",
      "processes/collaboration-domain.dmn",
      "processes/collaboration-form.dmn",
      "processes/collaboration-character.dmn",
      "processes/examination-priority.dmn",
      "forms/examination-proposal.form",
      "forms/examination-intake.form",
      "forms/examination-check-sheet.form",
      "forms/examination-assessment.form",
      "forms/examination-review.form",
      "forms/examination-ending-confirmation.form",
      "forms/examination-ending-notice.form"};

  private final ProcessEngine engine;

  public ExaminationScenario(ProcessEngine engine) {
    this(engine, true);
  }

  /** Without test people, for an application engine that has its demo people already. */
  public ExaminationScenario(ProcessEngine engine, boolean testPeople) {
    this.engine = engine;
    if (!testPeople) {
      return;
    }
    Mocks.register("resolveProposer", new ResolveProposerDelegate());
    Mocks.register("offerStaff", new OfferStaffListener());
    Mocks.register("recordDepartment", new RecordDepartmentListener());
    Mocks.register("countRevision", new CountRevisionListener());
    Mocks.register("recordExaminationOutcome", new RecordExaminationOutcomeListener());
    Mocks.register("priorityThresholds", PriorityThresholds.defaults());
    Mocks.register("proposeEnding", new ProposeEndingListener());
    Mocks.register("recordExaminationDecision", new RecordExaminationDecisionListener());
    Mocks.register("offerEndingResponses", new OfferEndingResponsesListener());
    Mocks.register("settleEnding", new SettleEndingListener());
    people(engine.getIdentityService());
  }

  /** The demo people that matter here, plus a second department and a user in no group. */
  static void people(IdentityService identity) {
    TestIdentity.cityGroups(identity);
    TestIdentity.user(identity, "hikari", KyodoGroups.PARTNERS, "org-hikari");
    TestIdentity.user(identity, "midori", KyodoGroups.PARTNERS, "org-midori");
    TestIdentity.user(identity, "suzuki", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    // 福祉課 has a second clerk: the check sheet names a main and a deputy (旭川 Q57).
    TestIdentity.person(identity, "yamamoto", "山本", "さくら", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.user(identity, "yamada", KyodoGroups.DEPARTMENTS, "dept-kankyo");
    TestIdentity.user(identity, "tanaka", KyodoGroups.COORDINATORS);
    TestIdentity.user(identity, "nobody");
    TestIdentity.user(identity, "twohats", KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS, "org-hikari", "dept-fukushi");
    TestIdentity.user(identity, "lonely", KyodoGroups.PARTNERS);
  }

  /** Deploys the examination models under the application's resource names; returns the deployment id. */
  public String deploy() {
    return TestIdentity.deploy(engine, "examination-test", RESOURCES);
  }

  public static Map<String, Object> proposal() {
    Map<String, Object> values = new HashMap<>();
    values.put(TITLE.name(), "高齢者の見守りと居場所づくり");
    values.put(ISSUE.name(), "独居高齢者が地域で孤立している");
    values.put(CONTENT.name(), "週1回の見守り訪問と月2回のサロン");
    values.put(EXPECTED_EFFECT.name(), "孤立の解消と早期の見守り");
    values.put(PROPOSED_BUDGET.name(), 500000);
    return values;
  }

  public static Map<String, Object> intake(String department) {
    Map<String, Object> values = new HashMap<>();
    values.put(DEPARTMENT_GROUP.name(), department);
    values.put(INTAKE_NOTE.name(), "福祉課で検討してください");
    return values;
  }

  /** suzuki and yamamoto of 福祉課 carry it; eligible, domain ③ (equal cooperation), recommended form: joint project. */
  public static Map<String, Object> checkSheet() {
    Map<String, Object> values = new HashMap<>();
    values.put(MAIN_STAFF.name(), "suzuki");
    values.put(DEPUTY_STAFF.name(), "yamamoto");
    values.put(VOLUNTARY_PUBLIC_INTEREST.name(), true);
    values.put(NOT_FOR_PROFIT.name(), true);
    values.put(NOT_POLITICAL_OR_RELIGIOUS.name(), true);
    values.put(NOT_AGAINST_PUBLIC_ORDER.name(), true);
    values.put(EXERCISES_PUBLIC_AUTHORITY.name(), false);
    values.put(PRIVATE_OR_VALUE_PROMOTING.name(), false);
    values.put(LEADERSHIP.name(), "EQUAL");
    values.put(COLLABORATION_MERITS.name(), SpinValues.jsonValue("[\"LOCAL_NEEDS\",\"FINE_GRAINED\"]").create());
    values.put(CITY_FUNDING.name(), false);
    values.put(EVENT_BASED.name(), false);
    values.put(JOINT_BODY.name(), false);
    values.put(PUBLIC_FACILITY.name(), false);
    return values;
  }

  public static Map<String, Object> assessment() {
    Map<String, Object> values = new HashMap<>();
    values.put(NECESSITY.name(), 4);
    values.put(PUBLIC_BENEFIT.name(), 5);
    values.put(URGENCY.name(), 3);
    values.put(FEASIBILITY.name(), 4);
    values.put(COST_EFFECTIVENESS.name(), 4);
    values.put(COST_ESTIMATE.name(), 1_200_000);
    values.put(COST_SHARING.name(), "会場費は市、講師謝礼は団体");
    values.put(REPORTING_ARRANGEMENTS.name(), "四半期ごとに実施報告書、年度末に評価シート");
    values.put(CHOSEN_FORM.name(), "JOINT_PROJECT");
    values.put(CALENDAR_PATTERN.name(), "NEXT_YEAR");
    values.put(PLANNED_FISCAL_YEAR.name(), (int) CityCalendar.currentFiscalYear() + 1);
    values.put(CITY_ALONE_URGENT.name(), false);
    return values;
  }

  public static Map<String, Object> review(String decision, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put(REVIEW_DECISION.name(), decision);
    if (comment != null) {
      values.put(REVIEW_COMMENT.name(), comment);
    }
    return values;
  }

  /** The office's answer to an end the department's examination found. */
  public static Map<String, Object> endingConfirmation(String decision, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(ENDING_DECISION.name(), decision);
    if (reason != null) {
      values.put(ENDING_REASON.name(), reason);
    }
    return values;
  }

  /** The proposer's answer to an end the office confirmed. */
  public static Map<String, Object> endingResponse(String response, String comment) {
    Map<String, Object> values = new HashMap<>();
    values.put(ENDING_RESPONSE.name(), response);
    if (comment != null) {
      values.put(ENDING_COMMENT.name(), comment);
    }
    return values;
  }

  public static Map<String, Object> with(Map<String, Object> values, Object... keysAndValues) {
    return TestDesk.with(values, keysAndValues);
  }

  public ProcessInstance start(String userId, Map<String, Object> values) {
    return new TestDesk(engine).start(KEY, userId, values);
  }

  /** Completes the one open task with that key as the given user, through the form service. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    new TestDesk(engine).complete(instance, taskKey, userId, values);
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return new TestDesk(engine).task(instance, taskKey);
  }

  /** A citizen proposal from hikari, taken in by the office and assigned to 福祉課. */
  public ProcessInstance citizenProposalAtCheckSheet() {
    ProcessInstance instance = start("hikari", proposal());
    complete(instance, Elements.INTAKE, "tanaka", intake("dept-fukushi"));
    return instance;
  }

  /** A proposal that reaches the coordinator's review. */
  public ProcessInstance atReview() {
    ProcessInstance instance = citizenProposalAtCheckSheet();
    complete(instance, Elements.CHECK_SHEET, "suzuki", checkSheet());
    complete(instance, Elements.ASSESS, "suzuki", assessment());
    return instance;
  }


  /**
   * The staff the check sheet offers (what {@code offerStaff} puts on the task) and the department they belong to,
   * for a process that shows the form without ①'s listeners: 福祉課's suzuki and yamamoto, created if missing.
   */
  public static Map<String, Object> staffOffered(IdentityService identity) {
    people(identity);
    Map<String, Object> values = new java.util.HashMap<>();
    values.put("departmentGroup", "dept-fukushi");
    values.put("staffOptions", jp.kyodo.forms.Options.json(java.util.Map.of("suzuki", "鈴木 一郎 (suzuki)",
        "yamamoto", "山本 さくら (yamamoto)")));
    return values;
  }
}
