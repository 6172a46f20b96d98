package jp.kyodo.bench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The rows a piece of work added to the database, read generically: the tables a project's life writes (the engine's
 * runtime and history tables, its byte arrays, Kyodo's own {@code kyodo_*} tables), their columns and keys as the
 * database describes them, and a before/after difference by primary key. What a lifecycle wrote is thereby found
 * without a list of tables or relations that could fall behind the schema.
 */
final class TableRows {

  /** Tables a lifecycle writes that are not the project's: metrics, definitions' jobs, mail queue, registry, series. */
  static final Pattern NOT_A_PROJECTS = Pattern.compile("(?i)act_ru_meter_log|act_ru_task_meter_log|act_ru_filter"
      + "|act_ru_jobdef|act_hi_batch|act_ru_batch|act_hi_comment|act_hi_attachment|kyodo_mail_.*|kyodo_number_series"
      + "|kyodo_organisation.*|kyodo_registration_request|kyodo_account_token|kyodo_member_change|kyodo_idempotency.*");
  static final Pattern A_PROJECTS = Pattern.compile("(?i)act_hi_.*|act_ru_.*|act_ge_bytearray|kyodo_.*");

  /** A table's shape: its columns (name and JDBC type), primary key columns, and foreign keys to other tables. */
  record Table(String name, List<String> columns, int[] types, List<Integer> key, Map<Integer, String> references) {
    int column(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).equalsIgnoreCase(column)) {
          return i;
        }
      }
      return -1;
    }
  }

  final List<Table> tables = new ArrayList<>();
  private final DataSource dataSource;

  TableRows(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String schema = connection.getSchema();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          if (A_PROJECTS.matcher(name).matches() && !NOT_A_PROJECTS.matcher(name).matches()) {
            names.add(name);
          }
        }
      }
      Map<String, Table> byName = new LinkedHashMap<>();
      for (String name : names) {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, name, "%")) {
          while (rs.next()) {
            columns.add(rs.getString("COLUMN_NAME"));
            types.add(rs.getInt("DATA_TYPE"));
          }
        }
        List<Integer> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, name)) {
          while (rs.next()) {
            key.add(indexOf(columns, rs.getString("COLUMN_NAME")));
          }
        }
        Map<Integer, String> references = new HashMap<>();
        try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
          while (rs.next()) {
            references.put(indexOf(columns, rs.getString("FKCOLUMN_NAME")), rs.getString("PKTABLE_NAME"));
          }
        }
        byName.put(name.toLowerCase(Locale.ROOT), new Table(name, columns, types.stream().mapToInt(Integer::intValue)
            .toArray(), key.isEmpty() ? allColumns(columns.size()) : key, references));
      }
      // Referenced tables first, so that rows can be inserted in this order whatever the foreign keys.
      Set<String> placed = new HashSet<>();
      while (placed.size() < byName.size()) {
        int before = placed.size();
        for (var entry : byName.entrySet()) {
          if (!placed.contains(entry.getKey()) && entry.getValue().references().values().stream()
              .map(t -> t.toLowerCase(Locale.ROOT)).allMatch(t -> t.equals(entry.getKey()) || placed.contains(t)
                  || !byName.containsKey(t))) {
            placed.add(entry.getKey());
            tables.add(entry.getValue());
          }
        }
        if (placed.size() == before) {
          throw new IllegalStateException("foreign keys in a circle among " + byName.keySet());
        }
      }
    }
  }

  private static int indexOf(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no column " + name);
  }

  private static List<Integer> allColumns(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  /** The primary keys of every table now. */
  Map<String, Set<List<Object>>> keys() throws SQLException {
    Map<String, Set<List<Object>>> keys = new HashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (Table table : tables) {
        Set<List<Object>> set = new HashSet<>();
        String columns = String.join(", ", table.key().stream().map(i -> table.columns().get(i)).toList());
        try (ResultSet rs = statement.executeQuery("SELECT " + columns + " FROM " + table.name())) {
          int n = table.key().size();
          while (rs.next()) {
            List<Object> key = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              key.add(normal(rs.getObject(i)));
            }
            set.add(key);
          }
        }
        keys.put(table.name(), set);
      }
    }
    return keys;
  }

  /** The rows whose key was not there {@code before}, by table, in insertion order of the tables. */
  Map<Table, List<Object[]>> added(Map<String, Set<List<Object>>> before) throws SQLException {
    Map<Table, List<Object[]>> added = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (Table table : tables) {
        Set<List<Object>> old = before.get(table.name());
        List<Object[]> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", table.columns()) + " FROM "
            + table.name())) {
          ResultSetMetaData meta = rs.getMetaData();
          int n = meta.getColumnCount();
          while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
              row[i] = read(rs, i + 1, table.types()[i]);
            }
            List<Object> key = new ArrayList<>();
            for (int i : table.key()) {
              key.add(normal(row[i]));
            }
            if (!old.contains(key)) {
              rows.add(row);
            }
          }
        }
        if (!rows.isEmpty()) {
          added.put(table, rows);
        }
      }
    }
    return added;
  }

  /** Times as local date-times (the engine's columns are without zone), large objects as bytes. */
  static Object read(ResultSet rs, int column, int type) throws SQLException {
    return switch (type) {
      case java.sql.Types.TIMESTAMP -> rs.getObject(column, java.time.LocalDateTime.class);
      case java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(column, java.time.OffsetDateTime.class);
      case java.sql.Types.DATE -> rs.getObject(column, java.time.LocalDate.class);
      case java.sql.Types.BLOB, java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY ->
          rs.getBytes(column);
      case java.sql.Types.CLOB, java.sql.Types.NCLOB -> rs.getString(column);
      default -> rs.getObject(column);
    };
  }

  private static Object normal(Object value) {
    return value instanceof Number number && !(value instanceof java.math.BigDecimal) ? number.longValue() : value;
  }
}
