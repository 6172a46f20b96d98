package jp.kyodo.improvement;

import jp.kyodo.variables.Var;

/**
 * 関市「協働事業の評価シート」(資料2) 事業改善 1–5. They ask whether the future issues, the improvements and the
 * continuation were talked through and written up — which happens in ⑥'s dialogue with the partner (関市 V-6), not in
 * ⑤ 事業の評価 before it — so the department answers them in the dialogue form, the partner confirms them with the
 * rest of the record, and they are kept with the improvement decision. Answers are those of the sheet's other stages
 * ({@code EvaluationChoices.Answer}: はい／一部／いいえ, a reason for 一部・いいえ); the variables keep the names they
 * had in ⑤ ({@code improve1}, {@code improve1Comment}).
 */
public enum ImprovementCheckItem {
  IMPROVE_1(1, "今後の課題を話し合いましたか"),
  IMPROVE_2(2, "今後の改善策をまとめ報告書等を作成しましたか"),
  IMPROVE_3(3, "今後の事業継続を話し合いましたか"),
  IMPROVE_4(4, "事業の効果は当初予定したものでしたか"),
  IMPROVE_5(5, "協働のパートナーと行政の双方にメリットがありましたか");

  static final String STAGE = "事業改善";

  private final int number;
  private final String question;
  private final Var<String> answer;
  private final Var<String> comment;

  ImprovementCheckItem(int number, String question) {
    this.number = number;
    this.question = question;
    this.answer = Var.string("improve" + number);
    this.comment = Var.string("improve" + number + "Comment");
  }

  /** 「事業改善 1 今後の課題を話し合いましたか」, as the forms label it. */
  public String label() {
    return STAGE + " " + number + " " + question;
  }

  public String question() {
    return question;
  }

  public Var<String> answer() {
    return answer;
  }

  public Var<String> comment() {
    return comment;
  }

  /** The stored item code, e.g. {@code improve1}. */
  public String code() {
    return answer.name();
  }
}
