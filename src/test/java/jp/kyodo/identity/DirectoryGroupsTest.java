package jp.kyodo.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryGroupsTest {

  private static DirectoryGroups mapping(String directoryGroup, String... kyodoGroups) {
    DirectoryGroups groups = new DirectoryGroups();
    groups.getGroupMapping().put(directoryGroup, List.of(kyodoGroups));
    return groups;
  }

  @Test
  void aMappedDirectoryGroupGivesItsKyodoGroupsAndAnUnmappedOneNone() {
    DirectoryGroups groups = mapping("Fukushi-Ka", "departments", "dept-fukushi");
    groups.getGroupMapping().put("kyodo-coordinators", List.of("coordinators"));

    assertThat(groups.kyodoGroupsOf(List.of("fukushi-ka", "domain users"))).containsExactly("departments", "dept-fukushi");
    assertThat(groups.kyodoGroupsOf(List.of("domain users"))).isEmpty();
    assertThat(groups.directoryGroupsFor("dept-fukushi")).containsExactly("Fukushi-Ka");
    assertThat(groups.directoryGroupsFor("managers")).isEmpty();
  }

  @Test
  void theDirectoryCannotMakeAnyoneAPartner() {
    assertThatThrownBy(() -> mapping("citizens", "partners").checkTargets())
        .hasMessageContaining("kyodo.directory.group-mapping[citizens]");
    assertThatThrownBy(() -> mapping("npo", "org-hikari").kyodoGroupsOf(List.of("npo")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theMappedGroupsAreEveryTargetTheMappingNames() {
    DirectoryGroups groups = mapping("Fukushi-Ka", "departments", " dept-fukushi");
    groups.getGroupMapping().put("kyodo-coordinators", List.of("coordinators", "departments"));
    assertThat(groups.mappedKyodoGroups()).containsExactly("coordinators", "departments", "dept-fukushi");
    assertThatThrownBy(() -> mapping("npo", "org-hikari").mappedKyodoGroups()).isInstanceOf(IllegalStateException.class);
  }
}
