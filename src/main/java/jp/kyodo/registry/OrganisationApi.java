package jp.kyodo.registry;

import java.util.List;
import java.util.Map;
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
 * The partner registry over HTTP ({@code /api/organisations}, HTTP Basic like {@code /engine-rest}).
 * The collaboration office sees everything; staff see registered organisations; reviewers see them
 * without contact details; a partner sees only the organisations it acts for.
 */
@RestController
@RequestMapping("/api/organisations")
public class OrganisationApi {

  private final OrganisationRepository registry;
  private final PartnerFixation fixation;
  private final IdentityService identity;
  private final MemberChanges memberChanges;
  private final RegistrationRequests requests;

  public OrganisationApi(OrganisationRepository registry, PartnerFixation fixation, IdentityService identity,
      MemberChanges memberChanges, RegistrationRequests requests) {
    this.registry = registry;
    this.fixation = fixation;
    this.identity = identity;
    this.memberChanges = memberChanges;
    this.requests = requests;
  }

  enum Viewer { OFFICE, STAFF, REVIEWER, PARTNER }

  @GetMapping
  public List<Organisation> list(@RequestParam(required = false) RegistrationStatus status,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
    SignedIn who = Actors.signedIn(identity);
    return switch (viewer(who)) {
      case OFFICE -> registry.list(status, offset, limit);
      case STAFF, REVIEWER -> {
        if (status != null && status != RegistrationStatus.REGISTERED) {
          throw new ResponseStatusException(HttpStatus.FORBIDDEN, "登録済みの団体のみ閲覧できます。");
        }
        yield registry.list(RegistrationStatus.REGISTERED, offset, limit).stream()
            .map(o -> viewer(who) == Viewer.REVIEWER ? withoutContact(o) : o).toList();
      }
      case PARTNER -> registry.ofMember(who.userId());
    };
  }

  @GetMapping("/{id}")
  public Organisation get(@PathVariable String id) {
    SignedIn who = Actors.signedIn(identity);
    Organisation organisation = registry.find(id).filter(o -> visible(who, o))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "団体「" + id + "」は見つかりません。"));
    return viewer(who) == Viewer.REVIEWER ? withoutContact(organisation) : organisation;
  }

  @GetMapping("/{id}/partnerships")
  public List<Partnership> partnerships(@PathVariable String id) {
    SignedIn who = Actors.signedIn(identity);
    Organisation organisation = get(id);
    if (viewer(who) == Viewer.REVIEWER) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "審査委員は協働の実績を閲覧できません。");
    }
    return registry.partnerships(organisation.id());
  }

  /**
   * Every change of the organisation's members — registered with the office's approval, invited, accepted, removed by
   * a member — with who did it and when: members manage their organisation themselves, the office sees each change.
   */
  @GetMapping("/{id}/member-changes")
  public List<MemberChanges.Change> memberChanges(@PathVariable String id) {
    SignedIn who = Actors.signedIn(identity);
    if (viewer(who) != Viewer.OFFICE) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "メンバーの変更履歴は市民協働課と管理者が閲覧できます。");
    }
    return memberChanges.of(get(id).id());
  }

  /**
   * Who applied for the organisation on the public page (the person who will log in once it is registered, their
   * address and login id): what the office checks beside the review task. 404 for a registration made in Tasklist.
   */
  @GetMapping("/{id}/applicant")
  public Map<String, Object> applicant(@PathVariable String id) {
    SignedIn who = Actors.signedIn(identity);
    if (viewer(who) != Viewer.OFFICE) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "申請者の情報は市民協働課と管理者が閲覧できます。");
    }
    return requests.applicantOf(get(id).id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "団体「" + id + "」は公開ページから申請されたものではありません（Tasklist から申請した利用者が最初のメンバーです）。"));
  }

  /** 千葉 ②: has the organisation held the department's collaboration for too many years in a row? */
  @GetMapping("/{id}/fixation")
  public Map<String, Object> fixation(@PathVariable String id, @RequestParam String department,
      @RequestParam int fiscalYear) {
    SignedIn who = Actors.signedIn(identity);
    if (viewer(who) != Viewer.OFFICE && viewer(who) != Viewer.STAFF) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "市の職員のみ確認できます。");
    }
    Organisation organisation = get(id);
    int run = fixation.consecutiveYearsBefore(organisation.id(), department, fiscalYear);
    return Map.of("organisationId", organisation.id(), "department", department, "fiscalYear", fiscalYear,
        "consecutiveYears", run, "limit", fixation.years(), "fixed", run >= fixation.years());
  }

  static Viewer viewer(SignedIn who) {
    List<String> groups = who.groups();
    if (groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.ADMIN)) {
      return Viewer.OFFICE;
    }
    if (groups.contains(KyodoGroups.DEPARTMENTS) || groups.contains(KyodoGroups.MANAGERS)) {
      return Viewer.STAFF;
    }
    if (groups.contains(KyodoGroups.REVIEWERS)) {
      return Viewer.REVIEWER;
    }
    if (groups.contains(KyodoGroups.PARTNERS)) {
      return Viewer.PARTNER;
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "団体登録を閲覧する権限がありません。");
  }

  private static boolean visible(SignedIn who, Organisation o) {
    return switch (viewer(who)) {
      case OFFICE -> true;
      case STAFF, REVIEWER -> o.status() == RegistrationStatus.REGISTERED;
      case PARTNER -> o.members().contains(who.userId());
    };
  }

  private static Organisation withoutContact(Organisation o) {
    return new Organisation(o.id(), o.name(), o.type(), o.representative(), null, null, null, o.activityFields(),
        o.activityRecord(), o.financialState(), o.status(), o.statusReason(), o.statusDecidedBy(), o.statusDecidedAt(),
        List.of());
  }
}
