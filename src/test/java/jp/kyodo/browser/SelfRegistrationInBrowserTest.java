package jp.kyodo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.ClientLimit;
import jp.kyodo.support.RestClient;
import jp.kyodo.support.RestClient.Response;
import jp.kyodo.support.RunningApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 団体登録 from the public page in headless Chromium, as a group does it: fills the registration page, confirms with
 * the mailed link's button, sets its password after the office's approval (a weak one refused first), logs in to
 * Tasklist and invites and removes a member on {@code /account/organisation.html}. The pages' scripts are exercised for
 * real: the form token, the fragment token, the CSRF header. Screenshots go to {@code target/screenshots}.
 */
@RunningApplication
@ExtendWith(Chromium.Installed.class)
class SelfRegistrationInBrowserTest {

  static final String STRONG = "Kawasemi#2027river";

  @LocalServerPort
  int port;

  @Autowired
  ProcessEngine engine;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  ClientLimit clientLimit;

  Chromium chromium;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aGroupRegistersOnThePublicPageAndManagesItsMembers() {
    clientLimit.clear();
    chromium = new Chromium(port);
    WebDriver visitor = chromium.open();
    try {
      register(visitor);
    } catch (RuntimeException | AssertionError failure) {
      chromium.screenshot(visitor, "registration-failed");
      throw failure;
    }
  }

  void register(WebDriver browser) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String loginId = "b" + suffix;
    WebDriverWait wait = Chromium.waitOn(browser);

    browser.get(chromium.base + "/public/");
    Chromium.click(browser, By.linkText("団体登録"), "the public page links the registration page");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
    type(browser, "organisationName", "せせらぎ見守り隊" + suffix);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("organisationType"))).selectByValue("VOLUNTEER_GROUP");
    type(browser, "representative", "川上 清");
    type(browser, "contactEmail", "office-" + suffix + "@example.jp");
    type(browser, "contactPhone", "0166-00-0000");
    browser.findElement(By.cssSelector("input[name=activityFields][value=ENVIRONMENT]")).click();
    type(browser, "activityRecord", "川沿いの見守りを毎週");
    type(browser, "financialState", "会費で運営");
    type(browser, "lastName", "川上");
    type(browser, "firstName", "清");
    type(browser, "email", "rep-" + suffix + "@example.jp");
    type(browser, "loginId", loginId);
    chromium.screenshot(browser, "registration-filled");
    // A person takes longer than the form token's first seconds (a bot posting at once is refused): the server's clock
    // is moved on by the time a person takes rather than waited out.
    ClockUtil.setCurrentTime(Date.from(CityCalendar.now().plusSeconds(10)));
    try {
      browser.findElement(By.id("send")).click();
      wait.withMessage("the registration page shows the server's answer").until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "確認のメールを送りました"));
    } finally {
      ClockUtil.reset();
    }
    chromium.screenshot(browser, "registration-sent");

    String requestId = jdbc.queryForObject("SELECT id FROM kyodo_registration_request WHERE login_id = ?", String.class,
        loginId);
    browser.get(chromium.base + link("registration-confirm:" + requestId));
    assertThat(jdbc.queryForObject("SELECT status FROM kyodo_registration_request WHERE id = ?", String.class, requestId))
        .as("opening the link confirms nothing").isEqualTo("PENDING");
    Chromium.click(browser, By.id("send"), "the confirmation page has its button");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "申請を確定しました"));
    chromium.screenshot(browser, "registration-confirmed");

    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("registration:" + requestId).singleResult().getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    Response decided = RestClient.basic(port, "tanaka").post("/engine-rest/task/" + task + "/submit-form",
        RestClient.variables(Map.of("registrationDecision", "REGISTER", "registrationReason", "活動を確認しました")));
    assertThat(decided.status()).as(decided.body()).isEqualTo(204);

    browser.get(chromium.base + link("set-password:registration:" + requestId));
    type(browser, "newPassword", "password");
    type(browser, "repeat", "password");
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "10文字以上"));
    chromium.screenshot(browser, "password-refused");
    type(browser, "newPassword", STRONG);
    type(browser, "repeat", STRONG);
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "パスワードを設定しました"));

    browser.get(chromium.base + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(loginId);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(STRONG);
    browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.withMessage(loginId + " logs in to Tasklist with the password they chose").until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(normalize-space(), 'プロセスを開始')]")));

    browser.get(chromium.base + "/account/organisation.html");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisations"), "せせらぎ見守り隊" + suffix));
    String invited = "m" + suffix;
    String form = "invite-" + jdbc.queryForObject("SELECT organisation_id FROM kyodo_registration_request WHERE id = ?",
        String.class, requestId);
    type(browser, form + "-lastName", "流");
    type(browser, form + "-firstName", "水");
    type(browser, form + "-email", invited + "@example.jp");
    type(browser, form + "-loginId", invited);
    browser.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "招待しました"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisations"), invited));
    chromium.screenshot(browser, "members-invited");

    Chromium.click(browser, By.xpath("//tr[td[normalize-space()='" + invited + "']]//button"), "a member can be removed");
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "外しました"));
    chromium.screenshot(browser, "members-removed");
    assertThat(engine.getIdentityService().createGroupQuery().groupMember(invited).groupType("organisation").count())
        .isZero();
  }

  String link(String key) {
    return jdbc.queryForObject("SELECT link FROM kyodo_mail_outbox WHERE notice_key = ?", String.class, key);
  }

  static void type(WebDriver browser, String id, String text) {
    var field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }
}
