package jp.kyodo.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import jp.kyodo.forms.FormInputValidationPlugin;
import jp.kyodo.forms.FormSpec;
import jp.kyodo.forms.FormValues;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.mail.Notice;
import jp.kyodo.mail.Outbox;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.variables.ListVar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 団体登録 from the public page (旭川 Q42 事前登録; 関市 ルール4 「機会が公平に開かれている」: a group need not know
 * anyone at the city to be able to apply). An application is checked by the registration form's own rules — the
 * same {@link FormSpec} the process's start form applies — and kept as a pending request, nothing else: no user, no
 * organisation, no process, until the applicant opens the link mailed to the address and confirms. Confirming starts
 * the registration process as the system, with the request as its business key, so the office's review appears in
 * Tasklist as for any registration and the organisation is entered as 登録申請中.
 */
@Component
public class RegistrationRequests {

  static final String BUSINESS_KEY_PREFIX = "registration:";
  static final Duration CONFIRMATION_VALID = Duration.ofHours(24);
  static final String CONFIRM_PAGE = "/public/confirm.html#token=";
  static final Pattern LOGIN_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{2,31}$");
  /** Ids that would read as the city or the system, or collide with a kind of group id. */
  static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "camunda", "camunda-admin",
      "kyodo", "guest", "anonymous", "demo", "test", "support", "info", "office", "city", "public", "account", "api",
      "null", "undefined", KyodoGroups.COORDINATORS, KyodoGroups.DEPARTMENTS, KyodoGroups.MANAGERS, KyodoGroups.REVIEWERS,
      KyodoGroups.PARTNERS, KyodoGroups.EVALUATORS);
  static final int NAME_MAX = 50;

  static final String LOGIN_ID_FORMAT = "「ログインID」は半角の英小文字か数字で始め、英小文字・数字・「_」「-」の3〜32文字で入力してください。";
  static final String LOGIN_ID_UNUSABLE = "このログインIDは使えません。別のログインIDを選んでください。";
  static final String LINK_UNUSABLE = "この確認リンクは使えません。有効期限（24時間）が過ぎたか、既に使われたか、正しくありません。"
      + "もう一度、団体登録の申請をしてください。";
  static final String HONEYPOT_REFUSED = "送信内容を受け付けられませんでした。ページを読み込み直して、入力欄だけを入力して送ってください。";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The account holder the applicant names: the first representative, who logs in once the office approves. */
  public record Account(String loginId, String lastName, String firstName, String email) {}

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;
  private final FormInputValidationPlugin forms;
  private final Outbox outbox;
  private final FormTokens formTokens;
  private final OrganisationRepository registry;
  private final int perAddressPerDay;
  private final Map<String, FormSpec> specs = new ConcurrentHashMap<>();

  public RegistrationRequests(JdbcTemplate jdbc, ProcessEngine engine, FormInputValidationPlugin forms, Outbox outbox,
      FormTokens formTokens, OrganisationRepository registry,
      @Value("${kyodo.registration.per-address-per-day:3}") int perAddressPerDay) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.forms = forms;
    this.outbox = outbox;
    this.formTokens = formTokens;
    this.registry = registry;
    this.perAddressPerDay = perAddressPerDay;
  }

  /**
   * Checks and keeps an application and queues the mail to confirm the address. Every refusal changes nothing.
   * The answer is the same whether or not the address already has an account: the page never tells who is known.
   */
  @Transactional
  public void apply(String formToken, Object honeypot, Account account, Map<String, Object> application) {
    FormTokens.Problem token = formTokens.check(formToken);
    if (token != null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, token.message);
    }
    if (honeypot != null && !(honeypot instanceof String s && s.isEmpty())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, HONEYPOT_REFUSED);
    }
    List<String> problems = new ArrayList<>(accountProblems(account));
    Map<String, Object> values = Map.of();
    try {
      values = FormValues.check(spec(), application == null ? Map.of() : application);
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String name = (String) values.get(RegistrationProcess.ORGANISATION_NAME.name());
    if (registry.findByName(name).isPresent()) {
      throw new InvalidInputException("「" + name + "」という名前の団体は既に団体登録簿にあります。登録内容の変更は市民協働課に相談してください。");
    }
    Instant now = CityCalendar.now();
    String address = account.email().strip().toLowerCase(java.util.Locale.ROOT);
    // Counted in the database, so two nodes count together; confirmed requests count too.
    int recent = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_registration_request WHERE address = ? AND created_at > ?",
        Integer.class, address, Timestamp.from(now.minus(Duration.ofHours(24))));
    if (recent >= perAddressPerDay) {
      throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "このメールアドレスでの申請は24時間に" + perAddressPerDay
          + "回までです。届いた確認メールのリンクを開くか、時間をおいてからお試しください。");
    }
    String loginId = account.loginId();
    if (!loginIdFree(loginId, now)) {
      throw new InvalidInputException(LOGIN_ID_UNUSABLE);
    }
    purgeExpired(now);
    String id = UUID.randomUUID().toString();
    String secret = Secrets.newToken();
    jdbc.update("INSERT INTO kyodo_registration_request (id, address, login_id, last_name, first_name, application,"
        + " token_hash, status, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)", id, address, loginId,
        account.lastName().strip(), account.firstName().strip(), json(values), Secrets.hash(secret), Timestamp.from(now),
        Timestamp.from(now.plus(CONFIRMATION_VALID)));
    outbox.enqueue(Notice.account("registration-confirm:" + id, null, address, "メールアドレスの確認（団体登録の申請）",
        account.lastName().strip() + " " + account.firstName().strip() + " 様\n\n「" + name + "」の団体登録の申請を受け付けました。"
            + "\n次のリンクを開き、「申請を確定する」を押すと、市民協働課の審査に進みます（有効期限 24 時間）。"
            + "\nこのメールに心当たりがない場合は、何もせずに削除してください。申請は確定されず、24 時間後に消えます。",
        CONFIRM_PAGE + secret));
  }

  /** Confirms the address: the request becomes the start of the registration process. Refused: nothing changes. */
  @Transactional
  public String confirm(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    Timestamp now = Timestamp.from(CityCalendar.now());
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, application, login_id, last_name, first_name, address"
        + " FROM kyodo_registration_request"
        + " WHERE token_hash = ? AND status = 'PENDING' AND expires_at > ?", Secrets.hash(token), now);
    if (rows.isEmpty()) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    String id = (String) rows.get(0).get("id");
    // Two clicks at the same moment: the first takes the row, the second finds it taken.
    if (jdbc.update("UPDATE kyodo_registration_request SET status = 'CONFIRMED', confirmed_at = ? WHERE id = ?"
        + " AND status = 'PENDING'", now, id) != 1) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    read((String) rows.get(0).get("application")).forEach((name, value) ->
        variables.put(name, value instanceof List<?> list ? ListVar.json(list.stream().map(String::valueOf).toList()) : value));
    // As the system: the applicant has no user, and a request thread may not carry anyone's authentication.
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    engine.getIdentityService().clearAuthentication();
    ProcessInstance instance;
    try {
      instance = engine.getFormService().submitStartForm(definition().getId(), BUSINESS_KEY_PREFIX + id, variables);
      // Not a value of the start form: the server's own record of who applied, for the office's review.
      Map<String, Object> row = rows.get(0);
      engine.getRuntimeService().setVariable(instance.getId(), RegistrationProcess.APPLICANT_ACCOUNT.name(),
          row.get("last_name") + " " + row.get("first_name") + "（ログインID " + row.get("login_id") + "、"
              + row.get("address") + "）");
    } finally {
      if (caller != null) {
        engine.getIdentityService().setAuthentication(caller);
      }
    }
    Object organisation = engine.getRuntimeService().getVariable(instance.getId(),
        RegistrationProcess.ORGANISATION_ID.name());
    jdbc.update("UPDATE kyodo_registration_request SET process_instance_id = ?, organisation_id = ? WHERE id = ?",
        instance.getId(), organisation, id);
    return id;
  }

  /**
   * Who applied for an organisation on the public page, for the office's review: the person who will log in, their
   * address and login id, and when they applied and confirmed. Empty for a registration made the old way.
   */
  public java.util.Optional<Map<String, Object>> applicantOf(String organisationId) {
    return jdbc.query("SELECT login_id, last_name, first_name, address, status, created_at, confirmed_at FROM"
        + " kyodo_registration_request WHERE organisation_id = ?", rs -> {
          if (!rs.next()) {
            return java.util.Optional.empty();
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("loginId", rs.getString("login_id"));
          out.put("name", rs.getString("last_name") + " " + rs.getString("first_name"));
          out.put("email", rs.getString("address"));
          out.put("status", rs.getString("status"));
          out.put("appliedAt", rs.getTimestamp("created_at").toInstant());
          out.put("confirmedAt", rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant());
          return java.util.Optional.of(out);
        }, organisationId);
  }

  /** Unconfirmed requests past their time: purged whenever a new one is written (no scheduler needed). */
  int purgeExpired(Instant now) {
    return jdbc.update("DELETE FROM kyodo_registration_request WHERE status = 'PENDING' AND expires_at <= ?",
        Timestamp.from(now));
  }

  List<String> accountProblems(Account account) {
    List<String> problems = new ArrayList<>();
    if (account == null) {
      return List.of("「ログインする人（代表者）」の氏名・メールアドレス・ログインIDを入力してください。");
    }
    name(account.lastName(), "姓", problems);
    name(account.firstName(), "名", problems);
    String email = account.email() == null ? "" : account.email().strip();
    if (email.isEmpty()) {
      problems.add("「メールアドレス」を入力してください。");
    } else if (email.length() > 254 || !RegistrationForms.EMAIL.matcher(email).matches()) {
      problems.add("「メールアドレス」は name@example.jp の形で入力してください。");
    }
    if (account.loginId() == null || account.loginId().isEmpty()) {
      problems.add("「ログインID」を入力してください。");
    } else if (!LOGIN_ID.matcher(account.loginId()).matches()) {
      problems.add(LOGIN_ID_FORMAT);
    }
    return problems;
  }

  private static void name(String value, String label, List<String> problems) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      problems.add("「" + label + "」を入力してください。");
    } else if (text.codePointCount(0, text.length()) > NAME_MAX) {
      problems.add("「" + label + "」は" + NAME_MAX + "文字以内で入力してください。");
    } else if (text.chars().anyMatch(Character::isISOControl) || text.matches("(?s).*<\\s*[A-Za-z/!?].*")) {
      problems.add("「" + label + "」に使えない文字（制御文字や HTML のタグ）が含まれています。");
    }
  }

  /**
   * Not a user, not a group (an organisation's id is its group's), not reserved, and not asked for by a request still
   * open (unconfirmed and valid, or confirmed and awaiting the office). The same answer for every reason. A user is
   * also one of the city's directory (profile ldap): the engine's user query asks it, so a partner can never take a
   * staff member's id.
   */
  boolean loginIdFree(String loginId, Instant now) {
    if (RESERVED.contains(loginId) || loginId.startsWith("org-") || loginId.startsWith("dept-")) {
      return false;
    }
    if (Accounts.userExists(engine.getIdentityService(), loginId) || KyodoGroups.group(engine.getIdentityService(), loginId) != null) {
      return false;
    }
    return jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_registration_request WHERE login_id = ? AND"
        + " ((status = 'PENDING' AND expires_at > ?) OR status = 'CONFIRMED')", Integer.class, loginId,
        Timestamp.from(now)) == 0;
  }

  /** The registration form's rules as the process's start form applies them (the latest deployed version). */
  FormSpec spec() {
    ProcessDefinition definition = definition();
    return specs.computeIfAbsent(definition.getId(), id -> {
      try (InputStream form = engine.getFormService().getDeployedStartForm(id)) {
        return forms.catalog().read(form.readAllBytes());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private ProcessDefinition definition() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(RegistrationProcess.KEY)
        .latestVersion().singleResult();
  }

  private static String json(Map<String, Object> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
