package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;
import static jp.kyodo.agreement.AgreementScenario.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kyodo.agreement.AgreementProcess.Elements;
import jp.kyodo.agreement.AgreementProcess.FormIds;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.variables.ListVar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of ③ 協定・契約, driven through the forms as Tasklist submits them. */
class AgreementProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  AgreementScenario scenario;
  String deploymentId;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new AgreementScenario(engine);
    deploymentId = scenario.deploy();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  static org.assertj.core.api.AbstractStringAssert<?> assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return org.assertj.core.api.Assertions.assertThat(input.getMessage());
      }
    }
    throw new AssertionError("expected the input to be refused, got " + thrown, thrown);
  }

  /** A variable of the running instance, typed as the process class declares it. */
  @SuppressWarnings("unchecked")
  <T> T variable(ProcessInstance instance, jp.kyodo.variables.Var<T> variable) {
    return (T) engine.getRuntimeService().getVariable(instance.getId(), variable.name());
  }

  /** A variable of an ended instance, as its history keeps it. */
  Object historic(ProcessInstance instance, jp.kyodo.variables.Var<?> variable) {
    var found = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(variable.name()).singleResult();
    return found == null ? null : found.getValue();
  }

  String variablesOf(ProcessInstance instance) {
    return new TreeMap<>(engine.getRuntimeService().getVariables(instance.getId())).toString();
  }

  void assertRefusedAndUnchanged(ProcessInstance instance, String taskKey, String user, Map<String, Object> values,
      String message) {
    String taskId = scenario.task(instance, taskKey).getId();
    String before = variablesOf(instance);
    assertRefused(() -> scenario.complete(instance, taskKey, user, values)).contains(message);
    org.assertj.core.api.Assertions.assertThat(scenario.task(instance, taskKey).getId()).isEqualTo(taskId);
    org.assertj.core.api.Assertions.assertThat(variablesOf(instance)).isEqualTo(before);
  }

  /**
   * Started on its own, ③ takes the partner ② chose for the project's year (found by the project number when the
   * clerk names no selection); the clerk chooses the two staff and cannot change the partner.
   */
  @Test
  void startedOnItsOwnItTakesThePartnerTheSelectionChose() {
    String selection = scenario.selection("2026-S010", "2026-001", "PUBLIC_CALL", "SELECTED", "org-hikari");
    ProcessInstance instance = scenario.start("suzuki", start());

    assertThat(instance).isWaitingAt(Elements.ASSIGN_PARTIES).hasPassed(Elements.RESOLVE_PARTIES, Elements.PREPARE_DRAFT);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
    assertThat(instance).variables().containsEntry(DEPARTMENT_GROUP.name(), "dept-fukushi")
        .containsEntry(DEPARTMENT_NAME.name(), "福祉課").containsEntry(PARTNER_CHOSEN.name(), true)
        .containsEntry(PARTNER_GROUP.name(), "org-hikari").containsEntry(PARTNER_NAME.name(), "NPO法人ひかり")
        .containsEntry(SELECTION_NUMBER.name(), selection).containsEntry(WORK_PLAN.name(), PROPOSED_PLAN_TEXT);
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), STAFF_OPTIONS).toString())
        .contains("suzuki", "鈴木 一郎 (suzuki)", "yamamoto").doesNotContain("yamada");
    assertRefusedAndUnchanged(instance, Elements.ASSIGN_PARTIES, "suzuki", parties("org-midori", "yamamoto", "suzuki"),
        "既に決まっている場合は変えられません");

    scenario.complete(instance, Elements.ASSIGN_PARTIES, "suzuki", AgreementScenario.staff("yamamoto", "suzuki"));

    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(task()).isAssignedTo("yamamoto");
    org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("dept-fukushi")
        .includeAssignedTasks().taskDefinitionKey(Elements.DRAFT).count()).as("the deputy can take it over").isEqualTo(1);
    assertThat(instance).variables().containsEntry(PARTNER_GROUP.name(), "org-hikari")
        .containsEntry(MAIN_STAFF_NAME.name(), "山本 さくら (yamamoto)");
  }

  /**
   * No way around ②: without a selection that chose a partner for the department's project and year — a public call
   * decided, or a sole source a manager approved — ③ does not start on its own, and nothing is left behind.
   */
  @Test
  void startedOnItsOwnWithoutADecidedSelectionItIsRefused() {
    assertRefused(() -> scenario.start("suzuki", start())).contains("事業番号「2026-001」の2026年度に、協働パートナーを決めた選定はありません",
        "② パートナーの選定で協働パートナーが決まってから");
    assertRefused(() -> scenario.start("suzuki", with(start(), PROJECT_NUMBER.name(), null)))
        .contains("「選定番号」を入力してください");
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), "2026-S999")))
        .contains("選定番号「2026-S999」の選定はありません");
    String running = scenario.selection("2026-S020", "2026-001", null, null, null);
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), running)))
        .contains("協働パートナーが決まっていません");
    String withoutPartner = scenario.selection("2026-S021", "2026-001", "PUBLIC_CALL", "WITHOUT_COLLABORATION", "org-hikari");
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), withoutPartner)))
        .contains("協働パートナーが決まっていません");
    String otherYear = scenario.selection("2027-S001", "2026-001", "PUBLIC_CALL", "SELECTED", "org-hikari", 2027);
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), otherYear)))
        .contains("2027年度の選定です");
    String otherProject = scenario.selection("2026-S022", "2026-005", "SOLE_SOURCE", "SELECTED", "org-hikari");
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), otherProject)))
        .contains("事業番号「2026-005」の選定です");
    String selected = scenario.selection("2026-S023", "2026-001", "SOLE_SOURCE", "SELECTED", "org-hikari");
    assertRefused(() -> scenario.start("yamada", with(start(), SELECTION_NUMBER.name(), selected)))
        .contains("は 環境政策課 の選定ではありません");
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .count()).isZero();
  }

  /**
   * 千葉県 協働推進マニュアル ②: a sole source to an organisation that held the department's work the limit of years in a
   * row is refused on this path too; a public call is how such a partner is chosen again.
   */
  @Test
  void aSoleSourceToAPartnerHeldTooLongIsRefusedOnItsOwnPathToo() {
    for (int year = 2023; year <= 2025; year++) {
      scenario.registry.recordPartnership(new jp.kyodo.registry.Partnership("org-hikari", "dept-fukushi", "2026-001",
          "高齢者の見守りと居場所づくり", year, null));
    }
    String soleSource = scenario.selection("2026-S030", "2026-001", "SOLE_SOURCE", "SELECTED", "org-hikari");
    assertRefused(() -> scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), soleSource)))
        .contains("NPO法人ひかりはこの課の協働事業を3年度続けて担っている", "千葉県 協働推進マニュアル ②");

    String publicCall = scenario.selection("2026-S031", "2026-001", "PUBLIC_CALL", "SELECTED", "org-hikari");
    ProcessInstance instance = scenario.start("suzuki", with(start(), SELECTION_NUMBER.name(), publicCall));
    assertThat(instance).isWaitingAt(Elements.ASSIGN_PARTIES);
  }

  @Test
  void draftedAgreedByBothSidesApprovedDocumentedAndSigned() throws Exception {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());

    assertThat(instance).isWaitingAt(Elements.PARTNER_CONFIRMS);
    assertThat(task()).hasCandidateGroup("org-hikari");
    assertThat(instance).variables().containsEntry(PAYMENT_AMOUNT.name(), 800_000L)
        .containsEntry(ADVANCE_AMOUNT.name(), 300_000L).containsEntry(FINAL_AMOUNT.name(), 500_000L)
        .containsEntry(EXPENDITURE_TOTAL.name(), 1_050_000L);
    org.assertj.core.api.Assertions.assertThat((String) engine.getRuntimeService().getVariable(instance.getId(),
        PAYMENT_TERMS_NOTE.name())).contains("負担金は前金払いができます");

    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    assertThat(instance).isWaitingAt(Elements.DEPARTMENT_CONFIRMS);
    assertThat(task()).hasCandidateGroup("dept-fukushi");
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    assertThat(instance).isWaitingAt(Elements.APPROVE);
    assertThat(task()).hasCandidateGroup("managers");
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE", APPROVAL_COMMENT.name(), "適正"));

    assertThat(instance).isWaitingAt(Elements.GENERATE_DOCUMENT).hasPassed(Elements.RECORD);
    String number = (String) engine.getRuntimeService().getVariable(instance.getId(), AGREEMENT_NUMBER.name());
    org.assertj.core.api.Assertions.assertThat(number).isEqualTo("2026-fukushi-001");
    Agreement agreement = scenario.agreements.find(number).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(agreement.goals()).extracting(Agreement.Goal::id).containsExactly("G1", "G2");
    org.assertj.core.api.Assertions.assertThat(agreement.roles()).hasSize(3);
    org.assertj.core.api.Assertions.assertThat(agreement.budget()).hasSize(4);
    org.assertj.core.api.Assertions.assertThat(agreement.payment()).isEqualTo(new Agreement.PaymentPlan("BURDEN_CHARGE",
        "PARTIAL_ADVANCE", 800_000, 300_000, 500_000, agreement.payment().note(), null, List.of(
            new Agreement.Instalment(1, "ADVANCE", java.time.LocalDate.parse("2026-04-01"), 300_000),
            new Agreement.Instalment(2, "AFTER_COMPLETION", java.time.LocalDate.parse("2027-03-31"), 500_000))));
    org.assertj.core.api.Assertions.assertThat(agreement.decisions()).extracting(d -> d.decision().decidedBy())
        .containsExactly("hikari", "yamamoto", "sato");
    org.assertj.core.api.Assertions.assertThat(agreement.approvedBy()).isEqualTo("sato");
    org.assertj.core.api.Assertions.assertThat(scenario.agreements.document(number)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(scenario.registry.yearsHeld("org-hikari", "dept-fukushi")).containsExactly(2026);

    scenario.runDocumentJob(instance);

    assertThat(instance).isWaitingAt(Elements.EXCHANGE);
    assertThat(task()).isAssignedTo("suzuki");
    assertThat(instance).variables().containsEntry(DOCUMENT_URL.name(), "/documents/agreements/2026-fukushi-001");
    byte[] pdf = scenario.agreements.document(number).orElseThrow().content();
    String text;
    try (var document = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(document);
    }
    org.assertj.core.api.Assertions.assertThat(text).contains("協働事業に関する協定書", "2026-fukushi-001", "NPO法人ひかり",
        "福祉課", "独居高齢者の見守り訪問", "訪問 延べ400件", "会場の確保と広報", "800,000円", "300,000円", "2026年4月1日から2027年3月31日まで",
        "四半期（3か月）ごと", "守秘義務・個人情報の取扱い", "個人情報を第三者に漏らさない", "剰余金・利益の取扱い", "成果の帰属と公表",
        "事業の失敗・トラブル時の対応", "負担金（協定に基づく）");

    scenario.complete(instance, Elements.EXCHANGE, "suzuki", Map.of(SIGNED_ON.name(), "2026-03-15"));
    assertThat(instance).isEnded().hasPassed(Elements.END_CONCLUDED);
    org.assertj.core.api.Assertions.assertThat(historic(instance, AGREEMENT_OUTCOME)).isEqualTo("SIGNED");
    Agreement concluded = scenario.agreements.find(number).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(concluded.status()).isEqualTo(Agreement.CONCLUDED);
    org.assertj.core.api.Assertions.assertThat(concluded.signedOn()).hasToString("2026-03-15");
  }

  @Test
  void changesRequestedByTheDepartmentOrTheManagerGoBackToDrafting() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto",
        Map.of(DEPARTMENT_DECISION.name(), "REQUEST_CHANGES", DEPARTMENT_COMMENT.name(), "広報の役割を団体にも"));
    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(instance).variables().containsEntry(LAST_CHANGE_REQUEST.name(), "担当課（yamamoto）からの修正依頼: 広報の役割を団体にも");

    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), GOAL_INDICATOR.get(1).name(), "月3回"));
    assertThat(instance).variables().containsEntry(PARTNER_DECISION.name(), null).containsEntry(LAST_CHANGE_REQUEST.name(), null);
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato",
        Map.of(APPROVAL_DECISION.name(), "RETURN", APPROVAL_COMMENT.name(), "剰余金の条項を具体的に"));
    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(instance).variables().containsEntry(LAST_CHANGE_REQUEST.name(), "決裁者（sato）からの修正依頼: 剰余金の条項を具体的に");

    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));

    String number = (String) engine.getRuntimeService().getVariable(instance.getId(), AGREEMENT_NUMBER.name());
    org.assertj.core.api.Assertions.assertThat(scenario.agreements.find(number).orElseThrow().decisions())
        .extracting(d -> d.step() + ":" + d.decision().outcome() + ":" + d.decision().decidedBy())
        .containsExactly("PARTNER:AGREE:hikari", "DEPARTMENT:REQUEST_CHANGES:yamamoto",
            "PARTNER:AGREE:hikari", "DEPARTMENT:AGREE:yamamoto", "MANAGER:RETURN:sato", "PARTNER:AGREE:hikari",
            "DEPARTMENT:AGREE:yamamoto", "MANAGER:APPROVE:sato");
  }

  /** The partner rewrites the terms itself (旭川 Q51 協議・調整); the department takes its proposal as it is. */
  @Test
  void thePartnerProposesItsOwnTermsAndTheDepartmentAcceptsThem() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "PROPOSE_CHANGES"));
    assertThat(instance).isWaitingAt(Elements.PARTNER_PROPOSES);
    assertThat(task()).hasCandidateGroup("org-hikari");

    scenario.complete(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(ROLE_PARTY.get(2).name(), "PARTNER",
        BUDGET_AMOUNT.get(0).name(), 650_000, PARTNER_PROPOSAL_REASON.name(), "名簿は団体で整えられる。訪問員を1人増やしたい"));

    assertThat(instance).isWaitingAt(Elements.ANSWER_PROPOSAL);
    assertThat(task()).isAssignedTo("suzuki");
    org.assertj.core.api.Assertions.assertThat(variable(instance, PARTNER_PROPOSAL_SUMMARY)).isEqualTo(
        "役割3の担い手: 市と団体が共同で → 団体\n経費1の金額（円）: 600,000円 → 650,000円");
    assertThat(instance).variables().containsEntry(PAYMENT_AMOUNT.name(), 850_000L).containsEntry(FINAL_AMOUNT.name(), 550_000L);

    scenario.complete(instance, Elements.ANSWER_PROPOSAL, "suzuki", Map.of(PROPOSAL_ANSWER.name(), "ACCEPT"));
    assertThat(instance).isWaitingAt(Elements.DEPARTMENT_CONFIRMS);
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));

    Agreement agreement = scenario.agreements.find(variable(instance, AGREEMENT_NUMBER)).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(agreement.roles().get(2).party()).isEqualTo("PARTNER");
    org.assertj.core.api.Assertions.assertThat(agreement.payment().amount()).isEqualTo(850_000);
    org.assertj.core.api.Assertions.assertThat(agreement.decisions())
        .extracting(d -> d.step() + ":" + d.decision().outcome() + ":" + d.decision().decidedBy() + ":" + d.decision().reason())
        .containsExactly("PARTNER:PROPOSE_CHANGES:hikari:null",
            "PARTNER_PROPOSAL:PROPOSED:hikari:名簿は団体で整えられる。訪問員を1人増やしたい", "DEPARTMENT_ANSWER:ACCEPT:suzuki:null",
            "DEPARTMENT:AGREE:yamamoto:null", "MANAGER:APPROVE:sato:null");
    org.assertj.core.api.Assertions.assertThat(agreement.decisions().get(1).details())
        .isEqualTo("役割3の担い手: 市と団体が共同で → 団体\n経費1の金額（円）: 600,000円 → 650,000円");
  }

  /** Not accepted: the department's terms come back to the drafter, and the partner reads the answer next round. */
  @Test
  void theDepartmentAnswersAProposalAndItsOwnTermsComeBackToTheDrafter() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "PROPOSE_CHANGES"));
    scenario.complete(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(PAYMENT_TIMING.name(), "ADVANCE",
        PARTNER_PROPOSAL_REASON.name(), "会の資金が少ないので全額を前払いにしてほしい"));
    assertThat(instance).variables().containsEntry(ADVANCE_AMOUNT.name(), 800_000L);

    assertRefusedAndUnchanged(instance, Elements.ANSWER_PROPOSAL, "suzuki", Map.of(PROPOSAL_ANSWER.name(), "ANSWER"),
        "「団体への回答」を入力してください（受け入れずに回答する場合）");
    scenario.complete(instance, Elements.ANSWER_PROPOSAL, "suzuki", Map.of(PROPOSAL_ANSWER.name(), "ANSWER",
        PROPOSAL_ANSWER_COMMENT.name(), "前払いは30万円までです。残りは検査の後に払います"));

    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(instance).variables().containsEntry(PAYMENT_TIMING.name(), "PARTIAL_ADVANCE").containsEntry(ADVANCE_AMOUNT.name(), 300_000L);
    org.assertj.core.api.Assertions.assertThat(variable(instance, LAST_CHANGE_REQUEST)).contains(
        "団体の修正案に担当課（suzuki）が回答しました: 前払いは30万円までです", "会の資金が少ない",
        "支払の時期: 一部を前払いし、残額を事業完了・検査の後に支払う → 全額を前払いする（事業の開始時）");

    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    org.assertj.core.api.Assertions.assertThat(variable(instance, PROPOSAL_ANSWER_NOTE))
        .isEqualTo("前回の修正案への担当課（suzuki）の回答: 前払いは30万円までです。残りは検査の後に払います");
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    org.assertj.core.api.Assertions.assertThat(variable(instance, PROPOSAL_ANSWER_NOTE)).isNull();
    assertThat(instance).isWaitingAt(Elements.DEPARTMENT_CONFIRMS);
  }

  /**
   * The partner may decline to sign (its own will, 東久留米 II-4 自主性): with its reason, recorded in the decision log,
   * and the lifecycle learns it to choose again.
   */
  @Test
  void thePartnerDeclinesWithAReasonAndNoAgreementIsMade() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    assertRefusedAndUnchanged(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "DECLINE"),
        "「辞退する理由」を入力してください（辞退する場合）");

    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "DECLINE",
        PARTNER_DECLINE_REASON.name(), "担い手の会員が減り、今年度は引き受けられない"));

    assertThat(instance).isEnded().hasPassed(Elements.END_DECLINED).hasNotPassed(Elements.RECORD);
    org.assertj.core.api.Assertions.assertThat(historic(instance, AGREEMENT_OUTCOME)).isEqualTo("DECLINED");
    org.assertj.core.api.Assertions.assertThat(historic(instance, PARTNER_DECLINE_REASON))
        .isEqualTo("担い手の会員が減り、今年度は引き受けられない");
    org.assertj.core.api.Assertions.assertThat(historic(instance, PARTNER_DECLINED_BY)).isEqualTo("hikari");
    org.assertj.core.api.Assertions.assertThat(String.valueOf(historic(instance, jp.kyodo.variables.Var.string(DECISION_LOG))))
        .contains("\"step\":\"PARTNER\",\"decision\":\"DECLINE\",\"comment\":\"担い手の会員が減り、今年度は引き受けられない\"",
            "\"decidedBy\":\"hikari\"");
    org.assertj.core.api.Assertions.assertThat(scenario.agreements.existsForProjectYear("2026-001", (int) YEAR)).isFalse();
  }

  /** The changes read as the partner wrote them: each negotiable term is an input of the proposal form, by its label. */
  @Test
  void theNegotiableTermsAreTheProposalFormsInputsByTheirLabels() {
    var form = jp.kyodo.support.FormsOnDisk.spec(FormIds.PARTNER_PROPOSAL);
    for (AgreementTerms.Term term : AgreementTerms.NEGOTIABLE) {
      var field = form.fields().get(term.variable().name());
      org.assertj.core.api.Assertions.assertThat(field).as(term.variable().name()).isNotNull();
      org.assertj.core.api.Assertions.assertThat(field.kind()).as(term.variable().name())
          .isNotEqualTo(jp.kyodo.forms.FieldSpec.Kind.DISPLAY);
      org.assertj.core.api.Assertions.assertThat(field.label()).startsWith(term.label());
    }
  }

  /** A proposal is a draft the partner wrote: the draft's rules hold, and a refused one changes nothing. */
  @Test
  void aProposalBreakingTheDraftsRulesIsRefused() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "PROPOSE_CHANGES"));
    assertRefusedAndUnchanged(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(INCOME_FEES.name(), 0,
        PARTNER_PROPOSAL_REASON.name(), "参加費は取らない"), "収支計画が合っていません");
    assertRefusedAndUnchanged(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(ROLE_PARTY.get(1).name(), "PARTNER",
        ROLE_PARTY.get(2).name(), "PARTNER", PARTNER_PROPOSAL_REASON.name(), "全部団体で"), "市が担う役割と団体が担う役割");
    assertRefusedAndUnchanged(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(ROLE_PARTY.get(2).name(), "PARTNER"),
        "「修正を提案する理由」を入力してください");
  }

  @Test
  void calledWithTheProjectsPartiesItStartsAtTheDraft() {
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-midori",
        MAIN_STAFF.name(), "kobayashi", DEPUTY_STAFF.name(), "suzuki");
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);

    assertThat(instance).isWaitingAt(Elements.DRAFT).hasNotPassed(Elements.ASSIGN_PARTIES);
    assertThat(task()).isAssignedTo("kobayashi");
    assertThat(instance).variables().containsEntry(PARTNER_NAME.name(), "みどり町内会").containsEntry(PARTIES_KNOWN.name(), true)
        .containsEntry(DEPUTY_STAFF_NAME.name(), "鈴木 一郎 (suzuki)");
    org.assertj.core.api.Assertions.assertThat(variable(instance, DRAFT_BASIS)).contains("たたき台になる提案や役割分担の案はありません");
    org.assertj.core.api.Assertions.assertThat(variable(instance, WORK_PLAN)).isNull();
  }

  /** 旭川 Q51: the selected organisation's proposal is the base of the draft; the agreement keeps what was made of it. */
  @Test
  void calledAfterAPublicCallTheDraftStartsFromTheWinningApplication() {
    String selection = scenario.selection("2026-S001", "2026-001", "PUBLIC_CALL", "SELECTED", "org-hikari");
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-hikari",
        MAIN_STAFF.name(), "suzuki", DEPUTY_STAFF.name(), "yamamoto", SELECTION_NUMBER.name(), selection,
        ROLE_IDEA.name(), "市は会場、団体は訪問");
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);

    assertThat(instance).isWaitingAt(Elements.DRAFT).hasPassed(Elements.PREPARE_DRAFT);
    assertThat(instance).variables().containsEntry(WORK_PLAN.name(), PROPOSED_PLAN_TEXT)
        .containsEntry(PROPOSED_PLAN.name(), PROPOSED_PLAN_TEXT).containsEntry(PROPOSED_BUDGET_PLAN.name(), PROPOSED_BUDGET_TEXT);
    org.assertj.core.api.Assertions.assertThat(variable(instance, DRAFT_BASIS)).contains("公募（T3-2026-S001-K1）で選定された団体の提案「見守り隊とサロン」", "旭川 Q51");

    String agreed = PROPOSED_PLAN_TEXT + "サロンは公民館で開く。";
    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), WORK_PLAN.name(), agreed));
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    Agreement agreement = scenario.agreements.find(variable(instance, AGREEMENT_NUMBER)).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(agreement.workPlan()).isEqualTo(agreed);
    org.assertj.core.api.Assertions.assertThat(agreement.selectionNumber()).isEqualTo(selection);
  }

  /** A sole source has no application: ①'s idea of who does what is the base (旭川 Q51, Q45). */
  @Test
  void calledAfterASoleSourceTheDraftStartsFromTheRoleIdeaOfTheExamination() {
    String selection = scenario.selection("2026-S002", "2026-001", "SOLE_SOURCE", "SELECTED", "org-hikari");
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-hikari",
        MAIN_STAFF.name(), "suzuki", DEPUTY_STAFF.name(), "yamamoto", SELECTION_NUMBER.name(), selection,
        ROLE_IDEA.name(), "市は会場と名簿を用意し、団体は訪問とサロンを担う");
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);

    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(instance).variables().containsEntry(WORK_PLAN.name(), "市は会場と名簿を用意し、団体は訪問とサロンを担う")
        .doesNotContainKey(PROPOSED_PLAN.name());
    org.assertj.core.api.Assertions.assertThat(variable(instance, DRAFT_BASIS))
        .contains("特定の団体として選定した（選定 T3-2026-S002）", "① 事業の検討で出された役割分担の案");
  }

  /** A year continued with the same partner has no selection of its own: last year's proposal is not this year's base. */
  @Test
  void calledForAContinuedYearAnEarlierYearsSelectionIsNotTheBase() {
    String lastYear = scenario.selection("2025-S001", "2026-001", "PUBLIC_CALL", "SELECTED", "org-hikari", 2025);
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-hikari",
        MAIN_STAFF.name(), "suzuki", DEPUTY_STAFF.name(), "yamamoto", SELECTION_NUMBER.name(), lastYear,
        ROLE_IDEA.name(), "市は会場、団体は訪問");
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);

    assertThat(instance).variables().containsEntry(WORK_PLAN.name(), "市は会場、団体は訪問").containsEntry(SELECTION_NUMBER.name(), null)
        .doesNotContainKey(PROPOSED_PLAN.name());
  }

  @Test
  void aFixedPartnerCannotBeChangedWhileTheStaffAreChosen() {
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-midori");
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);
    assertThat(instance).isWaitingAt(Elements.ASSIGN_PARTIES);

    assertRefusedAndUnchanged(instance, Elements.ASSIGN_PARTIES, "suzuki", parties("org-hikari", "suzuki", "yamamoto"),
        "既に決まっている場合は変えられません");
    Map<String, Object> staffOnly = parties(null, "suzuki", "yamamoto");
    staffOnly.remove(CHOSEN_PARTNER_GROUP.name());
    scenario.complete(instance, Elements.ASSIGN_PARTIES, "suzuki", staffOnly);
    assertThat(instance).isWaitingAt(Elements.DRAFT);
    assertThat(instance).variables().containsEntry(PARTNER_GROUP.name(), "org-midori");
  }

  @Test
  void onlyADepartmentsClerkStartsAndOnlyOnceAProjectAndYear() {
    String selection = scenario.selection("2026-S040", null, "PUBLIC_CALL", "SELECTED", "org-hikari");
    Map<String, Object> selected = with(start(), SELECTION_NUMBER.name(), selection);
    assertRefused(() -> scenario.start("hikari", selected)).contains("一つの担当課に所属する職員");
    assertRefused(() -> scenario.start("nobody", selected)).contains("一つの担当課に所属する職員");
    assertRefused(() -> scenario.start("suzuki", with(selected, FISCAL_YEAR.name(), 2019))).contains("今年度から5年度先まで");
    assertRefused(() -> scenario.start("suzuki", with(selected, PROJECT_NUMBER.name(), "第1号"))).contains("半角英数字");
    assertRefused(() -> scenario.start("suzuki", with(selected, SELECTION_NUMBER.name(), "選定1号"))).contains("「選定番号（② パートナーの選定）」は半角英数字");
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();

    scenario.approved();
    assertRefused(() -> scenario.startSelected("suzuki", start(), "org-hikari")).contains("2026年度の協定は既にあります");
    scenario.startSelected("suzuki", with(start(), PROJECT_NUMBER.name(), "2026-002"), "org-hikari");

    // A selection chooses a partner for one year of one project: one agreement rests on it.
    ProcessInstance first = scenario.start("suzuki", with(selected, PROJECT_NUMBER.name(), "2026-003"));
    scenario.complete(first, Elements.ASSIGN_PARTIES, "suzuki", AgreementScenario.staff("suzuki", "yamamoto"));
    scenario.complete(first, Elements.DRAFT, "suzuki", draft());
    scenario.complete(first, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(first, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(first, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    assertRefused(() -> scenario.start("suzuki", with(selected, PROJECT_NUMBER.name(), "2026-004")))
        .contains("の選定による協定は既にあります（協定番号 2026-fukushi-");
  }

  @Test
  void theStaffAreTwoDifferentMembersOfTheDepartment() {
    ProcessInstance instance = scenario.startSelected("suzuki", start(), "org-hikari");
    assertRefusedAndUnchanged(instance, Elements.ASSIGN_PARTIES, "suzuki", AgreementScenario.staff("suzuki", "suzuki"),
        "主担当とは別の");
    assertRefusedAndUnchanged(instance, Elements.ASSIGN_PARTIES, "suzuki", AgreementScenario.staff("yamada", "suzuki"),
        "「主担当」に「yamada」という選択肢はありません");
  }

  /** Called before the partner is known, the department chooses it among the registered organisations (旭川 Q42). */
  @Test
  void calledWithoutAPartnerTheDepartmentChoosesARegisteredOrganisation() {
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY,
        with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi"));
    assertThat(instance).isWaitingAt(Elements.ASSIGN_PARTIES);
    assertThat(instance).variables().containsEntry(PARTNER_CHOSEN.name(), false);
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), PARTNER_OPTIONS).toString())
        .contains("org-hikari", "NPO法人ひかり", "org-midori");
    assertRefusedAndUnchanged(instance, Elements.ASSIGN_PARTIES, "suzuki", parties("dept-kankyo", "suzuki", "yamamoto"),
        "「協働パートナー（団体）」に「dept-kankyo」という選択肢はありません");
    scenario.complete(instance, Elements.ASSIGN_PARTIES, "suzuki", parties("org-midori", "suzuki", "yamamoto"));
    assertThat(instance).variables().containsEntry(PARTNER_GROUP.name(), "org-midori").containsEntry(PARTNER_NAME.name(), "みどり町内会");
  }

  /** Tasklist sends the shown but empty next slots (goal 3, role 4, cost 5) as empty text: they stay empty. */
  @Test
  void emptySlotsAsTasklistSendsThemAreNoGoalsRolesOrCosts() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), GOAL_TEXT.get(2).name(), "",
        ROLE_TASK.get(3).name(), " ", BUDGET_ITEM.get(4).name(), ""));

    assertThat(instance).isWaitingAt(Elements.PARTNER_CONFIRMS);
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), GOAL_TEXT.get(2).name())).isNull();
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), ROLE_TASK.get(3).name())).isNull();
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), BUDGET_ITEM.get(4).name())).isNull();
  }

  @Test
  void theDraftRefusesATermOutsideTheFiscalYearAndGoalsOutsideTheTerm() {
    ProcessInstance instance = scenario.atDraft();
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), TERM_END.name(), "2027-04-30"),
        "長く続く事業は年度ごとに協定");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), TERM_START.name(), "2026-03-31"),
        "協定の年度（4月1日〜翌年3月31日）");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki",
        with(draft(), TERM_START.name(), "2026-10-01", TERM_END.name(), "2026-09-30"), "開始日以後");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), GOAL_DUE.get(1).name(), "2027-04-01"),
        "「成果目標2の達成期限」は協定の期間内");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), GOAL_INDICATOR.get(1).name(), " "),
        "「成果目標2の指標と目標値」を入力してください（成果目標2を書いた場合）");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki",
        with(draft(), TERM_START.name(), "2026-04-01", TERM_END.name(), "2026-06-15", GOAL_DUE.get(0).name(), "2026-06-15",
            GOAL_DUE.get(1).name(), "2026-06-01"), "進捗報告の日がありません");
  }

  @Test
  void theDraftRefusesRolesForOneSideOnlyAndAnUnbalancedPlan() {
    ProcessInstance instance = scenario.atDraft();
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki",
        with(draft(), ROLE_PARTY.get(1).name(), "PARTNER", ROLE_PARTY.get(2).name(), "PARTNER"), "市が担う役割と団体が担う役割");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), INCOME_FEES.name(), 10_000),
        "収支計画が合っていません: 団体が負担する経費の合計は 100,000円、団体の収入（自己資金・事業収入・その他）の合計は 50,000円");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), BUDGET_BEARER.get(0).name(), null),
        "「経費1の負担」を入力してください");
  }

  @Test
  void paymentTermsMustFitTheFormOfCollaboration() {
    ProcessInstance instance = scenario.atDraft();
    engine.getRuntimeService().setVariable(instance.getId(), CHOSEN_FORM.name(), "COMMISSION");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "COMMISSION_FEE"),
        "委託料は原則として事業完了・検査の後の支払いです");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", draft(), "事業委託・指定管理の形態では、市からの支払は委託料です");
    scenario.complete(instance, Elements.DRAFT, "suzuki",
        with(draft(), PAYMENT_TYPE.name(), "COMMISSION_FEE", PAYMENT_TIMING.name(), "AFTER_COMPLETION"));
    assertThat(instance).isWaitingAt(Elements.PARTNER_CONFIRMS);
    assertThat(instance).variables().containsEntry(ADVANCE_AMOUNT.name(), 0L).containsEntry(FINAL_AMOUNT.name(), 800_000L);
  }

  @Test
  void aSubsidyIsPaidInOneAdvanceSumOrAfterCompletionButNotInParts() {
    ProcessInstance instance = scenario.atDraft();
    engine.getRuntimeService().setVariable(instance.getId(), CHOSEN_FORM.name(), "SUBSIDY");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "SUBSIDY",
        GRANT_ALLOWS_ADVANCE.name(), "NO"), "補助金の一部の前払いは、交付決定で認められている場合に限ります");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "SUBSIDY",
        PAYMENT_TIMING.name(), "MONTHLY"), "補助金は毎月や段階ごとには支払いません");
    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "SUBSIDY", PAYMENT_TIMING.name(), "ADVANCE"));
    assertThat(instance).variables().containsEntry(ADVANCE_AMOUNT.name(), 800_000L).containsEntry(FINAL_AMOUNT.name(), 0L)
        .containsEntry(PAYMENT_SCHEDULE_TEXT.name(), "第1回　2026年4月1日以後　事業の開始時の前払い　800,000円");
  }

  /**
   * 関市 V-3③ (the partner's finances, 「補助金の一括前払い」): a subsidy may be paid partly in advance where the grant
   * decision allows it; the form asks, the decision is named and kept with the agreement.
   */
  @Test
  void aSubsidyIsPaidPartlyInAdvanceWhereTheGrantDecisionAllowsIt() {
    ProcessInstance instance = scenario.atDraft();
    engine.getRuntimeService().setVariable(instance.getId(), CHOSEN_FORM.name(), "SUBSIDY");
    Map<String, Object> subsidy = with(draft(), PAYMENT_TYPE.name(), "SUBSIDY");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", subsidy,
        "「交付決定で一部の前払い（概算払い）が認められているか」を入力してください（補助金の一部を前払いする場合）");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(subsidy, GRANT_ALLOWS_ADVANCE.name(), "YES"),
        "「交付決定の番号と日付」を入力してください（交付決定で一部の前払いが認められている場合）");

    scenario.complete(instance, Elements.DRAFT, "suzuki", with(subsidy, GRANT_ALLOWS_ADVANCE.name(), "YES",
        GRANT_DECISION_REF.name(), "福祉第123号（2026年3月10日）"));
    assertThat(instance).variables().containsEntry(ADVANCE_AMOUNT.name(), 300_000L).containsEntry(FINAL_AMOUNT.name(), 500_000L);
    org.assertj.core.api.Assertions.assertThat(variable(instance, PAYMENT_TERMS_NOTE)).contains("交付決定で認められた一部を前払い");
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    Agreement.PaymentPlan plan = scenario.agreements.find(variable(instance, AGREEMENT_NUMBER)).orElseThrow().payment();
    org.assertj.core.api.Assertions.assertThat(plan.grantDecisionRef()).isEqualTo("福祉第123号（2026年3月10日）");
    org.assertj.core.api.Assertions.assertThat(plan.instalments()).extracting(i -> i.kind() + ":" + i.amount())
        .containsExactly("ADVANCE:300000", "AFTER_COMPLETION:500000");
  }

  /** 関市 V-3③ 「月払いの委託契約」: a commission paid each month, after that month's work is confirmed. */
  @Test
  void aCommissionIsPaidMonthlyEachAfterTheMonthsWorkIsConfirmed() {
    ProcessInstance instance = scenario.atDraft();
    engine.getRuntimeService().setVariable(instance.getId(), CHOSEN_FORM.name(), "COMMISSION");
    Map<String, Object> monthly = with(draft(), PAYMENT_TYPE.name(), "COMMISSION_FEE", PAYMENT_TIMING.name(), "MONTHLY");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(monthly, TERM_END.name(), "2026-04-30",
        GOAL_DUE.get(0).name(), "2026-04-30", GOAL_DUE.get(1).name(), "2026-04-30", REPORT_RHYTHM.name(), "MONTHLY"),
        "支払が2回以上になる期間が必要です");

    scenario.complete(instance, Elements.DRAFT, "suzuki", monthly);
    assertThat(instance).variables().containsEntry(ADVANCE_AMOUNT.name(), 0L).containsEntry(FINAL_AMOUNT.name(), 800_000L);
    org.assertj.core.api.Assertions.assertThat(variable(instance, PAYMENT_SCHEDULE_TEXT)).startsWith(
        "第1回　2026年4月30日以後　その月の履行を確認した後の支払（月払い）　66,666円").endsWith(
        "第12回　2027年3月31日以後　その月の履行を確認した後の支払（月払い）　66,674円");
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));

    List<Agreement.Instalment> instalments = scenario.agreements.find(variable(instance, AGREEMENT_NUMBER)).orElseThrow()
        .payment().instalments();
    org.assertj.core.api.Assertions.assertThat(instalments).hasSize(12).allMatch(i -> i.kind().equals("MONTHLY"));
    org.assertj.core.api.Assertions.assertThat(instalments.get(10).dueOn()).hasToString("2027-02-28");
    org.assertj.core.api.Assertions.assertThat(instalments.stream().mapToLong(Agreement.Instalment::amount).sum()).isEqualTo(800_000);
  }

  /**
   * 旭川 Q51 「委託契約であれば原則として事業完了後の支払い」: 原則 leaves room to pay by stages, each after its inspection —
   * the stages end at the progress reports and at the term's end.
   */
  @Test
  void aCommissionIsPaidByStagesEachAfterItsInspection() {
    ProcessInstance instance = scenario.atDraft();
    engine.getRuntimeService().setVariable(instance.getId(), CHOSEN_FORM.name(), "FACILITY_MANAGEMENT");
    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "COMMISSION_FEE",
        PAYMENT_TIMING.name(), "STAGED"));
    org.assertj.core.api.Assertions.assertThat(variable(instance, PAYMENT_SCHEDULE_TEXT)).isEqualTo(String.join("\n",
        "第1回　2026年7月1日以後　その段階の検査の後の支払（部分払い）　200,000円",
        "第2回　2026年10月1日以後　その段階の検査の後の支払（部分払い）　200,000円",
        "第3回　2027年1月1日以後　その段階の検査の後の支払（部分払い）　200,000円",
        "第4回　2027年3月31日以後　その段階の検査の後の支払（部分払い）　200,000円"));
    org.assertj.core.api.Assertions.assertThat(variable(instance, PAYMENT_TERMS_NOTE)).contains("部分払い");
  }

  @Test
  void withoutPaymentThereAreNoCostsPaidByTheCityToThePartner() {
    ProcessInstance instance = scenario.atDraft();
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_TYPE.name(), "NONE"),
        "市から団体への支払がない場合");
    Map<String, Object> noPayment = with(draft(), PAYMENT_TYPE.name(), "NONE", BUDGET_BEARER.get(0).name(), "CITY_DIRECT",
        BUDGET_BEARER.get(1).name(), "CITY_DIRECT");
    scenario.complete(instance, Elements.DRAFT, "suzuki", noPayment);
    assertThat(instance).variables().containsEntry(PAYMENT_AMOUNT.name(), 0L).containsEntry(ADVANCE_AMOUNT.name(), 0L);
    org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), PAYMENT_TIMING.name())).isNull();
  }

  /**
   * The budget granted pays for all the city spends on the project: what it pays the partner and what it spends
   * directly (150,000 yen in the draft). Beyond it, the draft and the partner's proposal are refused, naming the amount.
   */
  @Test
  void theCitysSpendingCannotExceedTheApprovedBudget() {
    Map<String, Object> project = with(start(), DEPARTMENT_GROUP.name(), "dept-fukushi", PARTNER_GROUP.name(), "org-hikari",
        MAIN_STAFF.name(), "suzuki", DEPUTY_STAFF.name(), "yamamoto", APPROVED_BUDGET.name(), 900_000L);
    ProcessInstance instance = new jp.kyodo.support.TestDesk(engine).startCalled(KEY, project);

    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", draft(), "市の負担（市が直接支出する経費 150,000円 と団体への支払 "
        + "800,000円 の合計 950,000円）が、予算で認められた額 900,000円 を超えています");
    scenario.complete(instance, Elements.DRAFT, "suzuki", with(draft(), BUDGET_AMOUNT.get(1).name(), 150_000));
    assertThat(instance).variables().containsEntry(PAYMENT_AMOUNT.name(), 750_000L);

    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "PROPOSE_CHANGES"));
    assertRefusedAndUnchanged(instance, Elements.PARTNER_PROPOSES, "hikari", Map.of(BUDGET_AMOUNT.get(0).name(), 650_000,
        PARTNER_PROPOSAL_REASON.name(), "訪問員を増やしたい"), "予算で認められた額 900,000円 を超えています");
  }

  @Test
  void aPartialAdvanceIsLessThanThePayment() {
    ProcessInstance instance = scenario.atDraft();
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), ADVANCE_AMOUNT.name(), 800_000),
        "「前払いする額（円）」は支払額 800,000円 より少なく");
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), ADVANCE_AMOUNT.name(), null),
        "「前払いする額（円）」を入力してください（一部を前払いする場合）");
  }

  @Test
  void aFailingDocumentIsRetriedThenAnIncidentAndNothingEnteredIsLost() {
    ProcessInstance instance = scenario.atDraft();
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.DEPARTMENT_CONFIRMS, "yamamoto", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(instance, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    String before = variablesOf(instance);
    AgreementDocument broken = new AgreementDocument() {
      @Override
      public byte[] render(Agreement agreement) {
        throw new IllegalStateException("フォントを読めません");
      }
    };
    Mocks.register("generateAgreementDocument", new GenerateAgreementDocumentDelegate(scenario.agreements, broken));

    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    org.assertj.core.api.Assertions.assertThat(job.getRetries()).isEqualTo(3);
    for (int attempt = 1; attempt <= 3; attempt++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("フォントを読めません");
    }
    Job failed = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    org.assertj.core.api.Assertions.assertThat(failed.getRetries()).isZero();
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    org.assertj.core.api.Assertions.assertThat(incident.getActivityId()).isEqualTo(Elements.GENERATE_DOCUMENT);
    org.assertj.core.api.Assertions.assertThat(incident.getIncidentMessage()).contains("フォントを読めません");
    org.assertj.core.api.Assertions.assertThat(variablesOf(instance)).isEqualTo(before);
    String number = (String) engine.getRuntimeService().getVariable(instance.getId(), AGREEMENT_NUMBER.name());
    org.assertj.core.api.Assertions.assertThat(scenario.agreements.find(number)).isPresent();

    // Fixed (in Cockpit: "Retry"): the job runs again and the process goes on.
    Mocks.register("generateAgreementDocument", new GenerateAgreementDocumentDelegate(scenario.agreements, scenario.document));
    engine.getManagementService().setJobRetries(job.getId(), 1);
    engine.getManagementService().executeJob(job.getId());
    assertThat(instance).isWaitingAt(Elements.EXCHANGE);
    org.assertj.core.api.Assertions.assertThat(scenario.agreements.document(number)).isPresent();
  }

  @Test
  void agreementsOfADepartmentAreNumberedPerYear() {
    scenario.approved();
    ProcessInstance second = scenario.startSelected("suzuki", with(start(), PROJECT_NUMBER.name(), "2026-002"), "org-midori");
    scenario.complete(second, Elements.ASSIGN_PARTIES, "suzuki", AgreementScenario.staff("kobayashi", "suzuki"));
    scenario.complete(second, Elements.DRAFT, "kobayashi", draft());
    scenario.complete(second, Elements.PARTNER_CONFIRMS, "midori", Map.of(PARTNER_DECISION.name(), "AGREE"));
    scenario.complete(second, Elements.DEPARTMENT_CONFIRMS, "suzuki", Map.of(DEPARTMENT_DECISION.name(), "AGREE"));
    scenario.complete(second, Elements.APPROVE, "sato", Map.of(APPROVAL_DECISION.name(), "APPROVE"));
    assertThat(second).variables().containsEntry(AGREEMENT_NUMBER.name(), "2026-fukushi-002");
  }

  @Test
  void aSubmissionCannotSetWhatItsFormDoesNotAsk() {
    ProcessInstance instance = scenario.atDraft();
    assertRefusedAndUnchanged(instance, Elements.DRAFT, "suzuki", with(draft(), PAYMENT_AMOUNT.name(), 1),
        "「paymentAmount」はこのフォームの項目ではない");
    scenario.complete(instance, Elements.DRAFT, "suzuki", draft());
    assertRefusedAndUnchanged(instance, Elements.PARTNER_CONFIRMS, "hikari",
        Map.of(PARTNER_DECISION.name(), "AGREE", PARTNER_GROUP.name(), "org-midori"), "「partnerGroup」はこのフォームの項目ではない");
    assertRefusedAndUnchanged(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "REQUEST_CHANGES"),
        "「団体としての回答」に「REQUEST_CHANGES」という選択肢はありません");
    // A display-only value in the submission is dropped, not taken.
    scenario.complete(instance, Elements.PARTNER_CONFIRMS, "hikari", Map.of(PARTNER_DECISION.name(), "AGREE", PURPOSE.name(), "書き換え"));
    assertThat(instance).variables().containsEntry(PURPOSE.name(), draft().get(PURPOSE.name()));
    org.assertj.core.api.Assertions.assertThat(ListVar.class).isNotNull();
  }

  @Test
  void theExchangeDateCannotLieInTheFuture() {
    ProcessInstance instance = scenario.approved();
    assertRefusedAndUnchanged(instance, Elements.EXCHANGE, "suzuki", Map.of(SIGNED_ON.name(), "2026-04-02"), "未来の日付");
    org.assertj.core.api.Assertions.assertThat(List.of(Elements.EXCHANGE)).isNotEmpty();
  }
}
