package jp.kyodo.selection;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.platform.WebappLogin;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 「この公募に応募する」 from a call's public page, with the webapps' login (Tasklist's session, as the overview uses
 * it): {@code GET /public/calls/{n}/apply} leads to the apply page, {@code GET /apply/api/calls/{n}} tells the page
 * what the visitor may do, and {@code POST /apply/api/calls/{n}/draft} opens the draft ({@link CallApplications}).
 *
 * <p>A GET never starts anything. The POST changes state with a browser's session cookie, so it is guarded against
 * cross-site requests: it takes a JSON body only (a form of another site cannot send one without a CORS preflight,
 * which Kyodo never answers) and its {@code Origin} (or, without one, its {@code Referer}) must be this host.
 * Tasklist's CSRF token cookie is scoped to {@code /camunda}, so the public page cannot read it; the same-origin check
 * is the guard the browsers give every page.
 */
@RestController
public class CallApplyApi {

  static final String TASKLIST = "/camunda/app/tasklist/";
  static final String REGISTER_PAGE = "/public/register.html";
  static final String CROSS_SITE = "この操作は公開ページの「この公募に応募する」からだけ行えます。ページを開き直してください。";

  private final CallApplications applications;
  private final ProcessEngine engine;

  public CallApplyApi(CallApplications applications, ProcessEngine engine) {
    this.applications = applications;
    this.engine = engine;
  }

  /** The link of the call page's button: the apply page of the call (nothing is started by a GET). */
  @GetMapping("/public/calls/{callNumber}/apply")
  public ResponseEntity<Void> applyPage(@PathVariable String callNumber) {
    applications.call(callNumber);
    return ResponseEntity.status(HttpStatus.SEE_OTHER)
        .location(URI.create("/public/apply.html?n=" + URLEncoder.encode(callNumber, StandardCharsets.UTF_8))).build();
  }

  @GetMapping("/apply/api/calls/{callNumber}")
  public Map<String, Object> status(@PathVariable String callNumber, HttpServletRequest request) {
    var user = WebappLogin.of(request, engine.getName());
    if (user.isEmpty()) {
      SelectionRepository.Call call = applications.call(callNumber);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("callNumber", call.callNumber());
      out.put("title", call.projectTitle());
      out.put("loggedIn", false);
      out.put("loginUrl", TASKLIST);
      out.put("registerUrl", REGISTER_PAGE);
      out.put("message", "応募するには、団体の担当者のアカウントで Tasklist にログインしてください。アカウントがない団体は、"
          + "先に団体登録を申請してください（旭川 Q42）。");
      return out;
    }
    Map<String, Object> out = applications.status(callNumber, user.get().id(), user.get().groups());
    out.put("tasklistUrl", TASKLIST);
    out.put("registerUrl", REGISTER_PAGE);
    return out;
  }

  /** The organisation chosen on the page; none when the user acts for one registered organisation only. */
  public record DraftRequest(String organisationId) {}

  @PostMapping(value = "/apply/api/calls/{callNumber}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> openDraft(@PathVariable String callNumber, @RequestBody(required = false) DraftRequest body,
      HttpServletRequest request) {
    if (!sameOrigin(request)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, CROSS_SITE);
    }
    WebappLogin.User user = WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
            "応募するには、団体の担当者のアカウントで Tasklist にログインしてください。"));
    String organisation = body == null ? null : body.organisationId();
    if (organisation != null && organisation.length() > 64) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, CallApplications.NOT_YOUR_ORGANISATION);
    }
    CallApplications.Draft draft = applications.openDraft(callNumber, user.id(), user.groups(), organisation);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("taskId", draft.taskId());
    out.put("organisationId", draft.organisationId());
    out.put("reopened", draft.reopened());
    out.put("url", taskUrl(draft.taskId()));
    return out;
  }

  String taskUrl(String taskId) {
    return TASKLIST + engine.getName() + "/#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }

  /** The request comes from a page of this host: its Origin, or without one its Referer, names this host. */
  static boolean sameOrigin(HttpServletRequest request) {
    String host = request.getHeader(HttpHeaders.HOST);
    if (host == null || host.isBlank()) {
      return false;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equals("same-origin")) {
      return false;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String source = origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
    if (source == null || "null".equals(source)) {
      return false;
    }
    try {
      URI uri = URI.create(source);
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host)
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
