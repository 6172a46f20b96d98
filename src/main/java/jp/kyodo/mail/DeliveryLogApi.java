package jp.kyodo.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.WebappLogin;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /overview/api/mail}: the office's delivery log — the latest rows of the outbox (time, person, address, kind,
 * subject, status, attempts, last error, Message-ID), filtered by status and person, with counts per status. For the
 * collaboration office and the administrators only (the rows name people and what they were told), with the
 * Tasklist/Cockpit login like the rest of {@code /overview/}. The mail's body is not shown.
 */
@RestController
@RequestMapping("/overview/api/mail")
public class DeliveryLogApi {

  static final int DEFAULT_ROWS = 100;
  static final int MAX_ROWS = 500;
  static final Set<String> STATUSES = Set.of("PENDING", "SENT", "LOGGED", "SKIPPED", "FAILED");

  private final JdbcTemplate jdbc;
  private final ProcessEngine engine;

  public DeliveryLogApi(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  @GetMapping
  public Map<String, Object> deliveries(HttpServletRequest request, @RequestParam(required = false) String status,
      @RequestParam(required = false) String user, @RequestParam(required = false) Integer limit) {
    WebappLogin.User reader = WebappLogin.of(request, engine.getName())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, WebappLogin.loginFirst()));
    if (!reader.inAny(List.of(KyodoGroups.COORDINATORS, KyodoGroups.ADMIN))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "メールの送信記録は市民協働課と管理者が閲覧できます。");
    }
    if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "「status」には PENDING、SENT、LOGGED、SKIPPED、FAILED のいずれかを指定してください。");
    }
    if (user != null && user.length() > Outbox.ADDRESS_MAX) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「user」はユーザーIDかメールアドレス（254文字まで）で指定してください。");
    }
    int rows = limit == null ? DEFAULT_ROWS : Math.max(1, Math.min(MAX_ROWS, limit));
    StringBuilder sql = new StringBuilder("SELECT id, created_at, send_after, sent_at, user_id, address, kind, subject,"
        + " status, attempts, next_attempt_at, last_error, message_id, digest FROM kyodo_mail_outbox WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      sql.append(" AND status = ?");
      args.add(status);
    }
    if (user != null && !user.isBlank()) {
      sql.append(" AND (user_id = ? OR address = ?)");
      args.add(user.strip());
      args.add(user.strip());
    }
    sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ").append(rows).append(" ROWS ONLY");
    List<Map<String, Object>> out = jdbc.query(sql.toString(), (rs, n) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", rs.getLong("id"));
      row.put("createdAt", instant(rs.getTimestamp("created_at")));
      row.put("sendAfter", instant(rs.getTimestamp("send_after")));
      row.put("sentAt", instant(rs.getTimestamp("sent_at")));
      row.put("user", rs.getString("user_id"));
      row.put("address", rs.getString("address"));
      String kind = rs.getString("kind");
      row.put("kind", kind);
      row.put("kindLabel", label(kind));
      row.put("subject", rs.getString("subject"));
      row.put("status", rs.getString("status"));
      row.put("digest", rs.getBoolean("digest"));
      row.put("attempts", rs.getInt("attempts"));
      row.put("nextAttemptAt", instant(rs.getTimestamp("next_attempt_at")));
      row.put("lastError", rs.getString("last_error"));
      row.put("messageId", rs.getString("message_id"));
      return row;
    }, args.toArray());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String s : List.of("PENDING", "SENT", "LOGGED", "SKIPPED", "FAILED")) {
      counts.put(s, 0L);
    }
    jdbc.query("SELECT status, COUNT(*) FROM kyodo_mail_outbox GROUP BY status",
        rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("counts", counts);
    answer.put("deliveries", out);
    return answer;
  }

  private static Object instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static String label(String kind) {
    try {
      return NoticeKind.valueOf(kind).label();
    } catch (IllegalArgumentException e) {
      return kind;
    }
  }
}
