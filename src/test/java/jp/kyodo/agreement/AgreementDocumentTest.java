package jp.kyodo.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The 協定書 read back from the PDF: Japanese text, the font embedded, long text over pages, odd characters. */
public class AgreementDocumentTest {

  /** A commission agreement of 子育て支援課 with みどり町内会 (number given), for tests that need a stored one. */
  public static Agreement agreement(String number, String purpose, List<Agreement.Role> roles) {
    return agreement(number, purpose, roles, "COMMISSION", null);
  }

  static Agreement agreement(String number, String purpose, List<Agreement.Role> roles, String form,
      String otherFormDescription) {
    return new Agreement(number, 2026, "2026-001", "子育てひろばの運営", "dept-kosodate", "子育て支援課", "org-midori",
        "みどり町内会", form, otherFormDescription, 500_000L, "suzuki", "yamamoto", purpose, "3年後に自主運営へ移行する",
        List.of(new Agreement.Goal("G1", "ひろばの開催", "週2回・延べ80回", LocalDate.parse("2027-03-31"))), roles,
        List.of(new Agreement.BudgetLine("保育士の謝礼", 450_000, "CITY_PAYMENT"), new Agreement.BudgetLine("会場費", 50_000, "CITY_DIRECT")),
        0, 0, 0, new Agreement.PaymentPlan("COMMISSION_FEE", "AFTER_COMPLETION", 450_000, 0, 450_000, "委託料は事業の完了後、検査を経て支払います（旭川 Q51）。",
            null, List.of(new Agreement.Instalment(1, "AFTER_COMPLETION", LocalDate.parse("2027-03-31"), 450_000))),
        LocalDate.parse("2026-04-01"), LocalDate.parse("2027-03-31"), "MONTHLY",
        new Agreement.Clauses("個人情報は適正に管理する。", "利益は乙の収入とする。", "成果は双方が公表できる。", "トラブル時は双方で協議する。"),
        List.of(), Agreement.APPROVED, "sato", Instant.parse("2026-03-20T01:00:00Z"), null, "pi",
        "保育士2名で週2回ひろばを開き、月1回の講座を開く。", null);
  }

  static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void everyPartOfTheAgreementIsInTheDocumentInJapanese() throws Exception {
    byte[] pdf = new AgreementDocument().render(agreement("2026-fukushi-007", "子どもと保護者の居場所をつくる",
        List.of(new Agreement.Role("ひろばの運営", "PARTNER"), new Agreement.Role("会場の提供", "CITY"))));
    String text = text(pdf);
    assertThat(text).contains("協働事業に関する協定書", "協定番号 2026-fukushi-007", "事業番号 2026-001", "子育て支援課", "みどり町内会",
        "子どもと保護者の居場所をつくる", "G1", "ひろばの開催", "週2回・延べ80回", "2027年3月31日", "3年後に自主運営へ移行する",
        "2026年度の中間目標", "事業委託", "ひろばの運営", "団体", "会場の提供", "保育士の謝礼", "450,000円", "委託料", "全額を事業完了・検査の後に支払う",
        "毎月", "個人情報は適正に管理する", "利益は乙の収入とする", "成果は双方が公表できる", "トラブル時は双方で協議する", "主担当 suzuki",
        "副担当 yamamoto", "乙の同席のもと", "決裁: sato（2026年3月20日）", "事業の内容と進め方", "保育士2名で週2回ひろばを開き",
        "第1回　2027年3月31日以後　事業完了・検査の後の支払　450,000円");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.isEmbedded()).as("the font travels with the document").isTrue();
      assertThat(document.getDocumentInformation().getTitle()).isEqualTo("協定書 2026-fukushi-007");
    }
  }

  /** 小金井 第2章(4): a form outside the list is agreed as what it is, not as a bare 「その他」. */
  @Test
  void anOtherFormOfCollaborationIsWrittenAsWhatItIs() throws Exception {
    String text = text(new AgreementDocument().render(agreement("2026-fukushi-008", "居場所をつくる",
        List.of(new Agreement.Role("運営", "BOTH")), "OTHER", "商店街の空き店舗を団体が借り、市が広報と相談員の派遣を担う")));
    assertThat(text.replace("\n", "").replace("\r", ""))
        .contains("その他（商店街の空き店舗を団体が借り、市が広報と相談員の派遣を担う）");
  }

  @Test
  void longTextRunsOverPagesAndCharactersWithoutAGlyphDoNotStopIt() throws Exception {
    String longPurpose = "地域の子育て家庭を支える。".repeat(400) + "最後の文。";
    byte[] pdf = new AgreementDocument().render(agreement("2026-fukushi-007", longPurpose + "\u0007😀\tタブ",
        List.of(new Agreement.Role("運営", "BOTH"))));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(2);
    }
    String text = text(pdf).replace("\n", "").replace("\r", "");
    assertThat(text).contains("最後の文。〓〓 タブ", "市と団体が共同で");
  }
}
