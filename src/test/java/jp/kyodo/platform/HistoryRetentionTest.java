package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kyodo.engine.EngineSchema;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * History retention in the running application ({@link RunningApplication} sets
 * {@code kyodo.history.time-to-live-by-process.retention-test-short=P0D}): the configured time to live reaches every
 * version of Kyodo's definitions, the cleanup job removes a finished instance's history once its removal time has come
 * and keeps another's, and the engine's batch window is the nightly one of application.yml, in Japan time. Also: the
 * application's engine runs on the schema Flyway made, with schema-update off.
 */
@RunningApplication
class HistoryRetentionTest {

  static final String SHORT = "retention-test-short";
  static final String KEPT = "retention-test-kept";
  /** The REST API's date format (Camunda's default). */
  static final java.time.format.DateTimeFormatter REST_DATES =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @Autowired
  ProcessEngine engine;

  @Autowired
  HistoryRetention retention;

  @Autowired
  DataSource dataSource;

  @LocalServerPort
  int port;

  static BpmnModelInstance straightThrough(String key) {
    // a model's own value, which the configuration replaces: 1 day, neither the default nor the override
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().endEvent().done();
  }

  @Test
  void everyVersionOfKyodosDefinitionsGetsTheConfiguredTimeToLiveOnce() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list()).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(retention.daysFor(d.getKey())));
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list()).isNotEmpty()
        .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(3650));
    assertThat(retention.daysFor("examination")).isEqualTo(3650);
    assertThat(retention.daysFor(SHORT)).isZero();
    assertThat(retention.apply()).as("nothing left to change after the start").isZero();
  }

  @Test
  void theCleanupJobRemovesTheHistoryWhoseTimeHasComeAndKeepsTheRest() throws Exception {
    engine.getRepositoryService().createDeployment().name("retention-test").source(ModelDeployer.SOURCE)
        .addModelInstance(SHORT + ".bpmn", straightThrough(SHORT)).addModelInstance(KEPT + ".bpmn", straightThrough(KEPT))
        .deploy();
    assertThat(retention.apply()).as("both new definitions set").isEqualTo(2);
    assertThat(retention.apply()).as("idempotent").isZero();

    String removed = engine.getRuntimeService().startProcessInstanceByKey(SHORT).getId();
    String kept = engine.getRuntimeService().startProcessInstanceByKey(KEPT).getId();
    HistoricProcessInstance keptHistory = history(kept);
    assertThat(keptHistory.getRemovalTime()).as("end + 3650 days, the default, not the model's 1 day")
        .isEqualTo(java.util.Date.from(keptHistory.getEndTime().toInstant().plus(Duration.ofDays(3650))));
    assertThat(history(removed).getRemovalTime()).isEqualTo(history(removed).getEndTime());
    Thread.sleep(5); // the removal time (= its end) must be in the past

    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());

    assertThat(history(removed)).as("history of " + SHORT + " (P0D) removed").isNull();
    assertThat(history(kept)).as("history of " + KEPT + " (default) kept").isNotNull();
  }

  @Test
  void theEnginesBatchWindowIsNightlyInJapanTimeWhateverTheServersZone() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);
    assertThat(configuration.getHistoryCleanupBatchSize()).isEqualTo(500);

    RestClient.Response answer = RestClient.basic(port, "admin").get("/engine-rest/history/cleanup/configuration");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    ZoneId japan = ZoneId.of("Asia/Tokyo");
    ZonedDateTime start = OffsetDateTime.parse(answer.json().path("batchWindowStartTime").asText(), REST_DATES)
        .atZoneSameInstant(japan);
    ZonedDateTime end = OffsetDateTime.parse(answer.json().path("batchWindowEndTime").asText(), REST_DATES)
        .atZoneSameInstant(japan);
    assertThat(List.of(start.getHour(), start.getMinute(), end.getHour(), end.getMinute())).containsExactly(22, 0, 5, 0);
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(7));
    assertThat(answer.json().path("enabled").asBoolean()).isTrue();
  }

  @Test
  void theApplicationsEngineRunsOnTheSchemaFlywayMade() {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(EngineSchema.flyway(dataSource).info().current().getVersion().getVersion()).isEqualTo("7.24.0");
    assertThat(engine.getManagementService().createSchemaLogQuery().version("7.24.0").count()).isEqualTo(1);
  }

  @Test
  void aTimeToLiveThatIsNotWholeDaysStopsTheStart() {
    assertThatThrownBy(() -> new HistoryRetention(engine, Duration.ofHours(36), Map.of()))
        .hasMessageContaining("kyodo.history.time-to-live").hasMessageContaining("whole number of days");
    assertThatThrownBy(() -> new HistoryRetention(engine, Duration.ofDays(10), Map.of("examination", Duration.ofDays(-1))))
        .hasMessageContaining("kyodo.history.time-to-live-by-process.examination");
  }

  HistoricProcessInstance history(String instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
  }
}
