package jp.kyodo.registry;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.engine.Privileged;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.mail.Notice;
import jp.kyodo.mail.Outbox;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import jp.kyodo.engine.PasswordPolicies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts of partner organisations that nobody at the city types in: a representative whose registration the
 * office approved, a person a member invited. Each gets a Camunda user with a password nobody knows, the
 * {@code partners} role and the organisation's group, and a link to set their own password (single use, valid
 * {@link #PASSWORD_LINK_VALID}, only its hash stored). Camunda's password policy applies to what they choose.
 */
@Component
public class Accounts {

  static final Duration PASSWORD_LINK_VALID = Duration.ofHours(72);
  /** The page that posts the token; the token travels in the fragment, which browsers never send to a server. */
  static final String PASSWORD_PAGE = "/public/password.html#token=";
  static final int PASSWORD_MAX = 128;

  public enum Purpose { REGISTRATION, INVITATION }

  static final String LINK_UNUSABLE = "このリンクは使えません。有効期限（72時間）が過ぎたか、既に使われています。"
      + "団体のメンバーまたは市民協働課に、新しい招待を依頼してください。";

  private final JdbcTemplate jdbc;
  private final Outbox outbox;
  private final MemberChanges changes;

  public Accounts(JdbcTemplate jdbc, Outbox outbox, MemberChanges changes) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.changes = changes;
  }

  /** Whether a user of that id exists, whoever asks. */
  static boolean userExists(IdentityService identity, String userId) {
    return Privileged.run(() -> identity.createUserQuery().userId(userId).count() > 0);
  }

  /**
   * Creates the user with the {@code partners} role; refused (nothing created) when the id is taken meanwhile —
   * by an administrator in Admin, say, after the application checked it.
   */
  void create(IdentityService identity, String userId, String lastName, String firstName, String email) {
    Privileged.run(() -> {
      if (identity.createUserQuery().userId(userId).count() > 0) {
        throw new InvalidInputException("ログインID「" + userId + "」は、申請の後に別の利用者に使われました。"
            + "申請者に連絡して別のIDで申請し直してもらうか、管理者に相談してください。");
      }
      User user = identity.newUser(userId);
      user.setLastName(lastName);
      user.setFirstName(firstName);
      user.setEmail(email);
      user.setPassword(Secrets.unusablePassword());
      identity.saveUser(user);
      identity.createMembership(userId, KyodoGroups.PARTNERS);
      return null;
    });
  }

  /** Makes the user a member of the organisation: in the registry and in its Camunda group, so its tasks reach them. */
  void join(IdentityService identity, Organisation organisation, String userId) {
    enter(organisation.id(), userId);
    KyodoGroups.ensureOrganisationGroup(identity, organisation.id(), organisation.name(), List.of(userId));
  }

  /**
   * The member in the registry only: at the office's approval the decision's step then creates the organisation's
   * group with every member the registry names (a group created twice in one command would be refused).
   */
  void enter(String organisationId, String userId) {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_organisation_member WHERE organisation_id = ? AND user_id = ?",
        Integer.class, organisationId, userId) == 0) {
      jdbc.update("INSERT INTO kyodo_organisation_member (organisation_id, user_id) VALUES (?, ?)", organisationId, userId);
    }
    jdbc.update("UPDATE kyodo_organisation SET updated_at = ? WHERE id = ?", Timestamp.from(CityCalendar.now()),
        organisationId);
  }

  /** Takes the user out of the organisation (registry and group) and voids the links it sent them. */
  void leave(IdentityService identity, String organisationId, String userId) {
    jdbc.update("DELETE FROM kyodo_organisation_member WHERE organisation_id = ? AND user_id = ?", organisationId, userId);
    jdbc.update("UPDATE kyodo_organisation SET updated_at = ? WHERE id = ?", Timestamp.from(CityCalendar.now()),
        organisationId);
    jdbc.update("UPDATE kyodo_account_token SET used_at = ? WHERE user_id = ? AND organisation_id = ? AND used_at IS NULL",
        Timestamp.from(CityCalendar.now()), userId, organisationId);
    Privileged.run(() -> {
      identity.deleteMembership(userId, organisationId);
      return null;
    });
  }

  /** A new link to set the user's password; the application-relative URL to put in the mail. */
  String passwordLink(String userId, Purpose purpose, String organisationId) {
    String token = Secrets.newToken();
    Instant now = CityCalendar.now();
    jdbc.update("INSERT INTO kyodo_account_token (token_hash, user_id, purpose, organisation_id, created_at, expires_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", Secrets.hash(token), userId, purpose.name(), organisationId, Timestamp.from(now),
        Timestamp.from(now.plus(PASSWORD_LINK_VALID)));
    return PASSWORD_PAGE + token;
  }

  /** Queues the mail with the link to set the password. */
  void mailPasswordLink(String key, String userId, String address, String subject, String body, String link) {
    outbox.enqueue(Notice.account(key, userId, address, subject, body + "\n\n次のリンクを開き、パスワードを設定してください（有効期限 72 時間、1 回限り）。"
        + "\nこのメールに心当たりがない場合は、何もせずに削除してください。", link));
  }

  /**
   * Sets the password the holder of a link chose, checked against Camunda's password policy — the engine's when it
   * has one (production: {@code enablePasswordPolicy}), its default one otherwise, so a self-chosen password is never
   * weaker than the policy. The link is used up only when the password is taken.
   */
  String setPassword(IdentityService identity, String token, String password) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    String hash = Secrets.hash(token);
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT user_id, purpose, organisation_id FROM kyodo_account_token"
        + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?", hash, Timestamp.from(CityCalendar.now()));
    if (rows.isEmpty()) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    String userId = (String) rows.get(0).get("user_id");
    if (password == null || password.isEmpty()) {
      throw new InvalidInputException("「パスワード」を入力してください。");
    }
    if (password.length() > PASSWORD_MAX) {
      throw new InvalidInputException("「パスワード」は" + PASSWORD_MAX + "文字以内にしてください。");
    }
    User user = Privileged.run(() -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    PasswordPolicy policy = Privileged.run(identity::getPasswordPolicy);
    PasswordPolicyResult result = identity.checkPasswordAgainstPolicy(
        policy != null ? policy : PasswordPolicies.camundaDefault(), password, user);
    if (!result.isValid()) {
      List<String> problems = new ArrayList<>();
      for (PasswordPolicyRule rule : result.getViolatedRules()) {
        problems.add(explain(rule));
      }
      throw new InvalidInputException(problems);
    }
    if (jdbc.update("UPDATE kyodo_account_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
        Timestamp.from(CityCalendar.now()), hash) != 1) {
      throw new InvalidInputException(LINK_UNUSABLE);
    }
    Privileged.run(() -> {
      user.setPassword(password);
      identity.saveUser(user);
      return null;
    });
    if (Purpose.INVITATION.name().equals(rows.get(0).get("purpose")) && rows.get(0).get("organisation_id") != null) {
      changes.record((String) rows.get(0).get("organisation_id"), MemberChanges.Action.ACCEPTED, userId, userId);
    }
    return userId;
  }

  static String explain(PasswordPolicyRule rule) {
    String n = rule.getParameters() == null ? "" : rule.getParameters().values().stream().findFirst().orElse("");
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "パスワードは" + n + "文字以上にしてください。";
      case "PASSWORD_POLICY_LOWERCASE" -> "パスワードに英小文字を" + n + "文字以上含めてください。";
      case "PASSWORD_POLICY_UPPERCASE" -> "パスワードに英大文字を" + n + "文字以上含めてください。";
      case "PASSWORD_POLICY_DIGIT" -> "パスワードに数字を" + n + "文字以上含めてください。";
      case "PASSWORD_POLICY_SPECIAL" -> "パスワードに記号（!、# など）を" + n + "文字以上含めてください。";
      case "PASSWORD_POLICY_USER_DATA" -> "パスワードにログインIDや氏名、メールアドレスを含めないでください。";
      default -> "パスワードがパスワードの規則（" + rule.getPlaceholder() + "）を満たしていません。";
    };
  }
}
