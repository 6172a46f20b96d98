package jp.kyodo.lifecycle;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.project.Project;

/**
 * A project's main and deputy staff (主担当・副担当, user ids of its department; a project is never one person's,
 * 旭川 Q57), where its running instances keep them, and who takes over from whom when they change.
 */
record ProjectStaff(String main, String deputy) {

  /** What an instance is asked for to tell its staff. */
  static final List<String> VARIABLES = List.of(Project.MAIN_STAFF.name(), Project.DEPUTY_STAFF.name(),
      Project.FISCAL_YEAR.name(), Project.AGREEMENT_NUMBER.name(), StaffHandoverProcess.MAIN_STAFF_NAME.name());

  /** The staff an instance holds; none when it has no main staff. */
  static Optional<ProjectStaff> of(ProjectInstances.Running instance) {
    Object main = instance.get(Project.MAIN_STAFF.name());
    Object deputy = instance.get(Project.DEPUTY_STAFF.name());
    return main instanceof String m && deputy instanceof String d ? Optional.of(new ProjectStaff(m, d)) : Optional.empty();
  }

  /**
   * The project's staff now, as its running instances know them. Each hands the staff up only when it ends (a phase
   * to its year, a year to the lifecycle), so a phase that holds them knows them before its year, and a year before
   * the lifecycle; of two at the same level, the later fiscal year's.
   */
  static Optional<ProjectStaff> current(List<ProjectInstances.Running> running) {
    return running.stream().filter(r -> of(r).isPresent())
        .max(Comparator.comparingInt(ProjectStaff::level).thenComparingLong(ProjectStaff::fiscalYear))
        .flatMap(ProjectStaff::of);
  }

  private static int level(ProjectInstances.Running instance) {
    return instance.isLifecycle() ? 0 : instance.isYear() ? 1 : 2;
  }

  private static long fiscalYear(ProjectInstances.Running instance) {
    return instance.get(Project.FISCAL_YEAR.name()) instanceof Number year ? year.longValue() : 0;
  }

  /**
   * Whose open tasks go to whom: the work follows the role — the main's tasks go to the new main, the deputy's to
   * the new deputy (the same person in both orders when the two swap); a role that keeps its holder moves nothing.
   */
  Map<String, String> successors(ProjectStaff next) {
    Map<String, String> successors = new LinkedHashMap<>();
    if (!main.equals(next.main())) {
      successors.put(main, next.main());
    }
    if (!deputy.equals(next.deputy()) && !successors.containsKey(deputy)) {
      successors.put(deputy, next.deputy());
    }
    return successors;
  }
}
