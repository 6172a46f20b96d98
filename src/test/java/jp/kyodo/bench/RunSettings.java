package jp.kyodo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings a city runs {@code kyodo.jar} with, read from their one place, {@code docker/jvm.options}: a java
 * launcher argument file ({@code java @docker/jvm.options -jar kyodo.jar}), which the Dockerfile copies into the image
 * and {@link StartupProbe} passes to the JVM it measures. What the JVM cannot read from an argument file (the C
 * library's environment) is written there as {@code # env NAME=value} lines, which the launcher skips as comments.
 */
record RunSettings(Path file, List<String> options, Map<String, String> environment) {

  static final Path FILE = Path.of("docker", "jvm.options");

  private static final Pattern ENVIRONMENT = Pattern.compile("^#\\s*env\\s+([A-Z_][A-Z0-9_]*)=(\\S+)\\s*$");

  static RunSettings read() {
    return read(FILE);
  }

  static RunSettings read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>();
    Map<String, String> environment = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher variable = ENVIRONMENT.matcher(line.strip());
      if (variable.matches()) {
        environment.put(variable.group(1), variable.group(2));
        continue;
      }
      // The launcher reads everything after # as a comment and splits the rest at white space.
      int comment = line.indexOf('#');
      String rest = comment < 0 ? line : line.substring(0, comment);
      for (String word : rest.strip().split("\\s+")) {
        if (!word.isEmpty()) {
          options.add(word);
        }
      }
    }
    return new RunSettings(file, List.copyOf(options), java.util.Collections.unmodifiableMap(environment));
  }

  /** The options and the environment as one line, as the report shows them. */
  String describe() {
    StringBuilder out = new StringBuilder();
    environment.forEach((name, value) -> out.append(name).append('=').append(value).append(' '));
    return out.append(String.join(" ", options)).toString();
  }
}
