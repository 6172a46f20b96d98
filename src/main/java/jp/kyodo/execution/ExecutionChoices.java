package jp.kyodo.execution;

import jp.kyodo.forms.Labeled;

/** The closed lists of ④ 事業の実施. */
public final class ExecutionChoices {

  private ExecutionChoices() {}

  public enum ReviewDecision implements Labeled {
    ACCEPT("確認した（受理する）"),
    MORE("追加の報告を求める");

    private final String label;

    ReviewDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** How serious an issue is: serious ones go to a manager (旭川 Q76). */
  public enum Severity implements Labeled {
    MINOR("通常（担当課と団体で対応できる）"),
    SERIOUS("重大（安全・個人情報・費用・事業の継続に関わる）");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * The manager's decision on a serious issue, the partner heard (旭川 Q76). SUSPEND stops the term's timers and
   * payments (on an issue that suspended the execution already: it stays suspended while that side works on it);
   * RESUME is for the issue that suspended it; TERMINATE ends the execution with a settlement.
   */
  public enum IssueDecision implements Labeled {
    ACCEPT("対応を了承し、事業を続ける"),
    REDO("担当課に対応のやり直しを求める"),
    SUSPEND("事業を一時停止する（停止中なら停止を続ける）"),
    RESUME("事業を再開する（この課題で一時停止したとき）"),
    TERMINATE("事業を中止し、精算に進む");

    private final String label;

    IssueDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the partner would have the manager decide on a serious issue: its view is heard first (旭川 Q76). */
  public enum PartnerWish implements Labeled {
    CONTINUE("事業を続けたい"),
    SUSPEND("一時停止して立て直したい"),
    TERMINATE("中止もやむを得ない");

    private final String label;

    PartnerWish(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The partner's answer to the settlement of a terminated execution. */
  public enum SettlementConfirmation implements Labeled {
    AGREE("この精算案に同意する"),
    OBJECT("同意しない（精算案の作り直しを求める）");

    private final String label;

    SettlementConfirmation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The manager's 決裁 of the termination and its settlement (money is paid or repaid). */
  public enum SettlementApproval implements Labeled {
    APPROVE("中止と精算を決裁する"),
    RETURN("差し戻す（精算案の作り直しを求める）");

    private final String label;

    SettlementApproval(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** How the execution ended, handed to ⑤ 事業の評価 ({@code executionOutcome}). */
  public enum ExecutionOutcome implements Labeled {
    COMPLETED("完了（実施報告の検査に合格）"),
    TERMINATED("中止（精算済み）");

    private final String label;

    ExecutionOutcome(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum PlanChangeAnswer implements Labeled {
    AGREE("修正に同意する（修正が効力を持つ）"),
    DECLINE("同意しない（修正しない）");

    private final String label;

    PlanChangeAnswer(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The manager's 決裁 of an agreed plan change that changes money (budget or payment). */
  public enum PlanChangeApproval implements Labeled {
    APPROVE("決裁する（修正が効力を持つ）"),
    REJECT("決裁しない（修正しない）");

    private final String label;

    PlanChangeApproval(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum HandoverConfirmation implements Labeled {
    CONFIRM("同席して引継ぎの内容を確認した"),
    DISPUTE("引継ぎをやり直してほしい");

    private final String label;

    HandoverConfirmation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum MidtermProgress implements Labeled {
    ON_TRACK("計画どおり"),
    DELAYED("遅れがあるが、期間内に取り戻せる"),
    AT_RISK("成果目標の達成が危ぶまれる");

    private final String label;

    MidtermProgress(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum GoalResult implements Labeled {
    ACHIEVED("達成した"),
    PARTLY("一部達成した"),
    NOT_ACHIEVED("達成できなかった");

    private final String label;

    GoalResult(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  public enum InspectionResult implements Labeled {
    PASS("検査に合格（実施報告を受理する）"),
    CORRECT("修正を求める（団体に差し戻す）");

    private final String label;

    InspectionResult(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Which side raised or proposed something. */
  public enum Side implements Labeled {
    PARTNER("団体"),
    DEPARTMENT("担当課");

    private final String label;

    Side(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
