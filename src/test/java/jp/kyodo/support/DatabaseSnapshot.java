package jp.kyodo.support;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a refused request must leave exactly as it was, read straight from the database: every row of Kyodo's tables
 * ({@code kyodo_*}) and of the engine's runtime, identity and repository tables (instances, variables, tasks,
 * identity links, jobs, authorizations, users, groups, filters, deployments), compared by content; the engine's
 * history, which only grows, by its number of rows. Binary contents (a 協定書, a JSON variable) by digest.
 */
public final class DatabaseSnapshot {

  /** Written by the engine's own threads (metrics), not by requests. */
  static final Set<String> NOT_BY_REQUESTS = Set.of("ACT_RU_METER_LOG", "ACT_RU_TASK_METER_LOG");

  private DatabaseSnapshot() {}

  public static Map<String, Object> of(JdbcTemplate jdbc) {
    Map<String, Object> state = new TreeMap<>();
    for (String table : jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class)) {
      String name = table.toUpperCase(java.util.Locale.ROOT);
      if (NOT_BY_REQUESTS.contains(name) || name.startsWith("FLYWAY")) {
        continue;
      }
      if (name.startsWith("ACT_HI_")) {
        state.put(name, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
      } else if (name.equals("ACT_GE_BYTEARRAY")) {
        // A rewritten value raises the row's revision; reading every deployment's bytes each time would be slow.
        state.put(name, rows(jdbc, "SELECT ID_, REV_, NAME_, TYPE_, LENGTH(BYTES_) AS SIZE_ FROM " + table));
      } else if (name.startsWith("KYODO_") || name.startsWith("ACT_")) {
        state.put(name, rows(jdbc, "SELECT * FROM " + table));
      }
    }
    return state;
  }

  private static List<String> rows(JdbcTemplate jdbc, String sql) {
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> row : jdbc.queryForList(sql)) {
      Map<String, String> printed = new TreeMap<>();
      row.forEach((column, value) -> printed.put(column, printable(value)));
      rows.add(printed.toString());
    }
    rows.sort(null);
    return rows;
  }

  private static String printable(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return "bytes " + bytes.length + " #" + Arrays.hashCode(bytes);
      }
      if (value instanceof Blob blob) {
        byte[] bytes = blob.getBytes(1, (int) blob.length());
        return "bytes " + bytes.length + " #" + Arrays.hashCode(bytes);
      }
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return String.valueOf(value);
  }
}
