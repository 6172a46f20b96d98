package jp.kyodo.mail;

import jp.kyodo.forms.Labeled;

/**
 * What a notice is about. Each person chooses per kind: immediate, daily digest or off ({@link #configurable}); the
 * account's own mails (confirming an address, setting a password, an invitation) always go out at once.
 */
public enum NoticeKind implements Labeled {
  TASK_ASSIGNED("作業が割り当てられた・グループに届いた", true),
  TASK_DUE_SOON("作業の期限が近い（3日前）", true),
  TASK_OVERDUE("作業の期限を過ぎた", true),
  REPORT_LATE("報告が遅れている（督促・課長への連絡）", true),
  APPLICATION_RESULT("応募の結果", true),
  REGISTRATION_RESULT("団体登録の結果", true),
  CALL_OPENED("登録した分野の公募が始まった", true),
  AGREEMENT_TO_CONFIRM("協定書の確認", true),
  EVALUATION_TO_CONFIRM("評価の確認", true),
  ACCOUNT("アカウント（メールアドレスの確認・パスワードの設定・招待）", false);

  private final String label;
  private final boolean configurable;

  NoticeKind(String label, boolean configurable) {
    this.label = label;
    this.configurable = configurable;
  }

  @Override
  public String label() {
    return label;
  }

  /** False for the account's own mails: nobody can turn off the link that lets them in. */
  public boolean configurable() {
    return configurable;
  }
}
