package jp.kyodo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The JVM settings a city runs Kyodo with have one place, {@code docker/jvm.options}; the image, the documented
 * {@code java} command and the benchmark's {@link StartupProbe} must all start the jar with exactly them, or the
 * memory the benchmark reports is not the memory a city sees.
 */
class RunSettingsTest {

  static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
  static final Path COMPOSE = Path.of("docker", "docker-compose.yml");
  static final Path OPERATIONS = Path.of("docs", "operations.md");
  static final String DOCS_SECTION = "## Memory and JVM settings";

  final RunSettings settings = RunSettings.read();

  @Test
  void theSettingsFileSetsTheHeapAndTheGarbageCollector() {
    assertThat(settings.options()).as("a documented maximum heap").anyMatch(o -> o.matches("-Xmx\\d+[mMgG]"));
    assertThat(settings.options()).as("a garbage collector chosen, not left to the machine's size")
        .anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"));
    assertThat(settings.options()).as("every word is a JVM option (no main class, no jar)")
        .allMatch(o -> o.startsWith("-X") || o.startsWith("-D"));
  }

  @Test
  void theImageStartsTheJarWithTheSettingsFile() throws IOException {
    List<String> lines = Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8);
    String copied = lines.stream().map(String::strip).filter(l -> l.startsWith("COPY ") && l.contains("docker/jvm.options"))
        .findFirst().orElseThrow(() -> new AssertionError("the Dockerfile copies docker/jvm.options into the image"));
    String inImage = copied.substring(copied.lastIndexOf(' ') + 1);
    List<String> entrypoint = entrypoint(lines);
    assertThat(entrypoint).as("ENTRYPOINT").startsWith("java", "@" + inImage).contains("-jar");
    assertThat(entrypoint.indexOf("@" + inImage)).as("the settings before -jar").isLessThan(entrypoint.indexOf("-jar"));
    assertThat(dockerEnvironment(lines)).as("the image's ENV carries the settings file's environment")
        .containsAllEntriesOf(settings.environment());
    // JAVA_TOOL_OPTIONS or a JAVA_OPTS would add to or override the file where nobody looks for them.
    assertThat(String.join("\n", lines)).doesNotContain("JAVA_TOOL_OPTIONS").doesNotContain("JAVA_OPTS");
  }

  @Test
  void composeRunsTheImageAsBuiltWithoutOtherJvmSettings() throws IOException {
    Map<String, Object> compose;
    try (var reader = Files.newBufferedReader(COMPOSE, StandardCharsets.UTF_8)) {
      compose = new Yaml().load(reader);
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    List<String> kyodo = new ArrayList<>();
    services.forEach((name, service) -> {
      if (String.valueOf(service.get("build")).contains("docker/Dockerfile")) {
        kyodo.add(name);
        assertThat(service).as(name + ": the image's ENTRYPOINT with the settings file").doesNotContainKey("entrypoint");
        assertThat(String.valueOf(service.get("environment"))).as(name + ": no JVM settings beside the file")
            .doesNotContain("JAVA_TOOL_OPTIONS").doesNotContain("JAVA_OPTS").doesNotContain("-Xmx");
      }
    });
    assertThat(kyodo).as("the services built from docker/Dockerfile").contains("app", "app2");
  }

  @Test
  void theDocumentedCommandAndTableCarryExactlyTheSettings() throws IOException {
    String section = section(Files.readString(OPERATIONS, StandardCharsets.UTF_8));
    Matcher command = Pattern.compile("^((?:[A-Z_]+=\\S+ )*)java @docker/jvm\\.options -jar target/kyodo\\.jar",
        Pattern.MULTILINE).matcher(section);
    assertThat(command.find()).as("the documented command in %s, %s", OPERATIONS, DOCS_SECTION).isTrue();
    Map<String, String> documentedEnvironment = new LinkedHashMap<>();
    for (String assignment : command.group(1).strip().split(" ")) {
      if (!assignment.isEmpty()) {
        documentedEnvironment.put(assignment.substring(0, assignment.indexOf('=')),
            assignment.substring(assignment.indexOf('=') + 1));
      }
    }
    assertThat(documentedEnvironment).as("the environment of the documented command").isEqualTo(settings.environment());
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE).matcher(section);
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> shipped = new TreeSet<>(settings.options());
    settings.environment().forEach((name, value) -> shipped.add(name + "=" + value));
    assertThat(documented).as("the settings explained in the table of %s", OPERATIONS).isEqualTo(shipped);
  }

  @Test
  void theProbeStartsTheJarWithTheSettingsFileAndItsEnvironment() {
    StartupProbe probe = new StartupProbe(Path.of("target", "kyodo.jar"), 8386, Path.of("target"));
    ProcessBuilder launcher = probe.launcher(List.of("--spring.datasource.url=jdbc:h2:mem:x"));
    List<String> command = launcher.command();
    String file = "@" + RunSettings.FILE.toAbsolutePath();
    assertThat(command).contains(file, "-jar");
    assertThat(command.indexOf(file)).as("the settings before -jar").isLessThan(command.indexOf("-jar"));
    assertThat(command.subList(1, command.indexOf("-jar"))).as("nothing but the file and the memory tracking")
        .containsExactly("-XX:NativeMemoryTracking=summary", file);
    assertThat(launcher.environment()).containsAllEntriesOf(settings.environment());
  }

  @Test
  void theLauncherReadsTheFileAsTheProbeDoes() throws Exception {
    // java itself prints the flags it took from the file: the file parses the same for the launcher and for RunSettings.
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + RunSettings.FILE.toAbsolutePath(), "-XX:+PrintCommandLineFlags", "-version").redirectErrorStream(true).start();
    String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor()).as(flags).isZero();
    for (String option : settings.options()) {
      // PrintCommandLineFlags writes sizes in bytes: a flag with a value is looked for by its name.
      String printed = option.startsWith("-Xmx") ? "-XX:MaxHeapSize=" : option.startsWith("-Xms") ? "-XX:InitialHeapSize="
          : option.startsWith("-Xss") ? "-XX:ThreadStackSize=" : option.contains("=") ? option.substring(0, option.indexOf('=') + 1)
          : option;
      assertThat(flags).as("java took %s from the file", option).contains(printed);
    }
  }

  static String section(String markdown) {
    int start = markdown.indexOf(DOCS_SECTION);
    assertThat(start).as("%s has a section %s", OPERATIONS, DOCS_SECTION).isNotNegative();
    int end = markdown.indexOf("\n## ", start + DOCS_SECTION.length());
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  static List<String> entrypoint(List<String> dockerfile) {
    String line = dockerfile.stream().map(String::strip).filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no ENTRYPOINT"));
    List<String> words = new ArrayList<>();
    Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(line);
    while (word.find()) {
      words.add(word.group(1));
    }
    return words;
  }

  static Map<String, String> dockerEnvironment(List<String> dockerfile) {
    Map<String, String> environment = new LinkedHashMap<>();
    Matcher assignment = Pattern.compile("^ENV\\s+([A-Z_][A-Z0-9_]*)=(\\S+)\\s*$").matcher("");
    for (String line : dockerfile) {
      if (assignment.reset(line.strip()).matches()) {
        environment.put(assignment.group(1), assignment.group(2));
      }
    }
    return environment;
  }
}
