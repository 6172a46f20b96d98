package jp.kyodo.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The repository's model folders as a process owner edits them (tests run from the repository root). */
final class ModelFiles {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
  static final ObjectMapper JSON = new ObjectMapper();

  private ModelFiles() {}

  static List<Path> files(Path folder, String suffix) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(p -> p.toString().endsWith(suffix))
          .filter(p -> !p.toString().contains("/.camunda/") || suffix.equals(".json"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Form id → its file. */
  static Map<String, Path> forms() {
    Map<String, Path> byId = new LinkedHashMap<>();
    for (Path file : files(FORMS, ".form")) {
      byId.put(json(file).path("id").asText(), file);
    }
    return byId;
  }

  /** Every component of a form that has a key, groups flattened. */
  static List<JsonNode> keyedComponents(JsonNode form) {
    List<JsonNode> out = new ArrayList<>();
    collect(form.path("components"), out);
    return out;
  }

  private static void collect(JsonNode components, List<JsonNode> out) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        out.add(component);
      }
      collect(component.path("components"), out);
    }
  }
}
