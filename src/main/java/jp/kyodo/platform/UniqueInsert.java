package jp.kyodo.platform;

import java.sql.Savepoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One INSERT that may lose a race on a unique constraint — a serial number another node took a moment earlier, or
 * an idempotency key ({@code source_key}) showing that the step already wrote its row — without spoiling the
 * engine's transaction it runs in. On PostgreSQL a failed statement aborts the whole transaction ("current
 * transaction is aborted"), so catching the error and trying the next number would fail too; the insert therefore
 * runs under a savepoint and only the insert is undone. Outside a transaction (autocommit, as in some tests) the
 * statement stands on its own anyway.
 */
public final class UniqueInsert {

  private UniqueInsert() {}

  /** Runs the insert; false (and nothing kept of it) when a unique constraint refused it. */
  public static boolean tryInsert(JdbcTemplate jdbc, Runnable insert) {
    Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
      if (connection.getAutoCommit()) {
        try {
          insert.run();
          return true;
        } catch (DuplicateKeyException taken) {
          return false;
        }
      }
      // The same connection as the engine's: JdbcTemplate and the engine both take the transaction's connection.
      Savepoint savepoint = connection.setSavepoint();
      try {
        insert.run();
      } catch (DuplicateKeyException taken) {
        connection.rollback(savepoint);
        return false;
      }
      connection.releaseSavepoint(savepoint);
      return true;
    });
    return Boolean.TRUE.equals(inserted);
  }
}
