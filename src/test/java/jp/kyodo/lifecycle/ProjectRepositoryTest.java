package jp.kyodo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.kyodo.platform.Decision;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The project tables (V6): numbering, phase changes, decisions, and the filtered, paged, per-reader list. */
class ProjectRepositoryTest {

  static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");

  JdbcTemplate jdbc;
  ProjectRepository projects;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:project-repository-test;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    jdbc.update("DELETE FROM kyodo_project_decision");
    jdbc.update("DELETE FROM kyodo_project");
    jdbc.update("DELETE FROM kyodo_number_series");
    projects = new ProjectRepository(jdbc);
  }

  String open(String title, String proposerGroup) {
    return projects.open(2026, title, "someone", proposerGroup, "pi-" + title, NOW);
  }

  void enter(String number, Phase phase, String department, String partner, int fiscalYear) {
    projects.enterPhase(number, new ProjectRecord.Facts(number + "の事業", department, department + "の課", partner,
        partner == null ? null : partner + "の会", "JOINT_PROJECT", null, 3, "NEXT_YEAR"),
        new ProjectRecord.PhaseEntry(phase, 1, fiscalYear, NOW, NOW.plusSeconds(86_400)), NOW);
  }

  @Test
  void projectsAreNumberedByTheYearOfTheProposalAndTheNumberIsUniquePerYear() {
    assertThat(open("a", null)).isEqualTo("2026-001");
    assertThat(open("b", null)).isEqualTo("2026-002");
    assertThat(projects.open(2027, "c", "someone", null, "pi-c", NOW)).isEqualTo("2027-001");
    assertThatThrownBy(() -> jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title,"
        + " proposer, phase, round_no, status, process_instance_id, opened_at, updated_at) VALUES ('x', 2026, 2, 't', 'p',"
        + " 'EXAMINATION', 0, 'ACTIVE', 'pi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        .as("one serial per year").isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("UPDATE kyodo_project SET phase = 'LUNCH'"))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void aProposalNumberedWhileAnotherIsBeingNumberedWaitsForItAndTakesTheNextNumber() throws Exception {
    var transactions = new org.springframework.transaction.support.TransactionTemplate(
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
    assertThat(open("first", null)).isEqualTo("2026-001");
    java.util.concurrent.CountDownLatch numbered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      // One proposal is numbered and its transaction is still open (the rest of its start is still running) ...
      var slow = other.submit(() -> transactions.execute(status -> {
        String number = open("slow", null);
        numbered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return number;
      }));
      numbered.await();
      // ... when another one is numbered: it waits for the first to commit, then takes the number after.
      var fast = java.util.concurrent.CompletableFuture.supplyAsync(() -> transactions.execute(status -> open("fast", null)));
      Thread.sleep(300);
      assertThat(fast).as("waits while the other transaction holds the year's serial").isNotDone();
      release.countDown();
      assertThat(slow.get()).isEqualTo("2026-002");
      assertThat(fast.get()).isEqualTo("2026-003");
    } finally {
      release.countDown();
      other.shutdownNow();
    }
  }

  @Test
  void numberingGoesOnFromTheProjectsThereAndTheFirstTwoOfAYearAtTheSameMomentBothGetANumber() {
    // A database whose projects were numbered before the serials were kept (V7 seeds them; this one lost its row).
    jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title, proposer, phase, round_no,"
        + " status, process_instance_id, opened_at, updated_at) VALUES ('2026-007', 2026, 7, 't', 'p', 'EXAMINATION', 0,"
        + " 'ACTIVE', 'pi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    assertThat(open("next", null)).isEqualTo("2026-008");
    // Another proposal created the year's row between this one's update (nothing to update yet) and its insert:
    // this one's insert of the row is refused and it takes the number after the other's.
    JdbcTemplate stale = org.mockito.Mockito.spy(jdbc);
    org.mockito.Mockito.doReturn(0).doCallRealMethod().when(stale).update(
        org.mockito.ArgumentMatchers.startsWith("UPDATE kyodo_number_series"), org.mockito.ArgumentMatchers.<Object>any());
    assertThat(new ProjectRepository(stale).open(2026, "late", "p", null, "pi-late", NOW)).isEqualTo("2026-009");
  }

  @Test
  void aNumberTakenOutsideTheSeriesIsSkippedAndTheNextOneTaken() {
    // A project row written with a number the series has not given out (a restore, an import): skipped.
    jdbc.update("INSERT INTO kyodo_project (project_number, proposal_year, serial_no, title, proposer, phase, round_no,"
        + " status, process_instance_id, opened_at, updated_at) VALUES ('2026-002', 2026, 1, 't', 'p', 'EXAMINATION', 0,"
        + " 'ACTIVE', 'pi', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    assertThat(projects.open(2026, "late", "p", null, "pi-late", NOW)).isEqualTo("2026-003");
    assertThat(projects.open(2026, "late", "p", null, "pi-late", NOW)).as("the same instance: its project again")
        .isEqualTo("2026-003");
  }

  @Test
  void aLifecycleInstanceRegistersOneProjectHoweverOftenItsStepRuns() {
    String first = projects.open(2026, "once", "p", null, "pi-once", NOW);
    assertThat(projects.open(2026, "once", "p", null, "pi-once", NOW)).isEqualTo(first);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project", Integer.class)).isEqualTo(1);
  }

  @Test
  void aPositionTakenAtTheSameMomentIsSkippedAndADecisionIsRecordedOncePerStep() {
    String number = open("a", null);
    projects.recordDecision(number, new ProjectDecision(Phase.EXAMINATION, 1, null,
        new Decision("APPROVED", "承認", "よい", "tanaka", NOW)));
    // The other decision was written between this one's look-up of the last position and its insert.
    JdbcTemplate stale = org.mockito.Mockito.spy(jdbc);
    org.mockito.Mockito.doReturn(null).when(stale).queryForObject(org.mockito.ArgumentMatchers.contains("MAX(position)"),
        org.mockito.ArgumentMatchers.eq(Integer.class), org.mockito.ArgumentMatchers.<Object>any());
    ProjectDecision overdue = new ProjectDecision(Phase.EXAMINATION, 1, null,
        new Decision(ProjectDecision.OVERDUE_HANDLED, "対応", "指示", "sato", NOW));
    new ProjectRepository(stale).recordDecision(number, overdue, "task:42");
    assertThat(projects.decisions(number)).extracting(d -> d.decision().outcome())
        .containsExactly("APPROVED", ProjectDecision.OVERDUE_HANDLED);
    // The same step (task 42) run again records nothing more.
    projects.recordDecision(number, overdue, "task:42");
    assertThat(projects.decisions(number)).hasSize(2);
  }

  @Test
  void decisionsAreKeptInOrderAndTheLatestIsOnTheProject() {
    String number = open("a", "org-hikari");
    enter(number, Phase.EVALUATION, "dept-fukushi", "org-hikari", 2027);
    projects.recordDecision(number, new ProjectDecision(Phase.EXAMINATION, 1, 2027L,
        new Decision("APPROVED", "承認", "よい", "tanaka", NOW)));
    projects.recordDecision(number, new ProjectDecision(Phase.EVALUATION, 1, 2027L,
        new Decision("B", "B 目標を達成", "あ".repeat(5000), "suzuki", NOW.plusSeconds(60))));
    assertThat(projects.decisions(number)).extracting(d -> d.decision().outcome()).containsExactly("APPROVED", "B");
    assertThat(projects.decisions(number).get(1).decision().reason()).as("cut to the column").hasSize(4000).endsWith("…");
    ProjectRecord project = projects.find(number).orElseThrow();
    assertThat(project.lastDecision()).isEqualTo("B");
    assertThat(project.lastDecidedBy()).isEqualTo("suzuki");
    assertThat(project.latestGrade()).isEqualTo("B");
    // Decisions under ⑤ that are not its grade (a manager's answer to an overdue ⑤, a staff handover) keep the grade.
    for (String other : java.util.List.of(ProjectDecision.OVERDUE_HANDLED, ProjectDecision.STAFF_HANDOVER)) {
      projects.recordDecision(number, new ProjectDecision(Phase.EVALUATION, 1, 2027L,
          new Decision(other, "ほかの判断", null, "sato", NOW.plusSeconds(90))));
    }
    assertThat(projects.find(number).orElseThrow().lastDecision()).isEqualTo(ProjectDecision.STAFF_HANDOVER);
    assertThat(projects.find(number).orElseThrow().latestGrade()).isEqualTo("B");

    projects.markOverdue(number, NOW);
    assertThat(projects.find(number).orElseThrow().overdueSince()).isEqualTo(NOW);
    projects.close(number, ProjectOutcome.ENDED, NOW.plusSeconds(120));
    project = projects.find(number).orElseThrow();
    assertThat(project.status()).isEqualTo(ProjectRecord.CLOSED);
    assertThat(project.outcome()).isEqualTo("ENDED");
    assertThat(project.overdueSince()).isNull();
  }

  @Test
  void theListIsFilteredPagedAndLimitedToWhatTheReaderMaySee() {
    String fukushi1 = open("f1", "org-hikari");
    enter(fukushi1, Phase.AGREEMENT, "dept-fukushi", "org-hikari", 2027);
    String fukushi2 = open("f2", "dept-fukushi");
    enter(fukushi2, Phase.SELECTION, "dept-fukushi", null, 2028);
    String kankyo = open("k", "org-midori");
    enter(kankyo, Phase.AGREEMENT, "dept-kankyo", "org-midori", 2027);
    String proposed = open("p", "org-hikari");

    ProjectRepository.Visibility all = ProjectRepository.Visibility.everything();
    ProjectRepository.Filter none = new ProjectRepository.Filter(null, null, null, null);
    assertThat(projects.list(none, all, 0, 50).total()).isEqualTo(4);
    assertThat(numbers(projects.list(new ProjectRepository.Filter(Phase.AGREEMENT, null, null, null), all, 0, 50)))
        .containsExactlyInAnyOrder(fukushi1, kankyo);
    assertThat(numbers(projects.list(new ProjectRepository.Filter(null, 2027, "dept-fukushi", null), all, 0, 50)))
        .containsExactly(fukushi1);
    assertThat(numbers(projects.list(new ProjectRepository.Filter(null, null, null, "ACTIVE"), all, 0, 50))).hasSize(4);

    ProjectRepository.Page first = projects.list(none, all, 0, 3);
    ProjectRepository.Page second = projects.list(none, all, 3, 3);
    assertThat(first.projects()).hasSize(3);
    assertThat(second.projects()).hasSize(1);
    assertThat(first.total()).isEqualTo(4);
    assertThat(projects.list(none, all, -5, 100_000).limit()).isEqualTo(ProjectRepository.MAX_PAGE);

    assertThat(numbers(projects.list(none, ProjectRepository.Visibility.ofGroups(List.of("departments", "dept-fukushi")), 0, 50)))
        .as("a department: its own").containsExactlyInAnyOrder(fukushi1, fukushi2);
    assertThat(numbers(projects.list(none, ProjectRepository.Visibility.ofGroups(List.of("partners", "org-hikari")), 0, 50)))
        .as("a partner: as partner or proposer").containsExactlyInAnyOrder(fukushi1, proposed);
    assertThat(projects.list(none, ProjectRepository.Visibility.ofGroups(List.of()), 0, 50).projects()).isEmpty();
  }

  static List<String> numbers(ProjectRepository.Page page) {
    return page.projects().stream().map(ProjectRecord::projectNumber).toList();
  }
}
