package jp.kyodo.agreement;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.WebappLogin;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The 協定書 for the people on the project: the department's staff, the partner organisation's members, the
 * collaboration office and managers. A clerk opens it from Tasklist with the Tasklist/Cockpit login
 * ({@code /documents/agreements/{number}}, the link in the forms: no browser password prompt); an integration reads
 * it over {@code /api/agreements/{number}/document} with HTTP Basic like the rest of {@code /api}. Anyone else is
 * refused (403) whether the agreement exists or not, so its number tells an outsider nothing.
 */
@RestController
public class AgreementApi {

  /** The path the forms link to; opened with the webapps' login. */
  public static final String DOCUMENT_PAGE = "/documents/agreements/";

  static final String ONLY_THE_PROJECTS_PEOPLE =
      "この協定の関係者（担当課・協働パートナー・市民協働課・決裁者）だけが協定書を見られます。";

  private final AgreementRepository agreements;
  private final IdentityService identity;
  private final ProcessEngine engine;

  public AgreementApi(AgreementRepository agreements, IdentityService identity, ProcessEngine engine) {
    this.agreements = agreements;
    this.identity = identity;
    this.engine = engine;
  }

  @GetMapping(DOCUMENT_PAGE + "{number}")
  public ResponseEntity<byte[]> documentForTheLoggedIn(@PathVariable String number, HttpServletRequest request) {
    WebappLogin.User user = WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
    return document(number, user.groups());
  }

  @GetMapping("/api/agreements/{number}/document")
  public ResponseEntity<byte[]> documentOverTheApi(@PathVariable String number) {
    return document(number, Actors.signedIn(identity).groups());
  }

  ResponseEntity<byte[]> document(String number, List<String> groups) {
    Optional<Agreement> agreement = agreements.find(number);
    if (agreement.isEmpty() || !mayRead(groups, agreement.get())) {
      if (agreement.isEmpty() && readsEveryAgreement(groups)) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "協定「" + number + "」は見つかりません。");
      }
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, ONLY_THE_PROJECTS_PEOPLE);
    }
    AgreementRepository.StoredDocument document = agreements.document(number)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
            "協定「" + number + "」の協定書はまだ作成されていません。しばらくしてから開いてください。"));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .body(document.content());
  }

  static boolean readsEveryAgreement(List<String> groups) {
    return groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.MANAGERS)
        || groups.contains(KyodoGroups.ADMIN);
  }

  static boolean mayRead(List<String> groups, Agreement agreement) {
    return groups.contains(agreement.departmentGroup()) || groups.contains(agreement.partnerGroup())
        || readsEveryAgreement(groups);
  }
}
