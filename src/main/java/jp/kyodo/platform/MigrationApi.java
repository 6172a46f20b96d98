package jp.kyodo.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.kyodo.engine.SignedIn;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 実行中のインスタンスを新しい版へ移す ({@link InstanceMigrations}), for the administrator only (HTTP Basic like every
 * {@code /api} route; {@code bin/migrate-instances} wraps it):
 * <ul>
 *   <li>{@code GET /api/operations/migrations?processKey=examination[&fromVersion=3]} and
 *   {@code POST /api/operations/migrations/plan} (the same with {@code variables}): the plan, changing nothing;</li>
 *   <li>{@code POST /api/operations/migrations} with the plan's {@code fingerprint}: starts the batches, only when the
 *   plan computed now is the one shown (409 otherwise);</li>
 *   <li>{@code GET /api/operations/migrations/batches/{id}}: how far a batch is.</li>
 * </ul>
 * The write takes a JSON body only (a form of another site cannot send one without a CORS preflight), read by hand
 * up to {@value #MAX_BYTES} bytes.
 */
@RestController
@RequestMapping("/api/operations/migrations")
public class MigrationApi {

  static final int MAX_BYTES = 16 * 1024;
  static final String ADMIN_ONLY = "インスタンスの移行はシステム管理者（camunda-admin）だけが行えます。";
  static final String NOT_JSON = "送られた内容を JSON として読めません。processKey などを JSON のオブジェクトで送ってください。";
  static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
  static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  static final Set<String> PLAN_FIELDS = Set.of("processKey", "fromVersion", "variables");
  static final Set<String> EXECUTE_FIELDS = Set.of("processKey", "fromVersion", "variables", "fingerprint");
  static final int MAX_TEXT = 4000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InstanceMigrations migrations;
  private final ProcessEngine engine;

  public MigrationApi(ProcessEngine engine) {
    this.engine = engine;
    this.migrations = new InstanceMigrations(engine);
  }

  @GetMapping
  public Map<String, Object> plan(@RequestParam String processKey, @RequestParam(required = false) Integer fromVersion) {
    adminOnly();
    return InstanceMigrations.view(plan(checkedKey(processKey), fromVersion, Map.of()));
  }

  @PostMapping("/plan")
  public Map<String, Object> planWithVariables(HttpServletRequest request) {
    adminOnly();
    JsonNode body = read(request, PLAN_FIELDS);
    return InstanceMigrations.view(plan(checkedKey(text(body, "processKey")), version(body), variables(body)));
  }

  @PostMapping
  public ResponseEntity<Map<String, Object>> execute(HttpServletRequest request) {
    adminOnly();
    JsonNode body = read(request, EXECUTE_FIELDS);
    String fingerprint = text(body, "fingerprint");
    if (fingerprint == null || fingerprint.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "fingerprint を指定してください（計画を表示したときの値です。先に計画を確認してください）。");
    }
    InstanceMigrations.Plan plan = plan(checkedKey(text(body, "processKey")), version(body), variables(body));
    if (!plan.fingerprint().equals(fingerprint)) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "計画を表示したあとにインスタンスか版が変わりました（fingerprint が"
          + "一致しません）。もう一度計画を確認してから実行してください。何も移していません。");
    }
    if (!plan.executable()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, InstanceMigrations.message(plan));
    }
    List<InstanceMigrations.Started> started = migrations.execute(plan);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("processKey", plan.processKey());
    out.put("targetVersion", plan.targetVersion());
    out.put("batches", started);
    out.put("message", plan.instances() + " 件のインスタンスの移行を始めました。進み具合は batches の batchId で確認できます。");
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(out);
  }

  @GetMapping("/batches/{batchId}")
  public Map<String, Object> batch(@PathVariable String batchId) {
    adminOnly();
    InstanceMigrations.Progress progress = batchId.length() > 64 ? null : migrations.progress(batchId);
    if (progress == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "その番号の移行のバッチはありません。");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("progress", progress);
    out.put("message", progress.failedJobs() > 0
        ? "失敗したジョブが " + progress.failedJobs() + " 件あります。Cockpit のインシデントで理由を確かめてください。"
        : progress.finished() ? "移行を終えました。" : "移行中です（残り " + progress.remainingJobs() + " 件）。");
    return out;
  }

  private InstanceMigrations.Plan plan(String key, Integer fromVersion, Map<String, Object> variables) {
    try {
      return migrations.plan(key, fromVersion, variables);
    } catch (InstanceMigrations.UnknownProcess unknown) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "「" + key + "」というプロセスはありません。");
    } catch (InstanceMigrations.NoSuchSourceVersion wrong) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, wrong.getMessage());
    }
  }

  private void adminOnly() {
    SignedIn who = Actors.signedIn(engine.getIdentityService());
    if (!who.in(KyodoGroups.ADMIN)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, ADMIN_ONLY);
    }
  }

  static String checkedKey(String key) {
    if (key == null || key.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "processKey（プロセスのキー、例 examination）を指定してください。");
    }
    if (!KEY.matcher(key).matches()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "processKey はプロセスのキー（半角英数字、例 examination）で指定してください。");
    }
    return key;
  }

  static JsonNode read(HttpServletRequest request, Set<String> allowed) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_JSON);
    }
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "送られた内容が大きすぎます（16KB まで）。");
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    if (bytes.length > MAX_BYTES) {
      throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "送られた内容が大きすぎます（16KB まで）。");
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    if (body == null || !body.isObject()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NOT_JSON);
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "「" + shown(name) + "」という項目は受け付けていません（使えるのは "
            + String.join("、", new java.util.TreeSet<>(allowed)) + "）。");
      }
    }
    return body;
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " は文字列で指定してください。");
    }
    return value.asText();
  }

  private static Integer version(JsonNode body) {
    JsonNode value = body.get("fromVersion");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt() || value.asInt() < 1) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "fromVersion は版の番号（1 以上の整数、例 3）で指定してください。");
    }
    return value.asInt();
  }

  /** Values set on every migrated instance: texts, whole numbers and yes/no only, as the forms have them. */
  private static Map<String, Object> variables(JsonNode body) {
    JsonNode given = body.get("variables");
    if (given == null || given.isNull()) {
      return Map.of();
    }
    if (!given.isObject()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "variables は {\"名前\": 値} の形で指定してください。");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (!VARIABLE.matcher(name).matches()) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "変数の名前「" + shown(name) + "」は使えません（半角英数字）。");
      }
      if (value.isTextual() && value.asText().length() <= MAX_TEXT) {
        out.put(name, value.asText());
      } else if (value.isIntegralNumber() && value.canConvertToLong()) {
        out.put(name, value.asLong());
      } else if (value.isBoolean()) {
        out.put(name, value.asBoolean());
      } else {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "変数「" + name + "」の値は、" + MAX_TEXT
            + " 文字までの文字列、整数、true/false のいずれかで指定してください。");
      }
    }
    return out;
  }

  private static String shown(String name) {
    String plain = name.replaceAll("\\p{Cntrl}", "");
    return plain.length() > 40 ? plain.substring(0, 40) + "…" : plain;
  }
}
