package jp.kyodo.lifecycle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.SignedIn;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.lifecycle.FiscalYearChoices.BudgetDecision;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 予算要求の取りまとめ ({@code GET /api/budget-requests?fiscalYear=2028}, HTTP Basic like {@code /api/projects}): the
 * budget requests of the projects for one fiscal year, as the collaboration office collects them (旭川 Q50, Q52
 * 「11～12月 積算に基づき予算要求」) — what each department asked for, on what basis, and what the budget granted — with
 * the totals. The office, managers and administrators see every department; department staff their own
 * departments'; anyone else (partners too: a request is the city's internal work) gets 403.
 */
@RestController
@RequestMapping("/api/budget-requests")
public class BudgetRequestApi {

  private final ProjectYearRepository years;
  private final IdentityService identity;

  public BudgetRequestApi(ProjectYearRepository years, IdentityService identity) {
    this.years = years;
    this.identity = identity;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam int fiscalYear) {
    SignedIn who = Actors.signedIn(identity);
    List<String> groups = who.groups();
    boolean all = groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.MANAGERS)
        || groups.contains(KyodoGroups.ADMIN);
    if (!all && !groups.contains(KyodoGroups.DEPARTMENTS)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "予算要求の取りまとめを閲覧する権限がありません。");
    }
    if (fiscalYear < 2000 || fiscalYear > 2999) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "fiscalYear は西暦の年度（例 2028）で指定してください。");
    }
    List<ProjectYearRepository.ProjectYear> rows = years.budgetRequests(fiscalYear).stream()
        .filter(y -> all || groups.contains(y.departmentGroup())).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", fiscalYear);
    body.put("requestedTotal", rows.stream().mapToLong(y -> y.requestedBudget() == null ? 0 : y.requestedBudget()).sum());
    body.put("approvedTotal", rows.stream().mapToLong(y -> y.approvedBudget() == null ? 0 : y.approvedBudget()).sum());
    body.put("undecided", rows.stream().filter(y -> y.budgetDecision() == null).count());
    body.put("requests", rows.stream().map(BudgetRequestApi::view).toList());
    return body;
  }

  static Map<String, Object> view(ProjectYearRepository.ProjectYear y) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("projectNumber", y.projectNumber());
    view.put("fiscalYear", y.fiscalYear());
    view.put("yearMode", y.mode().name());
    view.put("yearModeLabel", y.mode().label());
    view.put("status", y.status());
    view.put("departmentGroup", y.departmentGroup());
    view.put("requestedBudget", y.requestedBudget());
    view.put("budgetBasis", y.budgetBasis());
    view.put("requestedBy", y.budgetRequestedBy());
    view.put("requestedAt", y.budgetRequestedAt());
    view.put("decision", y.budgetDecision());
    view.put("decisionLabel", y.budgetDecision() == null ? null : BudgetDecision.valueOf(y.budgetDecision()).label());
    view.put("approvedBudget", y.approvedBudget());
    view.put("comment", y.budgetComment());
    view.put("decidedBy", y.budgetDecidedBy());
    view.put("decidedAt", y.budgetDecidedAt());
    return view;
  }
}
