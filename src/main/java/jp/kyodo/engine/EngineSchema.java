package jp.kyodo.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The engine's own tables ({@code ACT_*}), created and upgraded by Flyway from the SQL scripts Camunda ships in its
 * jar, in a history of their own ({@value #HISTORY_TABLE}), so that moving the engine to another version is one
 * reviewed step here instead of {@code databaseSchemaUpdate} changing the database whenever a new jar starts.
 *
 * <p>The steps are Camunda's own Liquibase changelog ({@code db/liquibase/camunda-changelog.xml}) in Flyway's terms:
 * the frozen 7.16.0 baseline (engine, history, identity, case engine, case history, decision engine, decision
 * history — the order {@code AbstractPersistenceSession.dbSchemaCreate} creates them in), then each minor upgrade
 * script up to 7.24. A fresh database thus goes the same way as an upgraded one, whatever jar creates it. Each step's
 * version is the schema version it leaves, as {@code ACT_GE_SCHEMA_LOG} records it.
 *
 * <p>A database whose engine tables the engine made itself ({@code databaseSchemaUpdate=true}, Kyodo before issue 17)
 * has no history yet: its version is read from {@code ACT_GE_SCHEMA_LOG} and the history baselined there, so only the
 * steps after it run. Runs as a plugin in {@code postInit}, i.e. before the engine checks its schema, whatever order
 * Spring creates beans in.
 */
public class EngineSchema extends AbstractProcessEnginePlugin {

  public static final String HISTORY_TABLE = "flyway_engine_history";

  /** Where the engine jar keeps its scripts; a fork renames the package ({@code org/operaton/bpm/...}). */
  static final String SCRIPTS = "org/camunda/bpm/engine/db/";

  /** The version of the frozen baseline, and the order of its parts. */
  static final String BASELINE = "7.16.0";
  static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine", "case.history",
      "decision.engine", "decision.history");

  /** Each minor step Camunda ships after the baseline; the next engine version adds its line here. */
  static final List<String> UPGRADES = List.of("7.16_to_7.17", "7.17_to_7.18", "7.18_to_7.19", "7.19_to_7.20",
      "7.20_to_7.21", "7.21_to_7.22", "7.22_to_7.23", "7.23_to_7.24");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    migrate(configuration.getDataSource());
    List<String> missing = missingTables(configuration.getDataSource());
    if (!missing.isEmpty()) {
      // The engine's own check (databaseSchemaUpdate=false) looks at one table per component only.
      throw new IllegalStateException("The engine's tables " + missing + " are missing although " + HISTORY_TABLE
          + " says the schema is at " + installedVersion(configuration.getDataSource()).orElse("nothing")
          + ": a step of EngineSchema is missing or failed (docs/operations.md#database-schema-and-upgrades)");
    }
  }

  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  /**
   * Flyway for the engine's tables on that database: baselined at the engine schema it finds when it has no history
   * yet, below every step when there is none (Kyodo's own tables may already be there).
   */
  public static Flyway flyway(DataSource dataSource) {
    String baseline = installedVersion(dataSource).orElse("0");
    return Flyway.configure()
        .dataSource(dataSource)
        .table(HISTORY_TABLE)
        .locations(new String[0]) // only the steps below, never the SQL files of Kyodo's db/migration
        .javaMigrations(steps().toArray(new Step[0]))
        .baselineOnMigrate(true)
        .baselineVersion(baseline)
        .baselineDescription("engine schema " + baseline + " found (made by the engine itself)")
        .load();
  }

  static List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(BASELINE, "Camunda baseline " + BASELINE,
        COMPONENTS.stream().map(c -> "liquibase/baseline/liquibase.%s.create." + c + ".sql").toList()));
    for (String upgrade : UPGRADES) {
      String to = upgrade.substring(upgrade.indexOf("_to_") + 4) + ".0";
      steps.add(new Step(to, "Camunda upgrade " + upgrade.replace('_', ' '), List.of("upgrade/%s_engine_" + upgrade + ".sql")));
    }
    return steps;
  }

  /** The engine schema version this database holds, from {@code ACT_GE_SCHEMA_LOG}; empty when it has none. */
  public static Optional<String> installedVersion(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasTable(connection, "ACT_GE_SCHEMA_LOG")) {
        return Optional.empty();
      }
      List<String> versions = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
        while (rows.next()) {
          versions.add(rows.getString(1));
        }
      }
      // The ids are strings ('0', '600', ... '1300'): the newest is the highest version, not the highest id.
      return versions.stream().max((a, b) -> MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the engine's schema version: " + e.getMessage(), e);
    }
  }

  /** Every table the engine jar's create scripts make for this database that the database lacks. */
  public static List<String> missingTables(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String database = scriptDatabase(connection);
      java.util.regex.Pattern create = java.util.regex.Pattern.compile("(?im)^\\s*create\\s+table\\s+(\\w+)");
      List<String> missing = new ArrayList<>();
      for (String component : COMPONENTS) {
        String script = SCRIPTS + "create/activiti." + database + ".create." + component + ".sql";
        String sql = new ClassPathResource(script, EngineSchema.class.getClassLoader())
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher tables = create.matcher(sql);
        while (tables.find()) {
          if (!hasTable(connection, tables.group(1).toUpperCase(Locale.ROOT))) {
            missing.add(tables.group(1).toUpperCase(Locale.ROOT));
          }
        }
      }
      return missing;
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("cannot compare the engine's tables with its create scripts: " + e.getMessage(), e);
    }
  }

  /** In the connection's own schema: another schema of the same database may hold another installation. */
  static boolean hasTable(Connection connection, String table) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
      try (ResultSet tables = metaData.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The name Camunda gives this database in its script names. */
  static String scriptDatabase(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return switch (product) {
      case "H2" -> "h2";
      case "PostgreSQL" -> "postgres";
      // mysql, mariadb, oracle, mssql, db2 have scripts too, but are neither tested nor documented for Kyodo
      default -> throw new IllegalStateException("Kyodo migrates the engine's tables on H2 and PostgreSQL only, not on "
          + product + " (docs/operations.md, Database schema and upgrades)");
    };
  }

  /** One step: Camunda's scripts for the current database, run in order in Flyway's transaction. */
  static final class Step implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final List<String> scripts;

    Step(String version, String description, List<String> scripts) {
      this.version = MigrationVersion.fromVersion(version);
      this.description = description;
      this.scripts = scripts;
    }

    @Override
    public MigrationVersion getVersion() {
      return version;
    }

    @Override
    public String getDescription() {
      return description;
    }

    /** None: the scripts belong to the engine jar, and a fork may reformat them without changing what they did. */
    @Override
    public Integer getChecksum() {
      return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
      return true;
    }

    List<String> scripts(String database) {
      return scripts.stream().map(s -> SCRIPTS + s.formatted(database)).toList();
    }

    @Override
    public void migrate(Context context) throws Exception {
      Connection connection = context.getConnection();
      for (String script : scripts(scriptDatabase(connection))) {
        ClassPathResource resource = new ClassPathResource(script, EngineSchema.class.getClassLoader());
        if (!resource.exists()) {
          throw new IllegalStateException("the engine jar has no " + script + ": is the step list (EngineSchema.UPGRADES) "
              + "right for this engine version?");
        }
        ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, "UTF-8"));
      }
    }
  }
}
