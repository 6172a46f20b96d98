package jp.kyodo.registry;

import jp.kyodo.forms.Labeled;

/** Where an organisation stands in the registry; only REGISTERED ones may apply to a call. */
public enum RegistrationStatus implements Labeled {
  APPLIED("登録申請中"),
  REGISTERED("登録済み"),
  REFUSED("登録不可"),
  SUSPENDED("登録停止");

  private final String label;

  RegistrationStatus(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
