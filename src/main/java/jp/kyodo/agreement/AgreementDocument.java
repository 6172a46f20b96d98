package jp.kyodo.agreement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kyodo.agreement.AgreementChoices.Bearer;
import jp.kyodo.agreement.AgreementChoices.PaymentTiming;
import jp.kyodo.agreement.AgreementChoices.PaymentType;
import jp.kyodo.agreement.AgreementChoices.ReportRhythm;
import jp.kyodo.agreement.AgreementChoices.RoleParty;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.forms.Labeled;
import jp.kyodo.platform.CityCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The 協定書 as a PDF (A4, Japanese, the font embedded as a subset so it reads the same everywhere):
 * parties, purpose, goals, roles, costs and income/expenditure plan, payment terms, term, reporting,
 * the clauses and the staff on both sides — everything both sides agreed (東久留米 III-4, 関市 V-3).
 */
@Component
public class AgreementDocument {

  static final String FONT = "fonts/NotoSansJP-Regular.ttf";
  static final float MARGIN = 56;
  static final float BODY = 10.5f;
  static final float LEADING = 1.55f;
  /** Shown instead of a character the font lacks (an emoji, say), as Japanese print does (〓, geta). */
  static final String MISSING_GLYPH = "〓";

  private static volatile byte[] fontBytes;

  public String fileName(Agreement agreement) {
    return "kyodo-agreement-" + agreement.number() + ".pdf";
  }

  public byte[] render(Agreement a) {
    return render(a, java.util.List.of());
  }

  /** A change of the agreement agreed during its term (④ 事業の実施), as the amended 協定書 lists it. */
  public record Amendment(int number, LocalDate agreedOn, String summary, String changes) {}

  /**
   * The 協定書 as amended during the term: the agreement's current contents, marked 変更協定 第N号 with the date, and an
   * article listing every amendment (関市 V-4: the plan follows the situation, both sides agreeing).
   */
  public byte[] render(Agreement a, java.util.List<Amendment> amendments) {
    try (PDDocument document = new PDDocument()) {
      PDType0Font font = PDType0Font.load(document, new java.io.ByteArrayInputStream(font()), true);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("協定書 " + a.number());
      info.setSubject(a.title());
      info.setCreator("Kyodo");
      Writer w = new Writer(document, font);
      w.centered("協働事業に関する協定書", 18);
      w.gap(4);
      w.right("協定番号 " + a.number(), BODY);
      if (a.projectNumber() != null) {
        w.right("事業番号 " + a.projectNumber(), BODY);
      }
      if (!amendments.isEmpty()) {
        Amendment last = amendments.get(amendments.size() - 1);
        w.right("変更協定 第" + last.number() + "号（" + date(last.agreedOn()) + " 変更）", BODY);
      }
      w.gap(8);
      w.paragraph("市（担当課: " + a.departmentName() + "。以下「甲」という。）と" + a.partnerName()
          + "（以下「乙」という。）は、次の協働事業を対等な立場で、互いの特性を生かして実施するため、次のとおり協定を締結する。");
      int article = 0;
      w.heading(++article, "事業の名称");
      w.paragraph(a.title());
      w.heading(++article, "目的");
      w.paragraph(a.purpose());
      w.heading(++article, "成果目標");
      for (Agreement.Goal g : a.goals()) {
        w.paragraph(g.id() + "　" + g.description());
        w.indented("指標と目標値: " + g.indicator() + "　／　達成期限: " + date(g.due()));
      }
      if (a.finalGoal() != null) {
        w.paragraph("この事業は複数年度にわたる。最終目標は次のとおりとし、この協定は" + a.fiscalYear()
            + "年度の中間目標を定める（年度ごとに協定を結ぶ）。");
        w.indented(a.finalGoal());
      }
      if (a.workPlan() != null) {
        // The plan both sides agreed (関市 V-3①), grown from the selected proposal (旭川 Q51).
        w.heading(++article, "事業の内容と進め方");
        w.paragraph(a.workPlan());
      }
      w.heading(++article, "協働の形態");
      w.paragraph(CollaborationForm.describe(a.chosenForm(), a.otherFormDescription()));
      w.heading(++article, "役割分担");
      for (Agreement.Role r : a.roles()) {
        w.paragraph("・" + r.task() + "　―　" + label(RoleParty.class, r.party()));
      }
      w.heading(++article, "経費の負担と収支計画");
      if (a.budget().isEmpty()) {
        w.paragraph("この事業に経費はない。");
      }
      for (Agreement.BudgetLine b : a.budget()) {
        w.paragraph("・" + b.item() + "　" + yen(b.amount()) + "　（" + label(Bearer.class, b.bearer()) + "）");
      }
      w.paragraph("経費の合計 " + yen(a.expenditureTotal()) + "（うち甲が直接支出 " + yen(a.borneBy(Bearer.CITY_DIRECT.code()))
          + "、甲からの支払で乙が支出 " + yen(a.borneBy(Bearer.CITY_PAYMENT.code())) + "、乙の負担 "
          + yen(a.borneBy(Bearer.PARTNER.code())) + "）");
      w.paragraph("乙の収入: 自己資金 " + yen(a.incomeOwnFunds()) + "、参加費・利用料などの事業収入 " + yen(a.incomeFees())
          + "、寄付・その他 " + yen(a.incomeOther()));
      w.heading(++article, "支払");
      Agreement.PaymentPlan p = a.payment();
      if (PaymentType.NONE.code().equals(p.type())) {
        w.paragraph("甲から乙への支払はない。甲が負担する経費は甲が直接支出する。");
      } else {
        w.paragraph("甲は乙に" + label(PaymentType.class, p.type()) + "として " + yen(p.amount()) + " を支払う。支払の時期: "
            + label(PaymentTiming.class, p.timing()) + "。");
        // The schedule as agreed, payment by payment: what each waits for and from when (関市 V-3③, 旭川 Q51).
        if (!p.instalments().isEmpty()) {
          w.indented(PaymentSchedule.text(p.instalments()));
        }
        if (p.grantDecisionRef() != null) {
          w.indented("一部の前払いは、交付決定（" + p.grantDecisionRef() + "）で認められたものである。");
        }
      }
      w.indented(p.note());
      w.heading(++article, "期間");
      w.paragraph(date(a.termStart()) + "から" + date(a.termEnd()) + "まで（" + a.fiscalYear() + "年度）");
      w.heading(++article, "進捗報告・実施報告・検査");
      w.paragraph("乙は" + label(ReportRhythm.class, a.reportRhythm()) + "に事業の進捗を甲に報告し、甲はその内容を確認する。乙は期間の終了後に"
          + "実施報告を提出し、甲はこれを検査する。中間の時期に双方で事業の状況を確かめる（中間評価）。");
      w.heading(++article, "守秘義務・個人情報の取扱い");
      w.paragraph(a.clauses().confidentiality());
      w.heading(++article, "剰余金・利益の取扱い");
      w.paragraph(a.clauses().surplus());
      w.heading(++article, "成果の帰属と公表");
      w.paragraph(a.clauses().results());
      w.heading(++article, "事業の失敗・トラブル時の対応");
      w.paragraph(a.clauses().trouble());
      w.heading(++article, "担当者");
      w.paragraph("甲の担当者は主担当 " + a.mainStaff() + "、副担当 " + a.deputyStaff()
          + " とする。甲の担当者が替わるときは、乙の同席のもとで引継ぎを行い、事業の目的と役割分担を共有する。");
      w.heading(++article, "協議");
      w.paragraph("この協定に定めのない事項及び協定の内容を変更する必要が生じたときは、甲乙協議して定める。");
      if (!amendments.isEmpty()) {
        w.heading(++article, "変更の経過");
        w.paragraph("この協定は、甲乙の合意により次のとおり変更した。");
        for (Amendment m : amendments) {
          w.paragraph("変更協定 第" + m.number() + "号（" + date(m.agreedOn()) + "）　" + m.summary());
          w.indented(m.changes());
        }
      }
      w.gap(8);
      w.paragraph("決裁: " + a.approvedBy() + "（" + date(CityCalendar.dayOf(a.approvedAt())) + "）");
      w.gap(14);
      w.paragraph("　　年　　月　　日");
      w.gap(6);
      w.paragraph("甲　市　" + a.departmentName() + "　　　　　　　　　　　　印");
      w.gap(6);
      w.paragraph("乙　" + a.partnerName() + "　代表者　　　　　　　　　　印");
      w.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("協定書 " + a.number() + " を作成できませんでした", e);
    }
  }

  static byte[] font() {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = AgreementDocument.class.getClassLoader().getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IllegalStateException("font " + FONT + " is not on the classpath");
        }
        bytes = in.readAllBytes();
        fontBytes = bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }

  static String date(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  static String yen(long amount) {
    return String.format("%,d円", amount);
  }

  static <E extends Enum<E> & Labeled> String label(Class<E> type, String code) {
    for (E e : type.getEnumConstants()) {
      if (e.code().equals(code)) {
        return e.label();
      }
    }
    return code;
  }

  /** Lays text out top to bottom, wrapping by width (Japanese has no spaces to break at) and adding pages. */
  static final class Writer {
    final PDDocument document;
    final PDType0Font font;
    final Map<Integer, Boolean> printable = new ConcurrentHashMap<>();
    final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    PDPageContentStream stream;
    float y;

    Writer(PDDocument document, PDType0Font font) throws IOException {
      this.document = document;
      this.font = font;
      newPage();
    }

    void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      stream.close();
    }

    void gap(float points) {
      y -= points;
    }

    void heading(int article, String title) throws IOException {
      gap(6);
      line("第" + article + "条（" + title + "）", 0, 12, false, false);
    }

    void paragraph(String text) throws IOException {
      wrap(text, 0, BODY);
    }

    void indented(String text) throws IOException {
      wrap(text, 2 * BODY, BODY);
    }

    void centered(String text, float size) throws IOException {
      line(text, 0, size, true, false);
    }

    void right(String text, float size) throws IOException {
      line(text, 0, size, false, true);
    }

    void wrap(String text, float indent, float size) throws IOException {
      for (String paragraph : clean(text).split("\n", -1)) {
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < paragraph.length(); ) {
          int cp = paragraph.codePointAt(i);
          String ch = new String(Character.toChars(cp));
          if (current.length() > 0 && widthOf(current + ch, size) > width - indent) {
            line(current.toString(), indent, size, false, false);
            current.setLength(0);
          }
          current.append(ch);
          i += Character.charCount(cp);
        }
        line(current.toString(), indent, size, false, false);
      }
    }

    void line(String text, float indent, float size, boolean center, boolean right) throws IOException {
      if (y - size * LEADING < MARGIN) {
        newPage();
      }
      y -= size * LEADING;
      String shown = clean(text);
      float x = MARGIN + indent;
      if (center) {
        x = MARGIN + (width - widthOf(shown, size)) / 2;
      } else if (right) {
        x = MARGIN + width - widthOf(shown, size);
      }
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
      stream.showText(shown);
      stream.endText();
    }

    float widthOf(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs become spaces; a character without a glyph becomes 〓, so no input can stop the document. */
    String clean(String text) {
      StringBuilder out = new StringBuilder();
      text.replace("\r\n", "\n").replace('\t', ' ').codePoints().forEach(cp -> {
        if (cp == '\n' || printable.computeIfAbsent(cp, this::hasGlyph)) {
          out.appendCodePoint(cp);
        } else {
          out.append(MISSING_GLYPH);
        }
      });
      return out.toString();
    }

    boolean hasGlyph(int codePoint) {
      if (Character.isISOControl(codePoint)) {
        return false;
      }
      try {
        font.encode(new String(Character.toChars(codePoint)));
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false;
      }
    }
  }
}
