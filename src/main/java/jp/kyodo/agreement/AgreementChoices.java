package jp.kyodo.agreement;

import java.time.Period;
import jp.kyodo.forms.Labeled;

/** The closed lists of ③ 協定・契約: codes stored in variables and tables, labels shown in forms and the document. */
public final class AgreementChoices {

  private AgreementChoices() {}

  /** Who carries a task of the project (役割分担, 旭川 Q48). */
  public enum RoleParty implements Labeled {
    CITY("市"),
    PARTNER("団体"),
    BOTH("市と団体が共同で");

    private final String label;

    RoleParty(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Who bears a budget line (費用負担, 旭川 Q48, Q49). */
  public enum Bearer implements Labeled {
    CITY_DIRECT("市が直接支出する"),
    CITY_PAYMENT("団体が支出する（市からの支払で賄う）"),
    PARTNER("団体が負担する（自己資金・事業収入など）");

    private final String label;

    Bearer(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What the city pays the partner (支出科目, 旭川 Q49, Q51). */
  public enum PaymentType implements Labeled {
    BURDEN_CHARGE("負担金（協定に基づく）"),
    COMMISSION_FEE("委託料"),
    SUBSIDY("補助金"),
    NONE("支払なし（市の経費は市が直接支出する）");

    private final String label;

    PaymentType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * When the city pays (旭川 Q51, 関市 V-3③). 旭川 Q51 pays a commission 「原則として事業完了後」, and 関市 V-3③ asks for
   * contracts that keep a weak-financed partner going — 「月払いの委託契約、補助金の一括前払い」: so a commission may also be
   * paid month by month or stage by stage, each time after the work is checked. Which timing fits which payment is the
   * table {@code payment-terms}'s to say.
   */
  public enum PaymentTiming implements Labeled {
    ADVANCE("全額を前払いする（事業の開始時）"),
    PARTIAL_ADVANCE("一部を前払いし、残額を事業完了・検査の後に支払う"),
    AFTER_COMPLETION("全額を事業完了・検査の後に支払う"),
    MONTHLY("毎月、その月の履行を確認した後に支払う（月払い）"),
    STAGED("事業の段階（進捗報告の時期）ごとに、その段階の検査の後に支払う（部分払い）");

    private final String label;

    PaymentTiming(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Whether the grant decision (交付決定) allows a subsidy to be paid partly in advance (概算払い, 関市 V-3③). */
  public enum GrantAdvance implements Labeled {
    YES("交付決定で一部の前払い（概算払い）が認められている"),
    NO("認められていない");

    private final String label;

    GrantAdvance(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** One payment of the schedule and what it waits for: ④ pays it once its moment has come. */
  public enum InstalmentKind implements Labeled {
    ADVANCE("事業の開始時の前払い"),
    MONTHLY("その月の履行を確認した後の支払（月払い）"),
    STAGE("その段階の検査の後の支払（部分払い）"),
    AFTER_COMPLETION("事業完了・検査の後の支払");

    private final String label;

    InstalmentKind(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** How often the partner reports progress (事業の実施 評価シート 実施段階 4). */
  public enum ReportRhythm implements Labeled {
    MONTHLY("毎月", Period.ofMonths(1)),
    BIMONTHLY("2か月ごと", Period.ofMonths(2)),
    QUARTERLY("四半期（3か月）ごと", Period.ofMonths(3));

    private final String label;
    private final Period period;

    ReportRhythm(String label, Period period) {
      this.label = label;
      this.period = period;
    }

    @Override
    public String label() {
      return label;
    }

    public Period period() {
      return period;
    }
  }

  /**
   * The partner's answer to a draft. It does not only agree or ask: it writes its own version of the terms (旭川 Q51
   * 「協議・調整しながら決定」; the partner is an equal, 東久留米 II-4 対等), or declines to sign at all — collaboration rests on
   * the partner's own will (東久留米 II-4 自主性), and a declined year goes back to the selection. The department answers
   * with {@link Confirmation}.
   */
  public enum PartnerAnswer implements Labeled {
    AGREE("この内容で合意する"),
    PROPOSE_CHANGES("修正案を出す（事業の内容・役割分担・経費などを団体が書き換えて提案する）"),
    DECLINE("協定を結ばない（辞退する）");

    private final String label;

    PartnerAnswer(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The department's answer to the partner's proposal. */
  public enum ProposalAnswer implements Labeled {
    ACCEPT("修正案を受け入れる（この内容で担当課の確認に進む）"),
    ANSWER("受け入れずに回答する（担当課の案に戻して協定書案の作成へ。回答は団体に伝わります）");

    private final String label;

    ProposalAnswer(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The department's answer to a draft (and, in diagrams deployed before the partner's proposal, the partner's). */
  public enum Confirmation implements Labeled {
    AGREE("この内容で合意する"),
    REQUEST_CHANGES("修正を求める（協定書案の作成に戻す）");

    private final String label;

    Confirmation(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The manager's decision (決裁). */
  public enum Approval implements Labeled {
    APPROVE("決裁する"),
    RETURN("差し戻す（協定書案の作成に戻す）");

    private final String label;

    Approval(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
