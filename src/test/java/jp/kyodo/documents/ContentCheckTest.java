package jp.kyodo.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.kyodo.documents.ContentCheck.FileType;
import jp.kyodo.support.Attachments;
import org.junit.jupiter.api.Test;

/** What a file is, read from its bytes; the names kept. (Over HTTP: DocumentRoutesTest.) */
class ContentCheckTest {

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

  static byte[] zip(int entries, String... names) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String name : names) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(name.equals("[Content_Types].xml") && entries < 0
            ? "<Types><Override ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"
                .getBytes(StandardCharsets.UTF_8) : new byte[] {'x'});
        zip.closeEntry();
      }
      for (int i = 0; i < entries; i++) {
        zip.putNextEntry(new ZipEntry("xl/media/p" + i + ".png"));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void theContentDecidesAndMustAgreeWithTheNameAndTheDeclaredType() throws Exception {
    assertThat(ContentCheck.check(Attachments.PDF, "決算.PDF", "application/pdf")).isEqualTo(FileType.PDF);
    assertThat(ContentCheck.check(JPEG, "写真.jpeg", "image/jpg")).isEqualTo(FileType.JPEG);
    assertThat(ContentCheck.check(JPEG, "写真.jpg", null)).isEqualTo(FileType.JPEG);
    assertThat(ContentCheck.check(zip(0, "[Content_Types].xml", "word/document.xml"), "報告.docx",
        "application/octet-stream")).isEqualTo(FileType.DOCX);
    assertThat(ContentCheck.check(zip(0, "[Content_Types].xml", "xl/workbook.xml"), "決算.xlsx", null)).isEqualTo(FileType.XLSX);

    assertThatThrownBy(() -> ContentCheck.check(JPEG, "写真.png", "image/png")).hasMessageContaining("拡張子");
    assertThatThrownBy(() -> ContentCheck.check(Attachments.PDF, "決算.pdf", "text/html")).hasMessageContaining("種類");
    assertThatThrownBy(() -> ContentCheck.check(Attachments.PDF, "決算", null)).hasMessageContaining("拡張子（なし）");
    assertThatThrownBy(() -> ContentCheck.check("\u007fELF".getBytes(StandardCharsets.ISO_8859_1), "a.pdf", null))
        .hasMessageContaining("実行ファイル");
    assertThatThrownBy(() -> ContentCheck.check("#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.UTF_8), "a.pdf", null))
        .hasMessageContaining("実行ファイル");
    assertThatThrownBy(() -> ContentCheck.check("  <svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "a.png", null))
        .hasMessageContaining("SVG");
    assertThatThrownBy(() -> ContentCheck.check("GIF89a".getBytes(StandardCharsets.UTF_8), "a.gif", null))
        .hasMessageContaining("受け付ける形式");
    assertThatThrownBy(() -> ContentCheck.check(new byte[0], "a.pdf", null)).hasMessageContaining("空");
  }

  @Test
  void officeFilesWithMacrosOrOtherContentAndZipBombsAreRefused() throws Exception {
    assertThatThrownBy(() -> ContentCheck.check(zip(0, "[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"),
        "決算.xlsx", null)).hasMessageContaining("マクロ");
    assertThatThrownBy(() -> ContentCheck.check(zip(-1, "[Content_Types].xml", "xl/workbook.xml"), "決算.xlsx", null))
        .as("a macro-enabled content type").hasMessageContaining("マクロ");
    assertThatThrownBy(() -> ContentCheck.check(zip(0, "[Content_Types].xml", "word/document.xml", "word/embeddings/a.exe"),
        "報告.docx", null)).hasMessageContaining("実行ファイル");
    assertThatThrownBy(() -> ContentCheck.check(zip(0, "readme.txt"), "決算.xlsx", null)).hasMessageContaining("以外の圧縮ファイル");
    assertThatThrownBy(() -> ContentCheck.check(zip(ContentCheck.MAX_ZIP_ENTRIES, "[Content_Types].xml", "xl/workbook.xml"),
        "決算.xlsx", null)).hasMessageContaining("多すぎます");
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i <= ContentCheck.MAX_INFLATED >> 20; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(bomb.size()).as("small on the wire").isLessThan(1 << 20);
    assertThatThrownBy(() -> ContentCheck.check(bomb.toByteArray(), "決算.xlsx", null)).hasMessageContaining("大きすぎます");
    assertThatThrownBy(() -> ContentCheck.check("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), "a.xlsx", null))
        .hasMessageContaining("Excel");
  }

  @Test
  void namesLoseFoldersAndControlsAndAreCutKeepingTheExtension() {
    assertThat(ContentCheck.cleanName("C:\\Users\\ひかり\\収支決算書.pdf")).isEqualTo("収支決算書.pdf");
    assertThat(ContentCheck.cleanName("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(ContentCheck.cleanName("領収書\u202Efdp.exe\u0000.png")).isEqualTo("領収書fdp.exe.png");
    String cut = ContentCheck.cleanName("写".repeat(1_000_000) + ".xlsx");
    assertThat(cut).hasSize(200).endsWith("写.xlsx");
    assertThat(ContentCheck.cleanName("a".repeat(500))).hasSize(200);
    assertThatThrownBy(() -> ContentCheck.cleanName("C:\\folder\\")).hasMessageContaining("ファイル名");
    assertThatThrownBy(() -> ContentCheck.cleanName(null)).hasMessageContaining("ファイル名");
  }
}
