package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.support.OnPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link UniqueInsert} and {@link NumberSeries} where it matters: on PostgreSQL a statement that fails aborts the
 * whole transaction ("current transaction is aborted, commands ignored until end of transaction block"), which H2
 * (UniqueInsertTest, NumberSeriesTest) does not do. Each test has an insert refused by a unique constraint inside a
 * transaction that then goes on and commits — only the savepoint around the insert makes that possible. Kyodo's
 * tables are migrated into a schema of this test's own in the database of PostgresStartupTest, dropped at the end.
 */
@OnPostgres
class UniqueInsertOnPostgresTest {

  static final String URL = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:5432/kyodo");
  static final String USER = env("SPRING_DATASOURCE_USERNAME", "kyodo");
  static final String PASSWORD = env("SPRING_DATASOURCE_PASSWORD", "kyodo");

  static String schema;
  static JdbcTemplate jdbc;
  static TransactionTemplate transaction;

  static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  @BeforeAll
  static void migrateIntoASchemaOfItsOwn() {
    schema = "kyodo_unique_insert_" + Long.toString(System.nanoTime(), 36);
    new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD)).execute("CREATE SCHEMA " + schema);
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
    Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE numbered (id INTEGER PRIMARY KEY, source_key VARCHAR(40) UNIQUE)");
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @AfterAll
  static void dropTheSchema() {
    if (schema != null) {
      new JdbcTemplate(new DriverManagerDataSource(URL, USER, PASSWORD)).execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aRefusedInsertIsUndoneAloneAndTheTransactionCommitsTheRest() {
    transaction.executeWithoutResult(status -> {
      jdbc.update("INSERT INTO numbered VALUES (1, 'a')");
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (1, 'b')"))).isFalse();
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (2, 'a')"))).isFalse();
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (2, 'b')"))).isTrue();
      jdbc.update("INSERT INTO numbered VALUES (3, 'c')");
    });
    // Read on a connection of its own: what the transaction committed.
    assertThat(jdbc.queryForList("SELECT source_key FROM numbered WHERE id <= 3 ORDER BY id", String.class))
        .containsExactly("a", "b", "c");
  }

  @Test
  void aNumberTakenOutsideTheSeriesIsPassedOverAndTheTransactionCommits() {
    NumberSeries series = new NumberSeries(jdbc);
    // A row written with a number the series has not given out yet (a restore, an import).
    jdbc.update("INSERT INTO numbered VALUES (101, 'imported')");
    jdbc.update("INSERT INTO kyodo_number_series (series, last_value) VALUES ('numbered:100', 100)");
    Integer written = transaction.execute(status -> {
      int serial = series.insertNext("numbered:100", () -> 100,
          n -> UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (?, 'mine')", n)),
          () -> jdbc.queryForObject("SELECT COUNT(*) FROM numbered WHERE source_key = 'mine'", Integer.class) > 0)
          .orElseThrow();
      jdbc.update("INSERT INTO numbered VALUES (199, 'after the refusal')");
      return serial;
    });
    assertThat(written).isEqualTo(102);
    assertThat(jdbc.queryForList("SELECT id FROM numbered WHERE id BETWEEN 101 AND 199 ORDER BY id", Integer.class))
        .containsExactly(101, 102, 199);
    assertThat(jdbc.queryForObject("SELECT last_value FROM kyodo_number_series WHERE series = 'numbered:100'",
        Integer.class)).isEqualTo(102);
  }

  /**
   * Two first numbers of a series at the same moment, for real: the second transaction finds no row to update, its
   * insert waits on the first one's uncommitted row and is refused once that commits; it takes the number after it.
   */
  @Test
  void theSecondOfTwoFirstNumbersAtTheSameMomentTakesTheNextAndCommits() throws Exception {
    NumberSeries series = new NumberSeries(jdbc);
    CountDownLatch firstHoldsItsNumber = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = nodes.submit(() -> transaction.execute(status -> {
        int number = series.next("race:2027", () -> 0);
        firstHoldsItsNumber.countDown();
        await(firstMayCommit);
        return number;
      }));
      assertThat(firstHoldsItsNumber.await(30, TimeUnit.SECONDS)).as("the first took its number").isTrue();
      Future<Integer> second = nodes.submit(() -> transaction.execute(status -> {
        int number = series.next("race:2027", () -> 0);
        jdbc.update("INSERT INTO numbered VALUES (?, 'second')", 1000 + number);
        return number;
      }));
      waitUntilABackendWaitsForALock();
      firstMayCommit.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    } finally {
      firstMayCommit.countDown();
      nodes.shutdownNow();
    }
    assertThat(jdbc.queryForObject("SELECT last_value FROM kyodo_number_series WHERE series = 'race:2027'",
        Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT id FROM numbered WHERE source_key = 'second'", Integer.class))
        .as("the second transaction went on after its refused insert and committed").isEqualTo(1002);
  }

  static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The second insert is blocked on the first transaction's row (otherwise the test would not race at all). */
  static void waitUntilABackendWaitsForALock() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (jdbc.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND wait_event_type = 'Lock'", Integer.class) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second insert never waited for the first transaction's row");
      }
      Thread.sleep(50);
    }
  }
}
