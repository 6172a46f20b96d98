package jp.kyodo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.support.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit and Admin as the administrator's Japanese browser shows them: in Japanese, and without Camunda 7 CE's red
 * "migrate to Camunda 8" banner above the header (docs/operations.md, 日本語 / English). The banner is still in the
 * page — Camunda's header renders it — but Kyodo's user-styles.css keeps it from being displayed; Tasklist is
 * looked at too. Screenshots: target/screenshots/NN-cockpit-ja.png and NN-admin-ja.png (kept in docs/screenshots).
 */
@RunningApplication
@ExtendWith(Chromium.Installed.class)
class WebappsInJapaneseBrowserTest {

  /** Labels of the pages opened here as the shipped en.json has them: none may show. */
  static final List<String> COCKPIT_ENGLISH = List.of("Processes", "Decisions", "Human Tasks", "Deployments",
      "Batches", "Right Now", "Deployed", "Process Definitions", "Decision Definitions", "Open Incidents");
  static final List<String> ADMIN_ENGLISH = List.of("Users", "Groups", "Tenants", "Authorizations", "List of Users",
      "Create New User", "First Name", "Last Name", "Email");

  @LocalServerPort
  int port;

  Chromium chromium;

  @AfterEach
  void tearDown() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void cockpitAndAdminSpeakJapaneseWithoutTheMigrationBanner() {
    chromium = new Chromium(port);
    try {
      WebDriver driver = chromium.as("admin");
      noBannerShows(driver, "Tasklist");

      driver.get(chromium.base + "/camunda/app/cockpit/default/#/dashboard");
      shows(driver, "Cockpit", "プロセス定義", "デプロイ済み", "現在");
      menuShows(driver, "Cockpit", "プロセス", "決定", "ユーザータスク", "その他");
      noBannerShows(driver, "Cockpit");
      noEnglish(driver, "Cockpit", COCKPIT_ENGLISH);
      chromium.screenshot(driver, "cockpit-ja");

      driver.get(chromium.base + "/camunda/app/admin/default/#/users");
      shows(driver, "Admin", "ユーザー一覧", "ユーザーを追加", "メールアドレス", "管理者");
      menuShows(driver, "Admin", "ユーザー", "グループ", "テナント", "権限", "システム");
      noBannerShows(driver, "Admin");
      noEnglish(driver, "Admin", ADMIN_ENGLISH);
      chromium.screenshot(driver, "admin-ja");
    } catch (RuntimeException | AssertionError failure) {
      chromium.screenshotEveryWindow("failed-webapps");
      throw failure;
    }
  }

  /** Waits until the page body shows every one of the texts (the app has loaded its strings and rendered). */
  static void shows(WebDriver driver, String app, String... texts) {
    Chromium.waitOn(driver).withMessage(app + " does not show " + List.of(texts) + " in Japanese")
        .until(d -> {
          String body = d.findElement(By.tagName("body")).getText();
          return List.of(texts).stream().allMatch(body::contains);
        });
  }

  static void menuShows(WebDriver driver, String app, String... items) {
    List<String> menu = driver.findElements(By.cssSelector("[cam-widget-header] [ng-transclude] a")).stream()
        .map(WebElement::getText).map(String::strip).filter(t -> !t.isEmpty()).toList();
    assertThat(menu).as(app + "'s menu").contains(items);
  }

  /** The banner's element is there (Camunda's header renders it), but not displayed. */
  static void noBannerShows(WebDriver driver, String app) {
    List<WebElement> banners = Chromium.waitOn(driver)
        .withMessage(app + "'s header renders no .ce-eol-banner any more: is the user-styles.css rule still needed?")
        .until(d -> {
          List<WebElement> found = d.findElements(By.cssSelector("[cam-widget-header] .ce-eol-banner"));
          return found.isEmpty() ? null : found;
        });
    assertThat(banners).as(app + " shows the Camunda 8 migration banner").noneMatch(WebElement::isDisplayed);
  }

  static void noEnglish(WebDriver driver, String app, List<String> english) {
    String body = driver.findElement(By.tagName("body")).getText();
    assertThat(english).as(app + " shows English labels").noneMatch(
        label -> Pattern.compile("(?<![A-Za-z])" + Pattern.quote(label) + "(?![A-Za-z])").matcher(body).find());
  }
}
