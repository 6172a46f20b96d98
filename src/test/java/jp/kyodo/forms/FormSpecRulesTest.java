package jp.kyodo.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of every form field, driven once: for each field of each {@link FormSpec}, each kind of
 * bad value its rule exists for is refused with a message that names the field.
 */
class FormSpecRulesTest {

  record BadValue(String form, FieldSpec field, String what, Object value, String message) {
    @Override
    public String toString() {
      return form + "." + field.name() + " " + what;
    }
  }

  static Stream<Arguments> badValues() {
    List<BadValue> cases = new ArrayList<>();
    for (FormSpec spec : jp.kyodo.support.FormsOnDisk.specs().values()) {
      for (FieldSpec field : spec.fields().values()) {
        String label = "「" + field.label() + "」";
        String form = spec.formId();
        if (field.required()) {
          cases.add(new BadValue(form, field, "missing", null, label + "を入力してください。"));
        }
        switch (field.kind()) {
          case TEXT -> {
            cases.add(new BadValue(form, field, "too long", "あ".repeat(field.maxLength() + 1),
                label + "は" + field.maxLength() + "文字以内"));
            cases.add(new BadValue(form, field, "not text", 42, label + "は文字で入力してください。"));
            cases.add(new BadValue(form, field, "control character", "a\u0007b", label + "に使えない制御文字"));
            if (field.required()) {
              cases.add(new BadValue(form, field, "blank", "   ", label + "を入力してください。"));
            }
          }
          case NUMBER -> {
            String range = label + "は" + field.min() + "以上" + field.max() + "以下";
            cases.add(new BadValue(form, field, "below range", field.min() - 1, range));
            cases.add(new BadValue(form, field, "above range", field.max() + 1, range));
            cases.add(new BadValue(form, field, "full-width digits", "１２", label + "は半角数字の数値"));
            cases.add(new BadValue(form, field, "fraction", field.min() + 0.5, label + "は整数"));
          }
          case DATE -> {
            cases.add(new BadValue(form, field, "not a date", "2026/04/01", label + "は日付"));
            cases.add(new BadValue(form, field, "no such day", "2026-02-30", label + "は日付"));
            cases.add(new BadValue(form, field, "not text", 20260401, label + "は日付"));
          }
          case BOOLEAN -> cases.add(new BadValue(form, field, "not a boolean", "true", label + "は、はい／いいえ"));
          case CHOICE -> cases.add(new BadValue(form, field, "unknown option", "NO_SUCH", label + "に「NO_SUCH」という選択肢はありません"));
          case CHOICES -> {
            cases.add(new BadValue(form, field, "unknown option", org.camunda.spin.Spin.JSON("[\"NO_SUCH\"]"),
                label + "に「NO_SUCH」という選択肢はありません"));
            cases.add(new BadValue(form, field, "not a list", "LOCAL_NEEDS", label + "は選択肢の一覧"));
          }
          case DISPLAY -> { }
        }
      }
    }
    return cases.stream().map(Arguments::of);
  }

  static VariableScope scope(Map<String, Object> variables) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(scope).setVariable(anyString(), any());
    return scope;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void isRefusedWithAMessageNamingTheField(BadValue bad) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(bad.field().name(), bad.value());
    Map<String, Object> before = new HashMap<>(variables);

    InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
        () -> jp.kyodo.support.FormsOnDisk.spec(bad.form()).validateAndNormalize(scope(variables)));

    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems()).anyMatch(p -> p.contains(bad.message()));
    assertThat(variables).as("nothing written back").isEqualTo(before);
  }
}
