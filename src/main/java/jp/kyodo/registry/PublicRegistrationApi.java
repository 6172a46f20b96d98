package jp.kyodo.registry;

import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public, anonymous routes of self-service registration and of setting one's password (docs/registry.md,
 * docs/security.md): read a form token, apply, confirm the address, set the password from a mailed link. Every write
 * counts against the client's hourly limit first ({@link ClientLimit}), then its body is read within 64 KB.
 */
@RestController
@RequestMapping("/public/api")
public class PublicRegistrationApi {

  static final String HONEYPOT = "website";
  static final Set<String> APPLY_FIELDS = Set.of("formToken", HONEYPOT, "account", "application");
  static final Set<String> ACCOUNT_FIELDS = Set.of("loginId", "lastName", "firstName", "email");
  static final String TOO_MANY = "この端末からの送信が多すぎます。1時間ほどたってから、もう一度お試しください。";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistrationRequests requests;
  private final Accounts accounts;
  private final FormTokens formTokens;
  private final ClientLimit limit;
  private final ProcessEngine engine;

  public PublicRegistrationApi(RegistrationRequests requests, Accounts accounts, FormTokens formTokens, ClientLimit limit,
      ProcessEngine engine) {
    this.requests = requests;
    this.accounts = accounts;
    this.formTokens = formTokens;
    this.limit = limit;
    this.engine = engine;
  }

  /** A fresh form token for the registration page (valid from a few seconds to an hour from now). */
  @Operation(summary = "団体登録の申請フォームの受付トークン")
  @GetMapping("/registrations/form")
  public Map<String, Object> form() {
    return Map.of("formToken", formTokens.issue(), "honeypot", HONEYPOT);
  }

  @Operation(summary = "団体登録を申請する（確認のメールが届きます）")
  @PostMapping("/registrations")
  public ResponseEntity<Map<String, Object>> apply(HttpServletRequest request) {
    limited(request);
    JsonNode body = JsonBody.read(request, APPLY_FIELDS);
    JsonNode account = body.path("account");
    if (!account.isMissingNode() && !account.isNull()) {
      if (!account.isObject()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「account」は項目の一覧（JSON のオブジェクト）で送ってください。");
      }
      account.fieldNames().forEachRemaining(name -> {
        if (!ACCOUNT_FIELDS.contains(name)) {
          throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + (name.length() > 40 ? name.substring(0, 40) : name)
              + "」という項目は受け付けていません。");
        }
      });
    }
    JsonNode application = body.path("application");
    if (!application.isMissingNode() && !application.isNull() && !application.isObject()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「application」は項目の一覧（JSON のオブジェクト）で送ってください。");
    }
    Map<String, Object> values = application.isObject() ? JSON.convertValue(application, LinkedHashMap.class) : Map.of();
    Object honeypot = body.has(HONEYPOT) ? JSON.convertValue(body.get(HONEYPOT), Object.class) : null;
    RegistrationRequests.Account holder = account.isObject() ? new RegistrationRequests.Account(
        JsonBody.text(account, "loginId", "ログインID"), JsonBody.text(account, "lastName", "姓"),
        JsonBody.text(account, "firstName", "名"), JsonBody.text(account, "email", "メールアドレス")) : null;
    requests.apply(JsonBody.text(body, "formToken", "formToken"), honeypot, holder, values);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message",
        "確認のメールを送りました。24時間以内にメールのリンクを開き、「申請を確定する」を押してください。"
            + "メールが届かない場合は、アドレスを確かめてもう一度申請してください。"));
  }

  @Operation(summary = "メールのリンクで申請を確定する")
  @PostMapping("/registrations/confirm")
  public Map<String, Object> confirm(HttpServletRequest request) {
    limited(request);
    JsonNode body = JsonBody.read(request, Set.of("token"));
    requests.confirm(JsonBody.text(body, "token", "token"));
    return Map.of("message", "申請を確定しました。市民協働課が内容を確認し、結果をメールでお知らせします。");
  }

  @Operation(summary = "メールのリンクでパスワードを設定する")
  @PostMapping("/password")
  public Map<String, Object> password(HttpServletRequest request) {
    limited(request);
    JsonNode body = JsonBody.read(request, Set.of("token", "password"));
    String userId = accounts.setPassword(engine.getIdentityService(), JsonBody.text(body, "token", "token"),
        JsonBody.text(body, "password", "パスワード"));
    return Map.of("message", "パスワードを設定しました。ログインID「" + userId + "」で Tasklist にログインできます。",
        "login", RegistrationResults.TASKLIST);
  }

  private void limited(HttpServletRequest request) {
    if (!limit.tryAcquire(request.getRemoteAddr())) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
    }
  }
}
