package jp.kyodo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access policy and the demo people, applied on every start, must never pile up or depend on demo data. */
class IdentitySetupTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @Test
  void withoutDemoDataTheRolesFiltersAndGrantsExistButNoDemoPeople() {
    ProcessEngine engine = extension.getProcessEngine();
    long usersBefore = engine.getIdentityService().createUserQuery().userId("sato").count();

    jp.kyodo.Phases.identitySetup(false).postProcessEngineBuild(engine);

    for (String[] role : KyodoGroups.ROLES) {
      assertThat(engine.getIdentityService().createGroupQuery().groupId(role[0]).singleResult().getName()).isEqualTo(role[1]);
    }
    assertThat(engine.getFilterService().createFilterQuery().filterName(AccessPolicy.FILTER_GROUPS).count()).isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("sato").count()).isEqualTo(usersBefore);
  }

  @Test
  void applyingTwiceAddsNothing() {
    ProcessEngine engine = extension.getProcessEngine();
    jp.kyodo.Phases.identitySetup(true).postProcessEngineBuild(engine);
    long authorizations = engine.getAuthorizationService().createAuthorizationQuery().count();
    long filters = engine.getFilterService().createFilterQuery().count();
    long groups = engine.getIdentityService().createGroupQuery().count();
    long users = engine.getIdentityService().createUserQuery().count();

    jp.kyodo.Phases.identitySetup(true).postProcessEngineBuild(engine);

    assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters);
    assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups);
    assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
    assertThat(engine.getIdentityService().checkPassword("hikari", "hikari")).isTrue();
    assertThat(engine.getIdentityService().createGroupQuery().groupMember("hikari").groupType(KyodoGroups.TYPE_ORGANISATION)
        .singleResult().getId()).isEqualTo("org-hikari");
  }

  @Test
  void aFilterFromAnEarlierReleaseGetsTheCurrentColumnsOnStart() {
    ProcessEngine engine = extension.getProcessEngine();
    jp.kyodo.Phases.identitySetup(false).postProcessEngineBuild(engine);
    org.camunda.bpm.engine.filter.Filter mine = engine.getFilterService().createFilterQuery()
        .filterName(AccessPolicy.FILTER_MINE).singleResult();
    java.util.Map<String, Object> old = new java.util.HashMap<>(mine.getProperties());
    old.put("variables", java.util.List.of(java.util.Map.of("name", "title", "label", "事業名")));
    mine.setProperties(old);
    engine.getFilterService().saveFilter(mine);

    jp.kyodo.Phases.identitySetup(false).postProcessEngineBuild(engine);

    org.camunda.bpm.engine.filter.Filter updated = engine.getFilterService().getFilter(mine.getId());
    assertThat(updated.getProperties().get("variables").toString()).contains("projectNumber", "事業番号", "title");
    assertThat(updated.getProperties().get("description")).isEqualTo(old.get("description"));
  }
}
