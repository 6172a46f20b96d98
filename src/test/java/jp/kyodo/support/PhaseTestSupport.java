package jp.kyodo.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.OrganisationType;
import jp.kyodo.registry.RegistrationStatus;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drives a phase process the way Tasklist does (start and task forms submitted by a logged-in user, values
 * as Tasklist sends them), on the process-test engine with Kyodo's tables migrated into its database and
 * the people and registered organisations the phases need.
 */
public class PhaseTestSupport {

  /** The process-test engine's in-memory database lives as long as the JVM: migrated once. */
  private static boolean migrated;

  protected final ProcessEngine engine;
  protected final JdbcTemplate jdbc;
  protected final OrganisationRepository registry;

  public PhaseTestSupport(ProcessEngine engine) {
    this.engine = engine;
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    if (!migrated) {
      Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
      migrated = true;
    }
    this.jdbc = new JdbcTemplate(dataSource);
    this.registry = new OrganisationRepository(jdbc);
    organisation("org-hikari", "NPO法人ひかり", RegistrationStatus.REGISTERED, "hikari");
    organisation("org-midori", "みどり町内会", RegistrationStatus.REGISTERED, "midori");
    organisation("org-kumo", "くもの会", RegistrationStatus.REFUSED, "kumo");
    people(engine.getIdentityService());
  }

  public OrganisationRepository registry() {
    return registry;
  }

  public JdbcTemplate jdbc() {
    return jdbc;
  }

  private void organisation(String id, String name, RegistrationStatus status, String member) {
    if (registry.find(id).isEmpty()) {
      registry.insert(new Organisation(id, name, OrganisationType.NPO_CORPORATION, "代表 太郎", "a@example.jp", null, null,
          List.of("WELFARE"), "活動実績", "収支報告あり", status, null, null, null, List.of(member)));
    }
  }

  /** Two departments, two partner organisations, the collaboration office and an evaluator. */
  static void people(IdentityService identity) {
    TestIdentity.cityGroups(identity);
    TestIdentity.user(identity, "hikari", KyodoGroups.PARTNERS, "org-hikari");
    TestIdentity.user(identity, "midori", KyodoGroups.PARTNERS, "org-midori");
    TestIdentity.user(identity, "suzuki", KyodoGroups.DEPARTMENTS, "dept-fukushi");
    TestIdentity.user(identity, "yamada", KyodoGroups.DEPARTMENTS, "dept-kankyo");
    TestIdentity.user(identity, "tanaka", KyodoGroups.COORDINATORS);
    TestIdentity.user(identity, "watanabe", KyodoGroups.EVALUATORS);
    TestIdentity.user(identity, "twohats", KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS, "org-hikari", "dept-fukushi");
    TestIdentity.user(identity, "busy", KyodoGroups.DEPARTMENTS, "dept-fukushi", "dept-kankyo");
  }

  public String deploy(String name, String... resources) {
    return TestIdentity.deploy(engine, name, resources);
  }

  /** Submits the start form of the latest version of the process, as that user. */
  public ProcessInstance start(String key, String userId, Map<String, Object> values) {
    return new TestDesk(engine).start(key, userId, values);
  }

  /** Completes the one open task with that key as the given user, through the form service. */
  public void complete(ProcessInstance instance, String taskKey, String userId, Map<String, Object> values) {
    new TestDesk(engine).complete(instance, taskKey, userId, values);
  }

  /** Starts the phase the way the lifecycle calls it (see {@link TestDesk#startCalled}). */
  public ProcessInstance startCalled(String key, Map<String, Object> handedOver) {
    return new TestDesk(engine).startCalled(key, handedOver);
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return new TestDesk(engine).task(instance, taskKey);
  }

  public Object historic(ProcessInstance instance, String name) {
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getTaskId() == null).findFirst().orElse(null);
    return variable == null ? null : variable.getValue();
  }



  public static Map<String, Object> with(Map<String, Object> values, Object... keysAndValues) {
    Map<String, Object> copy = new HashMap<>(values);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return copy;
  }

  public static Map<String, Object> without(Map<String, Object> values, String... names) {
    Map<String, Object> copy = new HashMap<>(values);
    for (String name : names) {
      copy.remove(name);
    }
    return copy;
  }

  /** Refused input, unwrapped from whatever the engine wrapped it in; asserts on its message. */
  public static AbstractStringAssert<?> assertRefused(ThrowingCallable call) {
    Throwable thrown = Assertions.catchThrowable(call);
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return Assertions.assertThat(input.getMessage());
      }
    }
    throw new AssertionError("expected the input to be refused, got " + thrown, thrown);
  }
}
