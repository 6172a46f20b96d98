package jp.kyodo.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionRepository.Application;
import jp.kyodo.selection.SelectionRepository.Call;
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
 * Public calls and their applications over HTTP ({@code /api/calls}, HTTP Basic). Anyone logged in reads
 * the published calls (applicants must find them), without the names of the reviewers. Applications are
 * shown by role: the collaboration office, managers and the owning department see all; a reviewer only
 * those assigned to them (declared free of conflicts); a partner only its own organisation's.
 */
@RestController
@RequestMapping("/api/calls")
public class SelectionApi {

  private final SelectionRepository records;
  private final OrganisationRepository registry;
  private final IdentityService identity;

  public SelectionApi(SelectionRepository records, OrganisationRepository registry, IdentityService identity) {
    this.records = records;
    this.registry = registry;
    this.identity = identity;
  }

  @GetMapping
  public List<Map<String, Object>> calls(@RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    SignedIn who = Actors.signedIn(identity);
    if (status != null && !List.of("OPEN", "CLOSED", "DECIDED").contains(status)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status は OPEN、CLOSED、DECIDED のいずれかです。");
    }
    return records.calls(status, offset, limit).stream().map(call -> view(call, who)).toList();
  }

  @GetMapping("/{callNumber}")
  public Map<String, Object> call(@PathVariable String callNumber) {
    return view(find(callNumber), Actors.signedIn(identity));
  }

  @GetMapping("/{callNumber}/applications")
  public List<Map<String, Object>> applications(@PathVariable String callNumber) {
    SignedIn who = Actors.signedIn(identity);
    Call call = find(callNumber);
    List<Application> applications = records.applications(callNumber);
    List<Application> visible;
    if (isStaffOf(who, call)) {
      visible = applications;
    } else if (who.groups().contains(KyodoGroups.REVIEWERS) && call.reviewers().contains(who.userId())) {
      List<String> assigned = records.applicationsToScore(callNumber, who.userId());
      visible = applications.stream().filter(a -> assigned.contains(a.applicationId())).toList();
    } else if (who.groups().contains(KyodoGroups.PARTNERS)) {
      visible = applications.stream().filter(a -> who.groups().contains(a.organisationId())).toList();
    } else {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この公募の応募を閲覧する権限がありません。");
    }
    boolean decided = "DECIDED".equals(call.status());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Application a : visible) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicationId", a.applicationId());
      row.put("organisationId", a.organisationId());
      row.put("organisationName", registry.find(a.organisationId()).map(o -> o.name()).orElse(a.organisationId()));
      row.put("submittedAt", a.submittedAt());
      row.put("proposalTitle", a.proposalTitle());
      row.put("proposal", a.proposal());
      row.put("budgetPlan", a.budgetPlan());
      if (isStaffOf(who, call) || decided) {
        row.put("eligible", a.eligible());
        row.put("screeningReason", a.screeningReason());
        row.put("weightedScore", a.weightedScore());
        row.put("reviews", a.reviewCount());
        row.put("rank", a.ranking());
        row.put("tied", a.tied());
        row.put("result", a.result());
      }
      out.add(row);
    }
    return out;
  }

  private Call find(String callNumber) {
    return records.call(callNumber).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "公募「" + callNumber + "」は見つかりません。"));
  }

  private Map<String, Object> view(Call call, SignedIn who) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("callNumber", call.callNumber());
    view.put("selectionNumber", call.selectionNumber());
    view.put("projectTitle", call.projectTitle());
    view.put("departmentGroup", call.departmentGroup());
    view.put("fiscalYear", call.fiscalYear());
    view.put("purpose", call.purpose());
    view.put("eligibility", call.eligibility());
    view.put("criteria", call.criteria());
    view.put("deadlineAt", call.deadlineAt());
    view.put("open", call.acceptsApplicationsAt(CityCalendar.now()));
    view.put("status", call.status());
    view.put("publishedAt", call.publishedAt());
    if (isStaffOf(who, call)) {
      view.put("quorum", call.quorum());
      view.put("reviewers", call.reviewers());
    }
    return view;
  }

  private static boolean isStaffOf(SignedIn who, Call call) {
    List<String> groups = who.groups();
    return groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.ADMIN)
        || groups.contains(KyodoGroups.MANAGERS) || groups.contains(call.departmentGroup());
  }
}
