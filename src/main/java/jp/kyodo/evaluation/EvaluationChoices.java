package jp.kyodo.evaluation;

import jp.kyodo.forms.Labeled;
import jp.kyodo.variables.Var;

/** The closed lists of ⑤ 事業の評価: codes stored in variables, labels shown in forms. */
public final class EvaluationChoices {

  private EvaluationChoices() {}

  /** The answer to an item of the evaluation sheet (関市 資料2): yes, partly, no. */
  public enum Answer implements Labeled {
    YES("はい", 2),
    PARTLY("一部", 1),
    NO("いいえ", 0);

    private final String label;
    private final int points;

    Answer(String label, int points) {
      this.label = label;
      this.points = points;
    }

    @Override
    public String label() {
      return label;
    }

    /** Two for yes, one for partly: the sheet score counts a partly as half a yes. */
    public int points() {
      return points;
    }

    public static String labelOf(String code) {
      return valueOf(code).label;
    }
  }

  /** Whether a goal of the agreement was reached (小金井 ④ measurable goals). */
  public enum GoalResult implements Labeled {
    YES("達成した"),
    PARTLY("一部達成した"),
    NO("達成できなかった");

    private final String label;

    GoalResult(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The goals taken together: every goal reached, some, or none. */
  public enum GoalAchievement implements Labeled {
    ALL("すべての成果目標を達成"),
    PARTLY("一部の成果目標が未達成"),
    NONE("成果目標を達成できなかった");

    private final String label;

    GoalAchievement(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The partner's answer to the joint review's record. */
  public enum Confirmation implements Labeled {
    AGREE("この内容で合意する"),
    REQUEST_CHANGES("修正を求める");

    private final String label;

    Confirmation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The grade the DMN {@code evaluation-grade} gives; its labels are the table's. */
  public enum Grade implements Labeled {
    A("A 目標を達成し、費用対効果・満足度も計画どおり以上"),
    B("B 目標を達成（さらに高める余地あり）"),
    C("C 一部の目標が未達成"),
    D("D 目標が未達成");

    private final String label;

    Grade(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the DMN {@code evaluation-grade} recommends for ⑥ 事業の改善; its labels are the table's. */
  public enum Recommendation implements Labeled {
    CONTINUE_OR_HANDOVER("継続して効果を高めるか、団体の自立（市の関わりを薄める）を検討する（旭川 Q17）"),
    REVIEW_COST("費用に見合う効果かを検証し、費用と効果の関係を見直す（旭川 Q64）"),
    RAISE_EFFECT("さらに効果を高める手法を話し合う（東久留米 III-7）"),
    IMPROVE("未達成の原因と改善策を話し合い、短期的な目標も定めて改善する（東久留米 III-7、旭川 Q70）"),
    RECONSIDER_MEANS("協働以外の手法も含めて、課題解決の方法を見直す（旭川 Q70）");

    private final String label;

    Recommendation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The viewpoints of a beneficiary or third-party evaluation (旭川 Q69). */
  public enum ThirdPartyViewpoint {
    COST_EFFECT("tpCostEffect", "経費に見合う効果があがったか"),
    QUALITY("tpQuality", "協働することでより質の高いサービスを提供できたか"),
    EFFICIENCY("tpEfficiency", "効率的であったか"),
    SATISFACTION("tpSatisfaction", "市民の満足度は向上したか");

    private final Var<String> answer;
    private final Var<String> comment;
    private final String question;

    ThirdPartyViewpoint(String name, String question) {
      this.answer = Var.string(name);
      this.comment = Var.string(name + "Comment");
      this.question = question;
    }

    public Var<String> answer() {
      return answer;
    }

    public Var<String> comment() {
      return comment;
    }

    public String question() {
      return question;
    }

    public String code() {
      return answer.name();
    }
  }
}
