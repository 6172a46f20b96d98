package jp.kyodo.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.OrganisationType;
import jp.kyodo.registry.RegistrationStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;

/**
 * A prefecture's ten years on one installation (issue #18): {@code organisations} registered partner organisations
 * (registry rows, their {@code org-*} groups and one member each, as the registry writes them), and {@code projects}
 * collaboration projects with their full engine history, of which {@code running} are lifecycles running today, spread
 * over every phase. NPO法人ひかり ({@code hikari}) is the partner of one project in {@code hikari-every}, running
 * ones included.
 *
 * <p>How the rows are made faithful: {@link LifecycleTemplates} runs real lifecycles through the engine (one to the
 * end of ⑥, one rejected in ①, running ones stopped all along the lifecycle) and reads back every row they wrote in
 * every engine and Kyodo table. Each project is a clone of one template: every id the template generated (the
 * engine's UUIDs wherever they occur, also inside texts and JSON, and Kyodo's numbers and keys) is replaced by one of
 * the clone's own, consistently across all its rows; the project number, title, department and its staff, partner
 * organisation and its user are the clone's; every time is shifted into the clone's years (fiscal-year columns too),
 * which also shifts the history's removal time as the retention rule set it (end + {@code kyodo.history.time-to-live},
 * 10 years). Ended projects end evenly over the eleven years before {@link ProjectData#NOW}, so that about one year
 * of history is expired today (the cleanup's work, {@link HistoryCleanupProbe}); running ones stopped days ago. Rows
 * go in with PostgreSQL's {@code COPY} (batched inserts on H2), then {@code ANALYZE}.
 *
 * <p>To measure the queries again on data a previous run generated: {@code BenchmarkHarness --queries-only=true}.
 */
final class PrefectureData {

  static final LocalDateTime NOW = LocalDateTime.ofInstant(ProjectData.NOW, ZoneId.systemDefault());
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern LAST_DIGITS = Pattern.compile("(\\d{3,})(?!.*\\d{3,})");
  private static final String[] TOPICS = {"高齢者の見守りと居場所づくり", "子ども食堂の運営", "河川敷の清掃と環境学習",
      "地域防災訓練と避難所運営", "外国人住民の日本語学習支援", "空き家を活用した地域サロン", "障がい者の就労体験",
      "子育て世帯の交流ひろば", "里山の保全と自然観察会", "商店街のにぎわいづくり", "認知症カフェの開催", "放課後の学習支援"};
  /** Kinds of what a template holds that each clone has its own of. */
  private static final int UUID_TOKEN = 0;
  private static final int NUMBER = 1;
  private static final int PROJECT = 2;
  private static final int TITLE = 3;
  private static final int DEPT_GROUP = 4;
  private static final int DEPT_NAME = 5;
  private static final int MAIN = 6;
  private static final int DEPUTY = 7;
  private static final int ORG_GROUP = 8;
  private static final int ORG_NAME = 9;
  private static final int ORG_USER = 10;
  private static final int NUMERIC_ID = 11;
  private static final int DATE_TEXT = 12;
  private static final Pattern DATE = Pattern.compile("(?<![0-9A-Za-z-])(?:19|20)\\d{2}-\\d{2}-\\d{2}(?![0-9-])");

  private final ApplicationContext context;
  private final ProcessEngine engine;
  private final DataSource dataSource;
  private final boolean postgres;

  PrefectureData(ApplicationContext context, ProcessEngine engine) {
    this.context = context;
    this.engine = engine;
    this.dataSource = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration()).getDataSource();
    this.postgres = BenchmarkHarness.databaseVersion(engine).startsWith("PostgreSQL");
  }

  /** What was made, the templates' sizes and the time it took. */
  record Made(int projects, int running, int organisations, int hikariProjects, long rows, int templates,
      double seconds, double templateSeconds, double copySeconds, Map<String, Long> rowsByTable,
      List<LifecycleTemplates.Template> templateList, List<Clone> samples, long inDatabase, int openTasks,
      String loadAverage) {

    /** The data set as the harness's sanity checks read it. */
    Results.Data asData() {
      return new Results.Data(projects, running, projects - running, inDatabase, openTasks, seconds);
    }

    Results.Prefecture result() {
      return new Results.Prefecture(projects, running, organisations, hikariProjects, rows, templates, seconds,
          templateSeconds, copySeconds, rowsByTable, false, loadAverage);
    }
  }

  Made generate(Options options) throws Exception {
    long began = System.nanoTime();
    int total = options.integer("projects", 10_000);
    int running = options.integer("running", 2_000);
    int organisations = options.integer("organisations", 2_000);
    int hikariEvery = options.integer("hikari-every", 200);
    int runningTemplates = options.integer("running-templates", 15);
    var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    registerOrganisations(organisations);
    long templatesBegan = System.nanoTime();
    TableRows tables = new TableRows(dataSource);
    List<LifecycleTemplates.Template> templates = new LifecycleTemplates(engine,
        context.getBean(jp.kyodo.selection.CallApplications.class), tables).record(runningTemplates);
    double templateSeconds = (System.nanoTime() - templatesBegan) / 1e9;
    ClockUtil.setCurrentTime(Date.from(ProjectData.NOW));
    Set<String> fixed = fixedIds(jdbc);
    List<Plan> plans = new ArrayList<>();
    for (var template : templates) {
      plans.add(new Plan(template, fixed, departments().get(0)[1]));
    }
    List<Plan> ended = plans.stream().filter(p -> p.template.kind() != LifecycleTemplates.Kind.RUNNING).toList();
    List<Plan> runningPlans = plans.stream().filter(p -> p.template.kind() == LifecycleTemplates.Kind.RUNNING).toList();
    List<String[]> departments = departments();
    long copyBegan = System.nanoTime();
    Map<String, AtomicLong> numericIds = new HashMap<>();
    for (var table : tables.tables) {
      if (table.key().size() == 1 && isNumber(table.types()[table.key().get(0)])) {
        Long max = jdbc.queryForObject("SELECT MAX(" + table.columns().get(table.key().get(0)) + ") FROM " + table.name(),
            Long.class);
        numericIds.put(table.name().toLowerCase(Locale.ROOT), new AtomicLong((max == null ? 0 : max) + 1_000));
      }
    }
    int past = total - running;
    // A bulk load builds an index faster at the end than row by row: the secondary indexes of the tables written
    // are dropped for the COPY and made again after it (PostgreSQL, --rebuild-indexes=true, the default there).
    List<String[]> indexes = postgres && Boolean.parseBoolean(options.get("rebuild-indexes", "true"))
        ? dropIndexes(jdbc, tables) : List.of();
    AtomicInteger hikari = new AtomicInteger();
    Map<String, AtomicLong> rowsByTable = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Plan, Clone> samples = new java.util.concurrent.ConcurrentHashMap<>();
    int batch = postgres ? 250 : 10;
    int threads = postgres ? 2 : 1;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger written = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int from = 0; from < total; from += batch) {
        int first = from;
        int upTo = Math.min(total, from + batch);
        futures.add(pool.submit(() -> {
          List<Clone> clones = new ArrayList<>();
          for (int i = first; i < upTo; i++) {
            boolean isRunning = i >= past;
            Plan plan = isRunning ? runningPlans.get((i - past) % runningPlans.size())
                // a third rejected in ①, two thirds through ⑥, as projects end
                : ended.get(i % 3 == 0 ? 1 : 0);
            // hikari: one past project in hikari-every, and eight times as many of the running ones
            boolean withHikari = isRunning ? (i - past) % Math.max(1, hikariEvery / 8) == 0 : i % hikariEvery == 0;
            if (withHikari) {
              hikari.incrementAndGet();
            }
            Clone clone = new Clone(i, plan, isRunning, past, withHikari, organisations, departments, numericIds);
            clones.add(clone);
            samples.putIfAbsent(plan, clone);
          }
          write(tables, clones, rowsByTable);
          int done = written.addAndGet(clones.size());
          if (done % 5_000 < batch || done == total) {
            BenchmarkHarness.log("data: %d of %d projects written (%.0f s)", done, total,
                (System.nanoTime() - copyBegan) / 1e9);
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double copySeconds = (System.nanoTime() - copyBegan) / 1e9;
    recreate(indexes);
    restartSequences(jdbc, numericIds);
    if (postgres) {
      long analyzing = System.nanoTime();
      jdbc.execute("ANALYZE");
      BenchmarkHarness.log("data: ANALYZE %.1f s", (System.nanoTime() - analyzing) / 1e9);
    }
    Map<String, Long> byTable = new java.util.TreeMap<>();
    rowsByTable.forEach((k, v) -> byTable.put(k, v.get()));
    long rows = byTable.values().stream().mapToLong(Long::longValue).sum();
    double seconds = (System.nanoTime() - began) / 1e9;
    BenchmarkHarness.log("data: %d projects (%d running, %d with hikari), %d organisations, %d rows from %d templates"
        + " in %.0f s (templates %.0f s, copy %.0f s: %.0f rows/s)", total, running, hikari.get(), organisations, rows,
        templates.size(), seconds, templateSeconds, copySeconds, rows / copySeconds);
    Long inDatabase = jdbc.queryForObject("SELECT COUNT(*) FROM kyodo_project", Long.class);
    int openTasks = (int) engine.getTaskService().createTaskQuery().count();
    return new Made(total, running, organisations, hikari.get(), rows, templates.size(), seconds, templateSeconds,
        copySeconds, byTable, templates, new ArrayList<>(samples.values()), inDatabase == null ? 0 : inDatabase, openTasks,
        Results.loadAverage());
  }

  /** The non-unique indexes of the tables clones are written to, dropped; their definitions, to make them again. */
  private static List<String[]> dropIndexes(org.springframework.jdbc.core.JdbcTemplate jdbc, TableRows tables) {
    List<String[]> dropped = new ArrayList<>();
    for (var table : tables.tables) {
      for (var index : jdbc.queryForList("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
          + " AND tablename = ? AND indexdef NOT LIKE 'CREATE UNIQUE%'", table.name())) {
        dropped.add(new String[] {(String) index.get("indexname"), (String) index.get("indexdef")});
        jdbc.execute("DROP INDEX " + index.get("indexname"));
      }
    }
    BenchmarkHarness.log("data: %d secondary indexes dropped for the load", dropped.size());
    return dropped;
  }

  /** The dropped indexes made again, two at a time (the machine's cores). */
  private void recreate(List<String[]> indexes) throws Exception {
    if (indexes.isEmpty()) {
      return;
    }
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String[] index : indexes) {
        futures.add(pool.submit(() -> {
          try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '256MB'");
            statement.execute(index[1]);
            statement.execute("RESET maintenance_work_mem");
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    BenchmarkHarness.log("data: %d indexes made again in %.0f s", indexes.size(), (System.nanoTime() - began) / 1e9);
  }

  /** The organisations as the registry enters them, each with its partner group and one member who logs in. */
  private void registerOrganisations(int count) {
    OrganisationRepository registry = context.getBean(OrganisationRepository.class);
    IdentityService identity = engine.getIdentityService();
    for (int n = 1; n <= count; n++) {
      String id = orgGroup(n);
      if (registry.find(id).isPresent()) {
        continue;
      }
      String user = orgUser(n);
      if (identity.createUserQuery().userId(user).count() == 0) {
        var person = identity.newUser(user);
        person.setFirstName("代表");
        person.setLastName(orgName(n));
        person.setPassword(user);
        identity.saveUser(person);
        identity.createMembership(user, KyodoGroups.PARTNERS);
      }
      registry.insert(new Organisation(id, orgName(n), OrganisationType.values()[n % OrganisationType.values().length],
          "代表 " + n, "info" + n + "@org.example.jp", "0120-100-" + String.format("%03d", n % 1000), "県内" + n + "番地",
          List.of("WELFARE"), "地域での活動" + (n % 30) + "年", "収支計算書あり", RegistrationStatus.REGISTERED,
          "ベンチマーク用の登録団体", "admin", ProjectData.NOW.minus(Duration.ofDays(n % 3000)), List.of(user)));
      KyodoGroups.ensureOrganisationGroup(identity, id, orgName(n), List.of(user));
      if (n % 500 == 0) {
        BenchmarkHarness.log("data: %d organisations registered", n);
      }
    }
  }

  static String orgGroup(int n) {
    return String.format("org-p%04d", n);
  }

  static String orgUser(int n) {
    return String.format("p%04d", n);
  }

  static String orgName(int n) {
    return String.format("協働団体%04d", n);
  }

  /** The ids that are not a lifecycle's own: definitions, deployments, job definitions. */
  private static Set<String> fixedIds(org.springframework.jdbc.core.JdbcTemplate jdbc) {
    Set<String> fixed = new HashSet<>();
    for (String sql : List.of("SELECT ID_ FROM ACT_RE_PROCDEF", "SELECT DEPLOYMENT_ID_ FROM ACT_RE_PROCDEF",
        "SELECT ID_ FROM ACT_RE_DECISION_DEF", "SELECT ID_ FROM ACT_RE_DECISION_REQ_DEF", "SELECT ID_ FROM ACT_RE_DEPLOYMENT",
        "SELECT ID_ FROM ACT_RU_JOBDEF", "SELECT ID_ FROM ACT_RE_CAMFORMDEF", "SELECT ID_ FROM ACT_GE_BYTEARRAY WHERE"
            + " DEPLOYMENT_ID_ IS NOT NULL")) {
      for (String id : jdbc.queryForList(sql, String.class)) {
        Matcher m = UUID.matcher(id == null ? "" : id);
        while (m.find()) {
          fixed.add(m.group());
        }
      }
    }
    return fixed;
  }

  private List<String[]> departments() {
    List<String[]> out = new ArrayList<>();
    for (var team : CollaborationLifecycle.Team.ALL) {
      var group = engine.getIdentityService().createGroupQuery().groupId(team.department()).singleResult();
      out.add(new String[] {team.department(), group == null ? team.department() : group.getName(), team.main(),
          team.deputy()});
    }
    return out;
  }

  private static boolean isDate(String text) {
    try {
      LocalDate.parse(text);
      return true;
    } catch (java.time.DateTimeException notADate) {
      return false;
    }
  }

  private static boolean isNumber(int type) {
    return type == java.sql.Types.BIGINT || type == java.sql.Types.INTEGER || type == java.sql.Types.SMALLINT
        || type == java.sql.Types.NUMERIC || type == java.sql.Types.DECIMAL;
  }

  /** A cell of a template row, and how a clone's value is made from it. */
  private interface Cell {
    Object value(Clone clone);
  }

  private record Fixed(Object value) implements Cell {
    public Object value(Clone clone) {
      return value;
    }
  }

  private record Token(int index) implements Cell {
    public Object value(Clone clone) {
      return clone.tokens[index];
    }
  }

  private record NumericToken(int index) implements Cell {
    public Object value(Clone clone) {
      return Long.parseLong(clone.tokens[index]);
    }
  }

  /** A text with the template's tokens in it: literal pieces and token indexes alternating. */
  private record Text(String[] pieces, int[] tokens, boolean bytes) implements Cell {
    public Object value(Clone clone) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < tokens.length; i++) {
        out.append(pieces[i]).append(clone.tokens[tokens[i]]);
      }
      out.append(pieces[tokens.length]);
      return bytes ? out.toString().getBytes(StandardCharsets.UTF_8) : out.toString();
    }
  }

  private record Time(LocalDateTime at) implements Cell {
    public Object value(Clone clone) {
      return at.plusSeconds(clone.shiftSeconds);
    }
  }

  private record ZonedTime(OffsetDateTime at) implements Cell {
    public Object value(Clone clone) {
      return at.plusSeconds(clone.shiftSeconds);
    }
  }

  private record Day(LocalDate at) implements Cell {
    public Object value(Clone clone) {
      return at.plusDays(Math.floorDiv(clone.shiftSeconds, 86_400L));
    }
  }

  private record Year(Number year) implements Cell {
    public Object value(Clone clone) {
      return year instanceof Long l ? (Object) (l + clone.shiftYears) : (Object) (year.intValue() + clone.shiftYears);
    }
  }

  private record Serial(int within) implements Cell {
    public Object value(Clone clone) {
      return within < 0 ? clone.serial : clone.serial * 100 + within;
    }
  }

  /** A template compiled: its tokens (what each clone has its own of) and its rows as cells. */
  static final class Plan {
    final LifecycleTemplates.Template template;
    final List<String> tokens = new ArrayList<>();
    final List<Integer> kinds = new ArrayList<>();
    final List<String> numericTables = new ArrayList<>();
    /** The tokens looked for inside texts (numbers, title, names); UUIDs are found by their pattern. */
    private final List<Integer> inTexts = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    final Map<TableRows.Table, List<Cell[]>> rows = new LinkedHashMap<>();
    final int proposalYear;
    final LocalDateTime end;

    Plan(LifecycleTemplates.Template template, Set<String> fixed, String departmentName) {
      this.template = template;
      var team = CollaborationLifecycle.Team.of(0);
      token(template.projectNumber(), PROJECT);
      token(departmentName, DEPT_NAME);
      if (template.title() != null) {
        token(template.title(), TITLE);
      }
      token(team.department(), DEPT_GROUP);
      token("org-" + team.partner(), ORG_GROUP);
      token("NPO法人ひかり", ORG_NAME);
      int proposal = Integer.parseInt(template.projectNumber().substring(0, 4));
      this.proposalYear = proposal;
      // Kyodo's own numbers and keys: the single-column text keys of its tables.
      template.rows().forEach((table, rows) -> {
        if (table.name().toLowerCase(Locale.ROOT).startsWith("kyodo_") && table.key().size() == 1) {
          int k = table.key().get(0);
          for (Object[] row : rows) {
            if (row[k] instanceof String s && !UUID.matcher(s).matches() && s.matches(".*\\d{3,}.*") && s.length() >= 6) {
              token(s, NUMBER);
            }
          }
        }
      });
      Map<String, String> numericOf = new HashMap<>();
      template.rows().forEach((table, rows) -> {
        String name = table.name().toLowerCase(Locale.ROOT);
        List<Cell[]> cells = new ArrayList<>();
        for (Object[] row : rows) {
          Cell[] out = new Cell[row.length];
          for (int c = 0; c < row.length; c++) {
            String column = table.columns().get(c).toLowerCase(Locale.ROOT);
            String referenced = table.references().get(c);
            boolean numericKey = table.key().size() == 1 && table.key().get(0) == c && isNumber(table.types()[c]);
            if (row[c] instanceof Number number && (numericKey || referenced != null && isNumber(table.types()[c]))) {
              // a key that is also a reference (a document's content) is the referenced row's number
              String of = referenced != null ? referenced.toLowerCase(Locale.ROOT) : name;
              String key = of + "#" + number.longValue();
              out[c] = new NumericToken(index.computeIfAbsent(key, k -> {
                tokens.add(String.valueOf(number.longValue()));
                kinds.add(NUMERIC_ID);
                numericTables.add(of);
                return tokens.size() - 1;
              }));
              numericOf.put(key, of);
            } else if (column.equals("serial_no") && row[c] instanceof Number original) {
              // unique per year (and department): the project's is its number's, others' a hundred per project
              out[c] = new Serial(name.equals("kyodo_project") ? -1 : original.intValue() % 100);
            } else {
              out[c] = cell(row[c], column, fixed);
            }
          }
          cells.add(out);
        }
        rows.size();
        this.rows.put(table, cells);
      });
      LocalDateTime last = template.clock();
      this.end = last;
    }

    private int token(String value, int kind) {
      return index.computeIfAbsent(value, v -> {
        tokens.add(v);
        kinds.add(kind);
        numericTables.add(null);
        if (kind != UUID_TOKEN && kind != DATE_TEXT && kind != MAIN && kind != DEPUTY && kind != ORG_USER) {
          inTexts.add(tokens.size() - 1);
        }
        return tokens.size() - 1;
      });
    }

    private Cell cell(Object value, String column, Set<String> fixed) {
      if (value == null) {
        return new Fixed(null);
      }
      if (value instanceof LocalDateTime at) {
        return new Time(at);
      }
      if (value instanceof OffsetDateTime at) {
        return new ZonedTime(at);
      }
      if (value instanceof LocalDate at) {
        return new Day(at);
      }
      if (value instanceof Number year && column.endsWith("year") && year.longValue() >= 1990 && year.longValue() <= 2100) {
        return new Year(year);
      }
      if (value instanceof String text) {
        var team = CollaborationLifecycle.Team.of(0);
        if (text.equals(team.main())) {
          return new Token(token(text, MAIN));
        }
        if (text.equals(team.deputy())) {
          return new Token(token(text, DEPUTY));
        }
        if (text.equals(team.partner())) {
          return new Token(token(text, ORG_USER));
        }
        return text(text, false, fixed);
      }
      if (value instanceof byte[] bytes) {
        try {
          String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
          return text(text, true, fixed) instanceof Text t ? t : new Fixed(bytes);
        } catch (CharacterCodingException binary) {
          return new Fixed(bytes);
        }
      }
      return new Fixed(value);
    }

    /** The text's tokens: generated UUIDs anywhere, and the template's numbers, title and names. */
    private Cell text(String text, boolean bytes, Set<String> fixed) {
      if (index.containsKey(text) && kinds.get(index.get(text)) != NUMERIC_ID) {
        return new Token(index.get(text));
      }
      List<int[]> found = new ArrayList<>(); // start, end, token
      Matcher m = UUID.matcher(text);
      while (m.find()) {
        if (!fixed.contains(m.group())) {
          found.add(new int[] {m.start(), m.end(), token(m.group(), UUID_TOKEN)});
        }
      }
      // dates written as text (form values, JSON): moved with the clone's time like the date columns
      Matcher d = DATE.matcher(text);
      while (d.find()) {
        int start = d.start();
        int stop = d.end();
        if (found.stream().noneMatch(f -> f[0] < stop && start < f[1]) && isDate(d.group())) {
          found.add(new int[] {start, stop, token(d.group(), DATE_TEXT)});
        }
      }
      for (int t : inTexts) {
        String token = tokens.get(t);
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
          int start = at;
          int stop = at + token.length();
          if (found.stream().noneMatch(f -> f[0] < stop && start < f[1])) {
            found.add(new int[] {start, stop, t});
          }
        }
      }
      if (found.isEmpty()) {
        return bytes ? new Fixed(text.getBytes(StandardCharsets.UTF_8)) : new Fixed(text);
      }
      found.sort(java.util.Comparator.comparingInt(f -> f[0]));
      String[] pieces = new String[found.size() + 1];
      int[] at = new int[found.size()];
      int from = 0;
      for (int i = 0; i < found.size(); i++) {
        pieces[i] = text.substring(from, found.get(i)[0]);
        at[i] = found.get(i)[2];
        from = found.get(i)[1];
      }
      pieces[found.size()] = text.substring(from);
      return new Text(pieces, at, bytes);
    }
  }

  /** One project made from a template: its own value for each of the template's tokens, and its shift in time. */
  static final class Clone {
    final int number;
    final Plan plan;
    final boolean running;
    final String[] tokens;
    final long shiftSeconds;
    final int shiftYears;
    final int serial;
    final String partnerUser;
    final String projectNumber;

    Clone(int i, Plan plan, boolean running, int past, boolean hikari, int organisations, List<String[]> departments,
        Map<String, AtomicLong> numericIds) {
      this.number = i;
      this.plan = plan;
      this.running = running;
      ThreadLocalRandom random = ThreadLocalRandom.current();
      LocalDateTime target;
      if (running) {
        // waiting since up to three weeks, as work does
        target = NOW.minusMinutes(30 + (i * 7919L) % (21 * 24 * 60));
      } else {
        // ended evenly over the eleven years before today: the oldest year is past its ten years of retention
        long span = Duration.ofDays(11 * 365 + 2).toMinutes();
        target = NOW.minusMinutes(span - span * i / Math.max(1, past) + 60);
      }
      this.shiftSeconds = Duration.between(plan.end, target).getSeconds();
      this.shiftYears = fiscalYear(target) - fiscalYear(plan.end);
      this.serial = 100_000 + i;
      String[] department = departments.get(i % departments.size());
      int org = 1 + (i * 37) % organisations;
      this.partnerUser = hikari ? "hikari" : orgUser(org);
      this.projectNumber = (plan.proposalYear + shiftYears) + "-" + serial;
      tokens = new String[plan.tokens.size()];
      for (int t = 0; t < tokens.length; t++) {
        String of = plan.tokens.get(t);
        tokens[t] = switch (plan.kinds.get(t)) {
          case UUID_TOKEN -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
          case PROJECT -> projectNumber;
          case NUMBER -> number(of);
          case TITLE -> TOPICS[i % TOPICS.length] + " 第" + serial + "号";
          case DEPT_GROUP -> department[0];
          case DEPT_NAME -> department[1];
          case MAIN -> department[2];
          case DEPUTY -> department[3];
          case ORG_GROUP -> hikari ? "org-hikari" : orgGroup(org);
          case ORG_NAME -> hikari ? "NPO法人ひかり" : orgName(org);
          case ORG_USER -> partnerUser;
          case NUMERIC_ID -> String.valueOf(numericIds.get(plan.numericTables.get(t)).getAndIncrement());
          case DATE_TEXT -> LocalDate.parse(of).plusDays(Math.floorDiv(shiftSeconds, 86_400L)).toString();
          default -> throw new IllegalStateException("kind " + plan.kinds.get(t));
        };
      }
    }

    /** The city's fiscal year (April to March) of a moment. */
    private static int fiscalYear(LocalDateTime at) {
      return at.getMonthValue() >= 4 ? at.getYear() : at.getYear() - 1;
    }

    /** Kyodo's number with the clone's years and serial: 2027-S001-K1 becomes 2019-S100123001-K1. */
    private String number(String of) {
      String shifted = of.matches("^\\d{4}-.*") ? (Integer.parseInt(of.substring(0, 4)) + shiftYears) + of.substring(4) : of;
      Matcher m = LAST_DIGITS.matcher(shifted);
      return m.find() ? shifted.substring(0, m.start()) + serial + m.group(1) + shifted.substring(m.end()) : shifted + serial;
    }

    /** The clone's rows of a table, as they are written. */
    List<Object[]> rows(String table) {
      List<Object[]> out = new ArrayList<>();
      plan.rows.forEach((t, rows) -> {
        if (t.name().equalsIgnoreCase(table)) {
          for (Cell[] row : rows) {
            Object[] values = new Object[row.length];
            for (int c = 0; c < row.length; c++) {
              values[c] = row[c].value(this);
            }
            out.add(values);
          }
        }
      });
      return out;
    }

    /** The clone's value of a template value (a template id, number or name), or the value itself. */
    String of(String templateValue) {
      Integer t = plan.index.get(templateValue);
      return t == null ? templateValue : tokens[t];
    }
  }

  /** The clones' rows, table by table in foreign-key order, in one transaction. */
  private void write(TableRows tables, List<Clone> clones, Map<String, AtomicLong> counts) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      if (!postgres) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
        }
      }
      for (TableRows.Table table : tables.tables) {
        long n = 0;
        if (postgres) {
          ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
          StringBuilder line = new StringBuilder();
          for (Clone clone : clones) {
            for (Cell[] row : clone.plan.rows.getOrDefault(table, List.of())) {
              line.setLength(0);
              for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                  line.append('\t');
                }
                copyText(line, row[c].value(clone));
              }
              line.append('\n');
              out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
              n++;
            }
          }
          if (n > 0) {
            connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("COPY " + table.name() + " ("
                + String.join(", ", table.columns()) + ") FROM STDIN", new java.io.ByteArrayInputStream(out.toByteArray()));
          }
        } else {
          String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
              + String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?")) + ")";
          try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Clone clone : clones) {
              for (Cell[] row : clone.plan.rows.getOrDefault(table, List.of())) {
                for (int c = 0; c < row.length; c++) {
                  Object value = row[c].value(clone);
                  if (value == null) {
                    insert.setNull(c + 1, table.types()[c]);
                  } else {
                    insert.setObject(c + 1, value);
                  }
                }
                insert.addBatch();
                n++;
              }
            }
            if (n > 0) {
              insert.executeBatch();
            }
          }
        }
        if (n > 0) {
          counts.computeIfAbsent(table.name().toLowerCase(Locale.ROOT), k -> new AtomicLong()).addAndGet(n);
        }
      }
      if (!postgres) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
      }
      connection.commit();
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("writing " + clones.size() + " projects from " + clones.get(0).number, e);
    }
  }

  /** A value in COPY's text format. */
  private static void copyText(StringBuilder line, Object value) {
    if (value == null) {
      line.append("\\N");
    } else if (value instanceof byte[] bytes) {
      line.append("\\\\x");
      for (byte b : bytes) {
        line.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
    } else if (value instanceof Boolean b) {
      line.append(b ? 't' : 'f');
    } else if (value instanceof java.math.BigDecimal d) {
      line.append(d.toPlainString());
    } else {
      String text = value.toString();
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        switch (ch) {
          case '\\' -> line.append("\\\\");
          case '\t' -> line.append("\\t");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          default -> line.append(ch);
        }
      }
    }
  }

  /** Kyodo's generated keys go on after the clones' (the documents' ids). */
  private void restartSequences(org.springframework.jdbc.core.JdbcTemplate jdbc, Map<String, AtomicLong> numericIds) {
    numericIds.forEach((table, next) -> {
      if (!table.startsWith("kyodo_")) {
        return;
      }
      for (var column : jdbc.queryForList("SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = ?"
          + " AND (is_identity = 'YES' OR column_default LIKE 'nextval%')", String.class, table)) {
        if (postgres) {
          jdbc.queryForObject("SELECT setval(pg_get_serial_sequence(?, ?), ?)", Long.class, table, column, next.get() + 1);
        } else {
          jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (next.get() + 1));
        }
      }
    });
  }

  /**
   * After the harness's own queries on the data: the faithfulness checks ({@link PrefectureChecks}, when the data was
   * made in this run), the budgets' queries ({@link ScaleQueries}) and the history cleanup ({@code --cleanup=true},
   * the default; it removes the expired year, so it comes last).
   */
  static Results.Scale scale(Made made, Options options, ApplicationContext context, ProcessEngine engine, Desk desk)
      throws Exception {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    List<String> checks = made == null || desk == null ? List.of()
        : new PrefectureChecks(engine, desk, port).check(made.samples());
    List<Results.Query> queries = new ScaleQueries(context, engine).measure(options.integer("samples", 200));
    Results.Cleanup cleanup = Boolean.parseBoolean(options.get("cleanup", "true"))
        ? new HistoryCleanupProbe(engine).measure(options) : null;
    return new Results.Scale(made == null ? null : made.result(), queries, cleanup, checks);
  }

  static String describe(Map<String, Long> rowsByTable) {
    return rowsByTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
        .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
  }

  static List<Integer> ints(int... values) {
    return Arrays.stream(values).boxed().toList();
  }
}
