package jp.kyodo.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.examination.ExaminationScenario;
import jp.kyodo.lifecycle.CollaborationProcess;
import jp.kyodo.lifecycle.Phase;
import jp.kyodo.lifecycle.ProjectDecision;
import jp.kyodo.lifecycle.ProjectOutcome;
import jp.kyodo.lifecycle.ProjectRecord;
import jp.kyodo.lifecycle.ProjectRepository;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data set of the query measurements: {@code projects} collaboration projects in the database.
 * <ul>
 * <li>{@code running} of them are real lifecycles, proposed through the start form on 25 November 2026: a third by
 * NPO法人ひかり and みどり町内会 (citizen proposals: 「提案を受け付け担当課を決める」 waits for the collaboration office),
 * two thirds by the staff of the four departments (their own issues: the check sheet waits for the department) —
 * engine instances with their tasks, candidate groups, task permissions, variables, history and overdue timers,
 * and their {@code kyodo_project} rows.</li>
 * <li>The others are the projects of the ten fiscal years before, written through {@link ProjectRepository} as the
 * lifecycle's delegates write them (opened, each phase entered, each decision recorded, closed with its outcome),
 * spread over the four demo departments, the two demo organisations and every phase a project can stop in. Their
 * engine history is not generated: the queries measured here do not read it.</li>
 * </ul>
 */
final class ProjectData {

  static final Instant NOW = LocalDate.of(2026, 11, 25).atTime(10, 0).atZone(CityCalendar.ZONE).toInstant();
  static final String[][] DEPARTMENTS = {{"dept-fukushi", "福祉課"}, {"dept-kankyo", "環境政策課"},
      {"dept-kosodate", "子育て支援課"}, {"dept-bosai", "危機管理課"}};
  static final String[][] PARTNERS = {{"org-hikari", "NPO法人ひかり", "hikari"}, {"org-midori", "みどり町内会", "midori"}};
  static final String[] PROPOSERS = {"hikari", "midori", "suzuki"};
  /** Who proposes the running lifecycles: the two demo organisations and the staff of the four departments. */
  static final String[] RUNNING_PROPOSERS = {"hikari", "suzuki", "kankyo1", "midori", "kosodate1", "bosai1"};

  private final ApplicationContext context;
  private final ProcessEngine engine;
  private final Desk desk;
  private final ProjectRepository projects;

  ProjectData(ApplicationContext context, Desk desk) {
    this.context = context;
    this.engine = desk.engine;
    this.desk = desk;
    this.projects = context.getBean(ProjectRepository.class);
  }

  Results.Data generate(int total, int running) {
    long began = System.nanoTime();
    ClockUtil.setCurrentTime(Date.from(NOW));
    int past = Math.max(0, total - running);
    TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    for (int from = 0; from < past; from += 200) {
      int upTo = Math.min(past, from + 200);
      int first = from;
      transaction.executeWithoutResult(status -> {
        for (int i = first; i < upTo; i++) {
          pastProject(i);
        }
      });
      if (upTo % 2000 == 0 || upTo == past) {
        BenchmarkHarness.log("data: %d past projects", upTo);
      }
    }
    String definition = desk.latestDefinition(CollaborationProcess.KEY);
    for (int i = 0; i < running; i++) {
      // One proposal a minute, as people send them (not all at the same instant).
      ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(60L * i)));
      Map<String, Object> proposal = ExaminationScenario.with(ExaminationScenario.proposal(),
          ExaminationProcess.TITLE.name(), "地域の見守りと居場所づくり その" + (i + 1));
      String proposer = RUNNING_PROPOSERS[i % RUNNING_PROPOSERS.length];
      desk.start(proposer, definition, null, proposal);
      if ((i + 1) % 1000 == 0 || i + 1 == running) {
        BenchmarkHarness.log("data: %d running lifecycles", i + 1);
      }
    }
    // A database in service has its planner statistics kept up to date by autovacuum; right after a bulk load they
    // are missing until autovacuum gets round to it, and a query timed meanwhile measures that moment, not Kyodo.
    var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    if (jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
        connection -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"))) {
      jdbc.execute("ANALYZE");
    }
    int openTasks = (int) engine.getTaskService().createTaskQuery().count();
    Long inDatabase = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project", Long.class);
    return new Results.Data(total, running, past, inDatabase == null ? 0 : inDatabase, openTasks,
        (System.nanoTime() - began) / 1e9);
  }

  /** A project of the ten fiscal years before, that went as far as one phase and ended there. */
  private void pastProject(int i) {
    int fiscalYear = 2016 + i % 10;
    String[] department = DEPARTMENTS[i % DEPARTMENTS.length];
    String[] partner = PARTNERS[(i / 4) % PARTNERS.length];
    String proposer = PROPOSERS[i % PROPOSERS.length];
    String proposerGroup = proposer.equals("suzuki") ? "dept-fukushi" : "org-" + proposer;
    Instant opened = LocalDate.of(fiscalYear - 1, 5, 1).atTime(9, 0).atZone(CityCalendar.ZONE).toInstant()
        .plusSeconds(60L * (i / 10));
    String title = "過去の協働事業 " + (i + 1);
    String number = projects.open(fiscalYear - 1, title, proposer, proposerGroup, "past-" + (i + 1), opened);
    Phase[] phases = Phase.values();
    // A project ends after ① (not approved), after ② (no partner) or after ⑥ (ended or handed over).
    int last = new int[] {0, 1, Phase.IMPROVEMENT.ordinal()}[(i / 3) % 3];
    Instant at = opened;
    for (int p = 0; p <= last; p++) {
      Phase phase = phases[p];
      boolean partnerKnown = p >= 2;
      ProjectRecord.Facts facts = new ProjectRecord.Facts(title, department[0], department[1],
          partnerKnown ? partner[0] : null, partnerKnown ? partner[1] : null, "JOINT_PROJECT", null, 3, "NEXT_YEAR");
      projects.enterPhase(number, facts, new ProjectRecord.PhaseEntry(phase, 1, fiscalYear, at, at.plusSeconds(86_400L * 60)),
          at);
      at = at.plusSeconds(86_400L * 30);
      boolean stops = p == last;
      String decision = switch (phase) {
        case EXAMINATION -> stops ? "REJECTED" : "APPROVED";
        case SELECTION -> stops ? "DROPPED" : "SELECTED";
        case BUDGET -> "APPROVED";
        case AGREEMENT -> "CONCLUDED";
        case EXECUTION -> "COMPLETED";
        case EVALUATION -> List.of("A", "B", "C").get(i % 3);
        case IMPROVEMENT -> stops && i % 2 == 0 ? "HANDOVER" : "END";
      };
      projects.recordDecision(number, new ProjectDecision(phase, 1, (long) fiscalYear, new Decision(decision,
          phase.label() + "の判断", "ベンチマーク用の過去の事業（" + decision + "）",
          phase == Phase.EXAMINATION ? "tanaka" : "suzuki", at)));
    }
    ProjectOutcome outcome = switch (phases[last]) {
      case EXAMINATION -> ProjectOutcome.NOT_APPROVED;
      case SELECTION -> ProjectOutcome.DROPPED;
      default -> i % 2 == 0 ? ProjectOutcome.HANDED_OVER : ProjectOutcome.ENDED;
    };
    projects.close(number, outcome, at);
  }
}
