package jp.kyodo.registry;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.engine.Privileged;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A registered organisation's members manage its members themselves ({@code /account/organisation.html}), with the
 * login of Tasklist (the webapps' session, as {@code /overview/}): list them, invite another representative, remove
 * one. Writes need the session's CSRF token in {@code X-XSRF-TOKEN} (checked by {@code platform.SessionWriteGuard}). Every change is
 * logged for the collaboration office ({@link MemberChanges}) and kept in the registry.
 *
 * <p>An invited person's user is created at the invitation, with a password nobody knows: the login id is taken at
 * once (nobody else can claim it while the mail travels), the office sees the new member immediately, and removing
 * a member who never accepted voids the link. They can log in only after setting a password through the link.
 */
@RestController
@RequestMapping("/account/api/organisation")
public class OrganisationMembersApi {

  static final String NOT_A_MEMBER = "この団体のメンバーではないため、操作できません。";
  static final String LAST_MEMBER = "団体の最後のメンバーは外せません。先に別のメンバーを招待してください。";

  private final ProcessEngine engine;
  private final OrganisationRepository registry;
  private final Accounts accounts;
  private final MemberChanges changes;
  private final RegistrationRequests requests;

  public OrganisationMembersApi(ProcessEngine engine, OrganisationRepository registry, Accounts accounts,
      MemberChanges changes, RegistrationRequests requests) {
    this.engine = engine;
    this.registry = registry;
    this.accounts = accounts;
    this.changes = changes;
    this.requests = requests;
  }

  /** The registered organisations of the logged-in person, each with its members, and the token for writes. */
  @GetMapping
  public Map<String, Object> mine(HttpServletRequest request) {
    WebappLogin.User user = login(request);
    List<Map<String, Object>> organisations = new ArrayList<>();
    for (Organisation organisation : registry.ofMember(user.id())) {
      if (organisation.status() != RegistrationStatus.REGISTERED) {
        continue;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", organisation.id());
      out.put("name", organisation.name());
      out.put("members", members(organisation));
      organisations.add(out);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user.id());
    out.put("csrfToken", WebappLogin.csrfToken(request));
    out.put("organisations", organisations);
    return out;
  }

  /** Invites another representative: their user is created now, without a password; the mail carries the link. */
  @PostMapping("/{organisationId}/members")
  @Transactional
  public ResponseEntity<Map<String, Object>> invite(@PathVariable String organisationId, HttpServletRequest request) {
    WebappLogin.User user = writer(request);
    Organisation organisation = ownOrganisation(user, organisationId);
    JsonNode body = JsonBody.read(request, Set.of("loginId", "lastName", "firstName", "email"));
    RegistrationRequests.Account invited = new RegistrationRequests.Account(JsonBody.text(body, "loginId", "ログインID"),
        JsonBody.text(body, "lastName", "姓"), JsonBody.text(body, "firstName", "名"),
        JsonBody.text(body, "email", "メールアドレス"));
    List<String> problems = requests.accountProblems(invited);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (!requests.loginIdFree(invited.loginId(), jp.kyodo.platform.CityCalendar.now())) {
      throw new InvalidInputException(RegistrationRequests.LOGIN_ID_UNUSABLE);
    }
    IdentityService identity = engine.getIdentityService();
    String address = invited.email().strip();
    accounts.create(identity, invited.loginId(), invited.lastName().strip(), invited.firstName().strip(), address);
    accounts.join(identity, organisation, invited.loginId());
    changes.record(organisation.id(), MemberChanges.Action.INVITED, invited.loginId(), user.id());
    String inviter = Actors.displayName(identity, user.id());
    accounts.mailPasswordLink("invitation:" + organisation.id() + ":" + invited.loginId(), invited.loginId(), address,
        "「" + organisation.name() + "」への招待", invited.lastName().strip() + " " + invited.firstName().strip() + " 様\n\n"
            + inviter + " さんが、あなたを「" + organisation.name() + "」のメンバーとして Kyodo（協働事業）に招待しました。"
            + "\nログインID: " + invited.loginId(),
        accounts.passwordLink(invited.loginId(), Accounts.Purpose.INVITATION, organisation.id()));
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("message", "「" + invited.loginId()
        + "」を招待しました。メールのリンクからパスワードを設定すると、ログインできます。", "members", members(organisation)));
  }

  /** Removes a member (not the last one): they lose the organisation's group, so its tasks are no longer offered to them. */
  @DeleteMapping("/{organisationId}/members/{userId}")
  @Transactional
  public Map<String, Object> remove(@PathVariable String organisationId, @PathVariable String userId,
      HttpServletRequest request) {
    WebappLogin.User user = writer(request);
    Organisation organisation = ownOrganisation(user, organisationId);
    if (!organisation.members().contains(userId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "「" + (userId.length() > 40 ? userId.substring(0, 40) : userId)
          + "」はこの団体のメンバーではありません。");
    }
    if (organisation.members().size() <= 1) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, LAST_MEMBER);
    }
    accounts.leave(engine.getIdentityService(), organisation.id(), userId);
    changes.record(organisation.id(), MemberChanges.Action.REMOVED, userId, user.id());
    return Map.of("message", "「" + userId + "」を団体のメンバーから外しました。",
        "members", members(registry.find(organisation.id()).orElseThrow()));
  }

  private WebappLogin.User login(HttpServletRequest request) {
    return WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
  }

  private WebappLogin.User writer(HttpServletRequest request) {
    // The session's CSRF token was checked before this (platform.SessionWriteGuard guards every write of /account/).
    return login(request);
  }

  /** A registered organisation the person belongs to; any other id — another's or none — is the same 403. */
  private Organisation ownOrganisation(WebappLogin.User user, String organisationId) {
    return registry.find(organisationId)
        .filter(o -> o.status() == RegistrationStatus.REGISTERED && o.members().contains(user.id()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, NOT_A_MEMBER));
  }

  private List<Map<String, Object>> members(Organisation organisation) {
    IdentityService identity = engine.getIdentityService();
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : organisation.members()) {
      User member = Privileged.run(() -> identity.createUserQuery().userId(id).singleResult());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("name", member == null ? id : Actors.fullName(member));
      row.put("email", member == null ? null : member.getEmail());
      out.add(row);
    }
    return out;
  }
}
