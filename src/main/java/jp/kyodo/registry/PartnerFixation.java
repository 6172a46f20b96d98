package jp.kyodo.registry;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 千葉県 協働推進マニュアル ②: a partner that has held the same department's collaboration for N
 * consecutive fiscal years up to the year before is "fixed"; the call should be reopened (a manager may decide
 * otherwise, with a written reason). The guideline asks for regular reviews so that partners do not become fixed,
 * but names no number: N is the city's choice, {@code kyodo.rules.partner-fixation-years}, 3 by default
 * ({@code kyodo.partner-fixation.years}, its earlier name, is still read when the new one is not set).
 */
@Component
public class PartnerFixation {

  private final OrganisationRepository registry;
  private final int years;

  public PartnerFixation(OrganisationRepository registry, @Value("${kyodo.rules.partner-fixation-years:${kyodo.partner-fixation.years:3}}") int years) {
    if (years < 1) {
      throw new IllegalArgumentException("kyodo.rules.partner-fixation-years must be at least 1");
    }
    this.registry = registry;
    this.years = years;
  }

  public int years() {
    return years;
  }

  /** How many fiscal years in a row, ending with the one before {@code fiscalYear}, the partner held the department. */
  public int consecutiveYearsBefore(String organisationId, String departmentGroup, int fiscalYear) {
    return consecutiveYearsBefore(registry.yearsHeld(organisationId, departmentGroup), fiscalYear);
  }

  static int consecutiveYearsBefore(List<Integer> yearsNewestFirst, int fiscalYear) {
    int expected = fiscalYear - 1;
    int run = 0;
    for (int year : yearsNewestFirst) {
      if (year >= fiscalYear) {
        continue;
      }
      if (year != expected) {
        break;
      }
      run++;
      expected--;
    }
    return run;
  }

  /**
   * What managers answered before when asked to let this partner hold the department's collaboration once more
   * ({@link FixationExceptionRecord}), newest first and at most three, for the notice the next manager reads; null
   * when none was asked.
   */
  public String earlierExceptions(String organisationId, String departmentGroup) {
    List<FixationExceptionRecord> earlier = registry.fixationExceptions(organisationId, departmentGroup);
    if (earlier.isEmpty()) {
      return null;
    }
    return "これまでの課長の判断: " + String.join("／", earlier.stream().limit(3).map(FixationExceptionRecord::summary)
        .toList()) + "。";
  }

  public boolean isFixed(String organisationId, String departmentGroup, int fiscalYear) {
    return consecutiveYearsBefore(organisationId, departmentGroup, fiscalYear) >= years;
  }
}
