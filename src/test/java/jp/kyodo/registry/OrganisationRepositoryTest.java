package jp.kyodo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;

/** The registry's tables as Flyway creates them (H2 here; PostgresStartupTest runs the same migrations on PostgreSQL). */
@JdbcTest(properties = "spring.datasource.url=jdbc:h2:mem:kyodo-registry-test;DB_CLOSE_DELAY=-1")
@Import(OrganisationRepository.class)
class OrganisationRepositoryTest {

  @Autowired
  OrganisationRepository registry;

  static Organisation organisation(String id, String name, RegistrationStatus status, String... members) {
    return new Organisation(id, name, OrganisationType.VOLUNTEER_GROUP, "代表 太郎", "a@example.jp", null, null,
        List.of("環境", "防災"), "清掃活動", null, status, null, null, null, List.of(members));
  }

  @Test
  void keepsAnOrganisationWithItsMembersAndFields() {
    registry.insert(organisation("org-a", "団体A", RegistrationStatus.APPLIED, "user-a", "user-b"));
    Organisation found = registry.find("org-a").orElseThrow();
    assertThat(found.name()).isEqualTo("団体A");
    assertThat(found.activityFields()).containsExactly("環境", "防災");
    assertThat(found.members()).containsExactly("user-a", "user-b");
    assertThat(found.mayApply()).isFalse();
    assertThat(registry.ofMember("user-b")).extracting(Organisation::id).containsExactly("org-a");
    assertThat(registry.find("org-none")).isEmpty();
  }

  @Test
  void recordsWhoDecidedARegistrationAndWhy() {
    registry.insert(organisation("org-b", "団体B", RegistrationStatus.APPLIED));
    registry.decide("org-b", RegistrationStatus.REGISTERED, "書類を確認しました", "tanaka");
    Organisation decided = registry.find("org-b").orElseThrow();
    assertThat(decided.status()).isEqualTo(RegistrationStatus.REGISTERED);
    assertThat(decided.statusDecidedBy()).isEqualTo("tanaka");
    assertThat(decided.statusDecidedAt()).isNotNull();
    assertThat(decided.mayApply()).isTrue();
    assertThatThrownBy(() -> registry.decide("org-none", RegistrationStatus.REGISTERED, "x", "tanaka"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsByStatusInPages() {
    for (int i = 0; i < 5; i++) {
      registry.insert(organisation("org-p" + i, "頁" + i, i % 2 == 0 ? RegistrationStatus.REGISTERED : RegistrationStatus.REFUSED));
    }
    assertThat(registry.list(RegistrationStatus.REGISTERED, 0, 50)).extracting(Organisation::id)
        .containsExactly("org-p0", "org-p2", "org-p4");
    assertThat(registry.list(RegistrationStatus.REGISTERED, 1, 1)).extracting(Organisation::id).containsExactly("org-p2");
    assertThat(registry.list(null, 0, 10_000)).hasSizeLessThanOrEqualTo(OrganisationRepository.MAX_PAGE).hasSize(5);
  }

  @Test
  void refusesASecondOrganisationOfTheSameName() {
    registry.insert(organisation("org-c", "同名", RegistrationStatus.APPLIED));
    assertThatThrownBy(() -> registry.insert(organisation("org-d", "同名", RegistrationStatus.APPLIED)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void remembersWhichDepartmentAnOrganisationWorkedWithInWhichYear() {
    registry.insert(organisation("org-e", "団体E", RegistrationStatus.REGISTERED));
    registry.recordPartnership(new Partnership("org-e", "dept-fukushi", "2024-001", "見守り", 2025, "pi-1"));
    registry.recordPartnership(new Partnership("org-e", "dept-fukushi", "2024-002", "サロン", 2025, "pi-2"));
    registry.recordPartnership(new Partnership("org-e", "dept-fukushi", "2024-001", "見守り", 2026, "pi-3"));
    registry.recordPartnership(new Partnership("org-e", "dept-kankyo", null, "清掃", 2024, "pi-4"));
    assertThat(registry.yearsHeld("org-e", "dept-fukushi")).containsExactly(2026, 2025);
    assertThat(registry.partnerships("org-e")).hasSize(4).first().extracting(Partnership::fiscalYear).isEqualTo(2026);
  }

  /** The history belongs to the project (its number), not to its title: 「同名の事業」 of one department are two. */
  @Test
  void keepsOneYearPerProjectWhateverTheTitles() {
    registry.insert(organisation("org-f", "団体F", RegistrationStatus.REGISTERED));
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", "2025-001", "同名の事業", 2026, "pi-s1")))
        .isTrue();
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", "2025-002", "同名の事業", 2026, "pi-s2")))
        .as("another project of the same title and year").isTrue();
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", "2025-001", "同名の事業（改題）", 2026,
        "pi-a1"))).as("the agreement of a year the selection entered").isFalse();
    // A phase started on its own has no project number: its process instance stands for the project.
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", null, "同名の事業", 2026, "pi-s3"))).isTrue();
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", null, "同名の事業", 2026, "pi-s3"))).isFalse();
    assertThat(registry.recordPartnership(new Partnership("org-f", "dept-fukushi", null, "同名の事業", 2026, "pi-s4"))).isTrue();

    assertThat(registry.partnerships("org-f")).extracting(Partnership::projectNumber)
        .containsExactly("2025-001", "2025-002", null, null);
    assertThat(registry.yearsHeld("org-f", "dept-fukushi")).as("one year, however many projects").containsExactly(2026);
  }
}
