package jp.kyodo.registry;

import static jp.kyodo.registry.RegistrationProcess.*;

import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.forms.FormSpec;

/** Server-side rules of the registration forms, field by field as in {@code forms/registration-*.form}. */
public final class RegistrationForms {

  private RegistrationForms() {}

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  static final Pattern PHONE = Pattern.compile("^[0-9][0-9-]{5,30}$");

  public static final FormSpec APPLICATION = FormSpec.form(FormIds.APPLICATION)
      .text(ORGANISATION_NAME, "団体名", 200).required()
      .choice(ORGANISATION_TYPE, "団体の種類", OrganisationType.class).required()
      .text(REPRESENTATIVE, "代表者名", 100).required()
      .text(CONTACT_EMAIL, "連絡先メールアドレス", 254).required()
      .validIf((scope, value) -> EMAIL.matcher((String) value).matches(),
          "「連絡先メールアドレス」は name@example.jp の形で入力してください。")
      .text(CONTACT_PHONE, "連絡先電話番号", 32)
      .validIf((scope, value) -> PHONE.matcher((String) value).matches(),
          "「連絡先電話番号」は半角数字とハイフンで入力してください。")
      .text(ADDRESS, "所在地", 300)
      .choices(ACTIVITY_FIELDS, "活動分野", ActivityField.class).required()
      .textArea(ACTIVITY_RECORD, "活動実績", 4000).required()
      .textArea(FINANCIAL_STATE, "財務の状況", 4000).required()
      .build();

  public static final FormSpec REVIEW = FormSpec.form(FormIds.REVIEW)
      .display(ORGANISATION_NAME.name())
      .display(ORGANISATION_TYPE.name())
      .display(REPRESENTATIVE.name())
      .display(CONTACT_EMAIL.name())
      .display(CONTACT_PHONE.name())
      .display(ADDRESS.name())
      .display(ACTIVITY_FIELDS.name())
      .display(ACTIVITY_RECORD.name())
      .display(FINANCIAL_STATE.name())
      .choice(DECISION, "審査の結果", Decision.class).required()
      .textArea(REASON, "理由", 2000).required()
      .build();

  public static final List<FormSpec> ALL = List.of(APPLICATION, REVIEW);
}
