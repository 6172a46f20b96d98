package jp.kyodo.registry;

import jp.kyodo.forms.Labeled;

/** Kinds of partner (関市 指針 協働の担い手, 小金井 市民活動団体等の例, 旭川 Q13 個人). */
public enum OrganisationType implements Labeled {
  NPO_CORPORATION("NPO法人"),
  NEIGHBOURHOOD_ASSOCIATION("自治会・町内会"),
  VOLUNTEER_GROUP("ボランティア団体・市民活動団体"),
  COMPANY("企業"),
  PUBLIC_INTEREST_CORPORATION("公益法人（社団・財団・社会福祉法人など）"),
  EXECUTIVE_COMMITTEE("実行委員会"),
  EDUCATION_RESEARCH("教育・研究機関"),
  INDIVIDUAL("個人"),
  OTHER("その他");

  private final String label;

  OrganisationType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
