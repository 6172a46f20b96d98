package jp.kyodo.evaluation;

import jp.kyodo.variables.Var;

/**
 * The items of 関市「協働事業の評価シート」(資料2) answered in ⑤ 事業の評価: its first three stages, 20 items. Both
 * sides answer the same items (東久留米 III-7, 小金井 3(3)); each item's answer, its comment and the two sides' views
 * for the joint review are variables named after the item ({@code plan1}, {@code plan1Comment}, {@code plan1Views}).
 * The fourth stage, 事業改善, asks whether the improvement was talked through and written up; at ⑤ it has not
 * happened yet, so it is answered in ⑥'s dialogue with the partner ({@code jp.kyodo.improvement.ImprovementCheckItem}).
 */
public enum EvaluationItem {
  PLAN_1(Stage.PLAN, 1, "事業の目的は明確ですか"),
  PLAN_2(Stage.PLAN, 2, "協働による成果目標（事業を実施することによりどのような状態にするのか）は明確ですか"),
  PLAN_3(Stage.PLAN, 3, "なぜ協働をするのか意義が明確でしたか"),
  PLAN_4(Stage.PLAN, 4, "協働の形態を（委託、補助、実行委員会、共催など）検討しましたか"),
  PLAN_5(Stage.PLAN, 5, "協働をする団体を選定する方法は公平かつ透明でしたか、また、選定過程を公開できますか"),
  PLAN_6(Stage.PLAN, 6, "市民活動団体と課題を共有できましたか"),
  PLAN_7(Stage.PLAN, 7, "事業計画、収支をともに作成しましたか"),
  PLAN_8(Stage.PLAN, 8, "役割分担は行いましたか"),
  PLAN_9(Stage.PLAN, 9, "協働する期間を決定しましたか"),
  EXEC_1(Stage.EXECUTION, 1, "進捗状況や事業に関する情報を共有しましたか"),
  EXEC_2(Stage.EXECUTION, 2, "事業の課題発生時の連絡、対処方法が明確でしたか"),
  EXEC_3(Stage.EXECUTION, 3, "企画の修正について協議できる体制でしたか"),
  EXEC_4(Stage.EXECUTION, 4, "定期的に事業内容を報告できる体制を整えましたか"),
  EXEC_5(Stage.EXECUTION, 5, "協働パートナーの主体性を確保しましたか（単なる下請け、任せっぱなしになっていませんか）"),
  EXEC_6(Stage.EXECUTION, 6, "市民に事業内容を広く発信しましたか"),
  RESULT_1(Stage.RESULTS, 1, "事業の成果目標は互いに話し合い決めましたか"),
  RESULT_2(Stage.RESULTS, 2, "成果目標を公開できますか"),
  RESULT_3(Stage.RESULTS, 3, "成果を確認できる報告書等がありますか"),
  RESULT_4(Stage.RESULTS, 4, "事業成果の所属は明確にしてありますか"),
  RESULT_5(Stage.RESULTS, 5, "モニタリング調査、市民の意見を聞きましたか");

  /** The stages of the sheet answered in ⑤. */
  public enum Stage {
    PLAN("plan", "計画段階"),
    EXECUTION("exec", "実施段階"),
    RESULTS("result", "成果把握");

    private final String prefix;
    private final String label;

    Stage(String prefix, String label) {
      this.prefix = prefix;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Stage stage;
  private final int number;
  private final String question;
  private final Var<String> answer;
  private final Var<String> comment;
  private final Var<String> views;

  EvaluationItem(Stage stage, int number, String question) {
    this.stage = stage;
    this.number = number;
    this.question = question;
    String name = stage.prefix + number;
    this.answer = Var.string(name);
    this.comment = Var.string(name + "Comment");
    this.views = Var.string(name + "Views");
  }

  /** 「計画段階 1 事業の目的は明確ですか」: how forms and messages name the item. */
  public String label() {
    return stage.label + " " + number + " " + question;
  }

  /** 「計画段階 1」. */
  public String shortLabel() {
    return stage.label + " " + number;
  }

  /** The answer: a self-evaluation's on its task, the agreed one on the process after the joint review. */
  public Var<String> answer() {
    return answer;
  }

  public Var<String> comment() {
    return comment;
  }

  /** Both sides' answers and comments, shown in the joint review where they differ or were commented. */
  public Var<String> views() {
    return views;
  }

  /** The stored item code, e.g. {@code plan1}. */
  public String code() {
    return answer.name();
  }
}
