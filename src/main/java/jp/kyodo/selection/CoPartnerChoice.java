package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.PartnerFixation;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The co-partners (「共に担う団体」, 旭川 Q71) a form of ② names in its slots: the department's sole source
 * ({@code selection-method}) or the manager's approval of a call ({@code selection-approval}), which use the same
 * slot names. Only a slot with an organisation counts; its role goes with it (the form rules require one for the
 * other).
 */
final class CoPartnerChoice {

  /** One filled slot, numbered as the form shows it. */
  record Slot(int slot, String organisationId, String role) {}

  private CoPartnerChoice() {}

  static List<Slot> chosen(VariableScope scope) {
    List<Slot> slots = new ArrayList<>();
    for (int slot = 1; slot <= CO_PARTNER_SLOTS; slot++) {
      String organisation = coPartnerOrganisation(slot).get(scope);
      if (organisation != null && !organisation.isBlank()) {
        slots.add(new Slot(slot, organisation, coPartnerRole(slot).get(scope)));
      }
    }
    return slots;
  }

  static boolean any(VariableScope scope) {
    return !chosen(scope).isEmpty();
  }

  /** No organisation in two slots. */
  static boolean distinct(VariableScope scope) {
    Set<String> seen = new HashSet<>();
    return chosen(scope).stream().allMatch(slot -> seen.add(slot.organisationId()));
  }

  /**
   * Checks the chosen co-partners against the registry as it is now, the way the partner is checked: each must be
   * registered (a registration suspended since the choices were offered is refused), none the partner itself (it
   * holds the project already; a second role would count it twice).
   * Returns those that have held the department's collaboration for the city's limit of years in a row (千葉 ②:
   * each organisation counted on its own), with their runs, in slot order, for the caller's fixation rule.
   */
  static Map<String, Integer> checkAgainstRegistry(VariableScope scope, String partnerOrganisationId,
      OrganisationRepository registry, PartnerFixation fixation, int fiscalYear) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> fixed = new LinkedHashMap<>();
    String department = DEPARTMENT_GROUP.get(scope);
    for (Slot slot : chosen(scope)) {
      Optional<Organisation> organisation = registry.find(slot.organisationId()).filter(Organisation::mayApply);
      if (organisation.isEmpty()) {
        problems.add("「共に担う団体" + slot.slot() + "」は団体登録が済んでいる団体から選んでください（選んだ団体は、いまは登録されていません）。");
      } else if (slot.organisationId().equals(partnerOrganisationId)) {
        problems.add(SAME_AS_PARTNER);
      } else {
        int years = fixation.consecutiveYearsBefore(slot.organisationId(), department, fiscalYear);
        if (years >= fixation.years()) {
          fixed.put(slot.organisationId(), years);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.stream().distinct().toList());
    }
    return fixed;
  }

  static final String SAME_AS_PARTNER = "「共に担う団体」に、協働パートナーとして選ぶ団体と同じ団体は選べません。ほかの団体を選ぶか、空欄にしてください。";
  static final String TWICE = "「共に担う団体」に同じ団体が二度選ばれています。一つの団体は一つの欄にまとめ、役割はその欄に書いてください。";

  /** How a fixed organisation is named in a notice or a refusal. */
  static String held(OrganisationRepository registry, String organisationId, int years, boolean coPartner) {
    String name = registry.find(organisationId).map(Organisation::name).orElse(organisationId);
    return name + (coPartner ? "（共に担う団体）" : "") + "はこの課の協働事業を" + years + "年度続けて担っています";
  }

  /**
   * Empties the slots (and the reason written for them) once they can no longer be approved as written: the method
   * became a public call, or the manager sent the call's selection back. A choice left in hidden fields must not
   * become a co-partner later.
   */
  static void clear(VariableScope scope) {
    for (int slot = 1; slot <= CO_PARTNER_SLOTS; slot++) {
      clearIfSet(scope, coPartnerOrganisation(slot).name());
      clearIfSet(scope, coPartnerRole(slot).name());
    }
    clearIfSet(scope, CO_PARTNER_REASON.name());
    clearIfSet(scope, CO_PARTNER_FIXATION_REASON.name());
  }

  private static void clearIfSet(VariableScope scope, String name) {
    if (scope.getVariable(name) != null) {
      scope.setVariable(name, null);
    }
  }
}
