package jp.kyodo.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import jp.kyodo.platform.WebappLogin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /account/api/notifications}: the signed-in person's own notification settings (the page
 * {@code /account/}), with the Tasklist/Cockpit login. There is no user in the path: everyone reads and writes their
 * own, partners included. PUT {@code {"choices": {"TASK_ASSIGNED": "DIGEST", ...}}} changes the kinds named; an
 * unknown kind, one nobody can configure (ACCOUNT) or an unknown choice is refused with 400 and nothing is kept. The
 * write needs the session's CSRF token (platform's SessionWriteGuard).
 */
@RestController
@RequestMapping("/account/api/notifications")
public class NotificationsApi {

  private final ProcessEngine engine;
  private final MailPreferences preferences;
  private final String digestTime;

  public NotificationsApi(ProcessEngine engine, Outbox outbox, @Value("${kyodo.mail.digest-time:08:00}") String digestTime) {
    this.engine = engine;
    this.preferences = outbox.preferences();
    this.digestTime = digestTime;
  }

  @GetMapping
  public Map<String, Object> get(HttpServletRequest request) {
    return settings(signedIn(request));
  }

  @PutMapping
  @Transactional
  public Map<String, Object> put(HttpServletRequest request, @RequestBody Map<String, Object> body) {
    WebappLogin.User user = signedIn(request);
    if (!(body.get("choices") instanceof Map<?, ?> named) || named.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「choices」に種類ごとの受け取り方を指定してください。");
    }
    Map<NoticeKind, MailPreferences.Choice> choices = new EnumMap<>(NoticeKind.class);
    for (Map.Entry<?, ?> e : named.entrySet()) {
      NoticeKind kind = parse(NoticeKind.class, e.getKey());
      if (kind == null || !kind.configurable()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + Outbox.cut(String.valueOf(e.getKey()), 40) + "」は設定できる通知の種類ではありません。");
      }
      MailPreferences.Choice choice = parse(MailPreferences.Choice.class, e.getValue());
      if (choice == null) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + kind.label()
            + "」の受け取り方は IMMEDIATE（すぐに送る）、DIGEST（1日1回まとめて送る）、OFF（送らない）のいずれかです。");
      }
      choices.put(kind, choice);
    }
    preferences.save(user.id(), choices);
    return settings(user);
  }


  private WebappLogin.User signedIn(HttpServletRequest request) {
    return WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
  }

  private Map<String, Object> settings(WebappLogin.User user) {
    User person = Privileged.run(() -> engine.getIdentityService().createUserQuery().userId(user.id()).singleResult());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("user", user.id());
    out.put("name", person == null ? user.id()
        : ((person.getLastName() == null ? "" : person.getLastName()) + " "
            + (person.getFirstName() == null ? "" : person.getFirstName())).strip());
    out.put("address", person == null ? null : person.getEmail());
    out.put("digestTime", digestTime);
    List<Map<String, Object>> kinds = new ArrayList<>();
    preferences.choices(user.id()).forEach((kind, choice) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", kind.name());
      row.put("label", kind.label());
      row.put("choice", choice.name());
      row.put("defaultChoice", MailPreferences.defaultChoice(kind).name());
      kinds.add(row);
    });
    out.put("kinds", kinds);
    List<Map<String, Object>> options = new ArrayList<>();
    for (MailPreferences.Choice choice : MailPreferences.Choice.values()) {
      options.add(Map.of("code", choice.name(), "label", choice.label()));
    }
    out.put("options", options);
    return out;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
