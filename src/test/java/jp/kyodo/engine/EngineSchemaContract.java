package jp.kyodo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.SchemaLogEntry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What {@link EngineSchema} promises on a database (H2 in {@code EngineSchemaTest}, PostgreSQL in
 * {@code EngineSchemaOnPostgresTest}): a fresh database and one whose engine tables the engine made itself
 * ({@code databaseSchemaUpdate=true}, Kyodo before issue 17, with Kyodo's Flyway history at V22) both start an engine
 * that only checks its schema ({@code databaseSchemaUpdate=false}), at 7.24.0, with Kyodo's tables migrated before or
 * after; the result has the tables and columns of the engine's own create scripts; a missing table stops the start.
 */
abstract class EngineSchemaContract {

  static final String VERSION = "7.24.0";
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private final List<ProcessEngine> engines = new ArrayList<>();
  protected DataSource dataSource;

  /** An empty database for the next test. */
  protected abstract void resetDatabase() throws SQLException;

  protected abstract String url();

  protected abstract String user();

  protected abstract String password();

  @BeforeEach
  void emptyDatabase() throws SQLException {
    resetDatabase();
    dataSource = new DriverManagerDataSource(url(), user(), password());
  }

  @AfterEach
  void closeEngines() {
    engines.forEach(ProcessEngine::close);
  }

  /** An engine on the test's database: checking a schema Flyway made (the application's way) or making its own. */
  ProcessEngine startEngine(boolean schemaByFlyway) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("engineSchemaTest" + ENGINES.incrementAndGet());
    configuration.setJdbcUrl(url());
    configuration.setJdbcUsername(user());
    configuration.setJdbcPassword(password());
    configuration.setJdbcDriver(url().startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setDatabaseSchemaUpdate(schemaByFlyway ? "false" : "true");
    if (schemaByFlyway) {
      configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new EngineSchema())));
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    engines.add(engine);
    return engine;
  }

  void migrateKyodosTables() {
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  static List<String> schemaLog(ProcessEngine engine) {
    return engine.getManagementService().createSchemaLogQuery().list().stream().map(SchemaLogEntry::getVersion)
        .sorted(EngineSchemaContract::byVersion).toList();
  }

  static int byVersion(String a, String b) {
    return org.flywaydb.core.api.MigrationVersion.fromVersion(a).compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b));
  }

  List<String> applied() {
    return java.util.Arrays.stream(EngineSchema.flyway(dataSource).info().applied())
        .map(m -> m.getType() + " " + m.getVersion()).toList();
  }

  void assertStartedAtTheCurrentVersion(ProcessEngine engine) {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(schemaLog(engine)).last().isEqualTo(VERSION);
    assertThat(EngineSchema.installedVersion(dataSource)).hasValue(VERSION);
    assertThat(EngineSchema.flyway(dataSource).info().current().getVersion().getVersion()).isEqualTo(VERSION);
    // The engine works on it: a deployment, an instance, its history.
    engine.getRepositoryService().createDeployment().addModelInstance("schema-check.bpmn",
        org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("schemaCheck").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").endEvent().done()).deploy();
    String instance = engine.getRuntimeService().startProcessInstanceByKey("schemaCheck").getId();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
        .getEndTime()).isNotNull();
  }

  @Test
  void aFreshDatabaseGetsCamundasBaselineAndEveryUpgradeThenKyodosTables() {
    ProcessEngine engine = startEngine(true);
    assertStartedAtTheCurrentVersion(engine);
    assertThat(schemaLog(engine)).containsExactly("7.16.0", "7.17.0", "7.18.0", "7.19.0", "7.20.0", "7.21.0", "7.22.0",
        "7.23.0", VERSION);
    assertThat(applied()).containsExactly("JDBC 7.16.0", "JDBC 7.17.0", "JDBC 7.18.0", "JDBC 7.19.0", "JDBC 7.20.0",
        "JDBC 7.21.0", "JDBC 7.22.0", "JDBC 7.23.0", "JDBC " + VERSION);
    migrateKyodosTables();
    assertThat(new JdbcTemplate(dataSource).queryForObject("select max(\"version\") from \"flyway_schema_history\""
        + " where \"version\" <> '0'", String.class)).isNotNull();
  }

  @Test
  void aDatabaseTheEngineMadeItselfIsBaselinedAtItsVersionAndKeepsItsSchemaLog() {
    ProcessEngine old = startEngine(false);
    migrateKyodosTables();
    List<String> logBefore = schemaLog(old);
    old.close();
    engines.remove(old);

    ProcessEngine engine = startEngine(true);
    assertStartedAtTheCurrentVersion(engine);
    assertThat(applied()).containsExactly("BASELINE " + VERSION);
    assertThat(schemaLog(engine)).isEqualTo(logBefore).containsExactly(VERSION);
    migrateKyodosTables(); // and Kyodo's history stays as it was
  }

  @Test
  void makesTheTablesAndColumnsOfTheEnginesOwnCreateScriptsAlsoAfterKyodosTables() throws SQLException {
    ProcessEngine own = startEngine(false);
    Map<String, String> byEngine = columns();
    own.close();
    engines.remove(own);
    emptyDatabase();

    // Kyodo's tables first this time: the engine's history starts below every step
    migrateKyodosTables();
    assertStartedAtTheCurrentVersion(startEngine(true));
    assertThat(applied()).first().isEqualTo("BASELINE 0");
    assertThat(applied()).hasSize(10).last().isEqualTo("JDBC " + VERSION);
    Map<String, String> byFlyway = columns();
    assertThat(difference(byFlyway, byEngine)).as("columns Flyway made that the engine's create scripts do not").isEmpty();
    assertThat(difference(byEngine, byFlyway)).as("columns of the engine's create scripts that Flyway did not make").isEmpty();
    assertThat(byFlyway).hasSizeGreaterThan(400);
    assertThat(EngineSchema.missingTables(dataSource)).isEmpty();
  }

  @Test
  void aMissingTableStopsTheStartAndNamesIt() {
    EngineSchema.migrate(dataSource);
    new JdbcTemplate(dataSource).execute("drop table ACT_HI_COMMENT");
    assertThatThrownBy(() -> startEngine(true)).hasMessageContaining("ACT_HI_COMMENT").hasMessageContaining("missing");
  }

  @Test
  void withoutAnyTableTheEnginesOwnCheckRefusesToStart() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("engineSchemaTestUnmigrated");
    configuration.setJdbcUrl(url());
    configuration.setJdbcUsername(user());
    configuration.setJdbcPassword(password());
    configuration.setJdbcDriver(url().startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
    configuration.setJobExecutorActivate(false);
    configuration.setDatabaseSchemaUpdate("false");
    assertThatThrownBy(configuration::buildProcessEngine).hasMessageContaining("ENGINE-03057")
        .hasMessageContaining("no Camunda tables");
  }

  static Map<String, String> difference(Map<String, String> a, Map<String, String> b) {
    Map<String, String> only = new TreeMap<>(a);
    only.entrySet().removeIf(e -> e.getValue().equals(b.get(e.getKey())));
    return only;
  }

  /** table.column → type and size of every engine table, as the database describes them. */
  Map<String, String> columns() throws SQLException {
    Map<String, String> columns = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.getMetaData().getColumns(null, connection.getSchema(), null, null)) {
      while (rows.next()) {
        String table = rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        if (table.startsWith("ACT_")) {
          columns.put(table + "." + rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
              rows.getString("TYPE_NAME") + "(" + rows.getInt("COLUMN_SIZE") + ") nullable=" + rows.getString("IS_NULLABLE"));
        }
      }
    }
    return columns;
  }
}
