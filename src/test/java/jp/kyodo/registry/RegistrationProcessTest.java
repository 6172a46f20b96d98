package jp.kyodo.registry;

import static jp.kyodo.registry.RegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.registry.RegistrationProcess.Elements;
import jp.kyodo.support.TestTables;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of 団体登録, with the registry's tables migrated into the test engine's database. */
class RegistrationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;
  DataSource dataSource;
  OrganisationRepository registry;
  String deploymentId;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    BpmnAwareTests.init(engine);
    dataSource = TestTables.migrated(engine);
    registry = new OrganisationRepository(new JdbcTemplate(dataSource));
    Mocks.register("recordRegistrationApplication", new RecordRegistrationApplicationDelegate(registry));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jp.kyodo.mail.Outbox outbox = new jp.kyodo.mail.Outbox(jdbc);
    MemberChanges changes = new MemberChanges(jdbc);
    Mocks.register("recordRegistrationDecision", new RecordRegistrationDecisionDelegate(registry,
        new RegistrationResults(jdbc, new Accounts(jdbc, outbox, changes), outbox, changes)));
    IdentityService identity = engine.getIdentityService();
    user(identity, "applicant1");
    user(identity, "tanaka");
    deploymentId = engine.getRepositoryService().createDeployment().addClasspathResource(RESOURCE)
        .addClasspathResource("forms/registration-application.form").addClasspathResource("forms/registration-review.form")
        .deploy().getId();
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
    Mocks.reset();
  }

  static void user(IdentityService identity, String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      identity.saveUser(user);
    }
  }

  static Map<String, Object> application(String name) {
    Map<String, Object> values = new HashMap<>();
    values.put(ORGANISATION_NAME.name(), name);
    values.put(ORGANISATION_TYPE.name(), "VOLUNTEER_GROUP");
    values.put(REPRESENTATIVE.name(), "青空 広志");
    values.put(CONTACT_EMAIL.name(), "sora@example.jp");
    values.put(CONTACT_PHONE.name(), "0120-000-003");
    values.put(ACTIVITY_FIELDS.name(), ListVar.json(List.of("ENVIRONMENT", "COMMUNITY")));
    values.put(ACTIVITY_RECORD.name(), "河川敷の清掃を年4回");
    values.put(FINANCIAL_STATE.name(), "会費と寄付で運営");
    return values;
  }

  ProcessInstance apply(Map<String, Object> values) {
    engine.getIdentityService().setAuthentication("applicant1", List.of(KyodoGroups.PARTNERS));
    try {
      String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
          .singleResult().getId();
      return engine.getFormService().submitStartForm(definition, values);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void decide(ProcessInstance instance, String decision, String reason) {
    engine.getIdentityService().setAuthentication("tanaka", List.of(KyodoGroups.COORDINATORS));
    try {
      engine.getFormService().submitTaskForm(task(instance).getId(),
          Map.of(DECISION.name(), decision, REASON.name(), reason));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  String organisationOf(ProcessInstance instance) {
    return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(ORGANISATION_ID.name()).singleResult().getValue();
  }

  @Test
  void aRegisteredOrganisationBecomesAGroupOfItsMembers() {
    ProcessInstance instance = apply(application("かわせみ清掃隊"));
    assertThat(instance).isWaitingAt(Elements.REVIEW).hasPassed(Elements.RECORD_APPLICATION);
    assertThat(task()).hasCandidateGroup(KyodoGroups.COORDINATORS);
    String id = organisationOf(instance);
    org.assertj.core.api.Assertions.assertThat(registry.find(id).orElseThrow().status()).isEqualTo(RegistrationStatus.APPLIED);
    org.assertj.core.api.Assertions.assertThat(registry.find(id).orElseThrow().members()).containsExactly("applicant1");

    decide(instance, "REGISTER", "活動実績を確認しました");

    assertThat(instance).isEnded().hasPassed(Elements.END_REGISTERED);
    Organisation registered = registry.find(id).orElseThrow();
    org.assertj.core.api.Assertions.assertThat(registered.status()).isEqualTo(RegistrationStatus.REGISTERED);
    org.assertj.core.api.Assertions.assertThat(registered.statusDecidedBy()).isEqualTo("tanaka");
    org.assertj.core.api.Assertions.assertThat(registered.statusReason()).isEqualTo("活動実績を確認しました");
    org.assertj.core.api.Assertions.assertThat(registered.activityFields()).containsExactly("ENVIRONMENT", "COMMUNITY");
    Group group = engine.getIdentityService().createGroupQuery().groupId(id).singleResult();
    org.assertj.core.api.Assertions.assertThat(group.getType()).isEqualTo(KyodoGroups.TYPE_ORGANISATION);
    org.assertj.core.api.Assertions.assertThat(group.getName()).isEqualTo("かわせみ清掃隊");
    org.assertj.core.api.Assertions.assertThat(engine.getIdentityService().createGroupQuery().groupMember("applicant1")
        .groupId(id).count()).isEqualTo(1);
  }

  @Test
  void aRefusedApplicationIsKeptWithItsReasonAndGetsNoGroup() {
    ProcessInstance instance = apply(application("つばめ会"));
    String id = organisationOf(instance);
    decide(instance, "REFUSE", "政治活動を主な目的としているため");
    assertThat(instance).isEnded().hasPassed(Elements.END_REFUSED);
    org.assertj.core.api.Assertions.assertThat(registry.find(id).orElseThrow().status()).isEqualTo(RegistrationStatus.REFUSED);
    org.assertj.core.api.Assertions.assertThat(registry.find(id).orElseThrow().statusReason()).contains("政治活動");
    org.assertj.core.api.Assertions.assertThat(engine.getIdentityService().createGroupQuery().groupId(id).count()).isZero();
  }

  @Test
  void aSecondOrganisationOfTheSameNameOrAMalformedAddressIsRefused() {
    apply(application("すずめの学校"));
    assertThatThrownBy(() -> apply(application("すずめの学校")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("既に団体登録簿にあります");
    Map<String, Object> badMail = application("ひばり会");
    badMail.put(CONTACT_EMAIL.name(), "ひばり会のメール");
    assertThatThrownBy(() -> apply(badMail)).hasMessageContaining("name@example.jp の形");
    org.assertj.core.api.Assertions.assertThat(registry.findByName("ひばり会")).isEmpty();
  }

  /** Two applications of one name at the same moment: both checked the name first; the unique index refuses one. */
  @Test
  void aSameNamedApplicationEnteredAtTheSameMomentIsRefusedAlike() {
    apply(application("うぐいすの会"));
    OrganisationRepository checkedBeforeTheFirstWasEntered = new OrganisationRepository(new JdbcTemplate(dataSource)) {
      boolean checked;

      @Override
      public java.util.Optional<Organisation> findByName(String name) {
        if (!checked) {
          checked = true;
          return java.util.Optional.empty();
        }
        return super.findByName(name);
      }
    };
    Mocks.register("recordRegistrationApplication", new RecordRegistrationApplicationDelegate(checkedBeforeTheFirstWasEntered));
    assertThatThrownBy(() -> apply(application("うぐいすの会")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("既に団体登録簿にあります");
    org.assertj.core.api.Assertions.assertThat(registry.list(null, 0, 200)).filteredOn(o -> o.name().equals("うぐいすの会"))
        .hasSize(1);
  }

  @Test
  void aDecisionNeedsAReason() {
    ProcessInstance instance = apply(application("めじろの会"));
    assertThatThrownBy(() -> decide(instance, "REGISTER", " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("「理由」を入力してください");
    assertThat(instance).isWaitingAt(Elements.REVIEW);
  }
}
