package jp.kyodo.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Fills a Camunda Form (form-js 1.8, as Tasklist 7.24 renders it) the way a person does: each field is found by the
 * label the form's schema gives it, and set with the control form-js draws for its type — text, number and text
 * areas typed in, check boxes and radio buttons clicked, the custom dropdown of a select opened and the option
 * picked by its label, the check boxes of a checklist, and the flatpickr date field typed in the browser's date
 * format and confirmed with Enter. Options come from the schema or, for {@code valuesKey}, from the process
 * variable the form reads them from. Fields are filled in the schema's order, so a field that a previous answer
 * reveals (conditional hide) is there when its turn comes. Public for the benchmark's browser probe.
 */
public final class CamundaForm {

  public static final ObjectMapper JSON = new ObjectMapper();

  /** An option of a select, radio group or checklist: what the form submits and what a person reads. */
  public record Option(String value, String label) {}

  /** Finds the innermost form-js field whose elements carry ids derived from the component id. */
  private static final String FIND_FIELD = """
      const root = arguments[0], id = arguments[1];
      const escaped = id.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
      const re = new RegExp('^fjs-form-.*-' + escaped + '(-\\\\d+|-date|-time|-display)?$');
      const fields = [...root.querySelectorAll('.fjs-form-field:not(.fjs-form-field-group)')];
      const field = fields.find(f => [...f.querySelectorAll('[id]')].some(e => re.test(e.id)));
      if (!field) { return null; }
      const label = field.querySelector('label.fjs-form-field-label');
      return { field: field, label: label ? label.innerText : '', classes: field.className,
          input: field.querySelector('input'), textarea: field.querySelector('textarea'),
          checkbox: field.querySelector("input[type='checkbox']") };
      """;

  /** Puts the cursor into the field with its text selected, as Ctrl+A does: what is typed next replaces it. */
  private static final String FOCUS_AND_SELECT = """
      arguments[0].scrollIntoView({block: 'center'});
      arguments[0].focus();
      arguments[0].select();
      """;

  /** Leaves the field, as a person moves on, and reads what it holds then. */
  private static final String LEAVE = """
      arguments[0].blur();
      return arguments[0].value;
      """;

  /**
   * The options of a radio group or checklist as a person sees them: each label's text, its input and whether it is
   * checked, read in one call to the driver instead of three per option (⑤'s sheets have 20–25 radio groups).
   */
  private static final String OPTIONS = """
      return [...arguments[0].querySelectorAll('label.fjs-form-field-label[for]')].map(l => {
        const input = l.querySelector('input');
        return { label: l.innerText.trim(), input: input, checked: !!(input && input.checked) };
      });
      """;

  /** The item of an opened select's dropdown list with that text. */
  private static final String DROPDOWN_ITEM = """
      return [...arguments[0].querySelectorAll('.fjs-dropdownlist-item')]
          .find(o => o.innerText.trim() === arguments[1]) || null;
      """;

  /** A date as the form's date picker expects it typed: form-js derives its format from the browser's locale. */
  private static final String FORMAT_DATE = """
      const [y, m, d] = arguments;
      const parts = new Intl.DateTimeFormat('default').formatToParts(new Date(Date.UTC(2020, 5, 5)));
      return parts.map(p => p.type === 'year' ? String(y).padStart(p.value.length, '0').slice(-p.value.length)
          : p.type === 'month' ? String(m).padStart(p.value.length, '0')
          : p.type === 'day' ? String(d).padStart(p.value.length, '0') : p.value).join('');
      """;

  private final WebDriver driver;
  private final WebElement root;
  private final JsonNode schema;
  private final Function<String, List<Option>> dynamicOptions;
  private final WebDriverWait wait;

  /**
   * @param root the rendered form ({@code .fjs-container})
   * @param schema the form's JSON, as deployed
   * @param dynamicOptions the options a {@code valuesKey} names, as the form reads them from the process
   */
  public CamundaForm(WebDriver driver, WebElement root, JsonNode schema, Function<String, List<Option>> dynamicOptions) {
    this.driver = driver;
    this.root = root;
    this.schema = schema;
    this.dynamicOptions = dynamicOptions;
    this.wait = Chromium.waitOn(driver);
  }

  String id() {
    return schema.path("id").asText();
  }

  /** Every keyed component in the order a person reads the form (groups opened). */
  public List<JsonNode> keyedComponents() {
    List<JsonNode> out = new ArrayList<>();
    collect(schema.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        out.add(component);
      }
      collect(component.path("components"), out);
    }
  }

  /** Enters the values; fails when a key is not a field of the form, or a field cannot be found or set. */
  public void fill(Map<String, Object> values) {
    Set<String> remaining = new LinkedHashSet<>(values.keySet());
    for (JsonNode component : keyedComponents()) {
      String key = component.path("key").asText();
      if (!remaining.remove(key)) {
        continue;
      }
      Shown field = shown(component);
      String where = "form " + id() + ", field 「" + component.path("label").asText() + "」 (" + key + ")";
      assertThat(field.classes()).as(where + " is read-only or disabled").doesNotContain("fjs-readonly", "fjs-disabled");
      set(field, component, values.get(key), where);
    }
    assertThat(remaining).as("keys that are no field of the form " + id()).isEmpty();
  }

  /** A rendered field: its element, its classes and its controls, read in one call to the driver. */
  private record Shown(WebElement element, String classes, WebElement input, WebElement textarea, WebElement checkbox) {}

  /** The rendered field of that component, found by its label once it is shown. */
  private Shown shown(JsonNode component) {
    String id = component.path("id").asText();
    String label = component.path("label").asText();
    @SuppressWarnings("unchecked")
    Map<String, Object> found = wait.withMessage("form " + id() + ": the field 「" + label + "」 ("
        + component.path("key").asText() + ") is not shown").until(d -> (Map<String, Object>) js().executeScript(FIND_FIELD,
        root, id));
    String shown = ((String) found.get("label")).replace("*", "").trim();
    assertThat(shown).as("form " + id() + ": the label of " + component.path("key").asText()).isEqualTo(label);
    return new Shown((WebElement) found.get("field"), (String) found.get("classes"), (WebElement) found.get("input"),
        (WebElement) found.get("textarea"), (WebElement) found.get("checkbox"));
  }

  private void set(Shown shown, JsonNode component, Object value, String where) {
    WebElement field = shown.element();
    switch (component.path("type").asText()) {
      case "textfield", "number" -> type(shown.input(), text(value), where + " (its input)");
      case "textarea" -> type(shown.textarea(), text(value), where + " (its text area)");
      case "checkbox" -> {
        WebElement box = shown.checkbox();
        assertThat(box).as(where + ": its check box").isNotNull();
        if (box.isSelected() != Boolean.TRUE.equals(value)) {
          click(box);
        }
        assertThat(box.isSelected()).as(where).isEqualTo(Boolean.TRUE.equals(value));
      }
      case "radio" -> {
        String label = label(component, text(value), where);
        click(optionInput(field, label, where));
        assertThat(checkedLabels(field)).as(where).containsExactly(label);
      }
      case "checklist" -> {
        Set<String> wanted = new TreeSet<>();
        for (String item : list(value)) {
          wanted.add(label(component, item, where));
        }
        for (Map<String, Object> option : shownOptions(field)) {
          if (Boolean.TRUE.equals(option.get("checked")) != wanted.contains((String) option.get("label"))) {
            click((WebElement) option.get("input"));
          }
        }
        assertThat(new TreeSet<>(checkedLabels(field))).as(where).isEqualTo(wanted);
      }
      case "select" -> select(field, component, text(value), where);
      case "datetime" -> date(field, LocalDate.parse(text(value)), where);
      default -> throw new AssertionError(where + ": no way to enter a " + component.path("type").asText());
    }
  }

  /**
   * Types the text and leaves the field, as a person moves on. form-js passes typed text to the form only after a
   * pause (300 ms) or when the field loses focus, and a re-render of the form in between puts the field back to the
   * form's value; leaving the field at once hands the text over. Should a re-render still have cut into the typing,
   * the text is typed again.
   *
   * <p>The text arrives as a clerk's Japanese input method hands it over: the whole phrase in one input event
   * ({@code Input.insertText}, what the browser does when a conversion is confirmed), not one key event per character.
   * Character by character, the driver's round trips for the long texts of ③ and ⑤ took most of the test's time.
   */
  private void type(WebElement input, String value, String where) {
    assertThat(input).as(where).isNotNull();
    String held = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      js().executeScript(FOCUS_AND_SELECT, input);
      if (value.isEmpty()) {
        input.sendKeys(Keys.BACK_SPACE);
      } else {
        ((HasCdp) driver).executeCdpCommand("Input.insertText", Map.of("text", value));
      }
      held = (String) js().executeScript(LEAVE, input);
      if (value.equals(held)) {
        return;
      }
    }
    assertThat(held).as(where).isEqualTo(value);
  }

  private void select(WebElement field, JsonNode component, String value, String where) {
    String label = label(component, value, where);
    assertThat(component.path("searchable").asBoolean(false)).as(where + ": a searchable select (none of Kyodo's forms has one)")
        .isFalse();
    click(field.findElement(By.cssSelector(".fjs-input-group")));
    WebElement option = wait.withMessage(where + ": the option 「" + label + "」 is not in the list").until(d ->
        (WebElement) js().executeScript(DROPDOWN_ITEM, field, label));
    option.click();
    wait.withMessage(where + ": 「" + label + "」 was not chosen").until(d -> label.equals(
        field.findElement(By.cssSelector(".fjs-select-display")).getText().trim()));
  }

  private void date(WebElement field, LocalDate day, String where) {
    String typed = (String) js().executeScript(FORMAT_DATE, day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    WebElement input = field.findElement(By.cssSelector("input.flatpickr-input, input.fjs-input"));
    scrollTo(input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(typed, Keys.ENTER);
    assertThat(input.getAttribute("value")).as(where + " (typed " + typed + ")").isEqualTo(typed);
  }

  private WebElement optionInput(WebElement field, String label, String where) {
    return shownOptions(field).stream().filter(o -> label.equals(o.get("label"))).map(o -> (WebElement) o.get("input"))
        .findFirst().orElseThrow(() -> new AssertionError(where + ": no option 「" + label + "」"));
  }

  private List<String> checkedLabels(WebElement field) {
    return shownOptions(field).stream().filter(o -> Boolean.TRUE.equals(o.get("checked"))).map(o -> (String) o.get("label"))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> shownOptions(WebElement field) {
    return (List<Map<String, Object>>) js().executeScript(OPTIONS, field);
  }

  /** The label a person sees for that value. */
  private String label(JsonNode component, String value, String where) {
    List<Option> options = options(component);
    return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst()
        .orElseThrow(() -> new AssertionError(where + ": 「" + value + "」 is not one of " + options));
  }

  List<Option> options(JsonNode component) {
    if (component.hasNonNull("valuesKey")) {
      return dynamicOptions.apply(component.path("valuesKey").asText());
    }
    List<Option> options = new ArrayList<>();
    component.path("values").forEach(o -> options.add(new Option(o.path("value").asText(), o.path("label").asText())));
    return options;
  }

  private void click(WebElement element) {
    scrollTo(element);
    element.click();
  }

  /** Into the middle of the view, clear of Tasklist's header and footer. */
  private void scrollTo(WebElement element) {
    js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  // --- values as the scenarios give them

  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value instanceof TypedValue typed ? typed.getValue() : value);
  }

  static List<String> list(Object value) {
    if (value instanceof JsonValue json) {
      return strings(json.getValueSerialized());
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return strings(String.valueOf(value));
  }

  private static List<String> strings(String json) {
    try {
      List<String> out = new ArrayList<>();
      JSON.readTree(json).forEach(n -> out.add(n.asText()));
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON list: " + json, e);
    }
  }

  /** Options kept in a variable as a JSON list of {label, value}. */
  public static List<Option> optionsOf(Object variable) {
    String json = variable instanceof JsonValue value ? value.getValueSerialized() : String.valueOf(variable);
    List<Option> options = new ArrayList<>();
    try {
      JSON.readTree(json).forEach(o -> options.add(new Option(o.path("value").asText(), o.path("label").asText())));
    } catch (IOException e) {
      throw new IllegalArgumentException("options are not JSON: " + json, e);
    }
    return options;
  }

  /**
   * The differences between what Tasklist sent ({@code {"variables": {name: {value, type}}}}) and the values the
   * engine tests submit: numbers compared as numbers, lists as sets.
   */
  public static Map<String, String> differences(String requestBody, Map<String, Object> expected) {
    JsonNode variables;
    try {
      variables = JSON.readTree(requestBody).path("variables");
    } catch (IOException e) {
      throw new AssertionError("Tasklist sent no JSON: " + requestBody, e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    expected.forEach((name, value) -> {
      JsonNode sent = variables.path(name);
      if (sent.isMissingNode()) {
        out.put(name, "not sent");
        return;
      }
      if (!same(sent, value)) {
        out.put(name, "sent " + sent + ", expected " + text(value));
      }
    });
    return out;
  }

  private static boolean same(JsonNode sent, Object expected) {
    JsonNode value = sent.path("value");
    if (expected instanceof JsonValue || expected instanceof Collection<?>) {
      List<String> got = "Json".equals(sent.path("type").asText()) || value.isTextual() ? strings(value.asText())
          : strings(value.toString());
      return new TreeSet<>(got).equals(new TreeSet<>(list(expected)));
    }
    if (expected instanceof Number number) {
      return value.isNumber() && value.decimalValue().compareTo(new BigDecimal(text(number))) == 0;
    }
    if (expected instanceof Boolean flag) {
      return value.isBoolean() && value.booleanValue() == flag;
    }
    return value.isTextual() && value.asText().equals(text(expected));
  }
}
