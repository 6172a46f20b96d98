package jp.kyodo.agreement;

import jp.kyodo.support.TestDesk;
import jp.kyodo.support.TestIdentity;
import static jp.kyodo.agreement.AgreementProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.project.SelectionResultRepository;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.OrganisationType;
import jp.kyodo.registry.PartnerFixation;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives ③ 協定・契約 the way Tasklist does (forms submitted by logged-in people, numbers untyped),
 * on the process-test engine with Kyodo's tables migrated into its database. The clock stands on
 * 2026-03-15 (fiscal year 2025); the agreement is for fiscal year 2026.
 */
public final class AgreementScenario {

  public static final Instant NOW = Instant.parse("2026-03-15T01:00:00Z");
  public static final long YEAR = 2026;

  public static final String[] RESOURCES = {
      RESOURCE,
      "processes/payment-terms.dmn",
      "forms/agreement-start.form",
      "forms/agreement-parties.form",
      "forms/agreement-draft.form",
      "forms/agreement-partner-confirmation.form",
      "forms/agreement-partner-proposal.form",
      "forms/agreement-proposal-answer.form",
      "forms/agreement-department-confirmation.form",
      "forms/agreement-approval.form",
      "forms/agreement-exchange.form"};

  /** The test engine's in-memory database lives as long as the JVM: migrated once. */
  private static boolean migrated;

  public final ProcessEngine engine;
  public final JdbcTemplate jdbc;
  public final AgreementRepository agreements;
  public final OrganisationRepository registry;
  public final SelectionResultRepository selections;
  public final AgreementDocument document = new AgreementDocument();

  public AgreementScenario(ProcessEngine engine) {
    this.engine = engine;
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    if (!migrated) {
      Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
      migrated = true;
    }
    jdbc = new JdbcTemplate(dataSource);
    clearTables(jdbc);
    agreements = new AgreementRepository(jdbc);
    registry = new OrganisationRepository(jdbc);
    ClockUtil.setCurrentTime(Date.from(NOW));
    people(engine.getIdentityService());
    for (String[] org : List.of(new String[] {"org-hikari", "NPO法人ひかり", "hikari"}, new String[] {"org-midori", "みどり町内会", "midori"})) {
      if (registry.find(org[0]).isEmpty()) {
        registry.insert(new Organisation(org[0], org[1], OrganisationType.NPO_CORPORATION, "代表者", "a@example.jp", null, null,
            List.of("WELFARE"), "実績", "収支", RegistrationStatus.REGISTERED, "登録", "admin", NOW, List.of(org[2])));
      }
    }
    selections = new SelectionResultRepository(jdbc);
    Mocks.register("resolveAgreementParties", new ResolveAgreementPartiesDelegate(registry, agreements, selections,
        new PartnerFixation(registry, FIXATION_YEARS)));
    Mocks.register("prepareAgreementDraft", new PrepareAgreementDraftDelegate(selections));
    Mocks.register("recordAgreementParties", new RecordAgreementPartiesListener());
    Mocks.register("checkAgreementDraft", new CheckAgreementDraftListener());
    Mocks.register("recordAgreementDecision", new RecordAgreementDecisionListener());
    Mocks.register("recordPartnerProposal", new RecordPartnerProposalListener());
    Mocks.register("recordProposalAnswer", new RecordProposalAnswerListener());
    Mocks.register("recordAgreement", new RecordAgreementDelegate(agreements, registry));
    Mocks.register("generateAgreementDocument", new GenerateAgreementDocumentDelegate(agreements, document));
    Mocks.register("recordAgreementSigned", new RecordAgreementSignedListener(agreements));
    Mocks.register("recordAgreementOutcome", new RecordAgreementOutcomeListener());
  }

  /** Kyodo's own rows of the phases ③ and ④, children first; the registry stays. */
  public static void clearTables(JdbcTemplate jdbc) {
    for (String table : List.of("kyodo_execution_goal_result", "kyodo_execution_report", "kyodo_execution_payment",
        "kyodo_execution_issue", "kyodo_execution_plan_change", "kyodo_execution_handover", "kyodo_execution",
        "kyodo_agreement_document", "kyodo_agreement_instalment", "kyodo_agreement_decision", "kyodo_agreement_budget_line",
        "kyodo_agreement_role",
        "kyodo_agreement_goal", "kyodo_agreement", "kyodo_number_series")) {
      if (tableExists(jdbc, table)) {
        jdbc.update("DELETE FROM " + table);
      }
    }
    jdbc.update("DELETE FROM kyodo_partnership");
    // The selections this scenario wrote into ②'s tables (numbers SELECTION_PREFIX…); ②'s own tests keep theirs.
    String mine = SELECTION_PREFIX + "%";
    jdbc.update("DELETE FROM kyodo_application WHERE call_number IN (SELECT call_number FROM kyodo_call"
        + " WHERE selection_number LIKE ?)", mine);
    jdbc.update("DELETE FROM kyodo_call WHERE selection_number LIKE ?", mine);
    jdbc.update("DELETE FROM kyodo_selection WHERE selection_number LIKE ?", mine);
  }

  /** Numbers of the selections this scenario writes, apart from those ② numbers itself ({@code 2026-S001}). */
  public static final String SELECTION_PREFIX = "T3-";
  /** The partner-fixation limit of the tests (kyodo.partner-fixation.years' default). */
  public static final int FIXATION_YEARS = 3;

  private int selectionCount = 0;

  /**
   * Starts ③ on its own as a clerk does after ② chose {@code organisation} by a public call for the start values'
   * project and year: the selection is written into ②'s tables first and named in the start form.
   */
  public ProcessInstance startSelected(String userId, Map<String, Object> values, String organisation) {
    String selection = selection("AUTO-" + (++selectionCount), (String) values.get(PROJECT_NUMBER.name()), "PUBLIC_CALL",
        "SELECTED", organisation, ((Number) values.getOrDefault(FISCAL_YEAR.name(), YEAR)).intValue());
    return start(userId, with(values, SELECTION_NUMBER.name(), selection));
  }

  /** The staff a clerk chooses once the partner is known. */
  public static Map<String, Object> staff(String main, String deputy) {
    return new HashMap<>(Map.of(MAIN_STAFF.name(), main, DEPUTY_STAFF.name(), deputy));
  }

  /**
   * A decided selection of ② as its tables keep it, for fiscal year 2026 and 福祉課: {@code method} PUBLIC_CALL (with a
   * call and the organisation's winning application) or SOLE_SOURCE, {@code outcome} SELECTED or another. Returns its
   * number.
   */
  public String selection(String number, String projectNumber, String method, String outcome, String organisation) {
    return selection(number, projectNumber, method, outcome, organisation, (int) YEAR);
  }

  public String selection(String number, String projectNumber, String method, String outcome, String organisation,
      int fiscalYear) {
    String selectionNumber = SELECTION_PREFIX + number;
    java.sql.Timestamp at = java.sql.Timestamp.from(NOW);
    jdbc.update("INSERT INTO kyodo_selection (selection_number, process_instance_id, project_number, project_title,"
        + " department_group, fiscal_year, method, outcome, organisation_id, reason, decided_by, decided_at, created_at)"
        + " VALUES (?, ?, ?, ?, 'dept-fukushi', ?, ?, ?, ?, '提案が最も優れている', 'sato', ?, ?)", selectionNumber,
        "selection-" + selectionNumber, projectNumber, "高齢者の見守りと居場所づくり", fiscalYear, method, outcome,
        "SELECTED".equals(outcome) ? organisation : null, at, at);
    if ("PUBLIC_CALL".equals(method)) {
      String call = selectionNumber + "-K1";
      jdbc.update("INSERT INTO kyodo_call (call_number, selection_number, purpose, eligibility, criteria_json, deadline_at,"
          + " quorum, reviewers, status, published_by, published_at) VALUES (?, ?, '見守りの担い手', '登録団体',"
          + " '[{\"label\":\"実現性\",\"weight\":100}]', ?, 1, 'ito', 'DECIDED', 'tanaka', ?)", call, selectionNumber, at, at);
      jdbc.update("INSERT INTO kyodo_application (application_id, call_number, organisation_id, process_instance_id,"
          + " submitted_by, submitted_at, proposal_title, proposal, budget_plan, eligible, result) VALUES (?, ?, ?, 'app',"
          + " 'hikari', ?, '見守り隊とサロン', ?, ?, TRUE, ?)", call + "-A01", call, organisation, at, PROPOSED_PLAN_TEXT,
          PROPOSED_BUDGET_TEXT, "SELECTED".equals(outcome) ? "SELECTED" : "NOT_SELECTED");
    }
    return selectionNumber;
  }

  public static final String PROPOSED_PLAN_TEXT = "訪問員10名で独居高齢者を週1回訪問し、月2回サロンを開く。市は会場と名簿を用意する。";
  public static final String PROPOSED_BUDGET_TEXT = "謝礼60万円、消耗品20万円（市の負担金で賄う）、交通費10万円（会費）";

  static boolean tableExists(JdbcTemplate jdbc, String table) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = ?",
        Integer.class, table);
    return n != null && n > 0;
  }

  public static void people(IdentityService identity) {
    TestIdentity.cityGroups(identity);
    TestIdentity.person(identity, "hikari", "光", "陽子", KyodoGroups.PARTNERS, "org-hikari");
    TestIdentity.person(identity, "midori", "緑川", "翔", KyodoGroups.PARTNERS, "org-midori");
    TestIdentity.person(identity, "suzuki", "鈴木", "一郎", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.person(identity, "yamamoto", "山本", "さくら", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.person(identity, "kobayashi", "小林", "大輔", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.person(identity, "yamada", "山田", "花", KyodoGroups.DEPARTMENTS, "dept-kankyo");
    TestIdentity.person(identity, "sato", "佐藤", "健", KyodoGroups.MANAGERS);
    TestIdentity.person(identity, "tanaka", "田中", "花子", KyodoGroups.COORDINATORS);
    TestIdentity.person(identity, "nobody", null, null);
  }

  public String deploy() {
    return TestIdentity.deploy(engine, "agreement-test", RESOURCES);
  }

  public static Map<String, Object> start() {
    Map<String, Object> values = new HashMap<>();
    values.put(TITLE.name(), "高齢者の見守りと居場所づくり");
    values.put(PROJECT_NUMBER.name(), "2026-001");
    values.put(CHOSEN_FORM.name(), "JOINT_PROJECT");
    values.put(FISCAL_YEAR.name(), (int) YEAR);
    values.put(COST_ESTIMATE.name(), 1_200_000);
    return values;
  }

  public static Map<String, Object> parties(String partner, String main, String deputy) {
    Map<String, Object> values = new HashMap<>();
    values.put(CHOSEN_PARTNER_GROUP.name(), partner);
    values.put(MAIN_STAFF.name(), main);
    values.put(DEPUTY_STAFF.name(), deputy);
    return values;
  }

  /**
   * A joint project with a burden charge paid partly in advance: 800,000 yen paid to the partner
   * (300,000 in advance), 150,000 spent by the city directly, 100,000 borne by the partner.
   */
  public static Map<String, Object> draft() {
    Map<String, Object> v = new HashMap<>();
    v.put(PURPOSE.name(), "独居高齢者の孤立を防ぎ、地域で見守る仕組みをつくる");
    v.put(WORK_PLAN.name(), "訪問員が独居高齢者を訪ね、月2回サロンを開く。市は会場と名簿を用意する。");
    v.put(GOAL_TEXT.get(0).name(), "独居高齢者の見守り訪問");
    v.put(GOAL_INDICATOR.get(0).name(), "訪問 延べ400件");
    v.put(GOAL_DUE.get(0).name(), "2027-03-31");
    v.put(GOAL_TEXT.get(1).name(), "地域サロンの開催");
    v.put(GOAL_INDICATOR.get(1).name(), "月2回・参加者 月30人");
    v.put(GOAL_DUE.get(1).name(), "2026-12-31");
    v.put(ROLE_TASK.get(0).name(), "訪問とサロンの運営");
    v.put(ROLE_PARTY.get(0).name(), "PARTNER");
    v.put(ROLE_TASK.get(1).name(), "会場の確保と広報");
    v.put(ROLE_PARTY.get(1).name(), "CITY");
    v.put(ROLE_TASK.get(2).name(), "対象者名簿の整備");
    v.put(ROLE_PARTY.get(2).name(), "BOTH");
    v.put(BUDGET_ITEM.get(0).name(), "訪問員の謝礼");
    v.put(BUDGET_AMOUNT.get(0).name(), 600_000);
    v.put(BUDGET_BEARER.get(0).name(), "CITY_PAYMENT");
    v.put(BUDGET_ITEM.get(1).name(), "サロンの消耗品");
    v.put(BUDGET_AMOUNT.get(1).name(), 200_000);
    v.put(BUDGET_BEARER.get(1).name(), "CITY_PAYMENT");
    v.put(BUDGET_ITEM.get(2).name(), "会場使用料");
    v.put(BUDGET_AMOUNT.get(2).name(), 150_000);
    v.put(BUDGET_BEARER.get(2).name(), "CITY_DIRECT");
    v.put(BUDGET_ITEM.get(3).name(), "団体の交通費");
    v.put(BUDGET_AMOUNT.get(3).name(), 100_000);
    v.put(BUDGET_BEARER.get(3).name(), "PARTNER");
    v.put(INCOME_OWN_FUNDS.name(), 40_000);
    v.put(INCOME_FEES.name(), 60_000);
    v.put(INCOME_OTHER.name(), 0);
    v.put(PAYMENT_TYPE.name(), "BURDEN_CHARGE");
    v.put(PAYMENT_TIMING.name(), "PARTIAL_ADVANCE");
    v.put(ADVANCE_AMOUNT.name(), 300_000);
    v.put(TERM_START.name(), "2026-04-01");
    v.put(TERM_END.name(), "2027-03-31");
    v.put(REPORT_RHYTHM.name(), "QUARTERLY");
    v.put(CLAUSE_CONFIDENTIALITY.name(), "乙は事業で知り得た個人情報を第三者に漏らさない。");
    v.put(CLAUSE_SURPLUS.name(), "負担金の剰余は甲に返還する。");
    v.put(CLAUSE_RESULTS.name(), "成果は甲乙双方が公表できる。");
    v.put(CLAUSE_TROUBLE.name(), "トラブル時は速やかに連絡し、双方協力して解決する。");
    return v;
  }

  public static Map<String, Object> with(Map<String, Object> values, Object... keysAndValues) {
    return TestDesk.with(values, keysAndValues);
  }

  public ProcessInstance start(String userId, Map<String, Object> values) {
    return new TestDesk(engine).start(KEY, userId, values);
  }

  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    new TestDesk(engine).complete(instance, taskKey, userId, values);
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return new TestDesk(engine).task(instance, taskKey);
  }

  /** The document job, as the job executor would run it. */
  public void runDocumentJob(ProcessInstance instance) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  /** From the start form to the manager's approval and the generated document: waiting at the exchange. */
  public ProcessInstance approved() {
    ProcessInstance instance = atDraft();
    complete(instance, Elements.DRAFT, "suzuki", draft());
    complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    runDocumentJob(instance);
    return instance;
  }

  /** Started by suzuki after ② chose hikari, suzuki main and yamamoto deputy: waiting at the draft. */
  public ProcessInstance atDraft() {
    ProcessInstance instance = startSelected("suzuki", start(), "org-hikari");
    complete(instance, Elements.ASSIGN_PARTIES, "suzuki", staff("suzuki", "yamamoto"));
    return instance;
  }

  /** A concluded agreement (signed on 2026-04-01, the clock moved there); returns its number. */
  public String concluded() {
    return concluded(start(), draft());
  }

  /** An agreement of these start and draft values, concluded on 2026-04-01 (the clock moved there). */
  public String concluded(Map<String, Object> startValues, Map<String, Object> draftValues) {
    ProcessInstance instance = startSelected("suzuki", startValues, "org-hikari");
    complete(instance, Elements.ASSIGN_PARTIES, "suzuki", staff("suzuki", "yamamoto"));
    complete(instance, Elements.DRAFT, "suzuki", draftValues);
    complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    runDocumentJob(instance);
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T01:00:00Z")));
    complete(instance, Elements.EXCHANGE, "suzuki", Map.of(SIGNED_ON.name(), "2026-04-01"));
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(AGREEMENT_NUMBER.name()).singleResult().getValue();
  }

  public <T> T as(String userId, java.util.function.Supplier<T> action) {
    return new TestDesk(engine).as(userId, action);
  }
}
