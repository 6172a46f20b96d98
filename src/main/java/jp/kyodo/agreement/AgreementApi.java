package jp.kyodo.agreement;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The 協定書 for the people on the project ({@code /api/agreements/{number}/document}, HTTP Basic like
 * the rest of {@code /api}): the department's staff, the partner organisation's members, the
 * collaboration office and managers. Anyone else is refused (403) — a partner never sees another
 * organisation's agreement.
 */
@RestController
@RequestMapping("/api/agreements")
public class AgreementApi {

  private final AgreementRepository agreements;
  private final IdentityService identity;

  public AgreementApi(AgreementRepository agreements, IdentityService identity) {
    this.agreements = agreements;
    this.identity = identity;
  }

  @GetMapping("/{number}/document")
  public ResponseEntity<byte[]> document(@PathVariable String number) {
    Authentication who = identity.getCurrentAuthentication();
    if (who == null || who.getUserId() == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "ログインが必要です。");
    }
    Agreement agreement = agreements.find(number)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "協定「" + number + "」は見つかりません。"));
    if (!mayRead(who, agreement)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "この協定の関係者（担当課・協働パートナー・市民協働課・決裁者）だけが協定書を見られます。");
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

  static boolean mayRead(Authentication who, Agreement agreement) {
    List<String> groups = who.getGroupIds() == null ? List.of() : who.getGroupIds();
    return groups.contains(agreement.departmentGroup()) || groups.contains(agreement.partnerGroup())
        || groups.contains(KyodoGroups.COORDINATORS) || groups.contains(KyodoGroups.MANAGERS)
        || groups.contains(KyodoGroups.ADMIN);
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", String.valueOf(e.getReason())));
  }
}
