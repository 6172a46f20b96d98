package jp.kyodo.improvement;

import jp.kyodo.forms.Labeled;

/** The closed lists of ⑥ 事業の改善: codes stored in variables, labels shown in forms. */
public final class ImprovementChoices {

  private ImprovementChoices() {}

  /** What happens next fiscal year (docs/domain.md ⑥; the lifecycle routes on the code). */
  public enum Decision implements Labeled {
    CONTINUE("来年度も同じ団体と協働を続ける（③ 協定・契約へ）"),
    RECALL("公募をやり直して協働パートナーを選び直す（② パートナーの選定へ）"),
    REVISE("事業を見直し、事業の検討からやり直す（① 事業の検討へ）"),
    HANDOVER("団体が自立して行う事業として引き継ぐ（旭川市 Q17）"),
    END("協働事業を終了する");

    private final String label;

    Decision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Why a collaboration ends (関市 ルール5 時限性; 旭川 Q70). */
  public enum EndReason implements Labeled {
    PURPOSE_ACHIEVED("目的を達成した（関市 ルール5 期限の明確化）"),
    NOT_RIGHT_MEANS("協働が課題解決に適した手法ではなかった（旭川市 Q70）");

    private final String label;

    EndReason(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the partner would like for the coming years (旭川 Q17: independence is case by case). */
  public enum PartnerWish implements Labeled {
    CONTINUE("市との協働を続けたい"),
    INDEPENDENT("団体だけで自立して続けたい"),
    END("終了してよい"),
    UNDECIDED("まだ決めていない");

    private final String label;

    PartnerWish(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
