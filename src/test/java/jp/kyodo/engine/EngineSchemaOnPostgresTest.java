package jp.kyodo.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import jp.kyodo.support.OnPostgres;

/**
 * {@link EngineSchemaContract} on PostgreSQL, in a database of its own so that no other test's data is touched:
 * {@code kyodo_schema_test}, owned by the role of the same name (password the same; {@code .ci/run} creates both, or
 * {@code KYODO_SCHEMA_TEST_URL}/{@code _USERNAME}/{@code _PASSWORD}). Each test starts from an empty {@code public}
 * schema. Runs when KYODO_TEST_POSTGRES=true, fails instead of skipping under KYODO_REQUIRE_ALL=true.
 */
@OnPostgres
class EngineSchemaOnPostgresTest extends EngineSchemaContract {

  static final String URL = env("KYODO_SCHEMA_TEST_URL", "jdbc:postgresql://localhost:5432/kyodo_schema_test");
  static final String USER = env("KYODO_SCHEMA_TEST_USERNAME", "kyodo_schema_test");
  static final String PASSWORD = env("KYODO_SCHEMA_TEST_PASSWORD", "kyodo_schema_test");

  static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  @Override
  protected void resetDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists public cascade");
      statement.execute("create schema public");
    } catch (SQLException e) {
      throw new SQLException("EngineSchemaOnPostgresTest needs the database kyodo_schema_test owned by the role"
          + " kyodo_schema_test (see .ci/run): " + e.getMessage(), e);
    }
  }

  @Override
  protected String url() {
    return URL;
  }

  @Override
  protected String user() {
    return USER;
  }

  @Override
  protected String password() {
    return PASSWORD;
  }
}
