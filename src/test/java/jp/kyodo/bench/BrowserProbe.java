package jp.kyodo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.browser.CamundaForm;
import jp.kyodo.browser.Chromium;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.execution.ExecutionProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Felt latency in headless Chromium: a clerk or a partner, logged in to Tasklist, opens a task of a running lifecycle
 * and submits its Camunda Form, as at their desk. Per kind of task (a short form, a big form, a partner's task) it
 * times, in the page itself ({@code performance.now()}):
 * <ul>
 * <li><b>open → rendered</b>: from the change of Tasklist's route to the task ({@code #/?task=id}, what a click in the
 * list does) until the first moment the page shows the task rendered: the details pane titled with the task's name, no
 * form error, the form-js form displayed with a field for every keyed component that is shown unconditionally, and
 * every read-only text, text area and number field showing the value the engine holds for it (the project's title,
 * the department, …): the form is there with its values, a person can read and fill it;</li>
 * <li><b>submit → done</b>: from the click on 完了 until Tasklist's {@code submit-form} call has answered 2xx, the
 * details pane shows 「タスクを選択してください」 ({@code .no-task}: the form is gone) and the list has no link to the
 * task any more.</li>
 * </ul>
 * Filling the form lies between the two and is not timed (a person's typing). Each moment is found by a check run on
 * every DOM change and every 4 ms, so the resolution is a few milliseconds. The browser's resource timings of both
 * spans say where the time goes: every request Tasklist makes ({@code task/{id}}, {@code form-variables},
 * {@code deployed-form}, {@code submit-form}, the list and its count, …), how long it took and its time to first byte
 * (on this loopback connection: the server's time), and the SQL statements the server ran in each span.
 *
 * <p>The tasks are the probe's own: it runs lifecycles through the engine, as the benchmark does, until the task it
 * needs is open (the clock's jobs are run only for its own processes, so the data set's lifecycles are not touched),
 * claims it for the person (the claim is not timed), and the person opens it in Tasklist. Each sample is checked: the
 * form rendered with the engine's values, Tasklist sent the values the lifecycle submits, the task is completed in the
 * engine's history by that person. A failed check fails the run.
 */
final class BrowserProbe {

  /** A kind of task timed: the task where the lifecycle stops, who works it, and the task opened after it, if any. */
  record Kind(String name, String pauseBefore, String taskKey, boolean partner) {}

  /** ① a short form of the department, ④ the partner's progress report, ⑤ both self-evaluations of 25 items. */
  static final List<List<Kind>> KINDS = List.of(
      List.of(new Kind("① チェックシート（職員、短いフォーム）", ExaminationProcess.Elements.CHECK_SHEET,
          ExaminationProcess.Elements.CHECK_SHEET, false)),
      List.of(new Kind("④ 進捗報告（パートナー）", ExecutionProcess.Elements.SUBMIT_REPORT, ExecutionProcess.Elements.SUBMIT_REPORT,
          true)),
      List.of(new Kind("⑤ 自己評価 25項目（職員、大きいフォーム）", EvaluationProcess.Elements.DEPARTMENT_SELF,
          EvaluationProcess.Elements.DEPARTMENT_SELF, false),
          new Kind("⑤ 自己評価 25項目（パートナー、大きいフォーム）", EvaluationProcess.Elements.DEPARTMENT_SELF,
              EvaluationProcess.Elements.PARTNER_SELF, true)));

  /**
   * Changes Tasklist's route to the task and reports when it is rendered (see the class comment), or what it still
   * waited for after 20 s, or the form error Tasklist shows.
   */
  private static final String OPEN = """
      const [taskId, taskName, fields, witnesses] = arguments;
      const callback = arguments[arguments.length - 1];
      performance.clearResourceTimings();
      performance.setResourceTimingBufferSize(5000);
      const escape = s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
      const shown = e => e && e.offsetParent !== null;
      const state = () => {
        const pane = document.querySelector('.task-details');
        if (!pane) return 'no details pane';
        const alert = [...pane.querySelectorAll('[cam-tasklist-form] .alert-danger, .form-pane .alert-danger')].find(shown);
        if (alert) return 'form error: ' + alert.textContent.trim();
        const title = pane.querySelector('h2.task');
        if (!title || title.textContent.replace(/\\s+/g, ' ').trim() !== taskName) return 'title';
        const form = pane.querySelector('.fjs-container form.fjs-form');
        if (!shown(form)) return 'form';
        const ids = [...form.querySelectorAll('[id]')].map(e => e.id);
        for (const id of fields) {
          const re = new RegExp('^fjs-form-.*-' + escape(id) + '(-\\\\d+|-date|-time|-display)?$');
          if (!ids.some(x => re.test(x))) return 'field ' + id;
        }
        for (const w of witnesses) {
          const re = new RegExp('^fjs-form-.*-' + escape(w.id) + '$');
          const input = [...form.querySelectorAll('input[id], textarea[id]')].find(e => re.test(e.id));
          if (!input) return 'read-only field ' + w.key;
          if (w.number ? Number(input.value) !== Number(w.expected) : input.value !== w.expected) {
            return 'value of ' + w.key + ': ' + JSON.stringify(input.value);
          }
        }
        return 'rendered';
      };
      const t0 = performance.now();
      let finished = false, last = '';
      const check = () => {
        if (finished) return;
        last = state();
        const ms = performance.now() - t0;
        if (last === 'rendered' || last.startsWith('form error') || ms > 20000) {
          finished = true;
          observer.disconnect();
          clearInterval(timer);
          callback({state: last, ms: ms, t0: t0});
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
      const timer = setInterval(check, 4);
      location.hash = '#/?task=' + encodeURIComponent(taskId);
      """;

  /**
   * Clicks 完了 and reports when Tasklist shows the task done (see the class comment), with what the browser sent and
   * the server answered; or the form's own error messages when it refused the values.
   */
  private static final String SUBMIT = """
      const [taskId] = arguments;
      const callback = arguments[arguments.length - 1];
      const sent = [];
      if (!window.__kyodoProbeOpen) {
        const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
        window.__kyodoProbeOpen = true;
        XMLHttpRequest.prototype.open = function (method, url) { this.__kyodoUrl = String(url); return open.apply(this, arguments); };
        XMLHttpRequest.prototype.send = function (body) {
          if (/\\/submit-form$/.test(this.__kyodoUrl || '') && window.__kyodoSent) {
            const entry = {body: body, status: null, response: null};
            window.__kyodoSent.push(entry);
            this.addEventListener('loadend', () => { entry.status = this.status; entry.response = this.responseText; });
          }
          return send.apply(this, arguments);
        };
      }
      window.__kyodoSent = sent;
      const shown = e => e && e.offsetParent !== null;
      const pane = document.querySelector('.task-details');
      const button = pane && [...pane.querySelectorAll('.form-actions button')].find(b => b.textContent.trim() === '完了');
      if (!button || button.disabled) { callback({state: '完了 is missing or disabled', ms: 0}); return; }
      const state = () => {
        const answered = sent.find(e => e.status !== null);
        if (!answered) {
          const errors = [...pane.querySelectorAll('.fjs-form-field-error')].map(e => e.textContent.trim()).filter(t => t);
          return errors.length ? 'refused by the form: ' + errors.join(' / ') : 'request';
        }
        if (answered.status < 200 || answered.status > 299) return 'server answered ' + answered.status;
        if (!shown(document.querySelector('.task-details .no-task'))) return 'details pane';
        if (document.querySelector('.tasks-list a[href*="task=' + taskId + '"]')) return 'list';
        return 'done';
      };
      let finished = false, last = '';
      const t0 = performance.now();
      const check = () => {
        if (finished) return;
        last = state();
        const ms = performance.now() - t0;
        if (last === 'done' || last.startsWith('refused') || last.startsWith('server') || ms > 20000) {
          finished = true;
          observer.disconnect();
          clearInterval(timer);
          const answered = sent.find(e => e.status !== null) || {};
          callback({state: last, ms: ms, t0: t0, body: answered.body || null, response: answered.response || null});
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
      const timer = setInterval(check, 4);
      button.click();
      """;

  private static final String RESOURCES = """
      return performance.getEntriesByType('resource').map(e => ({name: e.name, start: e.startTime, end: e.responseEnd,
          duration: e.duration, firstByte: e.responseStart > 0 && e.requestStart > 0 ? e.responseStart - e.requestStart : -1}));
      """;

  /** One timed open and submit, and the requests of each span. */
  record Sample(double openMs, double submitMs, List<Call> calls, long openStatements, long submitStatements) {}

  /** A request of the page: in which span, what, its duration and time to first byte, and whether it ended in it. */
  record Call(String span, String request, double ms, double firstByteMs, boolean within) {}

  private final ProcessEngine engine;
  private final Desk desk;
  private final Script script;
  private final int port;
  private final Path screenshots;
  /** Counts the SQL statements the server runs while the page opens and while it submits. */
  private final SqlCounter counter;

  BrowserProbe(ProcessEngine engine, Desk desk, Script script, int port, Path screenshots, SqlCounter counter) {
    this.counter = counter;
    this.engine = engine;
    this.desk = desk;
    this.script = script;
    this.port = port;
    this.screenshots = screenshots;
  }

  /** {@code warmup} untimed, then {@code samples} timed opens and submits of each kind of task. */
  List<Results.Felt> measure(int warmup, int samples) {
    Set<String> dataSet = new HashSet<>();
    engine.getRuntimeService().createProcessInstanceQuery().list().forEach(p -> dataSet.add(p.getId()));
    Lockstep clock = new Lockstep(1, engine.getManagementService(),
        job -> job.getProcessInstanceId() != null && !dataSet.contains(job.getProcessInstanceId()));
    CollaborationLifecycle.Team team = CollaborationLifecycle.Team.of(0);
    List<Results.Felt> felt = new ArrayList<>();
    Date before = ClockUtil.getCurrentTime();
    try (Chromium chromium = new Chromium(port, screenshots)) {
      for (List<Kind> kinds : KINDS) {
        // The lifecycles first, all stopped at the same step with the clock where they stopped, then the browser.
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
          CollaborationLifecycle lifecycle = new CollaborationLifecycle(desk, clock, team, null);
          lifecycle.pauseBefore = kinds.get(0).pauseBefore();
          try {
            lifecycle.run();
            throw new IllegalStateException("the lifecycle ended without reaching " + kinds.get(0).pauseBefore());
          } catch (CollaborationLifecycle.Paused paused) {
            projects.add(paused.projectNumber);
          }
        }
        BenchmarkHarness.log("browser: %d lifecycles at %s", projects.size(), kinds.get(0).pauseBefore());
        Map<Kind, List<Sample>> timed = new LinkedHashMap<>();
        for (int i = 0; i < projects.size(); i++) {
          for (Kind kind : kinds) {
            String user = kind.partner() ? team.partner() : team.main();
            Sample sample = openAndSubmit(chromium, user, desk.task(projects.get(i), kind.taskKey()), values(kind.taskKey()),
                i == warmup ? kind.taskKey() : null);
            if (i >= warmup) {
              timed.computeIfAbsent(kind, k -> new ArrayList<>()).add(sample);
            }
          }
        }
        timed.forEach((kind, list) -> felt.add(summary(kind, kind.partner() ? team.partner() : team.main(), list)));
      }
    } finally {
      ClockUtil.setCurrentTime(before);
    }
    felt.forEach(f -> BenchmarkHarness.log("browser: %s (%s): open %.0f / %.0f / %.0f ms, submit %.0f / %.0f / %.0f ms, "
        + "both %.0f / %.0f / %.0f ms (p50 / p95 / max, %d samples)", f.kind(), f.user(), f.open().p50(), f.open().p95(),
        f.open().max(), f.submit().p50(), f.submit().p95(), f.submit().max(), f.total().p50(), f.total().p95(),
        f.total().max(), f.samples()));
    return felt;
  }

  /** What the recorded lifecycle submitted on that task: what Tasklist sends for it. */
  private Map<String, Object> values(String taskKey) {
    return script.work().stream().filter(w -> w.taskKey().equals(taskKey)).findFirst()
        .orElseThrow(() -> new IllegalStateException("the recorded lifecycle has no task " + taskKey)).values();
  }

  private Sample openAndSubmit(Chromium chromium, String user, Task task, Map<String, Object> values, String shot) {
    String where = user + " 「" + task.getName() + "」 (" + task.getTaskDefinitionKey() + ", " + task.getId() + ")";
    if (task.getAssignee() == null) {
      engine.getTaskService().claim(task.getId(), user);
    } else if (!task.getAssignee().equals(user)) {
      throw new IllegalStateException(where + ": assigned to " + task.getAssignee());
    }
    JsonNode schema = schema(task.getId());
    VariableMap variables = engine.getFormService().getTaskFormVariables(task.getId());
    List<String> fields = new ArrayList<>();
    List<Map<String, Object>> witnesses = new ArrayList<>();
    expectations(schema.path("components"), variables, fields, witnesses);
    if (witnesses.isEmpty()) {
      throw new IllegalStateException(where + ": the form shows no read-only value of the engine's to wait for");
    }
    WebDriver driver = chromium.as(user);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    WebDriverWait wait = Chromium.waitOn(driver);
    if (!driver.getCurrentUrl().contains("/camunda/app/tasklist/")) {
      driver.get(chromium.base + "/camunda/app/tasklist/default/");
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(normalize-space(), 'プロセスを開始')]")));

    long statements = counter.snapshot().statements();
    Map<?, ?> opened = (Map<?, ?>) js.executeAsyncScript(OPEN, task.getId(), task.getName(), fields, witnesses);
    long openStatements = counter.snapshot().statements() - statements;
    if (!"rendered".equals(opened.get("state"))) {
      chromium.screenshot(driver, "browser-probe-not-rendered");
      throw new IllegalStateException(where + ": the form did not render: " + opened.get("state"));
    }
    WebElement pane = driver.findElement(By.cssSelector(".task-details"));
    new CamundaForm(driver, pane.findElement(By.cssSelector(".fjs-container")), schema, key -> CamundaForm.optionsOf(
        engine.getFormService().getTaskFormVariables(task.getId(), List.of(key), true).get(key))).fill(values);
    if (shot != null) {
      chromium.screenshot(driver, "browser-probe-" + shot);
    }
    statements = counter.snapshot().statements();
    Map<?, ?> submitted = (Map<?, ?>) js.executeAsyncScript(SUBMIT, task.getId());
    long submitStatements = counter.snapshot().statements() - statements;
    if (!"done".equals(submitted.get("state"))) {
      chromium.screenshot(driver, "browser-probe-not-done");
      throw new IllegalStateException(where + ": 完了 did not finish the task: " + submitted.get("state") + " "
          + submitted.get("response"));
    }
    Map<String, String> differences = CamundaForm.differences(String.valueOf(submitted.get("body")), values);
    if (!differences.isEmpty()) {
      throw new IllegalStateException(where + ": Tasklist sent other values than the lifecycle submits: " + differences);
    }
    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished()
        .singleResult();
    if (done == null || !user.equals(done.getAssignee())) {
      throw new IllegalStateException(where + ": not completed by " + user + " in the engine's history");
    }
    double openT0 = number(opened.get("t0"));
    double openMs = number(opened.get("ms"));
    double submitT0 = number(submitted.get("t0"));
    double submitMs = number(submitted.get("ms"));
    List<Call> calls = new ArrayList<>();
    for (Object entry : (List<?>) js.executeScript(RESOURCES)) {
      Map<?, ?> e = (Map<?, ?>) entry;
      double start = number(e.get("start"));
      double end = number(e.get("end"));
      String request = request(String.valueOf(e.get("name")), chromium.base);
      if (start >= openT0 && start <= openT0 + openMs) {
        calls.add(new Call("open", request, number(e.get("duration")), number(e.get("firstByte")), end <= openT0 + openMs));
      } else if (start >= submitT0 && start <= submitT0 + submitMs) {
        calls.add(new Call("submit", request, number(e.get("duration")), number(e.get("firstByte")),
            end <= submitT0 + submitMs));
      }
    }
    BenchmarkHarness.log("browser:   %s: open %.0f ms (%d statements), submit %.0f ms (%d statements); filled in %.1f s, "
        + "not timed", where, openMs, openStatements, submitMs, submitStatements, (submitT0 - openT0 - openMs) / 1000);
    return new Sample(openMs, submitMs, calls, openStatements, submitStatements);
  }

  private JsonNode schema(String taskId) {
    try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
      return CamundaForm.JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("the deployed form of task " + taskId + " cannot be read", e);
    }
  }

  /**
   * The components a rendered form must show: every keyed one outside a conditional part ({@code fields}, by
   * component id), and among them the read-only text, text area and number fields with a value in the engine
   * ({@code witnesses}: component id, key, the value as the field shows it).
   */
  static void expectations(JsonNode components, Map<String, Object> variables, List<String> fields,
      List<Map<String, Object>> witnesses) {
    for (JsonNode component : components) {
      if (component.hasNonNull("conditional")) {
        continue;
      }
      String type = component.path("type").asText();
      if (component.hasNonNull("key") && !type.equals("text")) {
        String key = component.path("key").asText();
        fields.add(component.path("id").asText());
        Object value = variables.get(key);
        boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        if (readOnly && (value instanceof String || value instanceof Number) && !String.valueOf(value).isEmpty()
            && List.of("textfield", "textarea", "number").contains(type)) {
          witnesses.add(Map.of("id", component.path("id").asText(), "key", key, "expected", String.valueOf(value),
              "number", type.equals("number")));
        }
      }
      expectations(component.path("components"), variables, fields, witnesses);
    }
  }

  /** A request by its path, ids and query left out: {@code GET …/task/{id}/form-variables}. */
  static String request(String url, String base) {
    String path = url.startsWith(base) ? url.substring(base.length()) : url;
    return path.replaceFirst("\\?.*$", "")
        .replaceAll("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}")
        .replaceAll("/[0-9a-f]{32}", "/{id}")
        .replaceAll("/\\d+(?=/|$)", "/{id}")
        .replaceFirst("^/camunda/api/engine/engine/default/", "engine/")
        .replaceFirst("^/camunda/api/", "api/");
  }

  static Results.Felt summary(Kind kind, String user, List<Sample> samples) {
    double[] open = samples.stream().mapToDouble(Sample::openMs).toArray();
    double[] submit = samples.stream().mapToDouble(Sample::submitMs).toArray();
    double[] total = samples.stream().mapToDouble(s -> s.openMs() + s.submitMs()).toArray();
    Map<String, List<Call>> byRequest = new LinkedHashMap<>();
    samples.forEach(s -> s.calls().forEach(c -> byRequest.computeIfAbsent(c.span() + " " + c.request(), k -> new ArrayList<>())
        .add(c)));
    List<Results.FeltCall> calls = new ArrayList<>();
    byRequest.forEach((name, list) -> calls.add(new Results.FeltCall(list.get(0).span(), list.get(0).request(),
        (double) list.size() / samples.size(), Results.percentile(list.stream().mapToDouble(Call::ms).toArray(), 50),
        Results.percentile(list.stream().mapToDouble(Call::ms).toArray(), 95),
        Results.percentile(list.stream().mapToDouble(Call::firstByteMs).toArray(), 50),
        list.stream().allMatch(Call::within))));
    return new Results.Felt(kind.name(), kind.taskKey(), user, samples.size(), Results.Stat.of(open), Results.Stat.of(submit),
        Results.Stat.of(total), calls, Results.percentile(samples.stream().mapToDouble(Sample::openStatements).toArray(), 50),
        Results.percentile(samples.stream().mapToDouble(Sample::submitStatements).toArray(), 50));
  }

  private static double number(Object value) {
    return value instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
