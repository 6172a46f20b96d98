package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;
import static jp.kyodo.selection.SelectionScenario.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.registry.Partnership;
import jp.kyodo.selection.SelectionRepository.Application;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of ② パートナーの選定 and of 公募への応募, driven through the forms as Tasklist submits them. */
class SelectionProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  SelectionScenario scenario;
  String deploymentId;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    scenario = new SelectionScenario(engine);
    deploymentId = scenario.deploy();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
    SelectionScenario.resetClock();
  }

  static AbstractStringAssert<?> assertRefused(ThrowingCallable call) {
    Throwable thrown = Assertions.catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return Assertions.assertThat(input.getMessage());
      }
      if (t instanceof org.springframework.web.server.ResponseStatusException refused
          && refused.getStatusCode().is4xxClientError()) {
        return Assertions.assertThat(refused.getReason());
      }
    }
    throw new AssertionError("expected the input to be refused, got " + thrown, thrown);
  }

  void assertOutcome(ProcessInstance instance, String endEvent, SelectionOutcome outcome, String who, String reasonPart) {
    assertThat(instance).isEnded().hasPassed(endEvent);
    Assertions.assertThat(scenario.historic(instance, OUTCOME.name())).isEqualTo(outcome.name());
    Assertions.assertThat(scenario.historic(instance, OUTCOME_LABEL.name())).isEqualTo(outcome.label());
    Assertions.assertThat((String) scenario.historic(instance, OUTCOME_REASON.name())).contains(reasonPart);
    Assertions.assertThat(scenario.historic(instance, OUTCOME_DECIDED_BY.name())).isEqualTo(who);
    Assertions.assertThat(scenario.historic(instance, OUTCOME_DECIDED_AT.name())).isNotNull();
    Map<String, Object> record = scenario.records.selection((String) scenario.historic(instance, SELECTION_NUMBER.name()))
        .orElseThrow();
    Assertions.assertThat(record.get("OUTCOME") != null ? record.get("OUTCOME") : record.get("outcome")).isEqualTo(outcome.name());
  }

  /** Two applications (hikari, midori), both eligible; returns them in order. */
  List<ProcessInstance> twoApplicationsScreened(ProcessInstance selection) {
    String call = scenario.callNumber(selection);
    ProcessInstance hikari = scenario.apply("hikari", application(call, "ひかり見守りサロン"));
    ProcessInstance midori = scenario.apply("midori", application(call, "みどり町の居場所"));
    scenario.deadlinePasses(selection);
    assertThat(selection).isWaitingAt(Elements.SCREEN).hasPassed(Elements.DEADLINE, Elements.CLOSE_CALL);
    for (Task task : scenario.tasks(selection, Elements.SCREEN)) {
      scenario.complete(task, "tanaka", values(SCREENING.name(), "ELIGIBLE"));
    }
    return List.of(hikari, midori);
  }

  String applicationId(ProcessInstance application) {
    return (String) scenario.variable(application, APPLICATION_ID.name());
  }

  @Test
  void aPublicCallSelectsTheBestRankedApplicantAndTellsEveryApplicant() {
    ProcessInstance selection = scenario.publishedCall(1, "takahashi", "ito");
    assertThat(selection).isWaitingAt(Elements.DEADLINE).hasPassed(Elements.OPEN_SELECTION, Elements.COMPOSE_CALL,
        Elements.PUBLISH_CALL);
    String call = scenario.callNumber(selection);
    Assertions.assertThat(call).isEqualTo("2027-S001-K1");
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    String hikari = applicationId(applications.get(0));
    String midori = applicationId(applications.get(1));
    assertThat(selection).isWaitingAt(Elements.DECLARE_CONFLICTS);

    // takahashi is a member of hikari's organisation: declared, and so never scores it.
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "takahashi", null), "takahashi",
        values(CONFLICTED_APPLICATIONS.name(), jp.kyodo.variables.ListVar.json(List.of(hikari)),
            CONFLICT_NOTE.name(), "ひかりの会員です", DECLARATION_CONFIRMED.name(), true));
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    Assertions.assertThat(scenario.reviewerTask(selection, Elements.SCORE, "takahashi", hikari)).isNull();
    Assertions.assertThat(scenario.tasks(selection, Elements.SCORE)).hasSize(3);
    Assertions.assertThat(scenario.reviewerTask(selection, Elements.SCORE, "ito", hikari).getName()).contains("NPO法人ひかり");

    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "takahashi", midori), "takahashi", scores(3, 3));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", midori), "ito", scores(4, 2));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", hikari), "ito", scores(5, 4));

    assertThat(selection).isWaitingAt(Elements.PROPOSE).hasPassed(Elements.RANK);
    Application ranked = scenario.records.application(hikari).orElseThrow();
    Assertions.assertThat(ranked.ranking()).isEqualTo(1);
    Assertions.assertThat(ranked.reviewCount()).isEqualTo(1);
    Assertions.assertThat(ranked.weightedScore().doubleValue()).isEqualTo(4.6);
    Assertions.assertThat(scenario.records.application(midori).orElseThrow().weightedScore().doubleValue()).isEqualTo(3.1);
    Assertions.assertThat((String) scenario.variable(selection, RANKING_SUMMARY.name()))
        .startsWith("1位 " + hikari + " NPO法人ひかり 総合点 4.600（審査 1件） [事業の実現性 5.00、地域への効果 4.00]");
    Assertions.assertThat(scenario.variable(selection, RANKING).toString()).contains("\"rank\":2");

    scenario.complete(selection, Elements.PROPOSE, "tanaka",
        values(SELECTED_APPLICATION.name(), hikari, SELECTION_REASON.name(), "実現性が最も高い"));
    assertThat(selection).isWaitingAt(Elements.APPROVE_SELECTION);
    scenario.complete(selection, Elements.APPROVE_SELECTION, "sato", values(SELECTION_APPROVAL.name(), "APPROVE"));

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "実現性が最も高い");
    assertThat(selection).hasPassed(Elements.RECORD_CALL_SELECTION, Elements.NOTIFY_SELECTED);
    Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-hikari");
    Assertions.assertThat(scenario.historic(selection, PARTNER_NAME.name())).isEqualTo("NPO法人ひかり");
    Assertions.assertThat(scenario.historic(selection, SelectionProcess.PROPOSED_BY.name())).isEqualTo("tanaka");
    Assertions.assertThat(scenario.registry.partnerships("org-hikari"))
        .containsExactly(new Partnership("org-hikari", "dept-fukushi", null, "高齢者の見守りと居場所づくり", 2027, selection.getId()));
    Assertions.assertThat(scenario.records.call(call).orElseThrow().status()).isEqualTo("DECIDED");

    assertThat(applications.get(0)).isWaitingAt(CallApplicationProcess.Elements.CONFIRM_RESULT);
    Assertions.assertThat(scenario.variable(applications.get(0), CallApplicationProcess.RESULT.name())).isEqualTo("SELECTED");
    Assertions.assertThat((String) scenario.variable(applications.get(1), CallApplicationProcess.RESULT_DETAILS.name()))
        .contains("総合点 3.1点", "順位 2位", "審査 2件", "講評1: 丁寧な計画です").doesNotContain("takahashi", "ito");
    Assertions.assertThat(scenario.variable(applications.get(1), CallApplicationProcess.RESULT_REASON.name()))
        .isEqualTo("実現性が最も高い");
    BpmnAwareTests.assertThat(scenario.task(applications.get(1), CallApplicationProcess.Elements.CONFIRM_RESULT))
        .hasCandidateGroup("org-midori");
    scenario.complete(applications.get(1), CallApplicationProcess.Elements.CONFIRM_RESULT, "midori", Map.of());
    assertThat(applications.get(1)).isEnded().hasPassed(CallApplicationProcess.Elements.END);
  }

  @Test
  void aSoleSourceWithAReasonApprovedByAManagerMakesThatOrganisationThePartner() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("dept-fukushi");
    Assertions.assertThat(scenario.variable(selection, ORGANISATION_OPTIONS).toString())
        .contains("org-hikari", "org-midori").doesNotContain("org-kumo");

    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-midori", "町内で同種の活動をしている唯一の団体"));
    assertThat(selection).isWaitingAt(Elements.APPROVE_SOLE_SOURCE);
    BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("managers");
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "APPROVE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "理由は妥当"));

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "唯一の団体");
    assertThat(selection).hasPassed(Elements.RECORD_SOLE_SOURCE).hasNotPassed(Elements.WRITE_CALL);
    Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-midori");
    Assertions.assertThat(scenario.historic(selection, SelectionProcess.PROPOSED_BY.name())).isEqualTo("suzuki");
    Assertions.assertThat(scenario.historic(selection, CO_PARTNER_GROUPS.name())).as("none, but handed on").isEqualTo("");
    Assertions.assertThat(coPartners(selection)).isEmpty();
    Map<String, Object> record = scenario.records.selection("2027-S001").orElseThrow();
    Assertions.assertThat(record).containsEntry("METHOD", "SOLE_SOURCE").containsEntry("ORGANISATION_ID", "org-midori")
        .containsEntry("DECIDED_BY", "sato").containsEntry("PROPOSED_BY", "suzuki");
  }

  /**
   * 福祉課 runs two projects called the same, both sole-sourced to NPO法人ひかり for fiscal year 2026: the manager's
   * approval of the second makes ひかり its partner too (it used to fail on the history's title key, HTTP 500).
   */
  @Test
  void twoProjectsOfTheSameTitleSoleSourcedToOnePartnerBothGetIt() {
    Map<String, Object> sameTitle = jp.kyodo.support.TestDesk.with(start(), TITLE.name(), "同名の事業", FISCAL_YEAR.name(), 2026);
    List<ProcessInstance> selections = List.of(scenario.startSelection("suzuki", sameTitle),
        scenario.startSelection("suzuki", sameTitle));
    for (ProcessInstance selection : selections) {
      scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-hikari", "地域で唯一の団体"));
      scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
          values(SOLE_SOURCE_APPROVAL.name(), "APPROVE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "理由は妥当"));
      assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "地域で唯一の団体");
      Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-hikari");
    }
    Assertions.assertThat(scenario.registry.partnerships("org-hikari")).extracting(Partnership::processInstanceId)
        .containsExactlyInAnyOrder(selections.get(0).getId(), selections.get(1).getId());
    Assertions.assertThat(scenario.registry.yearsHeld("org-hikari", "dept-fukushi")).containsExactly(2026);
  }

  @Test
  void aSoleSourceTheManagerRefusesGoesBackToTheChoiceOfMethod() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-hikari", "実績がある"));
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "REFUSE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "実績だけでは公募によらない理由にならない"));

    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    Assertions.assertThat(scenario.variable(selection, SOLE_SOURCE_APPROVAL_COMMENT.name())).asString().contains("公募によらない理由");
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);
  }

  @Test
  void aSoleSourceNeedsAReasonAndARegisteredOrganisation() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-hikari", " ")))
        .contains("「この団体を選ぶ理由（公募によらない理由）」を入力してください（特定の団体を選ぶ場合）");
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-kumo", "理由")))
        .contains("「選定する団体」に「org-kumo」という選択肢はありません");
    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    Assertions.assertThat(scenario.variable(selection, METHOD.name())).isNull();
  }

  /** NPO法人ひかり held 福祉課's collaboration in 2024–2026: choosing it again without a call for 2027 is 千葉 ②'s case. */
  ProcessInstance selectionWithAFixedPartner() {
    for (int year : new int[] {2024, 2025, 2026}) {
      scenario.registry.recordPartnership(new Partnership("org-hikari", "dept-fukushi", null, "見守り " + year, year, null));
    }
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    Assertions.assertThat(scenario.variable(selection, ORGANISATION_OPTIONS).toString()).contains("課長の例外判断が要ります");
    return selection;
  }

  /** Asked with the department's reason, the choice goes to a manager. */
  ProcessInstance soleSourceToAFixedPartner() {
    ProcessInstance selection = selectionWithAFixedPartner();
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSourceAskingForAnException("org-hikari",
        "山間部で活動できる唯一の団体", "代わる団体がなく、今年度中に担い手の育成を始める"));
    assertThat(selection).isWaitingAt(Elements.DECIDE_FIXATION_EXCEPTION).hasPassed(Elements.SOLE_SOURCE_FIXATION_GATEWAY);
    BpmnAwareTests.assertThat(BpmnAwareTests.task()).hasCandidateGroup("managers");
    Assertions.assertThat((String) scenario.variable(selection, FIXATION_NOTICE.name()))
        .contains("NPO法人ひかりはこの課の協働事業を3年度続けて担っています", "課長が理由を記録して例外と認める");
    return selection;
  }

  /**
   * 千葉 ②, refused without an exception: a sole source to a partner fixed in the department, with no exception
   * asked of a manager, is refused as before; a request on a partner that is not fixed asks nothing of anyone.
   */
  @Test
  void withoutAnExceptionASoleSourceToAFixedPartnerIsRefused() {
    ProcessInstance selection = selectionWithAFixedPartner();
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSource("org-hikari", "理由")))
        .contains("NPO法人ひかりはこの課の協働事業を3年度続けて担っています", "課長が例外と認めない限り、特定の団体として選ぶことはできません",
            "千葉県 協働推進マニュアル ②", "公募で選定するか、「固定化の例外を課長に求める理由」を書いてください");
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        soleSourceAskingForAnException("org-hikari", "理由", " "))).contains("課長が例外と認めない限り");
    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    Assertions.assertThat(scenario.variable(selection, METHOD.name())).isNull();

    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", soleSourceAskingForAnException("org-midori",
        "町内で唯一の団体", "念のため"));
    assertThat(selection).isWaitingAt(Elements.APPROVE_SOLE_SOURCE).hasNotPassed(Elements.DECIDE_FIXATION_EXCEPTION);
    Assertions.assertThat(scenario.variable(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_REQUEST.name())).isNull();
  }

  /**
   * 千葉 ②「留意しましょう」, allowed as an exception: a manager lets the department name its fixed partner again, with a
   * written reason, and the sole source then goes to its own approval (旭川 Q45).
   */
  @Test
  void aManagerMayAllowASoleSourceToAFixedPartnerAsAnExceptionWithAReason() {
    ProcessInstance selection = soleSourceToAFixedPartner();
    assertRefused(() -> scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato",
        values(jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_ALLOWED")))
        .contains("「判断の理由」を入力してください");
    assertRefused(() -> scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato",
        values(jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_ALLOWED",
            jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), "  ")))
        .contains("「判断の理由」を入力してください");

    scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato", values(
        jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_ALLOWED",
        jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), "ほかに担える団体がなく、育成の計画もある"));
    assertThat(selection).isWaitingAt(Elements.APPROVE_SOLE_SOURCE).hasPassed(Elements.FIXATION_EXCEPTION_GATEWAY);
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "APPROVE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "理由は妥当"));

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "山間部で活動できる唯一の団体");
    Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-hikari");
    Assertions.assertThat(scenario.historic(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION.name()))
        .isEqualTo("EXCEPTION_ALLOWED");
    Assertions.assertThat(scenario.historic(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name()))
        .isEqualTo("ほかに担える団体がなく、育成の計画もある");
    Assertions.assertThat(scenario.historic(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_DECIDED_BY.name()))
        .isEqualTo("sato");
    Assertions.assertThat(scenario.historic(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_DECIDED_AT.name()))
        .isNotNull();
    Assertions.assertThat(scenario.registry.fixationExceptions("org-hikari", "dept-fukushi")).singleElement()
        .satisfies(r -> {
          Assertions.assertThat(r.allowed()).isTrue();
          Assertions.assertThat(r.phase()).isEqualTo("SELECTION");
          Assertions.assertThat(r.fiscalYear()).isEqualTo(2027);
          Assertions.assertThat(r.consecutiveYears()).isEqualTo(3);
          Assertions.assertThat(r.request()).isEqualTo("代わる団体がなく、今年度中に担い手の育成を始める");
          Assertions.assertThat(r.reason()).isEqualTo("ほかに担える団体がなく、育成の計画もある");
          Assertions.assertThat(r.decidedBy()).isEqualTo("sato");
        });
  }

  /** 千葉 ②, the exception declined: the rule's answer is taken, and the partner is chosen by a public call. */
  @Test
  void aSoleSourceToAFixedPartnerTheManagerDoesNotExceptGoesToAPublicCall() {
    ProcessInstance selection = soleSourceToAFixedPartner();
    scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato", values(
        jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_REFUSED",
        jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), "4年目になるため、ほかの団体にも機会を開く"));

    assertThat(selection).isWaitingAt(Elements.WRITE_CALL).hasNotPassed(Elements.APPROVE_SOLE_SOURCE);
    Assertions.assertThat(scenario.variable(selection, METHOD.name())).isEqualTo("PUBLIC_CALL");
    Assertions.assertThat(scenario.variable(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_LABEL.name()))
        .isEqualTo("パートナーの固定化（千葉 ②）: 例外とせず、公募で協働パートナーを選び直す");
    Assertions.assertThat(scenario.variable(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION_DECIDED_BY.name()))
        .isEqualTo("sato");
    Assertions.assertThat(scenario.registry.fixationExceptions("org-hikari", "dept-fukushi")).singleElement()
        .satisfies(r -> Assertions.assertThat(r.allowed()).isFalse());
  }

  @Test
  void theOfficeSendsTheCallBackForRevision() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    scenario.complete(selection, Elements.WRITE_CALL, "suzuki", call());
    assertThat(selection).isWaitingAt(Elements.CHECK_CALL);
    Assertions.assertThat((String) scenario.variable(selection, CALL_SUMMARY.name()))
        .contains("事業の実現性（60点）、地域への効果（40点）", "2026-12-10 24時");
    scenario.complete(selection, Elements.CHECK_CALL, "tanaka",
        values(CALL_CHECK.name(), "REVISE", CALL_CHECK_COMMENT.name(), "応募資格に活動年数を入れてください"));
    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);
    Assertions.assertThat(scenario.records.calls(null, 0, 10)).isEmpty();
  }

  @Test
  void aCallWithWeightsNotAddingUpOrADeadlineInThePastIsRefused() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    Map<String, Object> badWeights = call();
    badWeights.put("criterion2Weight", 30);
    assertRefused(() -> scenario.complete(selection, Elements.WRITE_CALL, "suzuki", badWeights))
        .contains("審査基準の配点の合計を100にしてください");
    Map<String, Object> past = call();
    past.put(APPLICATION_DEADLINE.name(), "2026-11-25");
    assertRefused(() -> scenario.complete(selection, Elements.WRITE_CALL, "suzuki", past))
        .contains("「応募の締切日」は明日以降の日付にしてください");
    Map<String, Object> weightWithoutCriterion = call();
    weightWithoutCriterion.put("criterion3Weight", 10);
    assertRefused(() -> scenario.complete(selection, Elements.WRITE_CALL, "suzuki", weightWithoutCriterion))
        .contains("「審査基準3」を入力してください（配点を入れた場合）");
    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);

    scenario.complete(selection, Elements.WRITE_CALL, "suzuki", call());
    assertRefused(() -> scenario.complete(selection, Elements.CHECK_CALL, "tanaka", publish(3, "takahashi", "ito")))
        .contains("審査委員の人数以下にしてください");
    assertRefused(() -> scenario.complete(selection, Elements.CHECK_CALL, "tanaka", publish(1, "takahashi", "tanaka")))
        .contains("「審査委員」に「tanaka」という選択肢はありません");
    assertThat(selection).isWaitingAt(Elements.CHECK_CALL);
  }

  @Test
  void lateUnregisteredAndRepeatedApplicationsAreRefused() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    String call = scenario.callNumber(selection);
    assertRefused(() -> scenario.apply("sora", application(call, "提案"))).contains("団体登録が済んでいない方");
    assertRefused(() -> scenario.apply("kumo", application(call, "提案"))).contains("団体登録が承認されていない団体");
    assertRefused(() -> scenario.apply("hikari", application("2027-S999-K1", "提案"))).contains("公募「2027-S999-K1」は見つかりません");
    scenario.apply("hikari", application(call, "提案"));
    assertRefused(() -> scenario.apply("hikari", application(call, "二つ目"))).contains("既に応募しています");

    jp.kyodo.selection.SelectionScenario.resetClock();
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
        java.time.Instant.parse("2026-12-10T15:00:00Z")));
    assertRefused(() -> scenario.apply("midori", application(call, "遅れた提案")))
        .contains("2026年12月10日で締め切りました");
    Assertions.assertThat(scenario.records.applications(call)).hasSize(1);
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CallApplicationProcess.KEY).count()).isEqualTo(1);
  }

  @Test
  void noApplicantsLetsTheDepartmentCallAgain() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    scenario.deadlinePasses(selection);
    assertThat(selection).isWaitingAt(Elements.DECIDE_WITHOUT_PARTNER).hasNotPassed(Elements.SCREEN, Elements.NOTIFY_NONE);
    Assertions.assertThat((String) scenario.variable(selection, NO_PARTNER_SITUATION.name())).contains("応募がありませんでした");

    scenario.complete(selection, Elements.DECIDE_WITHOUT_PARTNER, "suzuki",
        values(NO_PARTNER_DECISION.name(), "RECALL", NO_PARTNER_REASON.name(), "周知の期間を延ばして再募集する"));
    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);
    Assertions.assertThat(scenario.variable(selection, CALL_PURPOSE.name())).as("the call as written stays to revise")
        .isEqualTo("独居高齢者の見守りとサロン運営");
    assertRefused(() -> scenario.complete(selection, Elements.WRITE_CALL, "suzuki", call()))
        .contains("「応募の締切日」は明日以降の日付");
    Map<String, Object> later = call();
    later.put(APPLICATION_DEADLINE.name(), "2027-01-20");
    scenario.complete(selection, Elements.WRITE_CALL, "suzuki", later);
    scenario.complete(selection, Elements.CHECK_CALL, "tanaka", publish(1, "ito"));
    Assertions.assertThat(scenario.callNumber(selection)).isEqualTo("2027-S001-K2");
    Assertions.assertThat(scenario.records.call("2027-S001-K1").orElseThrow().status()).isEqualTo("CLOSED");
  }

  @Test
  void noApplicantsCanMeanTheCityDoesItWithoutCollaboration() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    scenario.deadlinePasses(selection);
    scenario.complete(selection, Elements.DECIDE_WITHOUT_PARTNER, "suzuki",
        values(NO_PARTNER_DECISION.name(), "WITHOUT_COLLABORATION", NO_PARTNER_REASON.name(), "担い手がいないため市が直営で行う"));
    assertOutcome(selection, Elements.END_WITHOUT_COLLABORATION, SelectionOutcome.WITHOUT_COLLABORATION, "suzuki", "直営");
  }

  @Test
  void noApplicantsCanMeanTheProjectIsDropped() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    scenario.deadlinePasses(selection);
    scenario.complete(selection, Elements.DECIDE_WITHOUT_PARTNER, "suzuki",
        values(NO_PARTNER_DECISION.name(), "DROP", NO_PARTNER_REASON.name(), "必要性が薄れたため"));
    assertOutcome(selection, Elements.END_DROPPED, SelectionOutcome.DROPPED, "suzuki", "必要性が薄れた");
  }

  @Test
  void whenNoApplicationIsEligibleTheApplicantsHearWhyAndTheDepartmentDecides() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    ProcessInstance application = scenario.apply("hikari", application(scenario.callNumber(selection), "提案"));
    scenario.deadlinePasses(selection);
    assertRefused(() -> scenario.complete(selection, Elements.SCREEN, "tanaka", values(SCREENING.name(), "INELIGIBLE")))
        .contains("「判断の理由」を入力してください");
    scenario.complete(selection, Elements.SCREEN, "tanaka",
        values(SCREENING.name(), "INELIGIBLE", SCREENING_REASON.name(), "市外のみで活動している"));

    assertThat(selection).isWaitingAt(Elements.DECIDE_WITHOUT_PARTNER).hasPassed(Elements.NOTIFY_NONE)
        .hasNotPassed(Elements.REVIEW);
    Assertions.assertThat((String) scenario.variable(selection, NO_PARTNER_SITUATION.name())).contains("応募資格を満たしませんでした");
    assertThat(application).isWaitingAt(CallApplicationProcess.Elements.CONFIRM_RESULT);
    Assertions.assertThat(scenario.variable(application, CallApplicationProcess.RESULT.name())).isEqualTo("INELIGIBLE");
    Assertions.assertThat(scenario.variable(application, CallApplicationProcess.RESULT_REASON.name())).isEqualTo("市外のみで活動している");
  }

  @Test
  void theCommitteeMayFindNoApplicationSuitable() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    for (ProcessInstance application : applications) {
      scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(application)), "ito", scores(2, 2));
    }
    scenario.complete(selection, Elements.PROPOSE, "tanaka",
        values(SELECTED_APPLICATION.name(), NONE_SUITABLE, SELECTION_REASON.name(), "いずれも事業の目的に合わない"));

    assertThat(selection).isWaitingAt(Elements.DECIDE_WITHOUT_PARTNER).hasPassed(Elements.NOTIFY_NONE)
        .hasNotPassed(Elements.APPROVE_SELECTION);
    Assertions.assertThat((String) scenario.variable(selection, NO_PARTNER_SITUATION.name())).contains("該当なし", "目的に合わない");
    for (ProcessInstance application : applications) {
      Assertions.assertThat(scenario.variable(application, CallApplicationProcess.RESULT.name())).isEqualTo("NOT_SELECTED");
    }
  }

  @Test
  void theManagerMaySendTheCommitteesChoiceBack() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(applications.get(0))), "ito", scores(4, 4));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(applications.get(1))), "ito", scores(4, 4));
    Assertions.assertThat((String) scenario.variable(selection, RANKING_SUMMARY.name())).contains("1位（同点）");
    scenario.complete(selection, Elements.PROPOSE, "tanaka", values(SELECTED_APPLICATION.name(),
        applicationId(applications.get(1)), SELECTION_REASON.name(), "同点のため地域の近さで判断"));
    assertRefused(() -> scenario.complete(selection, Elements.APPROVE_SELECTION, "sato", values(SELECTION_APPROVAL.name(), "RETURN")))
        .contains("「差し戻しの理由」を入力してください");
    scenario.complete(selection, Elements.APPROVE_SELECTION, "sato",
        values(SELECTION_APPROVAL.name(), "RETURN", SELECTION_APPROVAL_COMMENT.name(), "同点の判断基準を明記すること"));
    assertThat(selection).isWaitingAt(Elements.PROPOSE);
    Assertions.assertThat(scenario.variable(selection, SELECTION_APPROVAL_COMMENT.name())).isEqualTo("同点の判断基準を明記すること");
  }

  @Test
  void aReviewerDeclaresAndScoresOnlyInPersonAndAnApplicationBelowTheQuorumCannotBeChosen() {
    ProcessInstance selection = scenario.publishedCall(2, "takahashi", "ito");
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    String hikari = applicationId(applications.get(0));
    String midori = applicationId(applications.get(1));
    Task takahashiDeclares = scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "takahashi", null);
    assertRefused(() -> scenario.complete(takahashiDeclares, "tanaka", values(DECLARATION_CONFIRMED.name(), true)))
        .contains("審査委員本人（takahashi）しか行えません");
    assertRefused(() -> scenario.complete(takahashiDeclares, "takahashi", values(DECLARATION_CONFIRMED.name(), false)))
        .contains("確認欄にチェック".substring(0, 2));
    scenario.complete(takahashiDeclares, "takahashi", values(CONFLICTED_APPLICATIONS.name(),
        jp.kyodo.variables.ListVar.json(List.of(hikari)), CONFLICT_NOTE.name(), "理事を務めている", DECLARATION_CONFIRMED.name(), true));
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    Assertions.assertThat(scenario.records.mayScore(hikari, "takahashi")).isFalse();
    Assertions.assertThat(scenario.records.conflictedReviewers(hikari)).containsExactly("takahashi");

    Task itoScoresMidori = scenario.reviewerTask(selection, Elements.SCORE, "ito", midori);
    assertRefused(() -> scenario.complete(itoScoresMidori, "ito", scores(6, 3))).contains("「評点1」は1以上5以下");
    assertRefused(() -> scenario.complete(itoScoresMidori, "ito", values("score1", 3, "score2", 3, "score3", 3,
        REVIEW_COMMENT.name(), "講評"))).contains("審査基準のない欄には評点を入れないでください");
    scenario.complete(itoScoresMidori, "ito", scores(3, 3));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", hikari), "ito", scores(5, 5));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "takahashi", midori), "takahashi", scores(3, 3));

    Assertions.assertThat((String) scenario.variable(selection, RANKING_SUMMARY.name()))
        .contains("順位なし（審査数不足） " + hikari);
    Assertions.assertThat(scenario.variable(selection, CANDIDATE_OPTIONS).toString()).contains(midori).doesNotContain(hikari);
    assertRefused(() -> scenario.complete(selection, Elements.PROPOSE, "tanaka",
        values(SELECTED_APPLICATION.name(), hikari, SELECTION_REASON.name(), "最高点"))).contains("選択肢はありません");
  }

  @Test
  void aRankedOrganisationThatHasHeldTheDepartmentTooLongIsFlaggedToTheCommittee() {
    for (int year : new int[] {2024, 2025, 2026}) {
      scenario.registry.recordPartnership(new Partnership("org-midori", "dept-fukushi", null, "清掃 " + year, year, null));
    }
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    Assertions.assertThat((String) scenario.variable(selection, FIXATION_NOTICE.name())).contains("みどり町内会（3年度連続）");
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    scenario.complete(selection, Elements.WRITE_CALL, "suzuki", call());
    scenario.complete(selection, Elements.CHECK_CALL, "tanaka", publish(1, "ito"));
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    for (ProcessInstance application : applications) {
      scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(application)), "ito", scores(3, 3));
    }
    Assertions.assertThat((String) scenario.variable(selection, FIXATION_WARNING.name()))
        .contains("みどり町内会はこの課の協働事業を3年度続けて担っています");
    Assertions.assertThat((String) scenario.variable(selection, RANKING_SUMMARY.name())).contains("※固定化の注意");
  }

  // --- several partners: co-partners (「共に担う団体」, 旭川 Q71; 関市 II-7③ 実行委員会)

  /** The co-partners ② handed on, as {organisationId, organisationName, role} each. */
  List<Map<String, String>> coPartners(ProcessInstance instance) {
    Object value = scenario.historic(instance, CO_PARTNERS);
    Assertions.assertThat(value).as("coPartners is handed on as JSON").isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(value.toString(),
          new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, String>>>() {});
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** A refused choice of method changes nothing: the task waits, no method and no co-partner is kept. */
  void nothingChosen(ProcessInstance selection) {
    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    Assertions.assertThat(scenario.variable(selection, METHOD.name())).isNull();
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).isNull();
  }

  /**
   * 旭川 Q71: a sole source to NPO法人ひかり with two organisations that hold the project with it, each with its role,
   * approved with the sole source. ② hands them on beside the partner, and each one's year enters its own history.
   */
  @Test
  void aSoleSourceWithTwoCoPartnersHandsThemOnAndEntersTheirYears() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", withCoPartners(
        soleSource("org-hikari", "見守りの実績がある唯一の団体"),
        "org-midori", "会場の提供と町内への周知", "org-umi", "見守り訪問の担い手"));

    assertThat(selection).isWaitingAt(Elements.APPROVE_SOLE_SOURCE).hasNotPassed(Elements.DECIDE_FIXATION_EXCEPTION);
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(2).name())).isEqualTo("org-umi");
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "APPROVE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "三者での実施は妥当"));

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "唯一の団体");
    Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-hikari");
    Assertions.assertThat(coPartners(selection)).containsExactly(
        Map.of("organisationId", "org-midori", "organisationName", "みどり町内会", "role", "会場の提供と町内への周知"),
        Map.of("organisationId", "org-umi", "organisationName", "うみの会", "role", "見守り訪問の担い手"));
    Assertions.assertThat(scenario.historic(selection, CO_PARTNER_GROUPS.name())).isEqualTo("org-midori,org-umi");
    for (String coPartner : List.of("org-midori", "org-umi")) {
      Assertions.assertThat(scenario.registry.partnerships(coPartner)).as(coPartner).containsExactly(
          new Partnership(coPartner, "dept-fukushi", null, "高齢者の見守りと居場所づくり", 2027, selection.getId()));
    }
    Assertions.assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("org-umi").list())
        .extracting(org.camunda.bpm.engine.identity.User::getId).containsExactly("umi");
  }

  /** A co-partner is a registered organisation now: one never registered is not offered, one suspended since is refused. */
  @Test
  void aCoPartnerMustBeARegisteredOrganisation() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "理由"), "org-kumo", "広報")))
        .contains("「共に担う団体1」に「org-kumo」という選択肢はありません");
    nothingChosen(selection);

    scenario.registry.decide("org-midori", jp.kyodo.registry.RegistrationStatus.SUSPENDED, "活動の休止", "tanaka");
    try {
      assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
          withCoPartners(soleSource("org-hikari", "理由"), "org-midori", "広報")))
          .contains("「共に担う団体1」は団体登録が済んでいる団体から選んでください");
      nothingChosen(selection);
    } finally {
      scenario.registry.decide("org-midori", jp.kyodo.registry.RegistrationStatus.REGISTERED, "活動の再開", "tanaka");
    }
  }

  @Test
  void theSoleSourceItselfIsNoCoPartner() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "理由"), "org-umi", "広報", "org-hikari", "会計")))
        .contains("「共に担う団体」に、協働パートナーとして選ぶ団体と同じ団体は選べません");
    nothingChosen(selection);
  }

  /** The manager refuses the sole source and the department turns to a call: the co-partners it had named go with it. */
  @Test
  void coPartnersOfARefusedSoleSourceAreNotKeptForAPublicCall() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "実績がある"), "org-midori", "広報"));
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "REFUSE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "公募によるべき"));
    assertThat(selection).isWaitingAt(Elements.CHOOSE_METHOD);
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).as("shown again").isEqualTo("org-midori");

    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", publicCall());
    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).isNull();
    Assertions.assertThat(scenario.variable(selection, coPartnerRole(1).name())).isNull();
    Assertions.assertThat(scenario.variable(selection, CO_PARTNER_REASON.name())).isNull();
  }

  @Test
  void anOrganisationIsACoPartnerOnlyOnce() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "理由"), "org-midori", "広報", "org-midori", "会場")))
        .contains("「共に担う団体」に同じ団体が二度選ばれています");
    nothingChosen(selection);
  }

  /** An organisation and its role go together, and taking co-partners without a call needs its reason (旭川 Q45). */
  @Test
  void eachCoPartnerNeedsItsRoleAndTheirReason() {
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "理由"), "org-midori", " ", null, "会計")))
        .contains("「共に担う団体1の役割」を入力してください（共に担う団体を選んだ場合）",
            "「共に担う団体2」を入力してください（役割を書いた場合）");
    Map<String, Object> withoutReason = new java.util.HashMap<>(
        withCoPartners(soleSource("org-hikari", "理由"), "org-midori", "広報"));
    withoutReason.remove(CO_PARTNER_REASON.name());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", withoutReason))
        .contains("「共に担う団体とする理由（公募によらない理由）」を入力してください（共に担う団体を選んだ場合）");
    nothingChosen(selection);
  }

  /** みどり町内会 held 福祉課's collaboration in 2024–2026: naming it again without a call is 千葉 ②'s case, as a co-partner too. */
  void midoriIsFixed() {
    for (int year : new int[] {2024, 2025, 2026}) {
      scenario.registry.recordPartnership(new Partnership("org-midori", "dept-fukushi", null, "清掃 " + year, year, null));
    }
  }

  /**
   * 千葉 ② for each co-partner: a fixed one is refused like a fixed sole source; asked with the department's reason,
   * the manager's one exception covers it (the partner itself is not fixed), and is kept for that organisation.
   */
  @Test
  void aFixedCoPartnerIsRefusedUnlessTheManagersExceptionCoversIt() {
    midoriIsFixed();
    ProcessInstance selection = scenario.startSelection("suzuki", start());
    assertRefused(() -> scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki",
        withCoPartners(soleSource("org-hikari", "理由"), "org-midori", "会場の提供")))
        .contains("みどり町内会（共に担う団体）はこの課の協働事業を3年度続けて担っています",
            "課長が例外と認めない限り、公募によらず共に担う団体とすることはできません", "千葉県 協働推進マニュアル ②")
        .doesNotContain("NPO法人ひかりはこの課");
    nothingChosen(selection);

    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", withCoPartners(
        soleSourceAskingForAnException("org-hikari", "見守りの実績がある唯一の団体", "町内で会場を持つのはこの団体だけ"),
        "org-midori", "会場の提供"));
    assertThat(selection).isWaitingAt(Elements.DECIDE_FIXATION_EXCEPTION);
    Assertions.assertThat((String) scenario.variable(selection, FIXATION_NOTICE.name()))
        .contains("みどり町内会（共に担う団体）はこの課の協働事業を3年度続けて担っています", "課長が理由を記録して例外と認める")
        .doesNotContain("NPO法人ひかりはこの課");
    scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato", values(
        jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_ALLOWED",
        jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), "会場を持つ団体がほかになく、来年度は公募で見直す"));
    scenario.complete(selection, Elements.APPROVE_SOLE_SOURCE, "sato",
        values(SOLE_SOURCE_APPROVAL.name(), "APPROVE", SOLE_SOURCE_APPROVAL_COMMENT.name(), "理由は妥当"));

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "唯一の団体");
    Assertions.assertThat(scenario.historic(selection, CO_PARTNER_GROUPS.name())).isEqualTo("org-midori");
    Assertions.assertThat(scenario.registry.fixationExceptions("org-midori", "dept-fukushi")).singleElement()
        .satisfies(r -> {
          Assertions.assertThat(r.allowed()).isTrue();
          Assertions.assertThat(r.phase()).isEqualTo("SELECTION");
          Assertions.assertThat(r.consecutiveYears()).isEqualTo(3);
          Assertions.assertThat(r.request()).isEqualTo("町内で会場を持つのはこの団体だけ");
          Assertions.assertThat(r.decidedBy()).isEqualTo("sato");
        });
    Assertions.assertThat(scenario.registry.fixationExceptions("org-hikari", "dept-fukushi")).as("not fixed").isEmpty();
    Assertions.assertThat(scenario.registry.yearsHeld("org-midori", "dept-fukushi")).containsExactly(2027, 2026, 2025, 2024);
  }

  /** Both fixed, one answer covers both and is kept for each; not allowed, the co-partners go with the sole source. */
  @Test
  void aRefusedExceptionSendsThePartnerAndItsCoPartnersToAPublicCall() {
    midoriIsFixed();
    ProcessInstance selection = soleSourceToAFixedPartnerWith("org-midori", "会場の提供");
    Assertions.assertThat((String) scenario.variable(selection, FIXATION_NOTICE.name()))
        .contains("NPO法人ひかりはこの課の協働事業を3年度続けて担っています", "みどり町内会（共に担う団体）はこの課の協働事業を3年度");
    scenario.complete(selection, Elements.DECIDE_FIXATION_EXCEPTION, "sato", values(
        jp.kyodo.project.Project.FIXATION_EXCEPTION.name(), "EXCEPTION_REFUSED",
        jp.kyodo.project.Project.FIXATION_EXCEPTION_REASON.name(), "二団体とも4年目になるため、公募で機会を開く"));

    assertThat(selection).isWaitingAt(Elements.WRITE_CALL);
    Assertions.assertThat(scenario.variable(selection, METHOD.name())).isEqualTo("PUBLIC_CALL");
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).isNull();
    Assertions.assertThat(scenario.variable(selection, CO_PARTNER_REASON.name())).isNull();
    for (String organisation : List.of("org-hikari", "org-midori")) {
      Assertions.assertThat(scenario.registry.fixationExceptions(organisation, "dept-fukushi")).as(organisation)
          .singleElement().satisfies(r -> Assertions.assertThat(r.allowed()).isFalse());
    }
  }

  /** ひかり fixed as well as the co-partner: asked with the department's reason, the choice goes to a manager. */
  ProcessInstance soleSourceToAFixedPartnerWith(String coPartner, String role) {
    ProcessInstance selection = selectionWithAFixedPartner();
    scenario.complete(selection, Elements.CHOOSE_METHOD, "suzuki", withCoPartners(soleSourceAskingForAnException(
        "org-hikari", "山間部で活動できる唯一の団体", "代わる団体がなく、今年度中に担い手の育成を始める"), coPartner, role));
    assertThat(selection).isWaitingAt(Elements.DECIDE_FIXATION_EXCEPTION);
    return selection;
  }

  /** A public call whose committee proposes NPO法人ひかり, waiting for the manager's approval. */
  ProcessInstance callSelectingHikari() {
    ProcessInstance selection = scenario.publishedCall(1, "ito");
    List<ProcessInstance> applications = twoApplicationsScreened(selection);
    scenario.complete(scenario.reviewerTask(selection, Elements.DECLARE_CONFLICTS, "ito", null), "ito",
        values(DECLARATION_CONFIRMED.name(), true));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(applications.get(0))), "ito", scores(5, 4));
    scenario.complete(scenario.reviewerTask(selection, Elements.SCORE, "ito", applicationId(applications.get(1))), "ito", scores(3, 3));
    scenario.complete(selection, Elements.PROPOSE, "tanaka", values(SELECTED_APPLICATION.name(),
        applicationId(applications.get(0)), SELECTION_REASON.name(), "実現性が最も高い"));
    assertThat(selection).isWaitingAt(Elements.APPROVE_SELECTION);
    return selection;
  }

  static Map<String, Object> approve() {
    return values(SELECTION_APPROVAL.name(), "APPROVE");
  }

  /**
   * A public call: the manager approving the committee's choice adds the co-partners (they joined without competing,
   * 旭川 Q45), by the same rules — not the selected applicant, registered, not fixed unless the manager writes why, which
   * is then the manager's fixation exception (千葉 ②).
   */
  @Test
  void theManagerApprovingACallMayAddCoPartners() {
    for (int year : new int[] {2024, 2025, 2026}) {
      scenario.registry.recordPartnership(new Partnership("org-umi", "dept-fukushi", null, "訪問 " + year, year, null));
    }
    ProcessInstance selection = callSelectingHikari();
    assertRefused(() -> scenario.complete(selection, Elements.APPROVE_SELECTION, "sato",
        withCoPartners(approve(), "org-hikari", "会計")))
        .contains("「共に担う団体」に、協働パートナーとして選ぶ団体と同じ団体は選べません");
    assertRefused(() -> scenario.complete(selection, Elements.APPROVE_SELECTION, "sato",
        withCoPartners(approve(), "org-midori", "広報", "org-midori", "会場")))
        .contains("「共に担う団体」に同じ団体が二度選ばれています");
    assertRefused(() -> scenario.complete(selection, Elements.APPROVE_SELECTION, "sato",
        withCoPartners(approve(), "org-midori", null)))
        .contains("「共に担う団体1の役割」を入力してください（共に担う団体を選んだ場合）");
    assertRefused(() -> scenario.complete(selection, Elements.APPROVE_SELECTION, "sato",
        withCoPartners(approve(), "org-midori", "広報", "org-umi", "訪問の担い手")))
        .contains("うみの会（共に担う団体）はこの課の協働事業を3年度続けて担っています", "「固定化の例外とする理由」に書いてください");
    assertThat(selection).isWaitingAt(Elements.APPROVE_SELECTION);
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).isNull();

    Map<String, Object> excepted = new java.util.HashMap<>(
        withCoPartners(approve(), "org-midori", "広報", "org-umi", "訪問の担い手"));
    excepted.put(CO_PARTNER_FIXATION_REASON.name(), "訪問の担い手がほかになく、来年度は公募で見直す");
    scenario.complete(selection, Elements.APPROVE_SELECTION, "sato", excepted);

    assertOutcome(selection, Elements.END_SELECTED, SelectionOutcome.SELECTED, "sato", "実現性が最も高い");
    Assertions.assertThat(scenario.historic(selection, PARTNER_GROUP.name())).isEqualTo("org-hikari");
    Assertions.assertThat(coPartners(selection)).extracting(p -> p.get("organisationId"))
        .containsExactly("org-midori", "org-umi");
    Assertions.assertThat(scenario.historic(selection, CO_PARTNER_GROUPS.name())).isEqualTo("org-midori,org-umi");
    Assertions.assertThat(scenario.historic(selection, jp.kyodo.project.Project.FIXATION_EXCEPTION.name()))
        .isEqualTo("EXCEPTION_ALLOWED");
    Assertions.assertThat(scenario.registry.fixationExceptions("org-umi", "dept-fukushi")).singleElement()
        .satisfies(r -> {
          Assertions.assertThat(r.allowed()).isTrue();
          Assertions.assertThat(r.request()).isNull();
          Assertions.assertThat(r.reason()).isEqualTo("訪問の担い手がほかになく、来年度は公募で見直す");
          Assertions.assertThat(r.decidedBy()).isEqualTo("sato");
        });
    Assertions.assertThat(scenario.registry.fixationExceptions("org-midori", "dept-fukushi")).as("not fixed").isEmpty();
    Assertions.assertThat(scenario.registry.yearsHeld("org-midori", "dept-fukushi")).containsExactly(2027);
  }

  /** Sent back to the committee, the selection takes no co-partners: they are the manager's to add to the next proposal. */
  @Test
  void coPartnersNamedWhileSendingTheSelectionBackAreNotKept() {
    ProcessInstance selection = callSelectingHikari();
    Map<String, Object> returned = new java.util.HashMap<>(withCoPartners(
        values(SELECTION_APPROVAL.name(), "RETURN", SELECTION_APPROVAL_COMMENT.name(), "理由を詳しく"), "org-midori", "広報"));
    scenario.complete(selection, Elements.APPROVE_SELECTION, "sato", returned);
    assertThat(selection).isWaitingAt(Elements.PROPOSE);
    Assertions.assertThat(scenario.variable(selection, coPartnerOrganisation(1).name())).isNull();
    Assertions.assertThat(scenario.variable(selection, coPartnerRole(1).name())).isNull();
  }
}
