package jp.kyodo.lifecycle;

import jp.kyodo.forms.Labeled;

/** The closed lists of a fiscal year: codes stored in variables, labels shown in forms and the project's record. */
public final class FiscalYearChoices {

  private FiscalYearChoices() {}

  /** How a year starts (the year process routes on the code). */
  public enum YearMode implements Labeled {
    FIRST("最初の年度（事業の検討で承認された）"),
    CONTINUE("同じ団体と続ける年度（予算要求から。旭川 Q31 年度ごとに協定）"),
    RECALL("公募をやり直す年度（② パートナーの選定から）");

    private final String label;

    YearMode(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the city's budget granted (予算の査定, 旭川 Q50). */
  public enum BudgetDecision implements Labeled {
    APPROVED("要求どおり認められた"),
    CUT("減額して認められた"),
    REFUSED("認められなかった");

    private final String label;

    BudgetDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The department's plan for next year, taken while this year's work runs (旭川 Q52). */
  public enum NextYearPlan implements Labeled {
    CONTINUE("来年度も同じ団体と続ける（今から予算要求と協定の準備を始める）"),
    RECALL("来年度は公募をやり直す（今から公募・選定を始める）"),
    NONE("今は決めない（⑥ 事業の改善で決める）");

    private final String label;

    NextYearPlan(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** How a year ended, as the lifecycle routes on it: ⑥'s decision, or why no work was done that year. */
  public enum YearOutcome implements Labeled {
    CONTINUE("同じ団体と続ける（⑥）"),
    RECALL("公募をやり直す（⑥）"),
    REVISE("事業を見直す（⑥）"),
    HANDOVER("団体の自立した事業に引き継ぐ（⑥）"),
    END("協働事業を終了する（⑥）"),
    WITHOUT_COLLABORATION("協働によらず市が実施する（②）"),
    DROPPED("事業を取りやめる（②）"),
    NO_BUDGET("予算が認められなかった");

    private final String label;

    YearOutcome(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
