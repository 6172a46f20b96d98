package jp.kyodo.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.support.RequireAll;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian (the driver and the browser at fixed paths, so Selenium Manager never looks for
 * anything on the network), speaking Japanese. Each person gets a window of their own that logs in once through
 * Tasklist's login page, as they would at their own desk; screenshots go to {@code target/screenshots}, numbered in
 * the order they were taken. Public for the benchmark's browser probe ({@code jp.kyodo.bench.BrowserProbe}).
 */
public final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String MISSING =
      "ブラウザのテストを飛ばしました: apt-get install -y chromium chromium-driver fonts-noto-cjk で入ります";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /**
   * How long a wait may take before the test fails. A wait ends as soon as its condition holds, so this only decides how
   * soon a broken page fails the test; 20 s was too short for a fresh window's first Tasklist page while the machine ran
   * other builds (load 25–30 on 2 cores).
   */
  public static final Duration WAIT = Duration.ofSeconds(60);
  /**
   * How often a wait looks again. With Selenium's default of 500 ms each of the waits of a task (the task opened,
   * claimed, the form rendered, a notice gone, the answer of 完了, Tasklist's next view) that was not met at once cost up
   * to half a second after the page was ready. A look is a call to the driver and costs CPU on a busy machine, so not
   * much less than 100 ms.
   */
  static final Duration POLL = Duration.ofMillis(100);

  /** A wait of {@link #WAIT} at most that looks every {@link #POLL}. */
  public static WebDriverWait waitOn(WebDriver driver) {
    return new WebDriverWait(driver, WAIT, POLL);
  }

  /** Whether Debian's Chromium and its driver are installed. */
  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /**
   * Runs the browser test when Chromium and its driver are installed. Otherwise it is skipped, and says so on the
   * console too, since Maven shows only the number of skipped tests (the reason is in the test report); under
   * KYODO_REQUIRE_ALL=true (.ci/run) it fails instead.
   */
  static final class Installed implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (installed()) {
        return ConditionEvaluationResult.enabled(BINARY + " and " + DRIVER);
      }
      ConditionEvaluationResult skipped = RequireAll.skipOrFail(MISSING, BINARY + " か " + DRIVER
          + " がありません: apt-get install -y chromium chromium-driver fonts-noto-cjk で入ります");
      System.out.println(MISSING);
      return skipped;
    }
  }

  public final String base;
  private final Path screenshots;
  private final Map<String, WebDriver> windows = new LinkedHashMap<>();
  private final List<Path> profiles = new ArrayList<>();
  private int shots;

  Chromium(int port) {
    this(port, SCREENSHOTS);
  }

  /** Screenshots into a directory of the caller's (the benchmark keeps the browser tests' screenshots). */
  public Chromium(int port, Path screenshots) {
    this.base = "http://localhost:" + port;
    this.screenshots = screenshots;
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    try {
      if (Files.isDirectory(screenshots)) {
        try (Stream<Path> old = Files.list(screenshots)) {
          for (Path file : old.filter(p -> p.toString().endsWith(".png")).toList()) {
            Files.delete(file);
          }
        }
      }
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new window with a fresh profile: no cookies, no session. */
  WebDriver open() {
    Path profile;
    try {
      profile = Files.createTempDirectory("kyodo-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--lang=ja-JP", "--window-size=1366,1600", "--user-data-dir=" + profile);
    // The language the pages are asked for: Tasklist speaks Japanese.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    // A headless browser formats dates for en-US in UTC whatever --lang says; a clerk in a Japanese city office sees
    // 2027/4/1 in the date pickers and Japan's time in Tasklist.
    driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", "ja-JP"));
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", CityCalendar.ZONE.getId()));
    return driver;
  }

  /** That person's window, logged in to Tasklist through its login page the first time (demo password = user id). */
  public WebDriver as(String user) {
    return as(user, user);
  }

  WebDriver as(String user, String password) {
    return windows.computeIfAbsent(user, u -> loggedIn(u, password));
  }

  /** A visitor's window: nobody logged in. */
  WebDriver visitor() {
    return windows.computeIfAbsent("", u -> open());
  }

  private WebDriver loggedIn(String user, String password) {
    WebDriver driver = open();
    driver.get(base + "/camunda/app/tasklist/default/");
    WebDriverWait wait = waitOn(driver);
    WebElement name;
    try {
      name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    } catch (org.openqa.selenium.TimeoutException notShown) {
      // the window is not among those screenshotted on failure yet: what it shows instead of the login page
      screenshot(driver, "login-failed-" + user);
      throw notShown;
    }
    if (windows.isEmpty()) {
      screenshot(driver, "tasklist-login");
    }
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    wait.withMessage(user + " could not log in to Tasklist").until(
        ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(normalize-space(), 'プロセスを開始')]")));
    return driver;
  }

  /** Saves what the window shows as target/screenshots/NN-name.png. */
  public Path screenshot(WebDriver driver, String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    try {
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Clicks the element once it is there and takes the click (pages that still re-render are waited out). */
  static void click(WebDriver driver, By by, String failure) {
    waitOn(driver).withMessage(failure).ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class).until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  /** What every open window shows, to see where a failed test stood. */
  void screenshotEveryWindow(String name) {
    windows.forEach((user, driver) -> {
      try {
        screenshot(driver, name + "-" + (user.isEmpty() ? "visitor" : user));
      } catch (RuntimeException e) {
        // a window that cannot be captured any more tells nothing
      }
    });
  }

  @Override
  public void close() {
    for (WebDriver driver : windows.values()) {
      try {
        driver.quit();
      } catch (RuntimeException e) {
        // a window that is gone already is closed
      }
    }
    windows.clear();
    for (Path profile : profiles) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a temporary profile left behind does no harm
      }
    }
  }
}
