package jp.kyodo.documents;

import jp.kyodo.forms.Labeled;

/** What a document is, as the clerk chooses it when attaching it. */
public enum DocumentKind implements Labeled {
  RECEIPT("領収書"),
  /** 収支決算書: what the money was spent on, against the agreed plan (旭川 Q19). */
  STATEMENT("収支決算書"),
  PHOTO("写真"),
  SIGNED_AGREEMENT("署名・押印済みの協定書"),
  EVALUATION_SHEET("評価シート"),
  OTHER("その他");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
