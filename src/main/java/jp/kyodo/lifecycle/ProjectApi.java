package jp.kyodo.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationChoices.CalendarPattern;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.IdentityService;
import jp.kyodo.engine.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where every collaboration project stands, over HTTP ({@code /api/projects}, HTTP Basic like
 * {@code /engine-rest}), read from {@code kyodo_project}: phase, fiscal year, partner, form, domain, latest grade,
 * the last decision, and — for one project — every decision with its reason, who and when.
 * <p>The collaboration office, managers and administrators see every project; department staff the projects of
 * their departments; a partner those of its organisations (as partner or as proposer). Anyone else gets 403; a
 * project the reader may not see is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/projects")
public class ProjectApi {

  private final ProjectRepository projects;
  private final ProjectYearRepository years;
  private final IdentityService identity;

  public ProjectApi(ProjectRepository projects, ProjectYearRepository years, IdentityService identity) {
    this.projects = projects;
    this.years = years;
    this.identity = identity;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(required = false) String phase,
      @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String department,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit) {
    ProjectRepository.Visibility visibility = visibility(Actors.signedIn(identity));
    Phase wanted = phase == null ? null : Phase.ofCode(phase).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "phase は " + String.join("、", codes(Phase.values())) + " のいずれかです。"));
    if (status != null && !List.of(ProjectRecord.ACTIVE, ProjectRecord.CLOSED).contains(status)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status は ACTIVE、CLOSED のいずれかです。");
    }
    if (offset < 0 || limit < 1 || limit > ProjectRepository.MAX_PAGE) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "offset は0以上、limit は1以上" + ProjectRepository.MAX_PAGE + "以下で指定してください。");
    }
    ProjectRepository.Page page = projects.list(new ProjectRepository.Filter(wanted, fiscalYear, department, status),
        visibility, offset, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("offset", page.offset());
    body.put("limit", page.limit());
    body.put("projects", page.projects().stream().map(ProjectApi::view).toList());
    return body;
  }

  @GetMapping("/{number}")
  public Map<String, Object> project(@PathVariable String number) {
    ProjectRepository.Visibility visibility = visibility(Actors.signedIn(identity));
    ProjectRecord project = projects.find(number).filter(p -> visible(visibility, p))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "事業「" + number + "」は見つかりません。"));
    Map<String, Object> view = view(project);
    view.put("decisions", projects.decisions(number).stream().map(ProjectApi::decision).toList());
    view.put("years", years.ofProject(number).stream().map(ProjectApi::year).toList());
    return view;
  }

  /** Who sees which projects (see the class comment). */
  static ProjectRepository.Visibility visibility(SignedIn who) {
    return readers(who.groups()).orElseThrow(
        () -> new ResponseStatusException(HttpStatus.FORBIDDEN, "協働事業の一覧を閲覧する権限がありません。"));
  }

  /**
   * The one rule of who reads a project, for every route that shows a project's things (its documents too): every
   * project for the office, managers and administrators; for department staff and partners the projects that name one
   * of their groups; nothing for the other roles.
   */
  public static java.util.Optional<ProjectRepository.Visibility> readers(List<String> groups) {
    if (groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.MANAGERS)
        || groups.contains(KyodoGroups.ADMIN)) {
      return java.util.Optional.of(ProjectRepository.Visibility.everything());
    }
    if (groups.contains(KyodoGroups.DEPARTMENTS) || groups.contains(KyodoGroups.PARTNERS)) {
      // Department and organisation groups are the reader's own: a row is theirs when it names one of them.
      return java.util.Optional.of(ProjectRepository.Visibility.ofGroups(groups));
    }
    return java.util.Optional.empty();
  }

  public static boolean visible(ProjectRepository.Visibility visibility, ProjectRecord p) {
    return visibility.all() || java.util.stream.Stream.of(p.departmentGroup(), p.partnerGroup(), p.proposerGroup())
        .anyMatch(group -> group != null && visibility.groups().contains(group));
  }

  static Map<String, Object> view(ProjectRecord p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("projectNumber", p.projectNumber());
    view.put("title", p.title());
    view.put("status", p.status());
    view.put("phase", p.phase().name());
    view.put("phaseLabel", p.phase().label());
    view.put("round", p.round());
    view.put("fiscalYear", p.fiscalYear());
    view.put("phaseStartedAt", p.phaseStartedAt());
    view.put("phaseDueAt", p.phaseDueAt());
    view.put("overdueSince", p.overdueSince());
    view.put("departmentGroup", p.departmentGroup());
    view.put("departmentName", p.departmentName());
    view.put("partnerGroup", p.partnerGroup());
    view.put("partnerName", p.partnerName());
    view.put("chosenForm", p.chosenForm());
    view.put("otherFormDescription", p.otherFormDescription());
    view.put("chosenFormLabel", CollaborationForm.describe(p.chosenForm(), p.otherFormDescription()));
    view.put("domain", p.domain());
    view.put("calendarPattern", p.calendarPattern());
    view.put("calendarPatternLabel", p.calendarPattern() == null ? null : CalendarPattern.valueOf(p.calendarPattern()).label());
    view.put("latestGrade", p.latestGrade());
    Map<String, Object> last = new LinkedHashMap<>();
    last.put("decision", p.lastDecision());
    last.put("label", p.lastDecisionLabel());
    last.put("reason", p.lastDecisionReason());
    last.put("decidedBy", p.lastDecidedBy());
    last.put("decidedAt", p.lastDecidedAt());
    view.put("lastDecision", p.lastDecision() == null ? null : last);
    view.put("outcome", p.outcome());
    view.put("outcomeLabel", p.outcome() == null ? null : ProjectOutcome.valueOf(p.outcome()).label());
    view.put("proposer", p.proposer());
    view.put("processInstanceId", p.processInstanceId());
    view.put("openedAt", p.openedAt());
    view.put("updatedAt", p.updatedAt());
    view.put("closedAt", p.closedAt());
    return view;
  }

  /** A fiscal year of the project: how it started, whether it runs, how it ended (its budget is the office's). */
  static Map<String, Object> year(ProjectYearRepository.ProjectYear y) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("fiscalYear", y.fiscalYear());
    view.put("yearMode", y.mode().name());
    view.put("yearModeLabel", y.mode().label());
    view.put("status", y.status());
    view.put("outcome", y.outcome());
    view.put("outcomeLabel", y.outcome() == null ? null : FiscalYearChoices.YearOutcome.valueOf(y.outcome()).label());
    view.put("startedAt", y.startedAt());
    view.put("endedAt", y.endedAt());
    view.put("nextYearPlan", y.nextYearPlan());
    return view;
  }

  static Map<String, Object> decision(ProjectDecision d) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("phase", d.phase().name());
    view.put("phaseLabel", d.phase().label());
    view.put("round", d.round());
    view.put("fiscalYear", d.fiscalYear());
    view.put("decision", d.decision().outcome());
    view.put("label", d.decision().label());
    view.put("reason", d.decision().reason());
    view.put("decidedBy", d.decision().decidedBy());
    view.put("decidedAt", d.decision().decidedAt());
    return view;
  }

  private static List<String> codes(Phase[] phases) {
    return java.util.Arrays.stream(phases).map(Phase::name).toList();
  }
}
