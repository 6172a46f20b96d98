package jp.kyodo.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.lifecycle.LifecycleScenario;
import jp.kyodo.selection.SelectionRepository;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * 公募 on the public page (関市 ルール4 「機会が公平に開かれている」, 旭川 Q30): the open calls with what they offer
 * and the time left, the closed ones with the result ② published, filters, exports and the Atom feed — and nothing
 * internal (reviewers, quorum, who published, screening notes).
 */
class PublicCallsTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  static final String ATOM = "http://www.w3.org/2005/Atom";

  ProcessEngine engine;
  LifecycleScenario scenario;
  String deployment;
  PublicCallsApi api;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    scenario = new LifecycleScenario(engine);
    deployment = scenario.deploy();
    api = new PublicCallsApi(scenario.jdbc, new PublicationRepository(scenario.jdbc));
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
  }

  @AfterEach
  void tearDown() {
    RequestContextHolder.resetRequestAttributes();
    engine.getRepositoryService().deleteDeployment(deployment, true);
    Mocks.reset();
    ClockUtil.reset();
  }

  record Opened(String project, String call, LocalDate deadline) {}

  /** A citizen project of 福祉課 whose call (field 保健・医療・福祉, 1,200,000 yen) is open until {@code deadline}. */
  Opened openCall(LocalDate deadline) {
    String number = scenario.propose("hikari", ExaminationScenario.proposal()).getBusinessKey();
    scenario.examinationApproved(number, true, LifecycleScenario.FIRST_YEAR, "NEXT_YEAR");
    return new Opened(number, scenario.publishedCall(number, deadline), deadline);
  }

  /** The call decided: hikari selected over midori. */
  Opened decidedCall() {
    Opened opened = openCall(LifecycleScenario.today().plusDays(5));
    ProcessInstance hikari = scenario.apply("hikari", opened.call());
    scenario.apply("midori", opened.call());
    scenario.callDecided(opened.project(), opened.deadline(), hikari);
    return opened;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  @Test
  void anOpenCallIsListedWithWhatItOffersAndTheTimeLeft() throws Exception {
    Opened opened = openCall(LifecycleScenario.today().plusDays(5));
    Map<String, Object> page = api.calls("OPEN", null, null, null, null, 0, 20);
    assertThat(page.get("total")).isEqualTo(1L);
    Map<String, Object> call = items(page).get(0);
    assertThat(call).containsEntry("callNumber", opened.call()).containsEntry("title", "高齢者の見守りと居場所づくり")
        .containsEntry("status", "OPEN").containsEntry("statusLabel", "公募中").containsEntry("timeLeft", "締切まであと5日")
        .containsEntry("deadline", opened.deadline().toString()).containsEntry("departmentName", "福祉課")
        .containsEntry("budgetFrame", 1_200_000L).containsEntry("fiscalYearLabel", "2027年度（令和9年度）")
        .containsEntry("purpose", "独居高齢者の見守りとサロン運営").containsEntry("eligibility", "市内で活動する登録団体")
        .containsEntry("page", "/public/call.html?n=" + opened.call());
    assertThat(call.get("formLabel")).isNotNull();
    assertThat(JSON.writeValueAsString(call.get("fields"))).contains("WELFARE", "保健・医療・福祉");
    assertThat(JSON.writeValueAsString(call.get("criteria"))).contains("事業の実現性", "60", "地域への効果", "40");
    assertThat(JSON.writeValueAsString(page)).doesNotContain("takahashi", "quorum", "tanaka", "reviewers");

    Map<String, Object> single = api.call(opened.call());
    assertThat(single).containsEntry("open", true).containsEntry("result", null)
        .containsEntry("applyUrl", "/public/calls/" + opened.call() + "/apply");
    assertThat(PublicCallsApi.timeLeft(LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 20))).isEqualTo("本日締切（24時まで）");
    assertThatThrownBy(() -> api.call("2099-S999-K9")).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("見つかりません");
    assertThatThrownBy(() -> api.call("x".repeat(1000))).isInstanceOf(ResponseStatusException.class);
  }

  @Test
  void aClosedCallKeepsItsPageAndShowsThePublishedResult() throws Exception {
    Opened decided = decidedCall();
    Map<String, Object> call = api.call(decided.call());
    assertThat(call).containsEntry("status", "DECIDED").containsEntry("open", false).containsEntry("timeLeft", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) call.get("result");
    assertThat(result).containsEntry("selectedOrganisation", "NPO法人ひかり")
        .containsEntry("summary", "NPO法人ひかりを協働の相手に選定しました。");
    String published = JSON.writeValueAsString(call);
    assertThat(published).contains("みどり町内会", "選定されず", "1位")
        .doesNotContain("takahashi", "内部メモ", "suzuki", "conflict");
    assertThat(api.calls("OPEN", null, null, null, null, 0, 20).get("total")).isEqualTo(0L);
    assertThat(api.calls("CLOSED", null, null, null, null, 0, 20).get("total")).isEqualTo(1L);
    assertThat(api.calls("DECIDED", null, null, null, null, 0, 20).get("total")).isEqualTo(1L);
  }

  @Test
  void filtersNarrowTheListAndUnknownValuesAreRefused() {
    Opened welfare = openCall(LifecycleScenario.today().plusDays(5));
    Opened environment = openCall(LifecycleScenario.today().plusDays(8));
    scenario.jdbc.update("UPDATE kyodo_call SET activity_fields = 'ENVIRONMENT', purpose = '海岸の清掃と環境学習'"
        + " WHERE call_number = ?", environment.call());

    assertThat(items(api.calls(null, null, null, null, null, 0, 20))).extracting(c -> c.get("callNumber"))
        .as("open calls first, the nearest deadline first").containsExactly(welfare.call(), environment.call());
    assertThat(items(api.calls(null, null, "ENVIRONMENT", null, null, 0, 20))).extracting(c -> c.get("callNumber"))
        .containsExactly(environment.call());
    assertThat(items(api.calls(null, null, "WELFARE", null, null, 0, 20))).extracting(c -> c.get("callNumber"))
        .containsExactly(welfare.call());
    assertThat(items(api.calls(null, null, null, null, "海岸", 0, 20))).extracting(c -> c.get("callNumber"))
        .containsExactly(environment.call());
    assertThat(items(api.calls(null, null, null, null, "100%_", 0, 20))).isEmpty();
    assertThat(api.calls(null, "dept-fukushi", null, 2027, null, 0, 20).get("total")).isEqualTo(2L);
    assertThat(api.calls(null, "dept-kankyo", null, null, null, 0, 20).get("total")).isEqualTo(0L);
    assertThat(api.calls(null, null, null, 2031, null, 0, 20).get("total")).isEqualTo(0L);
    assertThat(api.calls("CLOSED", null, null, null, null, 0, 20).get("total")).isEqualTo(0L);

    Map<String, Object> bounded = api.calls(null, null, null, null, null, -5, 100_000);
    assertThat(bounded).containsEntry("limit", 100).containsEntry("offset", 0);
    assertThat(items(api.calls(null, null, null, null, null, 1, 1))).extracting(c -> c.get("callNumber"))
        .containsExactly(environment.call());

    assertThatThrownBy(() -> api.calls("ANY", null, null, null, null, 0, 20)).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("公募の状況「ANY」はありません");
    assertThatThrownBy(() -> api.calls(null, null, "SPACE", null, null, 0, 20)).isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("分野「SPACE」はありません");
    assertThatThrownBy(() -> api.calls(null, null, null, null, "あ".repeat(101), 0, 20))
        .isInstanceOf(ResponseStatusException.class).hasMessageContaining("100文字以内");
    assertThatThrownBy(() -> api.exportCsv(null, null, "' OR 1=1 --", null, null)).isInstanceOf(ResponseStatusException.class);
    Map<String, Object> filters = api.filters();
    assertThat(filters.toString()).contains("OPEN", "公募中", "WELFARE", "保健・医療・福祉", "dept-fukushi", "福祉課", "2027");
  }

  @Test
  void csvAndJsonExportTheFilteredCallsSafely() throws Exception {
    Opened opened = openCall(LifecycleScenario.today().plusDays(5));
    scenario.jdbc.update("UPDATE kyodo_call SET purpose = '=HYPERLINK(\"http://evil\")' WHERE call_number = ?", opened.call());

    byte[] csv = api.exportCsv("OPEN", null, "WELFARE", null, null).getBody();
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).contains("公募番号,事業名,状況,締切日", opened.call(), "\"1200000\"", "\"保健・医療・福祉\"",
        "\"事業の実現性（60点）、地域への効果（40点）\"", "\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(text.lines().count()).isEqualTo(2);
    assertThat(new String(api.exportCsv("CLOSED", null, null, null, null).getBody(), StandardCharsets.UTF_8).lines().count())
        .isEqualTo(1);

    List<Map<String, Object>> json = api.exportJson(null, null, null, null, null).getBody();
    assertThat(json).singleElement().satisfies(c -> assertThat(c).containsEntry("callNumber", opened.call()));
    assertThat(api.exportJson(null, null, "ENVIRONMENT", null, null).getBody()).isEmpty();
    assertThat(api.exportJson(null, null, null, null, null).getHeaders().getFirst("Content-Disposition"))
        .contains("kyodo-calls.json");
  }

  @Test
  void theAtomFeedListsEachCallAsAnEntry() throws Exception {
    Opened first = openCall(LifecycleScenario.today().plusDays(5));
    Opened second = openCall(LifecycleScenario.today().plusDays(8));
    scenario.jdbc.update("UPDATE kyodo_call SET purpose = 'A & B <script>' WHERE call_number = ?", second.call());

    var response = api.feed();
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(child(root, "id").getTextContent()).isEqualTo("http://localhost/public/calls.atom");
    assertThat(child(root, "title").getTextContent()).isEqualTo("協働事業の公募（新着）");
    assertThat(java.time.Instant.parse(child(root, "updated").getTextContent())).isNotNull();
    assertThat(links(root)).contains("self http://localhost/public/calls.atom");

    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(2);
    Element newest = (Element) entries.item(0);
    String page = "http://localhost/public/call.html?n=" + second.call();
    assertThat(child(newest, "id").getTextContent()).isEqualTo(page);
    assertThat(child(newest, "title").getTextContent()).isEqualTo("高齢者の見守りと居場所づくり（公募中）");
    assertThat(java.time.Instant.parse(child(newest, "updated").getTextContent())).isNotNull();
    assertThat(links(newest)).containsExactly("alternate " + page);
    assertThat(child(newest, "summary").getTextContent()).contains(second.call(), "福祉課", "A & B <script>",
        "1,200,000円");
    assertThat(child((Element) entries.item(1), "id").getTextContent()).endsWith(first.call());
  }

  @Test
  void aCallIsOfferedTheBudgetGrantedForItsYear() {
    Opened decided = decidedCall();
    SelectionRepository records = new SelectionRepository(scenario.jdbc);
    assertThat(records.approvedBudget(decided.project(), (int) LifecycleScenario.FIRST_YEAR)).isEmpty();
    scenario.budgetDecided(decided.project(), 1_500_000L, "CUT", 1_100_000L, "会場費を見直す");
    assertThat(records.approvedBudget(decided.project(), (int) LifecycleScenario.FIRST_YEAR)).contains(1_100_000L);
    assertThat(records.approvedBudget(decided.project(), 2030)).isEmpty();
  }

  static Element child(Element parent, String name) {
    NodeList found = parent.getElementsByTagNameNS(ATOM, name);
    for (int i = 0; i < found.getLength(); i++) {
      if (found.item(i).getParentNode() == parent) {
        return (Element) found.item(i);
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
  }

  static List<String> links(Element parent) {
    NodeList found = parent.getElementsByTagNameNS(ATOM, "link");
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      Element link = (Element) found.item(i);
      if (link.getParentNode() == parent) {
        out.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
      }
    }
    return out;
  }
}
