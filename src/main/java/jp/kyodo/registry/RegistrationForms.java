package jp.kyodo.registry;

import static jp.kyodo.registry.RegistrationProcess.*;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.forms.FormRules;

/** Server-side rules of the registration forms, field by field as in {@code forms/registration-*.form}. */
public final class RegistrationForms {

  private RegistrationForms() {}

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  static final Pattern PHONE = Pattern.compile("^[0-9][0-9-]{5,30}$");

  public static final FormRules APPLICATION = FormRules.forForm(FormIds.APPLICATION)
      .check(CONTACT_EMAIL, (scope, value) -> EMAIL.matcher((String) value).matches(),
          "「連絡先メールアドレス」は name@example.jp の形で入力してください。")
      .check(CONTACT_PHONE, (scope, value) -> PHONE.matcher((String) value).matches(), "「連絡先電話番号」は半角数字とハイフンで入力してください。")
      .build();

  public static final FormRules REVIEW = FormRules.forForm(FormIds.REVIEW)
      .build();

  public static final List<FormRules> ALL = List.of(APPLICATION, REVIEW);
}
