package jp.kyodo.registry;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import jp.kyodo.mail.Notice;
import jp.kyodo.mail.NoticeKind;
import jp.kyodo.mail.Outbox;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the office's decision means for a registration made on the public page (business key
 * {@value RegistrationRequests#BUSINESS_KEY_PREFIX}…): approved, the representative's account is created with the
 * login id they chose, in {@code partners} and the organisation's group, and they get a link to set their password;
 * either way the result goes to their address (refused: with the office's reason). A registration started the old
 * way, by a partner user in Tasklist, has no request and is left as before.
 */
@Component
public class RegistrationResults {

  static final String TASKLIST = "/camunda/app/tasklist/";

  private final JdbcTemplate jdbc;
  private final Accounts accounts;
  private final Outbox outbox;
  private final MemberChanges changes;

  public RegistrationResults(JdbcTemplate jdbc, Accounts accounts, Outbox outbox, MemberChanges changes) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.changes = changes;
    this.outbox = outbox;
  }

  /** Called by the decision's step, in its transaction: a refusal below undoes the decision too. */
  void decided(DelegateExecution execution, Organisation organisation, boolean registered, String reason, String decidedBy) {
    String key = execution.getProcessBusinessKey();
    if (key == null || !key.startsWith(RegistrationRequests.BUSINESS_KEY_PREFIX)) {
      return;
    }
    String requestId = key.substring(RegistrationRequests.BUSINESS_KEY_PREFIX.length());
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT address, login_id, last_name, first_name FROM"
        + " kyodo_registration_request WHERE id = ? AND status = 'CONFIRMED'", requestId);
    if (rows.isEmpty()) {
      return;
    }
    Map<String, Object> request = rows.get(0);
    String address = (String) request.get("address");
    String loginId = (String) request.get("login_id");
    String name = request.get("last_name") + " " + request.get("first_name");
    if (registered) {
      IdentityService identity = execution.getProcessEngineServices().getIdentityService();
      accounts.create(identity, loginId, (String) request.get("last_name"), (String) request.get("first_name"), address);
      accounts.enter(organisation.id(), loginId);
      changes.record(organisation.id(), MemberChanges.Action.REGISTERED, loginId, decidedBy);
      outbox.enqueue(new Notice("registration-result:" + requestId, loginId, address, NoticeKind.REGISTRATION_RESULT,
          true, "団体登録が完了しました（" + organisation.name() + "）",
          name + " 様\n\n「" + organisation.name() + "」の団体登録を市民協働課が承認しました。\nログインID: " + loginId
              + "\n別のメールでお送りするリンクからパスワードを設定すると、Tasklist にログインして公募への応募などができます。"
              + "\n\n市民協働課から: " + reason, TASKLIST));
      accounts.mailPasswordLink("set-password:registration:" + requestId, loginId, address,
          "パスワードの設定（" + organisation.name() + "）", name + " 様\n\nKyodo のログインID「" + loginId + "」のパスワードを設定してください。",
          accounts.passwordLink(loginId, Accounts.Purpose.REGISTRATION, organisation.id()));
    } else {
      outbox.enqueue(new Notice("registration-result:" + requestId, null, address, NoticeKind.REGISTRATION_RESULT,
          true, "団体登録の審査結果（" + organisation.name() + "）",
          name + " 様\n\n「" + organisation.name() + "」の団体登録について、市民協働課は登録しないこととしました。\n理由: "
              + reason + "\n\nご不明な点は市民協働課にお問い合わせください。", null));
    }
    jdbc.update("UPDATE kyodo_registration_request SET status = ? WHERE id = ?", registered ? "REGISTERED" : "REFUSED",
        requestId);
  }

  static Timestamp now() {
    return Timestamp.from(CityCalendar.now());
  }
}
