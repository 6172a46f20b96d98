package jp.kyodo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 千葉県 協働推進マニュアル ②: consecutive fiscal years with the same department, counted back from the year before. */
class PartnerFixationTest {

  @ParameterizedTest(name = "held {0} → {1} years in a row before 2027")
  @CsvSource(delimiter = ';', value = {
      "'';0",
      "2026;1",
      "2026,2025,2024;3",
      "2026,2025,2023,2022;2",
      "2025,2024,2023;0",
      "2028,2027,2026,2025;2",
      "2026,2025,2024,2023,2022;5"})
  void countsTheRunEndingTheYearBefore(String held, int expected) {
    List<Integer> years = held.isBlank() ? List.of()
        : java.util.Arrays.stream(held.split(",")).map(Integer::valueOf).toList();
    assertThat(PartnerFixation.consecutiveYearsBefore(years, 2027)).isEqualTo(expected);
  }

  @Test
  void aPartnerIsFixedFromTheConfiguredNumberOfYears() {
    OrganisationRepository registry = new OrganisationRepository(null) {
      @Override
      public List<Integer> yearsHeld(String organisationId, String departmentGroup) {
        return "org-a".equals(organisationId) ? List.of(2026, 2025, 2024) : List.of(2026, 2025);
      }
    };
    PartnerFixation threeYears = new PartnerFixation(registry, 3);
    assertThat(threeYears.isFixed("org-a", "dept-fukushi", 2027)).isTrue();
    assertThat(threeYears.isFixed("org-b", "dept-fukushi", 2027)).isFalse();
    assertThat(new PartnerFixation(registry, 2).isFixed("org-b", "dept-fukushi", 2027)).isTrue();
    assertThatThrownBy(() -> new PartnerFixation(registry, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
