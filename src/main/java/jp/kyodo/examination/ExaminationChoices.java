package jp.kyodo.examination;

import jp.kyodo.forms.Labeled;

/** The closed lists of ① 事業の検討: codes stored in variables, labels shown in forms. */
public final class ExaminationChoices {

  private ExaminationChoices() {}

  /** The two ways in (関市 IV-3(2)). */
  public enum ProposalType implements Labeled {
    CITIZEN("事業提案（市民・団体から）"),
    ISSUE("課題提案（担当課から）");

    private final String label;

    ProposalType(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** Who carries the activity: the axis of 関市 図1 協働の領域. */
  public enum Leadership implements Labeled {
    CITIZEN_ALONE("市民が単独で自主的に行う"),
    CITIZEN_LED("市民が主体となり、市が支援する"),
    EQUAL("市民と市が対等に協力して行う"),
    CITY_LED("市が主体となり、市民の協力を得て行う"),
    CITY_ALONE("市が単独で、その責任と主体性により行う");

    private final String label;

    Leadership(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What makes a project suited to collaboration (関市 指針「協働に適した事業は？」①–⑥). */
  public enum CollaborationMerit implements Labeled {
    LOCAL_NEEDS("多様な市民ニーズに応える地域密着型の事業"),
    FINE_GRAINED("きめ細かで柔軟なサービスが求められる事業"),
    MOBILITY_EXPERTISE("団体の機動力や専門的な知識が活用できる事業"),
    PIONEERING("社会的課題に対応する先駆的な事業"),
    CONNECTING_PEOPLE("多くの人と人がつながることで可能となる事業"),
    LATENT_ISSUES("潜在的な課題を浮かび上げて解決する事業");

    private final String label;

    CollaborationMerit(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * Forms of collaboration (東久留米 II-7, 関市 II-7, 旭川 Q51). The list is not closed: 小金井 第2章(4) names the
   * traditional forms and says the city does not limit itself to them, so {@link #OTHER} is chosen with a
   * description of the form ({@code otherFormDescription}), carried along the lifecycle beside the code.
   */
  public enum CollaborationForm implements Labeled {
    SUBSIDY("補助・助成"),
    SPONSORSHIP("後援"),
    CO_HOSTING("共催"),
    EXECUTIVE_COMMITTEE("実行委員会"),
    JOINT_PROJECT("共同事業"),
    COMMISSION("事業委託"),
    COOPERATION("事業協力"),
    FACILITY_PROVISION("公共施設等の提供"),
    FACILITY_MANAGEMENT("公の施設の管理運営（指定管理）"),
    STAFF_EXCHANGE("人的交流"),
    POLICY_PROPOSAL("政策提言"),
    OTHER("その他（上記以外の形態）");

    private final String label;

    CollaborationForm(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }

    /**
     * How a form of collaboration reads wherever it is shown (Tasklist, the public page, the 協定書): its label, and
     * for {@link #OTHER} what the form is, 「その他（…）」. A description left over from an earlier choice of
     * OTHER is not shown with another form. Null for no form yet.
     */
    public static String describe(String code, String otherDescription) {
      if (code == null) {
        return null;
      }
      CollaborationForm form = valueOf(code);
      if (form == OTHER && otherDescription != null && !otherDescription.isBlank()) {
        return "その他（" + otherDescription.strip() + "）";
      }
      return form.label();
    }

    /** The description worth keeping with a form: only OTHER's. */
    public static String descriptionOf(String code, String otherDescription) {
      return OTHER.name().equals(code) ? otherDescription : null;
    }
  }

  /** Who wrote the specification of a commission (旭川 Q20). */
  public enum SpecAuthor implements Labeled {
    CITY_ALONE("市が単独で作成する"),
    TOGETHER("団体のアイデアやノウハウを取り入れて市と団体で作成する"),
    PARTNER_PROPOSAL("団体の提案内容をもとに作成する");

    private final String label;

    SpecAuthor(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The yearly calendar (旭川 Q52). */
  public enum CalendarPattern implements Labeled {
    NEXT_YEAR("翌年度実施型（事業内容を決めてから予算要求）"),
    CURRENT_YEAR("当年度実施型（予算の枠を先に確保し、その範囲で実施）");

    private final String label;

    CalendarPattern(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** The coordinator's decision. */
  public enum ReviewDecision implements Labeled {
    PROCEED("協働事業として進める"),
    REVISE("提案者に差し戻して修正を求める"),
    REJECT("不採択とする");

    private final String label;

    ReviewDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * The office's answer when the department's examination ends a proposal as not collaboration (対象外・領域外・業務委託・
   * 市単独): an end is confirmed with a written reason, never silently (東久留米 II-4(5) 情報公開の原則: 説明責任), or the
   * department examines it again.
   */
  public enum EndingDecision implements Labeled {
    CONFIRM("この結果で検討を終える（提案者に結果と理由を伝える）"),
    REEXAMINE("担当課に再検討を求める");

    private final String label;

    EndingDecision(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /**
   * The proposer's answer to a confirmed end: revise the proposal and submit it again (関市 IV-3(2) 事業提案制度), where
   * the result allows it ({@link ExaminationOutcome#revisable()}), or accept the end.
   */
  public enum EndingResponse implements Labeled {
    REVISE("提案を修正して出し直す"),
    ACCEPT("この結果を了承する");

    private final String label;

    EndingResponse(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }
}
