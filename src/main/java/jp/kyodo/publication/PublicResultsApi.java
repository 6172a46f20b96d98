package jp.kyodo.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.lifecycle.Phase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * 情報公開 (東久留米 II-4(5), 関市 ルール1・V-5②, 旭川 Q51, 千葉 ⑥): the collaboration projects and what their
 * phases published, for anyone, without login ({@code /public/api}). A project appears once ① has approved it
 * as a collaboration project — proposals still being examined, or turned down, are internal. Each section shows
 * only what its phase has decided (see {@link PublicationRepository}); no personal names of staff or reviewers.
 */
@RestController
@RequestMapping("/public/api")
public class PublicResultsApi {

  static final int MAX_PAGE = 100;
  static final int MAX_EXPORT = 10_000;
  static final Map<Integer, String> DOMAINS = Map.of(2, "② 市民主導", 3, "③ 市民行政協力", 4, "④ 行政主導");

  /** Approved in ① at least once: the project is a collaboration project and public from then on. */
  static final String PUBLISHED = " FROM kyodo_project p WHERE EXISTS (SELECT 1 FROM kyodo_project_decision d"
      + " WHERE d.project_number = p.project_number AND d.phase = 'EXAMINATION' AND d.decision = 'APPROVED')";

  static final String COLUMNS = "SELECT p.project_number, p.title, p.phase, p.status, p.outcome, p.fiscal_year,"
      + " p.department_group, p.department_name, p.partner_name, p.chosen_form, p.other_form_description, p.collaboration_domain,"
      + " p.latest_grade";

  private final NamedParameterJdbcTemplate named;
  private final JdbcTemplate jdbc;
  private final PublicationRepository sections;

  public PublicResultsApi(JdbcTemplate jdbc, PublicationRepository sections) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.sections = sections;
  }

  /** The choices of the search form: only values that occur among published projects. */
  @Operation(summary = "公開事業の検索の選択肢（年度、分野など）")
  @GetMapping("/filters")
  public Map<String, Object> filters() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fiscalYears", jdbc.queryForList("SELECT DISTINCT p.fiscal_year" + PUBLISHED + " AND p.fiscal_year IS NOT NULL"
        + " ORDER BY p.fiscal_year DESC", Integer.class).stream()
        .map(y -> option(String.valueOf(y), yearLabel(y))).toList());
    out.put("departments", jdbc.queryForList("SELECT DISTINCT p.department_group, p.department_name" + PUBLISHED
        + " AND p.department_group IS NOT NULL ORDER BY p.department_name").stream()
        .map(r -> option((String) r.get("department_group"), (String) r.get("department_name"))).toList());
    List<Map<String, String>> forms = new ArrayList<>();
    for (CollaborationForm form : CollaborationForm.values()) {
      forms.add(option(form.code(), form.label()));
    }
    out.put("forms", forms);
    List<Map<String, String>> phases = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      phases.add(option(phase.name(), phase.label()));
    }
    phases.add(option("CLOSED", "終了した事業"));
    out.put("phases", phases);
    return out;
  }

  @Operation(summary = "公開されている協働事業の一覧")
  @GetMapping("/projects")
  public Map<String, Object> projects(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String department, @RequestParam(required = false) String form,
      @RequestParam(required = false) String phase, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "20") int limit) {
    Query query = query(fiscalYear, department, form, phase, q);
    int size = Math.max(1, Math.min(limit, MAX_PAGE));
    int from = Math.max(0, offset);
    Long total = named.queryForObject("SELECT COUNT(*)" + PUBLISHED + query.where, query.params, Long.class);
    query.params.addValue("offset", from).addValue("limit", size);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("offset", from);
    out.put("limit", size);
    out.put("items", named.query(COLUMNS + PUBLISHED + query.where + " ORDER BY p.project_number DESC"
        + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", query.params, (rs, i) -> summary(rs)));
    return out;
  }

  @Operation(summary = "公開事業の一覧を JSON でダウンロード")
  @GetMapping(value = "/projects.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<Map<String, Object>>> exportJson(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String department, @RequestParam(required = false) String form,
      @RequestParam(required = false) String phase, @RequestParam(required = false) String q) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kyodo-projects.json\"")
        .body(export(fiscalYear, department, form, phase, q));
  }

  /** CSV for spreadsheets: UTF-8 with a BOM so that Excel in Japan reads the Japanese correctly. */
  @Operation(summary = "公開事業の一覧を CSV（UTF-8、BOM 付き）でダウンロード")
  @GetMapping(value = "/projects.csv", produces = "text/csv;charset=UTF-8")
  public ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) Integer fiscalYear,
      @RequestParam(required = false) String department, @RequestParam(required = false) String form,
      @RequestParam(required = false) String phase, @RequestParam(required = false) String q) {
    StringBuilder csv = new StringBuilder("\uFEFF事業番号,事業名,段階,年度,担当課,協働パートナー,協働の形態,協働の領域,最新の評価\r\n");
    for (Map<String, Object> p : export(fiscalYear, department, form, phase, q)) {
      csv.append(String.join(",", List.of(cell(p.get("projectNumber")), cell(p.get("title")), cell(p.get("phaseLabel")),
          cell(p.get("fiscalYearLabel")), cell(p.get("departmentName")), cell(p.get("partnerName")), cell(p.get("formLabel")),
          cell(p.get("domainLabel")), cell(p.get("latestGrade"))))).append("\r\n");
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kyodo-projects.csv\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8")).body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Operation(summary = "公開事業 1 件（選定、協定、実施、評価、改善の公開部分）")
  @GetMapping("/projects/{number}")
  public Map<String, Object> project(@PathVariable String number) {
    List<Map<String, Object>> rows = named.query(COLUMNS + PUBLISHED + " AND p.project_number = :number",
        new MapSqlParameterSource("number", number), (rs, i) -> summary(rs));
    if (rows.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "事業「" + number + "」は公開されていません。");
    }
    Map<String, Object> project = new LinkedHashMap<>(rows.get(0));
    project.put("selections", sections.selections(number));
    project.put("agreements", sections.agreements(number));
    project.put("evaluations", sections.evaluations(number));
    project.put("improvements", jdbc.query("SELECT fiscal_year, decision_label, reason, decided_at FROM kyodo_project_decision"
        + " WHERE project_number = ? AND phase = 'IMPROVEMENT' ORDER BY position", (rs, i) -> {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("fiscalYear", rs.getObject(1) == null ? null : yearLabel(rs.getInt(1)));
          d.put("decisionLabel", rs.getString(2));
          d.put("reason", rs.getString(3));
          d.put("decidedOn", PublicationRepository.day(rs.getTimestamp(4)));
          return d;
        }, number));
    return project;
  }

  private List<Map<String, Object>> export(Integer fiscalYear, String department, String form, String phase, String q) {
    Query query = query(fiscalYear, department, form, phase, q);
    query.params.addValue("limit", MAX_EXPORT);
    return named.query(COLUMNS + PUBLISHED + query.where + " ORDER BY p.project_number DESC FETCH FIRST :limit ROWS ONLY",
        query.params, (rs, i) -> summary(rs));
  }

  record Query(String where, MapSqlParameterSource params) {}

  /** Filters as SQL with bound parameters; an unknown phase or form is a 400, not an empty list. */
  static Query query(Integer fiscalYear, String department, String form, String phase, String q) {
    StringBuilder where = new StringBuilder();
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (fiscalYear != null) {
      where.append(" AND p.fiscal_year = :fiscalYear");
      params.addValue("fiscalYear", fiscalYear);
    }
    if (department != null && !department.isBlank()) {
      where.append(" AND p.department_group = :department");
      params.addValue("department", department);
    }
    if (form != null && !form.isBlank()) {
      if (java.util.Arrays.stream(CollaborationForm.values()).noneMatch(f -> f.code().equals(form))) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "協働の形態「" + abbreviate(form) + "」はありません。");
      }
      where.append(" AND p.chosen_form = :form");
      params.addValue("form", form);
    }
    if (phase != null && !phase.isBlank()) {
      if ("CLOSED".equals(phase)) {
        where.append(" AND p.status = 'CLOSED'");
      } else if (java.util.Arrays.stream(Phase.values()).anyMatch(p -> p.name().equals(phase))) {
        where.append(" AND p.status = 'ACTIVE' AND p.phase = :phase");
        params.addValue("phase", phase);
      } else {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "段階「" + abbreviate(phase) + "」はありません。");
      }
    }
    if (q != null && !q.isBlank()) {
      if (q.length() > 100) {
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "検索語は100文字以内にしてください。");
      }
      where.append(" AND (LOWER(p.title) LIKE :q ESCAPE '\\' OR LOWER(p.partner_name) LIKE :q ESCAPE '\\')");
      params.addValue("q", "%" + q.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    return new Query(where.toString(), params);
  }

  private static Map<String, Object> summary(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("projectNumber", rs.getString("project_number"));
    p.put("title", rs.getString("title"));
    String phase = rs.getString("phase");
    boolean closed = "CLOSED".equals(rs.getString("status"));
    p.put("phase", closed ? "CLOSED" : phase);
    p.put("phaseLabel", closed ? "終了" : Phase.valueOf(phase).label());
    Object year = rs.getObject("fiscal_year");
    p.put("fiscalYear", year == null ? null : ((Number) year).intValue());
    p.put("fiscalYearLabel", year == null ? null : yearLabel(((Number) year).intValue()));
    p.put("departmentName", rs.getString("department_name"));
    p.put("partnerName", rs.getString("partner_name"));
    p.put("formLabel", CollaborationForm.describe(rs.getString("chosen_form"), rs.getString("other_form_description")));
    Object domain = rs.getObject("collaboration_domain");
    p.put("domainLabel", domain == null ? null : DOMAINS.get(((Number) domain).intValue()));
    String grade = rs.getString("latest_grade");
    p.put("latestGrade", grade);
    p.put("latestGradeLabel", grade == null ? null
        : jp.kyodo.evaluation.EvaluationChoices.Grade.valueOf(grade).label());
    return p;
  }

  /** 2027 → 「2027年度（令和9年度）」: Japanese offices speak of the era year. */
  static String yearLabel(int year) {
    int reiwa = year - 2018;
    return year + "年度" + (reiwa >= 1 ? "（令和" + (reiwa == 1 ? "元" : String.valueOf(reiwa)) + "年度）" : "");
  }

  private static Map<String, String> option(String value, String label) {
    return Map.of("value", value, "label", label);
  }

  /** A CSV cell: quoted, quotes doubled, and a leading formula character defused (CSV injection). */
  static String cell(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    if (!text.isEmpty() && Set.of('=', '+', '-', '@', '\t', '\r').contains(text.charAt(0))) {
      text = "'" + text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static String abbreviate(String s) {
    return s.length() > 30 ? s.substring(0, 30) + "…" : s;
  }
}
