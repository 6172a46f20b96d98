package jp.kyodo.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the groups of the city's directory (LDAP / Active Directory groups, an OpenID Connect provider's group claim)
 * become Kyodo's groups: a staff member is in the role groups and departments the configuration maps their directory
 * groups onto, and in no other. Kyodo's groups stay Kyodo's (their ids, names and types, the authorizations on them);
 * the directory only says who belongs. Partners are never mapped: citizens keep the local accounts they registered
 * (旭川 Q42 事前登録), so a directory can neither make someone a partner nor a member of an organisation.
 *
 * <pre>
 * kyodo.directory.group-mapping:
 *   "[kyodo-coordinators]": coordinators
 *   "[fukushi-ka]": departments, dept-fukushi
 * </pre>
 *
 * A directory group is named as the directory names it (an LDAP group's cn, the claim's string); matching ignores
 * case, as directories do.
 */
@ConfigurationProperties("kyodo.directory")
public class DirectoryGroups {

  private final Map<String, List<String>> groupMapping = new LinkedHashMap<>();

  public Map<String, List<String>> getGroupMapping() {
    return groupMapping;
  }

  /** Kyodo's groups of a person who is in these directory groups; a directory group the mapping does not name gives none. */
  public Set<String> kyodoGroupsOf(Collection<String> directoryGroups) {
    checkTargets();
    Set<String> result = new TreeSet<>();
    for (String directoryGroup : directoryGroups) {
      for (Map.Entry<String, List<String>> entry : groupMapping.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(directoryGroup.trim())) {
          entry.getValue().forEach(kyodoGroup -> result.add(kyodoGroup.trim()));
        }
      }
    }
    return result;
  }

  /** The directory groups whose members are in this Kyodo group (to ask the directory who belongs to it). */
  public Set<String> directoryGroupsFor(String kyodoGroup) {
    checkTargets();
    Set<String> result = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    groupMapping.forEach((directoryGroup, targets) -> {
      if (targets.stream().anyMatch(target -> target.trim().equals(kyodoGroup))) {
        result.add(directoryGroup);
      }
    });
    return result;
  }

  /**
   * Every Kyodo group the mapping names: the groups whose members the directory decides. A membership in any other
   * group (an organisation, partners, a group the city maintains by hand in Admin) is never the directory's to change.
   */
  public Set<String> mappedKyodoGroups() {
    checkTargets();
    Set<String> result = new TreeSet<>();
    groupMapping.values().forEach(targets -> targets.forEach(target -> result.add(target.trim())));
    return result;
  }

  /** Whether a directory is configured at all (without a mapping nobody from it gets any group). */
  public boolean isEmpty() {
    return groupMapping.isEmpty();
  }

  /**
   * A mapping onto the partners' groups is a configuration error, refused at start-up with the setting's name: it
   * would let the directory act as a citizen group.
   */
  public void checkTargets() {
    groupMapping.forEach((directoryGroup, targets) -> {
      for (String target : targets) {
        String id = target.trim();
        if (id.isEmpty() || id.equals(KyodoGroups.PARTNERS) || id.startsWith("org-")) {
          throw new IllegalStateException("kyodo.directory.group-mapping[" + directoryGroup + "] maps onto '" + id
              + "': partners and their organisations keep local accounts and cannot come from the directory");
        }
      }
    });
  }
}
