package jp.kyodo.support;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Kyodo's own tables in the in-memory database of the process-test engine (camunda.cfg.xml), migrated
 * by Flyway as the application does. Plain H2 connections to the same database, so the engine's
 * connection pool is left to the engine.
 */
public final class TestTables {

  private TestTables() {}

  public static DataSource migrated(ProcessEngine engine) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(engine.getProcessEngineConfiguration().getJdbcUrl());
    dataSource.setUser(engine.getProcessEngineConfiguration().getJdbcUsername());
    dataSource.setPassword(engine.getProcessEngineConfiguration().getJdbcPassword());
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
    return dataSource;
  }
}
