package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasklist, Cockpit and Admin in Japanese for a Japanese browser: Kyodo's {@code ja.json} of each app measured
 * against the {@code en.json} shipped in the Camunda webjar (so a Camunda upgrade that adds or drops a string fails
 * here), and Kyodo's {@code config.js} measured against the shipped one. The welcome app (profile page, login) is
 * covered the same way because Tasklist's header links to it. Also here: the stylesheet that hides Camunda 7 CE's
 * "migrate to Camunda 8" banner, against the header template and index.html it relies on.
 */
class WebappsJapaneseTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  static final String WEBJAR = "camunda-webapp-webjar";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Values without words to translate: moment.js date patterns and the joiners between two numbers or dates. */
  static final Set<String> NOT_WORDS = Set.of("dateLocales.calendar.sameElse", "dateLocales.longDateFormat.L",
      "dateLocales.longDateFormat.LL", "dateLocales.longDateFormat.LLL", "dateLocales.longDateFormat.LLLL",
      "dateLocales.longDateFormat.LT", "labels.PLGN_MOD_OUT_OF", "labels.PLGN_MTRCS_TO",
      "labels.EXECUTION_METRICS_ANNUAL_FORMAT",
      "labels.PLGN_BTCH_SET_REMOVAL_TIME_ABSOLUTE_PLACEHOLDER");

  /** Whole values a Japanese screen shows in Latin letters too: product names, OK, ID, JavaScript values. */
  static final Set<String> LATIN_AS_IS = Set.of("Camunda", "Camunda Cockpit", "Optimize", "OK", "ID", "ID*", "null",
      "<null>", "<undefined>", "CSV", "JSON");

  /** The English plural "s" appended after a count: Japanese has no plural, so these stay empty. */
  static final Set<String> EMPTY_IN_JAPANESE = Set.of("labels.PLGN_BATCH_S", "labels.PLGN_MIG_S",
      "labels.PLGN_MOD_DIALOG_S", "labels.PLGN_MOD_RESTART_DIALOG_S");

  /** angular-translate placeholders ({{ name }}), Cockpit's {} counts and the %d / %s of moment's relative times. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|\\{}|%[ds]");
  /**
   * HTML in a value (links, emphasis, line breaks, escaped angle brackets) that must survive translation; literal
   * text in angle brackets such as {@code <null>} or {@code <Operation>} is text, not markup.
   */
  static final Pattern MARKUP = Pattern.compile("</?(?:a|b|i|em|strong|br|p|span|code)\\b[^>]*>|&\\w+;");
  static final Pattern LETTERS = Pattern.compile("[A-Za-z]");
  static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void japaneseHasEveryStringOfTheShippedEnglishAndNoOther(String app) throws IOException {
    Map<String, JsonNode> english = leaves(shipped(app + "/locales/en.json"));
    Map<String, JsonNode> japanese = leaves(kyodo(app + "/locales/ja.json"));

    assertThat(english).as("the shipped en.json").hasSizeGreaterThan(100);
    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(japanese.keySet());
    Set<String> unknown = new TreeSet<>(japanese.keySet());
    unknown.removeAll(english.keySet());
    assertThat(missing).as("in en.json but not in ja.json").isEmpty();
    assertThat(unknown).as("in ja.json but no longer in en.json").isEmpty();
    english.forEach((key, value) ->
        assertThat(japanese.get(key).getNodeType()).as(key).isEqualTo(value.getNodeType()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void placeholdersAndMarkupSurviveTheTranslation(String app) throws IOException {
    assertThat(problemsOf(leaves(shipped(app + "/locales/en.json")), leaves(kyodo(app + "/locales/ja.json"))))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void everyStringWithWordsIsJapanese(String app) throws IOException {
    assertThat(untranslated(leaves(shipped(app + "/locales/en.json")), leaves(kyodo(app + "/locales/ja.json"))))
        .isEmpty();
  }

  /** The checks above, fed a broken translation: each breakage is reported. */
  @Test
  void theChecksCatchAnUntranslatedOrBrokenString() throws IOException {
    Map<String, JsonNode> english = leaves(shipped("cockpit/locales/en.json"));
    Map<String, JsonNode> japanese = leaves(kyodo("cockpit/locales/ja.json"));
    assertThat(problemsOf(english, japanese)).isEmpty();
    assertThat(untranslated(english, japanese)).isEmpty();

    Map<String, JsonNode> broken = new LinkedHashMap<>(japanese);
    broken.put("labels.PLGN_HIST_DELETE_VARIABLE_ERROR_MSG",
        JSON.getNodeFactory().textNode("変数を削除できませんでした"));
    broken.put("labels.PLGN_MOD_ASYNC_INSTANCE_NOTIFICATION_SUCCESS", JSON.getNodeFactory().textNode(
        "バッチを作成しました。進み具合はバッチの画面で確認できます。"));
    broken.put("labels.PAGES_PROCESS_INSTANCES_OTHER_SELECT", JSON.getNodeFactory().textNode("件を選択中"));
    broken.put("labels.DASHBOARD_RUNNING_PROCESS_INSTANCE", english.get("labels.DASHBOARD_RUNNING_PROCESS_INSTANCE"));
    broken.put("labels.PLGN_BATCH_LABEL", JSON.getNodeFactory().textNode(""));
    assertThat(problemsOf(english, broken)).containsExactlyInAnyOrder(
        "labels.PLGN_HIST_DELETE_VARIABLE_ERROR_MSG: placeholders [{{name}}] became []",
        "labels.PLGN_MOD_ASYNC_INSTANCE_NOTIFICATION_SUCCESS: placeholders [{{batchId}}] became []",
        "labels.PLGN_MOD_ASYNC_INSTANCE_NOTIFICATION_SUCCESS: markup"
            + " [</a>, <ahref=\"#/batch?details={{batchId}}&type=runtime\">] became []",
        "labels.PAGES_PROCESS_INSTANCES_OTHER_SELECT: placeholders [{}] became []");
    assertThat(untranslated(english, broken)).containsExactlyInAnyOrder(
        "labels.DASHBOARD_RUNNING_PROCESS_INSTANCE is not Japanese: Running Process Instances",
        "labels.PLGN_BATCH_LABEL is empty");
  }

  @Test
  void theDateNamesAreMomentsJapaneseOnes() throws IOException {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      JsonNode dates = kyodo(app + "/locales/ja.json").path("dateLocales");
      assertThat(dates.path("months").get(0).asText()).as(app).isEqualTo("1月");
      assertThat(dates.path("weekdays").get(0).asText()).as(app).isEqualTo("日曜日");
      assertThat(dates.path("longDateFormat").path("LL").asText()).as(app).isEqualTo("YYYY年M月D日");
      assertThat(dates.path("relativeTime").path("past").asText()).as(app).isEqualTo("%s前");
    }
  }

  /** Spring Boot serves /camunda/app/** from the first match on the classpath: Kyodo's files must be it. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist/scripts/config.js", "tasklist/locales/ja.json", "welcome/scripts/config.js",
      "welcome/locales/ja.json", "cockpit/scripts/config.js", "cockpit/locales/ja.json", "admin/scripts/config.js",
      "admin/locales/ja.json", "tasklist/styles/user-styles.css", "cockpit/styles/user-styles.css",
      "admin/styles/user-styles.css", "welcome/styles/user-styles.css"})
  void kyodosFilesComeFirstOnTheClasspath(String file) {
    URL first = getClass().getClassLoader().getResource(APP + file);
    assertThat(first).isNotNull();
    assertThat(first.toString()).doesNotContain(WEBJAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void theConfigIsTheShippedOneWithOnlyTheLocalesChanged(String app) throws IOException {
    String shipped = text(shippedUrl(app + "/scripts/config.js"));
    String ours = text(getClass().getClassLoader().getResource(APP + app + "/scripts/config.js"));
    // The commented-out example each app ships ("locales" or 'locales', indented its own way).
    Matcher example = Pattern.compile("  // ['\"]locales['\"]: \\{\n(?:  //.*\n){2}  // ? ?},\n").matcher(shipped);
    assertThat(example.find()).as("the shipped config.js's locales example").isTrue();
    assertThat(example.group()).containsAnyOf("['en', 'de']", "[\"en\", \"de\"]");

    Matcher change = Pattern.compile("  // Kyodo:.*?\n  locales: \\{\n.*?\n  },\n", Pattern.DOTALL).matcher(ours);
    assertThat(change.find()).as("Kyodo's locales block").isTrue();
    assertThat(change.group()).contains("availableLocales: ['en', 'ja'],").doesNotContain("'de'");
    assertThat(ours.substring(0, change.start()) + ours.substring(change.end()))
        .isEqualTo(shipped.substring(0, example.start()) + shipped.substring(example.end()));
  }

  @Test
  void aJapaneseBrowserNeedsNoEnglishFallbackAndEveryoneElseGetsEnglish() throws IOException {
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      assertThat(text(getClass().getClassLoader().getResource(APP + app + "/scripts/config.js"))).as(app)
          .contains("fallbackLocale: ((navigator.languages || [])[0] || navigator.language || '')"
              + ".split('-')[0].toLowerCase() === 'ja'\n      ? 'ja' : 'en'");
    }
    assertThat(text(getClass().getClassLoader().getResource(APP + "welcome/scripts/config.js")))
        .contains("fallbackLocale: 'en'");
  }

  // --- the Camunda 8 migration banner

  /**
   * Camunda's header shows the banner as {@code <div ng-if="isCommunityEdition" class="ce-eol-banner">}, with no
   * config.js option to turn it off; Kyodo hides that class in each app's user-styles.css, which index.html loads
   * after Camunda's own stylesheet. An upgrade that renames the class, or stops loading user-styles.css, fails here.
   */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrationBannerIsHiddenByTheAppsOwnStylesheetHook(String app) throws IOException {
    String bundle = text(shippedUrl(app + "/camunda-" + app + "-bootstrap.js"));
    assertThat(bundle).as("the header template of " + app)
        .contains("<div ng-if=\"isCommunityEdition\" class=\"ce-eol-banner\"");
    assertThat(text(shippedUrl(app + "/index.html")))
        .contains("href=\"$APP_ROOT/app/" + app + "/styles/user-styles.css");
    // What Kyodo's file replaces is only Camunda's commented-out example.
    assertThat(text(shippedUrl(app + "/styles/user-styles.css")).strip()).startsWith("/*").endsWith("*/")
        .containsOnlyOnce("*/");

    String ours = text(getClass().getClassLoader().getResource(APP + app + "/styles/user-styles.css"));
    assertThat(hidesTheBanner(ours)).as(app + "/styles/user-styles.css").isTrue();
  }

  @Test
  void theBannerCheckFailsForAStylesheetThatDoesNotHideIt() {
    assertThat(hidesTheBanner("[cam-widget-header] .ce-eol-banner {\n  display: none !important;\n}\n")).isTrue();
    assertThat(hidesTheBanner("/* [cam-widget-header] .ce-eol-banner { display: none !important; } */")).isFalse();
    assertThat(hidesTheBanner("[cam-widget-header] .ce-eol-banner {\n  color: white;\n}\n")).isFalse();
    assertThat(hidesTheBanner("[cam-widget-header] .ce-eol-banner {\n  display: none;\n}\n"))
        .as("without !important Camunda's own rule could win").isFalse();
  }

  /** A rule outside comments, for the banner's class, that sets display: none !important. */
  public static boolean hidesTheBanner(String css) {
    String rules = css.replaceAll("(?s)/\\*.*?\\*/", "");
    Matcher rule = Pattern.compile("([^{}]*)\\{([^}]*)}").matcher(rules);
    while (rule.find()) {
      if (rule.group(1).contains(".ce-eol-banner")
          && rule.group(2).replaceAll("\\s", "").contains("display:none!important")) {
        return true;
      }
    }
    return false;
  }

  // --- the checks

  /** Placeholders and markup of each English string that the Japanese one lost, changed or added. */
  static List<String> problemsOf(Map<String, JsonNode> english, Map<String, JsonNode> japanese) {
    List<String> problems = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!value.isTextual() || !japanese.containsKey(key)) {
        return;
      }
      String en = value.asText();
      String ja = japanese.get(key).asText();
      if (!matches(PLACEHOLDER, en).equals(matches(PLACEHOLDER, ja))) {
        problems.add(key + ": placeholders " + matches(PLACEHOLDER, en) + " became " + matches(PLACEHOLDER, ja));
      }
      if (!matches(MARKUP, en).equals(matches(MARKUP, ja))) {
        problems.add(key + ": markup " + matches(MARKUP, en) + " became " + matches(MARKUP, ja));
      }
    });
    return problems;
  }

  /** Strings left empty or left in English (words, not just placeholders, markup or a listed Latin term). */
  static List<String> untranslated(Map<String, JsonNode> english, Map<String, JsonNode> japanese) {
    List<String> problems = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!value.isTextual() || !japanese.containsKey(key)) {
        return;
      }
      String ja = japanese.get(key).asText();
      if (EMPTY_IN_JAPANESE.contains(key)) {
        if (!ja.isEmpty()) {
          problems.add(key + " should stay empty: " + ja);
        }
        return;
      }
      if (!value.asText().isBlank() && ja.isBlank()) {
        problems.add(key + " is empty");
        return;
      }
      boolean words = LETTERS.matcher(MARKUP.matcher(PLACEHOLDER.matcher(value.asText()).replaceAll(""))
          .replaceAll("")).find();
      if (words && !NOT_WORDS.contains(key) && !LATIN_AS_IS.contains(ja.strip()) && !JAPANESE.matcher(ja).find()) {
        problems.add(key + " is not Japanese: " + ja);
      }
    });
    return problems;
  }

  // --- reading the files

  /** The file as Camunda ships it, even when Kyodo's own copy comes first on the classpath. */
  static URL shippedUrl(String file) throws IOException {
    for (URL url : Collections.list(WebappsJapaneseTest.class.getClassLoader().getResources(APP + file))) {
      if (url.toString().contains(WEBJAR)) {
        return url;
      }
    }
    throw new IllegalStateException(file + " is not in " + WEBJAR);
  }

  static JsonNode shipped(String file) throws IOException {
    return JSON.readTree(text(shippedUrl(file)));
  }

  /** Kyodo's own file in src/main/resources, never the webjar's. */
  static JsonNode kyodo(String file) throws IOException {
    for (URL url : Collections.list(WebappsJapaneseTest.class.getClassLoader().getResources(APP + file))) {
      if (!url.toString().contains(WEBJAR)) {
        return JSON.readTree(text(url));
      }
    }
    throw new IllegalStateException("Kyodo has no " + file);
  }

  /** UTF-8 without the byte order mark Camunda's locale files start with. */
  static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  /** Every value by its path: labels.CLAIM_TASK, dateLocales.months[0], ... */
  static Map<String, JsonNode> leaves(JsonNode node) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect("", node, leaves);
    return leaves;
  }

  private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** The occurrences, sorted, with blanks inside placeholders ignored ({{ name }} = {{name}}). */
  static List<String> matches(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replaceAll("\\s", ""));
    }
    Collections.sort(found);
    return found;
  }
}
