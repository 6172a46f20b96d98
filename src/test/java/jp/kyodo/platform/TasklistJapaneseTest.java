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
 * Tasklist in Japanese for a Japanese browser: Kyodo's {@code ja.json} measured against the
 * {@code en.json} shipped in the Camunda webjar (so a Camunda upgrade that adds or drops a string fails
 * here), and Kyodo's {@code config.js} measured against the shipped one. The welcome app (profile page,
 * login) is covered the same way because Tasklist's header links to it.
 */
class TasklistJapaneseTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  static final String WEBJAR = "camunda-webapp-webjar";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Values that stay as they are in Japanese: a product name and moment.js date patterns (no words). */
  static final Set<String> NOT_WORDS = Set.of("labels.APP_VENDOR", "dateLocales.calendar.sameElse",
      "dateLocales.longDateFormat.L", "dateLocales.longDateFormat.LL", "dateLocales.longDateFormat.LLL",
      "dateLocales.longDateFormat.LLLL", "dateLocales.longDateFormat.LT");

  /** angular-translate placeholders ({{ name }}) and the %d / %s of moment's relative times. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[ds]");
  /** HTML in a value (links, line breaks, escaped angle brackets) that must survive translation. */
  static final Pattern MARKUP = Pattern.compile("<[^>]*>|&\\w+;");
  static final Pattern LETTERS = Pattern.compile("[A-Za-z]");
  static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
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
  @ValueSource(strings = {"tasklist", "welcome"})
  void placeholdersAndMarkupSurviveTheTranslation(String app) throws IOException {
    Map<String, JsonNode> english = leaves(shipped(app + "/locales/en.json"));
    Map<String, JsonNode> japanese = leaves(kyodo(app + "/locales/ja.json"));
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
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void everyStringWithWordsIsJapanese(String app) throws IOException {
    Map<String, JsonNode> english = leaves(shipped(app + "/locales/en.json"));
    Map<String, JsonNode> japanese = leaves(kyodo(app + "/locales/ja.json"));
    List<String> problems = new ArrayList<>();
    english.forEach((key, value) -> {
      if (!value.isTextual() || !japanese.containsKey(key)) {
        return;
      }
      String ja = japanese.get(key).asText();
      if (!value.asText().isBlank() && ja.isBlank()) {
        problems.add(key + " is empty");
      }
      boolean words = LETTERS.matcher(MARKUP.matcher(PLACEHOLDER.matcher(value.asText()).replaceAll("")).replaceAll("")).find();
      if (words && !NOT_WORDS.contains(key) && !JAPANESE.matcher(ja).find()) {
        problems.add(key + " is not Japanese: " + ja);
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckCatchesAnUntranslatedOrBrokenString() {
    String en = "Inspect \"{{ name }}\" variable";
    assertThat(JAPANESE.matcher(en).find()).isFalse();
    assertThat(matches(PLACEHOLDER, "変数「{{name}}」の内容")).isEqualTo(matches(PLACEHOLDER, en));
    assertThat(matches(PLACEHOLDER, "変数「{{ nam }}」の内容")).isNotEqualTo(matches(PLACEHOLDER, en));
    assertThat(matches(MARKUP, "詳しくは移行ガイドをご覧ください。"))
        .isNotEqualTo(matches(MARKUP, "Please have a look at our <a href=\"x\">migration guide</a>."));
  }

  @Test
  void tasklistUsesTheJapaneseDateNamesOfMoment() throws IOException {
    JsonNode dates = kyodo("tasklist/locales/ja.json").path("dateLocales");
    assertThat(dates.path("months").get(0).asText()).isEqualTo("1月");
    assertThat(dates.path("weekdays").get(0).asText()).isEqualTo("日曜日");
    assertThat(dates.path("longDateFormat").path("LL").asText()).isEqualTo("YYYY年M月D日");
    assertThat(dates.path("relativeTime").path("past").asText()).isEqualTo("%s前");
  }

  /** Spring Boot serves /camunda/app/** from the first match on the classpath: Kyodo's files must be it. */
  @ParameterizedTest
  @ValueSource(strings = {"tasklist/scripts/config.js", "tasklist/locales/ja.json", "welcome/scripts/config.js",
      "welcome/locales/ja.json"})
  void kyodosFilesComeFirstOnTheClasspath(String file) {
    URL first = getClass().getClassLoader().getResource(APP + file);
    assertThat(first).isNotNull();
    assertThat(first.toString()).doesNotContain(WEBJAR);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void theConfigIsTheShippedOneWithOnlyTheLocalesChanged(String app) throws IOException {
    String shipped = text(shippedUrl(app + "/scripts/config.js"));
    String ours = text(getClass().getClassLoader().getResource(APP + app + "/scripts/config.js"));
    String commentedExample = "  // \"locales\": {\n  //    \"availableLocales\": [\"en\", \"de\"],\n"
        + "  //    \"fallbackLocale\": \"en\"\n  //  },\n";
    assertThat(shipped).contains(commentedExample);

    Matcher change = Pattern.compile("  // Kyodo:.*?\n  locales: \\{\n.*?\n  },\n", Pattern.DOTALL).matcher(ours);
    assertThat(change.find()).as("Kyodo's locales block").isTrue();
    assertThat(change.group()).contains("availableLocales: ['en', 'ja'],").doesNotContain("'de'");
    assertThat(ours.substring(0, change.start()) + ours.substring(change.end()))
        .isEqualTo(shipped.replace(commentedExample, ""));
  }

  @Test
  void aJapaneseBrowserNeedsNoEnglishFallbackAndEveryoneElseGetsEnglish() throws IOException {
    String config = text(getClass().getClassLoader().getResource(APP + "tasklist/scripts/config.js"));
    assertThat(config).contains("fallbackLocale: ((navigator.languages || [])[0] || navigator.language || '')"
        + ".split('-')[0].toLowerCase() === 'ja'\n      ? 'ja' : 'en'");
    assertThat(text(getClass().getClassLoader().getResource(APP + "welcome/scripts/config.js")))
        .contains("fallbackLocale: 'en'");
  }

  // --- reading the files

  /** The file as Camunda ships it, even when Kyodo's own copy comes first on the classpath. */
  static URL shippedUrl(String file) throws IOException {
    for (URL url : Collections.list(TasklistJapaneseTest.class.getClassLoader().getResources(APP + file))) {
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
    for (URL url : Collections.list(TasklistJapaneseTest.class.getClassLoader().getResources(APP + file))) {
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
