package jp.kyodo.project;

import jp.kyodo.forms.Labeled;

/**
 * A manager's answer when a department would go on with a partner that has held its collaboration for the city's
 * limit of years in a row (千葉 ②). The guideline asks to take care that partners do not become fixed (「固定化しない
 * ように留意しましょう」); it does not forbid it, so the rule's answer — choose the partner again by a public call — may
 * be set aside by a manager with a written reason, kept as a decision and in the registry ({@link FixationExceptions}).
 */
public enum FixationException implements Labeled {
  EXCEPTION_ALLOWED("例外として、同じ団体との協働を続けることを認める"),
  EXCEPTION_REFUSED("例外とせず、公募で協働パートナーを選び直す");

  private final String label;

  FixationException(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** How the decision reads in the project's record. */
  public String decisionLabel() {
    return "パートナーの固定化（千葉 ②）: " + label;
  }
}
