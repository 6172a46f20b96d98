package jp.kyodo.engine;

import java.util.Collection;
import java.util.Set;

/**
 * Which of the application's own groups the city's directory puts someone in, and back: the directory says who
 * belongs, the groups themselves stay the application's. Kept as an interface so that this package knows nothing of
 * where the mapping is configured.
 */
public interface DirectoryGroupMapping {

  /** The application's groups of someone who is in these directory groups. */
  Set<String> localGroupsOf(Collection<String> directoryGroups);

  /** The directory groups whose members are in this group of the application. */
  Set<String> directoryGroupsFor(String localGroup);
}
