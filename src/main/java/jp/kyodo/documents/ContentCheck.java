package jp.kyodo.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a file is, read from its bytes (magic numbers), never from the name or the type the browser declares: PDF,
 * JPEG, PNG, and the Office files cities use (XLSX, DOCX: OOXML zips without macros). Everything else is refused —
 * executables, scripts, HTML and SVG, other zips — and so is a name or a declared type that disagrees with the
 * content. Own checks instead of a detector library: five types are few, and the refusals say in the clerk's words why.
 */
final class ContentCheck {

  /** The types accepted, each with the extensions a name of it may have. */
  enum FileType {
    PDF("application/pdf", "pdf"),
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    final String mediaType;
    final List<String> extensions;

    FileType(String mediaType, String... extensions) {
      this.mediaType = mediaType;
      this.extensions = List.of(extensions);
    }
  }

  /** A file refused for what it is (400), with the clerk's sentence. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  static final String ACCEPTED = "受け付ける形式は PDF、JPEG、PNG、Excel（.xlsx）、Word（.docx）です。";

  /** A zip bomb is refused before it costs much: entries read, and bytes inflated, at most. */
  static final int MAX_ZIP_ENTRIES = 2_000;
  static final long MAX_INFLATED = 200L * 1024 * 1024;

  private ContentCheck() {}

  /** The type of the content, checked against the file's name and the type its sender declared (may be null). */
  static FileType check(byte[] content, String fileName, String declaredType) {
    if (content.length == 0) {
      throw new Refused("ファイルが空です（0 バイト）。");
    }
    FileType type = sniff(content);
    String extension = extension(fileName);
    if (!type.extensions.contains(extension)) {
      throw new Refused("ファイル名の拡張子（" + (extension.isEmpty() ? "なし" : "." + extension) + "）が内容（"
          + type.name() + "）と一致しません。" + ACCEPTED);
    }
    String declared = declaredType == null ? "" : declaredType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!declared.isEmpty() && !declared.equals("application/octet-stream") && !declared.equals(type.mediaType)
        && !(type == FileType.JPEG && declared.equals("image/jpg"))) {
      throw new Refused("送信されたファイルの種類（" + abbreviate(declared) + "）が内容（" + type.name() + "）と一致しません。");
    }
    return type;
  }

  static FileType sniff(byte[] c) {
    if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
      return FileType.PDF;
    }
    if (startsWith(c, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return FileType.JPEG;
    }
    if (startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      return FileType.PNG;
    }
    if (startsWith(c, new byte[] {'P', 'K', 3, 4})) {
      return office(c);
    }
    if (startsWith(c, new byte[] {'M', 'Z'}) || startsWith(c, new byte[] {0x7F, 'E', 'L', 'F'})
        || startsWith(c, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}) || startsWith(c, new byte[] {'#', '!'})) {
      throw new Refused("実行ファイルやスクリプトは添付できません。" + ACCEPTED);
    }
    String head = new String(c, 0, Math.min(c.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    if (head.contains("<html") || head.contains("<!doctype") || head.contains("<svg") || head.contains("<script")
        || head.contains("<?xml")) {
      throw new Refused("HTML・SVG・XML のファイルは添付できません。PDF か画像にしてから添付してください。");
    }
    throw new Refused("このファイルの形式は受け付けられません。" + ACCEPTED);
  }

  /**
   * An OOXML package (Excel or Word) without macros: it names its parts in {@code [Content_Types].xml}, a workbook or
   * a document is among them, and no part is a VBA project or a program. Anything else in a zip is refused.
   */
  private static FileType office(byte[] content) {
    boolean contentTypes = false;
    boolean workbook = false;
    boolean document = false;
    int entries = 0;
    long inflated = 0;
    byte[] buffer = new byte[8192];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ZIP_ENTRIES) {
          throw new Refused("圧縮ファイルの中身が多すぎます（" + MAX_ZIP_ENTRIES + " 件まで）。");
        }
        String name = entry.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith("vbaproject.bin") || name.contains("macrosheets/") || name.endsWith(".bin") && name.contains("vba")) {
          throw new Refused("マクロを含む Office ファイル（.xlsm・.docm など）は添付できません。マクロのない形式で保存してください。");
        }
        if (name.matches(".*\\.(exe|dll|com|scr|bat|cmd|ps1|vbs|js|jar|msi|sh|hta)$")) {
          throw new Refused("実行ファイルを含む圧縮ファイルは添付できません。");
        }
        contentTypes |= name.equals("[content_types].xml");
        workbook |= name.equals("xl/workbook.xml");
        document |= name.equals("word/document.xml");
        // Read through each part ourselves, so that its inflated size is counted (and a bomb stops early).
        StringBuilder types = name.equals("[content_types].xml") ? new StringBuilder() : null;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          inflated += n;
          if (inflated > MAX_INFLATED) {
            throw new Refused("圧縮ファイルを展開すると大きすぎます。");
          }
          if (types != null && types.length() < 1_000_000) {
            types.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          }
        }
        if (types != null && types.toString().toLowerCase(Locale.ROOT).contains("macroenabled")) {
          throw new Refused("マクロを含む Office ファイル（.xlsm・.docm など）は添付できません。マクロのない形式で保存してください。");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new Refused("圧縮ファイルとして読み取れません。" + ACCEPTED);
    }
    if (contentTypes && workbook && !document) {
      return FileType.XLSX;
    }
    if (contentTypes && document && !workbook) {
      return FileType.DOCX;
    }
    throw new Refused("Excel（.xlsx）・Word（.docx）以外の圧縮ファイルは添付できません。");
  }

  /**
   * The name as it is kept and offered on download: without folders (a browser may send {@code C:\...\file}), control
   * or direction characters, at most {@link #MAX_NAME} characters with its extension kept.
   */
  static final int MAX_NAME = 200;

  static String cleanName(String sent) {
    String name = sent == null ? "" : sent;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new Refused("ファイル名がありません。");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      String extension = extension(name);
      extension = extension.length() > 10 ? "" : extension;
      int keep = MAX_NAME - (extension.isEmpty() ? 0 : extension.length() + 1);
      name = name.substring(0, name.offsetByCodePoints(0, Math.max(keep, 1))) + (extension.isEmpty() ? "" : "." + extension);
    }
    return name;
  }

  static String extension(String name) {
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
