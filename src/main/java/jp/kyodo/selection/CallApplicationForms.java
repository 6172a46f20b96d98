package jp.kyodo.selection;

import static jp.kyodo.selection.CallApplicationProcess.*;

import java.util.List;
import jp.kyodo.forms.FormSpec;

/** Server-side rules of the forms of 公募への応募, field by field as in {@code forms/call-application*.form}. */
public final class CallApplicationForms {

  private CallApplicationForms() {}

  public static final FormSpec APPLICATION = FormSpec.form(FormIds.APPLICATION)
      .text(CALL_NUMBER, "公募番号", 32).required()
      .text(PROPOSAL_TITLE, "提案する事業の名称", 100).required()
      .textArea(PROPOSAL, "提案の内容（実施方法・体制・スケジュール）", 4000).required()
      .textArea(BUDGET_PLAN, "収支の計画（概算）", 2000).required()
      .bool(AIMS_CONFIRMED, "政治活動・宗教活動を目的とせず、公序良俗に反しない団体であることを確認しました").required()
      .validIf((scope, value) -> Boolean.TRUE.equals(value),
          "応募できるのは、政治活動・宗教活動を目的とせず公序良俗に反しない団体です。確認欄にチェックしてください。")
      .build();

  public static final FormSpec RESULT = FormSpec.form(FormIds.RESULT)
      .display(CALL_NUMBER.name())
      .display(CALL_TITLE.name())
      .display(PROPOSAL_TITLE.name())
      .display(RESULT_LABEL.name())
      .display(RESULT_DETAILS.name())
      .display(RESULT_REASON.name())
      .build();

  public static final List<FormSpec> ALL = List.of(APPLICATION, RESULT);
}
