package jp.kyodo.selection;

import static jp.kyodo.selection.CallApplicationProcess.*;

import java.util.List;
import jp.kyodo.forms.FormRules;

/** Server-side rules of the forms of 公募への応募, field by field as in {@code forms/call-application*.form}. */
public final class CallApplicationForms {

  private CallApplicationForms() {}

  public static final FormRules APPLICATION = FormRules.forForm(FormIds.APPLICATION)
      .check(AIMS_CONFIRMED, (scope, value) -> Boolean.TRUE.equals(value),
          "応募できるのは、政治活動・宗教活動を目的とせず公序良俗に反しない団体です。確認欄にチェックしてください。")
      .build();

  public static final FormRules RESULT = FormRules.forForm(FormIds.RESULT)
      .build();

  public static final List<FormRules> ALL = List.of(APPLICATION, RESULT);
}
