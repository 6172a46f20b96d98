package jp.kyodo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's Tasklist (Japanese): start a process from 「プロセスを開始」, or open a task, claim it (担当する) when it is
 * still the group's, fill its Camunda Form and press 完了. It fails when the form does not render, shows an error,
 * the server refuses the values, or the button does nothing; and it checks that what Tasklist sent is what the
 * engine tests submit for the same step.
 */
final class Tasklist {

  /**
   * Records the bodies and answers of Tasklist's submit-form calls (the webapp's SDK uses XMLHttpRequest), so the
   * test knows what the browser really sent and what the server said.
   */
  private static final String RECORD_SUBMISSIONS = """
      if (!window.__kyodoSubmissions) {
        window.__kyodoSubmissions = [];
        const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
        XMLHttpRequest.prototype.open = function (method, url) { this.__kyodoUrl = String(url); return open.apply(this, arguments); };
        XMLHttpRequest.prototype.send = function (body) {
          if (/\\/submit-form$/.test(this.__kyodoUrl || '')) {
            const entry = { url: this.__kyodoUrl, body: body, status: null, response: null };
            window.__kyodoSubmissions.push(entry);
            this.addEventListener('loadend', () => { entry.status = this.status; entry.response = this.responseText; });
          }
          return send.apply(this, arguments);
        };
      }
      window.__kyodoSubmissions.length = 0;
      """;

  /** The outcome of pressing the button: the finished request, or the form's own error messages. */
  private static final String OUTCOME = """
      const root = document.querySelector(arguments[0]);
      const done = (window.__kyodoSubmissions || []).find(e => e.status !== null);
      if (done) { return { status: done.status, body: done.body, response: done.response }; }
      const errors = [...(root ? root.querySelectorAll('.fjs-form-field-error') : [])].map(e => e.textContent.trim()).filter(t => t);
      return errors.length ? { errors: errors } : null;
      """;

  private final Chromium chromium;
  private final ProcessEngine engine;
  final String user;
  final WebDriver driver;
  private final WebDriverWait wait;

  Tasklist(Chromium chromium, ProcessEngine engine, String user) {
    this(chromium, engine, user, user);
  }

  Tasklist(Chromium chromium, ProcessEngine engine, String user, String password) {
    this.chromium = chromium;
    this.engine = engine;
    this.user = user;
    this.driver = chromium.as(user, password);
    this.wait = Chromium.waitOn(driver);
  }

  /** The form as deployed, which is what Tasklist renders. */
  JsonNode taskForm(String taskId) {
    return read(engine.getFormService().getDeployedTaskForm(taskId));
  }

  JsonNode startForm(String processDefinitionId) {
    return read(engine.getFormService().getDeployedStartForm(processDefinitionId));
  }

  private static JsonNode read(InputStream in) {
    try (in) {
      return CamundaForm.JSON.readTree(in);
    } catch (IOException e) {
      throw new AssertionError("the deployed form cannot be read", e);
    }
  }

  /**
   * Starts the process of that name from 「プロセスを開始」 with these values; returns the server's answer (the new
   * process instance as JSON).
   */
  JsonNode start(String processName, String processDefinitionId, Map<String, Object> values, String shot) {
    openTasklist();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(normalize-space(), 'プロセスを開始')]"))).click();
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal input[ng-model='page.searchValue']")));
    search.sendKeys(processName);
    wait.withMessage(user + ": 「" + processName + "」 is not offered in プロセスを開始").until(ExpectedConditions
        .elementToBeClickable(By.xpath("//div[contains(@class,'modal')]//ul[contains(@class,'processes')]//a[normalize-space()='"
            + processName + "']"))).click();
    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    CamundaForm form = new CamundaForm(driver, rendered(dialog, "start form of " + processName), startForm(processDefinitionId),
        key -> {
          throw new AssertionError("a start form receives no process data, so it cannot offer options from " + key);
        });
    form.fill(values);
    showFromTheTop(dialog.findElement(By.cssSelector(".modal-title")));
    chromium.screenshot(driver, shot);
    JsonNode answer = submit(".modal-dialog", dialog.findElement(By.cssSelector(".modal-footer button.btn-primary")), "開始",
        "start form " + form.id(), values);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    return answer;
  }

  /**
   * Opens the task, claims it if it is still the group's, fills its form and completes it; afterwards the engine must
   * have it completed.
   */
  void complete(Task task, Map<String, Object> values, String shot) {
    String where = user + " 「" + task.getName() + "」 (" + task.getTaskDefinitionKey() + ")";
    assertThat(task.getAssignee()).as(where + ": assigned to someone else").isIn(null, user);
    openTasklist();
    driver.get(chromium.base + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    WebElement pane = wait.withMessage(where + ": the task does not open").until(ExpectedConditions
        .visibilityOfElementLocated(By.xpath("//section[contains(@class,'task-details')][.//h2[contains(@class,'task') and "
            + "normalize-space()='" + task.getName() + "']]")));
    if (task.getAssignee() == null) {
      wait.until(ExpectedConditions.elementToBeClickable(pane.findElement(By.cssSelector("button.claim")))).click();
      wait.withMessage(where + ": 担当する did not make " + user + " the assignee").until(ExpectedConditions.and(
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")),
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details .disabled-form"))));
    }
    CamundaForm form = new CamundaForm(driver, rendered(pane, where), taskForm(task.getId()), key ->
        CamundaForm.optionsOf(engine.getFormService().getTaskFormVariables(task.getId(), List.of(key), true).get(key)));
    form.fill(values);
    showFromTheTop(pane.findElement(By.cssSelector("h2.task")));
    chromium.screenshot(driver, shot);
    submit(".task-details", pane.findElement(By.xpath(".//div[contains(@class,'form-actions')]//button[normalize-space()='完了']")), "完了",
        where, values);
    wait.withMessage(where + ": Tasklist still shows the task after 完了").until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".task-details .no-task")));
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count())
        .as(where + " is completed in the engine").isEqualTo(1);
  }

  /**
   * Applies to a call as a partner does: opens the call's public page, presses 「この公募に応募する」, then on the apply
   * page 「応募書を作成する」, and lands in Tasklist at the draft; returns the draft's task id from Tasklist's address.
   */
  String applyFromCallPage(String callNumber, String shot) {
    driver.get(chromium.base + "/public/call.html?n=" + java.net.URLEncoder.encode(callNumber, java.nio.charset.StandardCharsets.UTF_8));
    wait.withMessage(user + ": the call page offers no 「この公募に応募する」").until(ExpectedConditions.elementToBeClickable(
        By.id("apply-link"))).click();
    wait.withMessage(user + ": the apply page offers no button for the draft").until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("#apply-organisations button"))).click();
    wait.withMessage(user + ": 「応募書を作成する」 did not lead to Tasklist").until(d -> d.getCurrentUrl().contains("task="));
    String url = driver.getCurrentUrl();
    chromium.screenshot(driver, shot);
    return java.net.URLDecoder.decode(url.substring(url.indexOf("task=") + 5).replaceAll("[&#].*$", ""),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Tasklist itself, loaded (a full load once; later only the route changes, as when a person clicks). */
  private void openTasklist() {
    if (!driver.getCurrentUrl().contains("/camunda/app/tasklist/")) {
      driver.get(chromium.base + "/camunda/app/tasklist/default/");
    }
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(normalize-space(), 'プロセスを開始')]")));
  }

  /** The rendered Camunda Form inside that part of the page; fails when Tasklist shows a form error instead. */
  private WebElement rendered(WebElement within, String where) {
    return wait.withMessage(where + ": the form did not render").until(d -> {
      for (WebElement alert : within.findElements(By.cssSelector("[cam-tasklist-form] .alert-danger"))) {
        if (alert.isDisplayed()) {
          throw new AssertionError(where + ": Tasklist shows a form error: " + alert.getText());
        }
      }
      List<WebElement> forms = within.findElements(By.cssSelector(".fjs-container form.fjs-form"));
      return forms.isEmpty() || !forms.get(0).isDisplayed()
          || forms.get(0).findElements(By.cssSelector(".fjs-form-field")).isEmpty() ? null
          : within.findElement(By.cssSelector(".fjs-container"));
    });
  }

  /** The filled form from its title, without notices over it: what the screenshot shows. */
  private void showFromTheTop(WebElement title) {
    closeNotifications();
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", title);
  }

  /**
   * Closes Tasklist's notices (「タスクを完了しました」, 「…次のタスクがあります」), which lie over the lower right corner
   * where the form's buttons are, as a person clicks them away.
   */
  private void closeNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .close"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (org.openqa.selenium.StaleElementReferenceException gone) {
        // it timed out and went away by itself
      }
    }
    Chromium.waitOn(driver).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage("Tasklist's notices do not go away").until(d -> d.findElements(By.cssSelector(".page-notifications .close"))
            .stream().noneMatch(WebElement::isDisplayed));
  }

  /** Presses the button and waits for what it caused; fails when it caused nothing or something went wrong. */
  private JsonNode submit(String root, WebElement button, String buttonName, String where, Map<String, Object> values) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(RECORD_SUBMISSIONS);
    closeNotifications();
    js.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    wait.withMessage(where + ": " + buttonName + " stays disabled").until(ExpectedConditions.elementToBeClickable(button));
    button.click();
    @SuppressWarnings("unchecked")
    Map<String, Object> outcome = wait.withMessage(where + ": " + buttonName + " did nothing (no request, no message)")
        .until(d -> (Map<String, Object>) js.executeScript(OUTCOME, root));
    if (outcome.containsKey("errors")) {
      throw new AssertionError(where + ": the form refused the values: " + outcome.get("errors"));
    }
    long status = ((Number) outcome.get("status")).longValue();
    assertThat(status).as(where + ": the server answered " + outcome.get("response")).isBetween(200L, 299L);
    assertThat(CamundaForm.differences((String) outcome.get("body"), values))
        .as(where + ": what Tasklist sent differs from the values the engine tests submit").isEmpty();
    String response = (String) outcome.get("response");
    try {
      return response == null || response.isBlank() ? CamundaForm.JSON.nullNode() : CamundaForm.JSON.readTree(response);
    } catch (IOException e) {
      throw new AssertionError(where + ": the answer is no JSON: " + response, e);
    }
  }
}
