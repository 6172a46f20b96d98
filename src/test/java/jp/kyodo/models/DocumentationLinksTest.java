package jp.kyodo.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README.md and the pages under {@code docs/} as GitHub shows them: every relative link and image reaches a file
 * (or folder) of the repository, and every {@code #anchor} into a Markdown page reaches one of its headings by
 * GitHub's rules for heading ids; README stays a five-minute read (at most 12 KB); every page under {@code docs/} is
 * linked from README; and no page points outside the repository at the material {@code docs/domain.md} was written
 * from. Plain JUnit, run from the repository root like the other model tests.
 */
class DocumentationLinksTest {

  static final Path ROOT = Path.of("").toAbsolutePath().normalize();
  static final Path README = ROOT.resolve("README.md");
  static final Path DOCS = ROOT.resolve("docs");
  static final long README_LIMIT = 12_288;
  /** Places outside the repository that a page must not send its reader to. Case matters: docs/domain.md is ours. */
  static final List<String> OUTSIDE = List.of("../shared", "shared/seeds", "DOMAIN.md");

  /** {@code [text](target)} and {@code ![alt](target "title")}; the text may hold one level of brackets. */
  static final Pattern INLINE_LINK = Pattern.compile(
      "!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*])*)]\\(\\s*<?([^\\s)>]*)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
  /** {@code [label]: target} */
  static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
  static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1");
  static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
  static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");
  /** What GitHub (github-slugger) drops from a heading's text: everything but letters, marks, digits, _ , space, -. */
  static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\\p{Pc} \\-]");

  static Stream<Named<Path>> pages() {
    return Stream.concat(Stream.of(README), docsPages().stream()).map(p -> Named.of(name(p), p));
  }

  static List<Path> docsPages() {
    try (Stream<Path> files = Files.walk(DOCS)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyRelativeLinkReachesAFileOrAHeading(Path page) {
    List<String> broken = new ArrayList<>();
    for (Link link : links(page)) {
      String problem = problem(page, link.target());
      if (problem != null) {
        broken.add(name(page) + ":" + link.line() + ": (" + link.target() + ") " + problem);
      }
    }
    assertTrue(broken.isEmpty(), "broken links:\n" + String.join("\n", broken));
  }

  @Test
  void readmeIsAFiveMinuteRead() throws IOException {
    long size = Files.size(README);
    assertTrue(size <= README_LIMIT, "README.md is " + size + " bytes, more than " + README_LIMIT
        + ": move the detail to a page under docs/ and link it");
  }

  @Test
  void everyDocsPageIsLinkedFromTheReadme() {
    Set<Path> linked = new TreeSet<>();
    for (Link link : links(README)) {
      Path target = resolve(README, link.target());
      if (target != null) {
        linked.add(target);
      }
    }
    List<String> unlinked = docsPages().stream().filter(p -> !linked.contains(p)).map(DocumentationLinksTest::name)
        .toList();
    assertTrue(unlinked.isEmpty(), "pages README.md does not link: " + unlinked);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void nothingPointsOutsideTheRepository(Path page) {
    List<String> lines = read(page).lines().toList();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (String outside : OUTSIDE) {
        if (lines.get(i).contains(outside)) {
          found.add(name(page) + ":" + (i + 1) + ": mentions " + outside + " (cite the guideline; the business is in "
              + "docs/domain.md)");
        }
      }
    }
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  @Test
  void headingIdsFollowGitHub() {
    assertEquals("概要日本語", slug("概要（日本語）"));
    assertEquals("②-パートナーの選定-processespartner-selectionbpmn",
        slug("② パートナーの選定 (`processes/partner-selection.bpmn`)"));
    assertEquals("reliability-crashes-two-nodes-bad-input-who-may-do-what",
        slug("Reliability: crashes, two nodes, bad input, who may do what"));
    assertEquals("情報公開-the-public-page-public", slug("情報公開: the public page (`/public/`)"));
    assertEquals("due-dates-by-the-yearly-calendar-旭川-q52-and-escalation",
        slug("Due dates by the yearly calendar (旭川 Q52) and escalation"));
    assertEquals("see-the-docs", slug("See [the docs](docs/x.md)"));
    assertEquals(List.of("what-to-click", "what-to-click-1", "what-to-click-2"),
        List.copyOf(headingIds("## What to click\n# What to click\n```\n# not a heading\n```\n### What to click\n")));
  }

  @Test
  void linksAreFoundWhereGitHubFindsThem() {
    String text = """
        A [page](docs/a.md) and ![a picture](screenshots/b.png "title"), a [wrapped
        link](c.md#part), `[code](not-a-link.md)`, [an address](https://example.org/x.md), [here](#top)
        ```
        [in a fence](not-a-link-either.md)
        ```
        [ref]: d/e.md
        """;
    assertEquals(List.of("docs/a.md", "screenshots/b.png", "c.md#part", "https://example.org/x.md", "#top", "d/e.md"),
        linksIn(text).stream().map(Link::target).toList());
    assertEquals(List.of(1, 1, 1, 2, 2, 6), linksIn(text).stream().map(Link::line).toList());
  }

  // ---- Markdown as far as links and headings need it

  record Link(int line, String target) {}

  static List<Link> links(Path page) {
    return linksIn(read(page));
  }

  static List<Link> linksIn(String markdown) {
    String text = withoutCode(markdown);
    List<Link> links = new ArrayList<>();
    collect(INLINE_LINK.matcher(text), 2, text, links);
    collect(REFERENCE_DEFINITION.matcher(text), 1, text, links);
    links.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : 0);
    return links;
  }

  private static void collect(Matcher m, int group, String text, List<Link> into) {
    while (m.find()) {
      into.add(new Link(lineOf(text, m.start()), m.group(group)));
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The text with fenced blocks blanked and inline code removed, line numbers kept. */
  static String withoutCode(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher f = FENCE.matcher(line);
      if (fence == null && f.find()) {
        fence = f.group(1);
        out.append('\n');
        continue;
      }
      if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        }
        out.append('\n');
        continue;
      }
      out.append(INLINE_CODE.matcher(line).replaceAll("")).append('\n');
    }
    return out.toString();
  }

  /** The ids GitHub gives a page's headings (and explicit {@code <a id>}s), in order. */
  static Set<String> headingIds(String markdown) {
    Set<String> ids = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher f = FENCE.matcher(line);
      if (fence == null && f.find()) {
        fence = f.group(1);
        continue;
      }
      if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        }
        continue;
      }
      Matcher anchor = HTML_ID.matcher(line);
      while (anchor.find()) {
        ids.add(anchor.group(1));
      }
      Matcher h = ATX_HEADING.matcher(line);
      if (h.matches()) {
        String base = slug(h.group(1) == null ? "" : h.group(1));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        ids.add(n == 0 ? base : base + "-" + n);
      }
    }
    return ids;
  }

  /** GitHub's heading id: the rendered text, lower case, punctuation dropped, each space a hyphen. */
  static String slug(String headingMarkdown) {
    String rendered = headingMarkdown
        .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1") // a link or image shows its text
        .replaceAll("<[^>]+>", ""); // tags show nothing
    String lower = rendered.toLowerCase(Locale.ROOT);
    return NOT_IN_SLUG.matcher(lower).replaceAll("").replace(' ', '-');
  }

  // ---- targets

  /** Null when the target is fine (or not ours to check: an address with a scheme). */
  static String problem(Path page, String target) {
    if (target.isEmpty()) {
      return "empty target";
    }
    if (SCHEME.matcher(target).find()) {
      return null;
    }
    int hash = target.indexOf('#');
    String fragment = hash < 0 ? null : decode(target.substring(hash + 1));
    Path file = resolve(page, target);
    if (file == null) {
      return "leaves the repository";
    }
    if (!Files.exists(file)) {
      return "no such file: " + name(file);
    }
    if (fragment != null && !fragment.isEmpty() && file.toString().endsWith(".md")) {
      Set<String> ids = headingIds(read(file));
      if (!ids.contains(fragment)) {
        return "no heading of " + name(file) + " has the id #" + fragment + "; its ids: " + ids;
      }
    }
    return null;
  }

  /** The file a relative target names, or null when it leaves the repository (or is an address). */
  static Path resolve(Path page, String target) {
    if (SCHEME.matcher(target).find()) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = decode(hash < 0 ? target : target.substring(0, hash));
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    Path file;
    if (path.isEmpty()) {
      file = page;
    } else if (path.startsWith("/")) {
      file = ROOT.resolve(path.substring(1));
    } else {
      file = page.getParent().resolve(path);
    }
    file = file.normalize();
    return file.startsWith(ROOT) ? file : null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path file) {
    return ROOT.relativize(file).toString();
  }

}
