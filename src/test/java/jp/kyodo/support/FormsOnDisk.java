package jp.kyodo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jp.kyodo.Phases;
import jp.kyodo.forms.FormCatalog;
import jp.kyodo.forms.FormSpec;

/** The server's rules of every form in {@code forms/}, as the engine reads them when they are deployed. */
public final class FormsOnDisk {

  private static Map<String, FormSpec> specs;

  private FormsOnDisk() {}

  /** Form id → its rules (the form's own and the application's). */
  public static synchronized Map<String, FormSpec> specs() {
    if (specs == null) {
      FormCatalog catalog = Phases.formCatalog();
      Map<String, FormSpec> byId = new TreeMap<>();
      try (Stream<Path> files = Files.list(Path.of("forms"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
          FormSpec spec = catalog.read(Files.readAllBytes(file));
          byId.put(spec.formId(), spec);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      specs = byId;
    }
    return specs;
  }

  /** Adds every form of {@code forms/} to a deployment (a probe model's forms must be deployed with it or before). */
  public static org.camunda.bpm.engine.repository.DeploymentBuilder withForms(
      org.camunda.bpm.engine.repository.DeploymentBuilder deployment) {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        deployment.addInputStream("forms/" + file.getFileName(), new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return deployment;
  }

  public static FormSpec spec(String formId) {
    FormSpec spec = specs().get(formId);
    if (spec == null) {
      throw new IllegalArgumentException("no form " + formId + " in forms/");
    }
    return spec;
  }
}
