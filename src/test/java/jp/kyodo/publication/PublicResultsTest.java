package jp.kyodo.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.improvement.ImprovementScenario;
import jp.kyodo.lifecycle.LifecycleScenario;
import jp.kyodo.selection.SelectionProcess;
import jp.kyodo.selection.SelectionScenario;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.server.ResponseStatusException;

/**
 * 情報公開: a real lifecycle's data on the public pages' API — what was decided appears, and nothing in progress
 * or internal does (reviewers and their conflict declarations, screening notes, staff, contact details, the
 * agreement's clauses, a proposal still under examination, a call not yet decided).
 */
class PublicResultsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  ProcessEngine engine;
  LifecycleScenario scenario;
  String deployment;
  PublicResultsApi api;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    scenario = new LifecycleScenario(engine);
    deployment = scenario.deploy();
    api = new PublicResultsApi(scenario.jdbc, new PublicationRepository(scenario.jdbc));
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }

  /** A citizen project with a public call that hikari wins over midori; takahashi declares a conflict on midori. */
  String projectThroughTheCall() throws Exception {
    String number = scenario.propose("hikari", ExaminationScenario.proposal()).getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    LocalDate deadline = LocalDate.of(2026, 7, 31);
    String call = scenario.publishedCall(number, deadline);
    ProcessInstance hikari = scenario.apply("hikari", call);
    scenario.apply("midori", call);

    Map<String, Object> whileOpen = api.project(number);
    assertThat(json(whileOpen)).as("a call not yet decided publishes no applicants").doesNotContain("midori", "みどり町内会");
    assertThat((List<?>) whileOpen.get("selections")).isEmpty();

    LifecycleScenario.moveTo(deadline.plusDays(1));
    scenario.runDueJobs();
    for (Task screening : scenario.tasks(number, SelectionProcess.Elements.SCREEN)) {
      scenario.complete(screening, "tanaka", SelectionScenario.values(SelectionProcess.SCREENING.name(), "ELIGIBLE",
          SelectionProcess.SCREENING_REASON.name(), "内部メモ：財務書類を確認済み"));
    }
    String midori = call + "-A02";
    scenario.complete(number, SelectionProcess.Elements.DECLARE_CONFLICTS, "takahashi", SelectionScenario.values(
        SelectionProcess.CONFLICTED_APPLICATIONS.name(), ListVar.json(List.of(midori)),
        SelectionProcess.CONFLICT_NOTE.name(), "審査委員はみどり町内会の理事", SelectionProcess.DECLARATION_CONFIRMED.name(), true));
    for (Task score : scenario.tasks(number, SelectionProcess.Elements.SCORE)) {
      scenario.complete(score, "takahashi", SelectionScenario.scores(4, 4));
    }
    String applicationId = (String) engine.getRuntimeService().getVariable(hikari.getId(), SelectionProcess.APPLICATION_ID.name());
    scenario.complete(number, SelectionProcess.Elements.PROPOSE, "tanaka", SelectionScenario.values(
        SelectionProcess.SELECTED_APPLICATION.name(), applicationId, SelectionProcess.SELECTION_REASON.name(),
        "地域での実績と計画の実現性が高い"));
    scenario.complete(number, SelectionProcess.Elements.APPROVE_SELECTION, "sato",
        SelectionScenario.values(SelectionProcess.SELECTION_APPROVAL.name(), "APPROVE"));
    return number;
  }

  @Test
  void aWholeYearIsPublishedPhaseByPhaseAndNothingInternalLeaks() throws Exception {
    String number = projectThroughTheCall();
    String stillExamined = scenario.propose("midori", ExaminationScenario.proposal()).getBusinessKey();

    scenario.budgetApproved(number);
    scenario.agreementConcluded(number, "hikari", LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31), LocalDate.of(2027, 4, 1));
    scenario.executionCompleted(number, "hikari");
    scenario.evaluationRecorded(number, "hikari");
    scenario.improvementDecided(number, "hikari", ImprovementScenario.decision("CONTINUE", "見守りが定着しつつあり、同じ団体と続ける"));
    scenario.budgetApproved(number); // the continued year's budget, then its ③

    Map<String, Object> list = api.projects(null, null, null, null, null, 0, 20);
    assertThat(json(list)).contains(number).doesNotContain(stillExamined);
    assertThat(list.get("total")).isEqualTo(1L);
    assertThatThrownBy(() -> api.project(stillExamined)).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("公開されていません");

    String published = json(api.project(number));
    assertThat(published).contains(
        "高齢者の見守りと居場所づくり", "NPO法人ひかり", "共同事業", "③ 市民行政協力",
        "公募", "地域での実績と計画の実現性が高い", "事業の実現性", "みどり町内会", "選定されず", "1位",
        "独居高齢者の孤立を防ぎ", "独居高齢者の見守り訪問", "訪問とサロンの運営", "訪問員の謝礼", "負担金",
        "完了", "検査済み",
        "\"grade\":\"A\"", "事業の目的は明確ですか", "はい",
        "見守りが定着しつつあり、同じ団体と続ける");
    assertThat(published).as("reviewers, conflict declarations and screening notes stay internal")
        .doesNotContain("takahashi", "審査委員はみどり町内会の理事", "内部メモ");
    assertThat(published).as("no staff names, contact details or confidential clauses")
        .doesNotContain("tanaka", "suzuki", "sato", "yamamoto", "@", "個人情報を第三者に漏らさない", "剰余");

    assertThat(json(api.projects(2028, "dept-fukushi", "JOINT_PROJECT", "AGREEMENT", "ひかり", 0, 20))).contains(number);
    assertThat((Long) api.projects(2026, null, null, null, null, 0, 20).get("total")).isZero();
    assertThat((Long) api.projects(null, null, "COMMISSION", null, null, 0, 20).get("total")).isZero();
    assertThat((Long) api.projects(null, null, null, null, "100%_", 0, 20).get("total")).as("wildcards are literal").isZero();
    assertThatThrownBy(() -> api.projects(null, null, "NO_SUCH", null, null, 0, 20)).hasMessageContaining("協働の形態");
    assertThatThrownBy(() -> api.projects(null, null, null, "DROP TABLE", null, 0, 20)).hasMessageContaining("段階");
    assertThat(json(api.filters())).contains("2028年度（令和10年度）", "福祉課", "② パートナーの選定", "終了した事業");

    String csv = new String(api.exportCsv(2028, null, null, null, null).getBody(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF事業番号,事業名,段階").contains("\"" + number + "\",\"高齢者の見守りと居場所づくり\"");
    assertThat(api.exportJson(null, null, null, null, null).getBody()).hasSize(1);

    // The same lifecycle in the office's overview.
    Map<String, Object> overview = new jp.kyodo.overview.OverviewApi(scenario.jdbc, engine,
        new jp.kyodo.registry.PartnerFixation(new jp.kyodo.registry.OrganisationRepository(scenario.jdbc), 3)).data();
    String figures = json(overview);
    assertThat(figures).contains("\"2028年度\":{\"③ 協定・契約\":1}", "\"年度未定\":{\"① 事業の検討\":1}",
        "{\"label\":\"共同事業\",\"count\":1}", "{\"label\":\"③ 市民行政協力\",\"count\":1}",
        "\"organisationName\":\"NPO法人ひかり\",\"projects\":1,\"fiscalYearsHeld\":1,\"longestRun\":1",
        "\"fixed\":false", "{\"fiscalYear\":2027,\"byGrade\":{\"A\":1},\"evaluations\":1,\"average\":4.0}");
  }

  @Test
  void aCsvCellCannotCarryAFormula() {
    assertThat(PublicResultsApi.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(PublicResultsApi.cell("普通の\"名前\"")).isEqualTo("\"普通の\"\"名前\"\"\"");
    assertThat(PublicResultsApi.yearLabel(2019)).isEqualTo("2019年度（令和元年度）");
  }
}
