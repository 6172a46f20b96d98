package jp.kyodo.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.RegistrationProcess.ActivityField;
import jp.kyodo.selection.CallNotices;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 公募 on the public page, for anyone, without login (関市 ルール4 「機会が公平に開かれている」: who may apply, for what,
 * judged how and until when is known to all alike; 旭川 Q30 公募制度). Every call ② has published: the open ones with
 * the time left, the closed ones with their result once ② has published it (as {@link PublicationRepository} shows it
 * on the project's page). Never reviewers, quorum, who published or screening notes. Filters, CSV and JSON as for
 * projects ({@link PublicResultsApi}), and an Atom feed of new calls.
 */
@RestController
public class PublicCallsApi {

  static final int MAX_PAGE = PublicResultsApi.MAX_PAGE;
  static final int MAX_EXPORT = PublicResultsApi.MAX_EXPORT;
  static final int FEED_ENTRIES = 50;
  static final int MAX_CALL_NUMBER = 32;

  static final String FROM = " FROM kyodo_call c JOIN kyodo_selection s ON s.selection_number = c.selection_number"
      + " LEFT JOIN kyodo_project p ON p.project_number = s.project_number WHERE 1 = 1";
  static final String COLUMNS = "SELECT c.call_number, c.purpose, c.eligibility, c.criteria_json, c.deadline_at, c.status,"
      + " c.published_at, c.result_published_at, c.budget_frame, c.activity_fields, s.project_title, s.department_group,"
      + " s.fiscal_year, s.project_number, COALESCE(c.department_name, p.department_name) AS department_name,"
      + " COALESCE(c.collaboration_form, p.chosen_form) AS chosen_form,"
      + " CASE WHEN c.collaboration_form IS NULL THEN p.other_form_description ELSE c.other_form_description END"
      + " AS other_form_description";
  /** Accepting applications: published, not closed, and before the end of the deadline day. */
  static final String OPEN = " AND c.status = 'OPEN' AND c.deadline_at > :now";

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final PublicationRepository sections;

  public PublicCallsApi(JdbcTemplate jdbc, PublicationRepository sections) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.sections = sections;
  }

  @Operation(summary = "公募一覧の絞り込みの選択肢")
  @GetMapping("/public/api/calls/filters")
  public Map<String, Object> filters() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("statuses", List.of(option("OPEN", "公募中"), option("CLOSED", "締切済み（結果を含む）"),
        option("DECIDED", "選定結果の公表済み")));
    out.put("fiscalYears", jdbc.queryForList("SELECT DISTINCT s.fiscal_year" + FROM + " ORDER BY s.fiscal_year DESC",
        Integer.class).stream().map(y -> option(String.valueOf(y), PublicResultsApi.yearLabel(y))).toList());
    out.put("departments", jdbc.queryForList("SELECT DISTINCT s.department_group,"
        + " COALESCE(c.department_name, p.department_name) AS department_name" + FROM
        + " ORDER BY s.department_group").stream()
        .map(r -> option((String) r.get("department_group"), departmentName(r.get("department_name"), r.get("department_group"))))
        .distinct().toList());
    List<Map<String, String>> fields = new ArrayList<>();
    for (ActivityField field : ActivityField.values()) {
      fields.add(option(field.name(), field.label()));
    }
    out.put("fields", fields);
    return out;
  }

  @Operation(summary = "公募の一覧（公募中を先頭に、締切順）")
  @GetMapping("/public/api/calls")
  public Map<String, Object> calls(@RequestParam(required = false) String status,
      @RequestParam(required = false) String department, @RequestParam(required = false) String field,
      @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
    Query query = query(status, department, field, fiscalYear, q);
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    Long total = named.queryForObject("SELECT COUNT(*)" + FROM + query.where(), query.params(), Long.class);
    query.params().addValue("offset", from).addValue("limit", size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("offset", from);
    out.put("limit", size);
    out.put("items", named.query(COLUMNS + FROM + query.where() + ORDER + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
        query.params(), (rs, i) -> summary(rs)));
    return out;
  }

  /** Open calls first, the nearest deadline first; then the others, the latest published first. */
  static final String ORDER = " ORDER BY CASE WHEN c.status = 'OPEN' AND c.deadline_at > :now THEN 0 ELSE 1 END,"
      + " CASE WHEN c.status = 'OPEN' AND c.deadline_at > :now THEN c.deadline_at END, c.published_at DESC, c.call_number";

  @Operation(summary = "公募の一覧を JSON でダウンロード")
  @GetMapping(value = "/public/api/calls.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<Map<String, Object>>> exportJson(@RequestParam(required = false) String status,
      @RequestParam(required = false) String department, @RequestParam(required = false) String field,
      @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String q) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kyodo-calls.json\"")
        .body(export(status, department, field, fiscalYear, q));
  }

  /** CSV for spreadsheets: UTF-8 with a BOM (Excel in Japan), every cell defused against formulas. */
  @Operation(summary = "公募の一覧を CSV（UTF-8、BOM 付き）でダウンロード")
  @GetMapping(value = "/public/api/calls.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String status,
      @RequestParam(required = false) String department, @RequestParam(required = false) String field,
      @RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String q) {
    StringBuilder csv = new StringBuilder(
        "\uFEFF公募番号,事業名,状況,締切日,年度,担当課,協働の形態,分野,予算の枠（円）,募集の目的,応募資格,審査基準（配点）\r\n");
    for (Map<String, Object> c : export(status, department, field, fiscalYear, q)) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> criteria = (List<Map<String, Object>>) c.get("criteria");
      String criteriaText = String.join("、", criteria.stream().map(k -> k.get("label") + "（" + k.get("weight") + "点）").toList());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> fields = (List<Map<String, Object>>) c.get("fields");
      csv.append(String.join(",", List.of(cell(c.get("callNumber")), cell(c.get("title")), cell(c.get("statusLabel")),
          cell(c.get("deadline")), cell(c.get("fiscalYearLabel")), cell(c.get("departmentName")), cell(c.get("formLabel")),
          cell(String.join("、", fields.stream().map(f -> String.valueOf(f.get("label"))).toList())),
          cell(c.get("budgetFrame")), cell(c.get("purpose")), cell(c.get("eligibility")), cell(criteriaText))))
          .append("\r\n");
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kyodo-calls.csv\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Operation(summary = "公募 1 件の内容（募集要項、締切、審査の結果）")
  @GetMapping("/public/api/calls/{callNumber}")
  public Map<String, Object> call(@PathVariable String callNumber) {
    if (callNumber.length() > MAX_CALL_NUMBER) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "公募は見つかりません。");
    }
    MapSqlParameterSource params = new MapSqlParameterSource("number", callNumber).addValue("now", now());
    List<Map<String, Object>> rows = named.query(COLUMNS + FROM + " AND c.call_number = :number", params,
        (rs, i) -> summary(rs));
    if (rows.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "公募「" + callNumber + "」は見つかりません。");
    }
    Map<String, Object> call = new LinkedHashMap<>(rows.get(0));
    call.put("applyUrl", "/public/calls/" + java.net.URLEncoder.encode(callNumber, StandardCharsets.UTF_8) + "/apply");
    call.put("result", result(callNumber, (String) call.get("status")));
    return call;
  }

  /** The result of a decided call as ② published it; null before. */
  Map<String, Object> result(String callNumber, String status) {
    if (!"DECIDED".equals(status)) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    List<Map<String, Object>> applications = sections.callApplications(callNumber);
    result.put("applications", applications);
    List<String> selected = applications.stream().filter(a -> "選定".equals(a.get("resultLabel")))
        .map(a -> String.valueOf(a.get("organisationName"))).toList();
    result.put("selectedOrganisation", selected.isEmpty() ? null : selected.get(0));
    result.put("summary", selected.isEmpty() ? "この公募では、協働の相手となる団体を選定しませんでした（該当なし）。"
        : selected.get(0) + "を協働の相手に選定しました。");
    result.put("publishedOn", jdbc.queryForList("SELECT result_published_at FROM kyodo_call WHERE call_number = ?",
        Timestamp.class, callNumber).stream().findFirst().map(PublicationRepository::day).orElse(null));
    return result;
  }

  /** New calls as an Atom 1.0 feed (RFC 4287), newest first: a reader is told of each call as it opens. */
  @GetMapping(value = "/public/calls.atom", produces = "application/atom+xml;charset=UTF-8")
  public ResponseEntity<byte[]> feed() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    MapSqlParameterSource params = new MapSqlParameterSource("now", now()).addValue("limit", FEED_ENTRIES);
    List<Map<String, Object>> calls = named.query(COLUMNS + FROM + " ORDER BY c.published_at DESC, c.call_number DESC"
        + " FETCH FIRST :limit ROWS ONLY", params, (rs, i) -> {
          Map<String, Object> c = summary(rs);
          Timestamp result = rs.getTimestamp("result_published_at");
          c.put("updatedAt", (result != null ? result : rs.getTimestamp("published_at")).toInstant());
          c.put("publishedInstant", rs.getTimestamp("published_at").toInstant());
          return c;
        });
    Instant updated = calls.stream().map(c -> (Instant) c.get("updatedAt")).max(Instant::compareTo)
        .orElse(Instant.parse("2026-04-01T00:00:00Z"));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n");
    xml.append("  <id>").append(x(base + "/public/calls.atom")).append("</id>\n");
    xml.append("  <title>協働事業の公募（新着）</title>\n");
    xml.append("  <subtitle>市と協働する団体を募集している公募。誰でも同じ条件で応募できます（関市 ルール4）。</subtitle>\n");
    xml.append("  <updated>").append(updated).append("</updated>\n");
    xml.append("  <author><name>市民協働課</name></author>\n");
    xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(x(base + "/public/calls.atom")).append("\"/>\n");
    xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(x(base + "/public/")).append("\"/>\n");
    for (Map<String, Object> c : calls) {
      String page = base + CallNotices.callPage((String) c.get("callNumber"));
      xml.append("  <entry>\n");
      xml.append("    <id>").append(x(page)).append("</id>\n");
      xml.append("    <title>").append(x(c.get("title") + "（" + c.get("statusLabel") + "）")).append("</title>\n");
      xml.append("    <published>").append(c.get("publishedInstant")).append("</published>\n");
      xml.append("    <updated>").append(c.get("updatedAt")).append("</updated>\n");
      xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(x(page)).append("\"/>\n");
      xml.append("    <summary>").append(x("公募番号 " + c.get("callNumber") + "。担当課: " + c.get("departmentName")
          + "。締切: " + c.get("deadline") + " 24時。" + (c.get("budgetFrame") == null ? "" : "予算の枠: "
          + String.format("%,d", (Long) c.get("budgetFrame")) + "円。") + "募集の目的: " + c.get("purpose")))
          .append("</summary>\n");
      xml.append("  </entry>\n");
    }
    xml.append("</feed>\n");
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
        .body(xml.toString().getBytes(StandardCharsets.UTF_8));
  }

  private List<Map<String, Object>> export(String status, String department, String field, Integer fiscalYear, String q) {
    Query query = query(status, department, field, fiscalYear, q);
    query.params().addValue("limit", MAX_EXPORT);
    return named.query(COLUMNS + FROM + query.where() + ORDER + " FETCH FIRST :limit ROWS ONLY", query.params(),
        (rs, i) -> summary(rs));
  }

  record Query(String where, MapSqlParameterSource params) {}

  /** Filters as SQL with bound parameters; an unknown status or field is a 400, not an empty list. */
  static Query query(String status, String department, String field, Integer fiscalYear, String q) {
    StringBuilder where = new StringBuilder();
    MapSqlParameterSource params = new MapSqlParameterSource("now", now());
    if (status != null && !status.isBlank()) {
      switch (status) {
        case "OPEN" -> where.append(OPEN);
        case "CLOSED" -> where.append(" AND NOT (c.status = 'OPEN' AND c.deadline_at > :now)");
        case "DECIDED" -> where.append(" AND c.status = 'DECIDED'");
        default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
            "公募の状況「" + abbreviate(status) + "」はありません（OPEN・CLOSED・DECIDED のいずれか）。");
      }
    }
    if (department != null && !department.isBlank()) {
      where.append(" AND s.department_group = :department");
      params.addValue("department", department);
    }
    if (field != null && !field.isBlank()) {
      if (Arrays.stream(ActivityField.values()).noneMatch(f -> f.name().equals(field))) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "分野「" + abbreviate(field) + "」はありません。");
      }
      // Codes between commas: one code is never mistaken for a part of another.
      where.append(" AND (',' || c.activity_fields || ',') LIKE :field");
      params.addValue("field", "%," + field + ",%");
    }
    if (fiscalYear != null) {
      where.append(" AND s.fiscal_year = :fiscalYear");
      params.addValue("fiscalYear", fiscalYear);
    }
    if (q != null && !q.isBlank()) {
      if (q.length() > 100) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "検索語は100文字以内にしてください。");
      }
      where.append(" AND (LOWER(s.project_title) LIKE :q ESCAPE '\\' OR LOWER(c.purpose) LIKE :q ESCAPE '\\'"
          + " OR LOWER(c.eligibility) LIKE :q ESCAPE '\\' OR LOWER(c.call_number) LIKE :q ESCAPE '\\')");
      params.addValue("q", "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return new Query(where.toString(), params);
  }

  static Timestamp now() {
    return Timestamp.from(CityCalendar.now());
  }

  private static Map<String, Object> summary(ResultSet rs) throws SQLException {
    Map<String, Object> c = new LinkedHashMap<>();
    String number = rs.getString("call_number");
    Instant deadlineAt = rs.getTimestamp("deadline_at").toInstant();
    String status = rs.getString("status");
    boolean open = "OPEN".equals(status) && CityCalendar.now().isBefore(deadlineAt);
    c.put("callNumber", number);
    c.put("title", rs.getString("project_title"));
    c.put("status", open ? "OPEN" : "DECIDED".equals(status) ? "DECIDED" : "CLOSED");
    c.put("statusLabel", open ? "公募中" : "DECIDED".equals(status) ? "選定結果を公表" : "締切済み（審査中）");
    c.put("open", open);
    LocalDate lastDay = CityCalendar.dayOf(deadlineAt.minusSeconds(1));
    c.put("deadline", lastDay.toString());
    c.put("deadlineAt", deadlineAt.toString());
    c.put("timeLeft", open ? timeLeft(CityCalendar.today(), lastDay) : null);
    c.put("purpose", rs.getString("purpose"));
    c.put("eligibility", rs.getString("eligibility"));
    c.put("criteria", PublicationRepository.read(rs.getString("criteria_json")).stream()
        .map(k -> Map.of("label", k.get("label"), "weight", k.get("weight"))).toList());
    Object year = rs.getObject("fiscal_year");
    c.put("fiscalYear", year == null ? null : ((Number) year).intValue());
    c.put("fiscalYearLabel", year == null ? null : PublicResultsApi.yearLabel(((Number) year).intValue()));
    c.put("departmentName", departmentName(rs.getString("department_name"), rs.getString("department_group")));
    String form = rs.getString("chosen_form");
    c.put("formLabel", form == null ? null : CollaborationForm.describe(form, rs.getString("other_form_description")));
    Object budget = rs.getObject("budget_frame");
    c.put("budgetFrame", budget == null ? null : ((Number) budget).longValue());
    List<Map<String, String>> fields = new ArrayList<>();
    String codes = rs.getString("activity_fields");
    for (String code : codes == null ? new String[0] : codes.split(",")) {
      Arrays.stream(ActivityField.values()).filter(f -> f.name().equals(code)).findFirst()
          .ifPresent(f -> fields.add(option(f.name(), f.label())));
    }
    c.put("fields", fields);
    c.put("projectNumber", rs.getString("project_number"));
    c.put("publishedOn", PublicationRepository.day(rs.getTimestamp("published_at")));
    c.put("page", CallNotices.callPage(number));
    return c;
  }

  /** 「締切まであと5日」 against the city's calendar: the deadline day counts to its end (24時). */
  static String timeLeft(LocalDate today, LocalDate lastDay) {
    long days = ChronoUnit.DAYS.between(today, lastDay);
    return days <= 0 ? "本日締切（24時まで）" : "締切まであと" + days + "日";
  }

  private static String departmentName(Object name, Object group) {
    return name != null ? String.valueOf(name) : String.valueOf(group);
  }

  private static Map<String, String> option(String value, String label) {
    return Map.of("value", value, "label", label);
  }

  static String cell(Object value) {
    return PublicResultsApi.cell(value);
  }

  /** XML text and attribute values, with characters XML 1.0 cannot carry removed. */
  static String x(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000) {
            out.appendCodePoint(cp);
          }
        }
      }
    });
    return out.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
