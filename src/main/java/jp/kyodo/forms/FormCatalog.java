package jp.kyodo.forms;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's rules for every form, by form id: each deployed form's own rules (read from the form), joined with what
 * the application adds in Java ({@link FormRules}, contributed by each phase). A deployed form version never changes,
 * so its rules are read once per form definition.
 */
public final class FormCatalog {

  private final Map<String, FormRules> javaRules;
  private final Map<String, FormSpec> byDefinition = new ConcurrentHashMap<>();

  public FormCatalog(Collection<FormRules> rules) {
    Map<String, FormRules> byForm = new LinkedHashMap<>();
    for (FormRules rule : rules) {
      if (byForm.put(rule.formId(), rule) != null) {
        throw new IllegalStateException("two sets of rules for the form " + rule.formId());
      }
    }
    this.javaRules = Map.copyOf(byForm);
  }

  /** What Java adds to the form of that id (nothing, for a form a process owner made alone). */
  public FormRules rulesFor(String formId) {
    return javaRules.getOrDefault(formId, FormRules.none(formId));
  }

  public Collection<FormRules> allRules() {
    return javaRules.values();
  }

  /** The rules of one deployed form version, read from its content the first time they are needed. */
  FormSpec spec(String definitionId, Supplier<byte[]> content) {
    return byDefinition.computeIfAbsent(definitionId, id -> read(content.get()));
  }

  /** The rules of a form's content, checked against what Java adds (a refusal names the problem). */
  public FormSpec read(byte[] content) {
    FormFile file = FormFile.parse(content);
    return FormSpec.of(file, rulesFor(file.id()));
  }

  public FormSpec read(String content) {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }
}
