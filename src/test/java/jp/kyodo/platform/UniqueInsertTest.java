package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** An insert that loses a race on a unique key is undone alone; the transaction around it goes on. */
class UniqueInsertTest {

  JdbcTemplate jdbc;
  TransactionTemplate transaction;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:unique-insert-test;DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("DROP TABLE IF EXISTS numbered");
    jdbc.execute("CREATE TABLE numbered (id INTEGER PRIMARY KEY, source_key VARCHAR(20) UNIQUE)");
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Test
  void inATransactionOnlyTheRefusedInsertIsUndone() {
    transaction.executeWithoutResult(status -> {
      jdbc.update("INSERT INTO numbered VALUES (1, 'a')");
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (1, 'b')"))).isFalse();
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (2, 'a')"))).isFalse();
      assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (2, 'b')"))).isTrue();
      jdbc.update("INSERT INTO numbered VALUES (3, 'c')");
    });
    assertThat(jdbc.queryForList("SELECT id FROM numbered ORDER BY id", Integer.class)).containsExactly(1, 2, 3);
  }

  @Test
  void outsideATransactionTheStatementStandsAlone() {
    assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (1, 'a')"))).isTrue();
    assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (1, 'b')"))).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM numbered", Integer.class)).isEqualTo(1);
  }

  @Test
  void aRolledBackTransactionKeepsNothingOfItsInserts() {
    try {
      transaction.executeWithoutResult(status -> {
        assertThat(UniqueInsert.tryInsert(jdbc, () -> jdbc.update("INSERT INTO numbered VALUES (7, 'x')"))).isTrue();
        throw new IllegalStateException("the command fails later");
      });
    } catch (IllegalStateException expected) {
      // the engine's command failed: everything it wrote goes
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM numbered", Integer.class)).isZero();
  }
}
