package jp.kyodo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's plan, checked on the compiled classes: a base ({@code platform}, {@code forms}, {@code identity},
 * {@code variables}) that knows no phase; phases that use one another only where the lifecycle hands something on;
 * no cycle between packages; and a {@code package-info.java} in every package saying what it is for. Only the root
 * package ({@link Phases}) names every phase.
 */
class StructureTest {

  static final List<String> BASE = List.of("platform", "forms", "identity", "variables", "engine", "mail");

  /**
   * The only classes that name Camunda's internals ({@code org.camunda.bpm.*.impl}): the adapters of {@code engine},
   * and the engine's extension points (plugins, parse listeners, form handlers, the command check, the authorization
   * provider, the webapps' login) — what docs/longevity.md says to look at when moving to a fork of Camunda 7.
   */
  static final Set<String> ADAPTERS = Set.of(
      "jp.kyodo.forms.EngineEntryChecks", "jp.kyodo.forms.FormInputValidationPlugin", "jp.kyodo.forms.FormReference",
      "jp.kyodo.forms.FormUse", "jp.kyodo.forms.SubmissionGuard", "jp.kyodo.forms.FormConditions",
      "jp.kyodo.identity.IdentitySetup", "jp.kyodo.mail.TaskNoticePlugin", "jp.kyodo.identity.TaskWorkAuthorizationProvider",
      "jp.kyodo.platform.BasicLogin", "jp.kyodo.platform.TokenLogin", "jp.kyodo.platform.ModelDeployer", "jp.kyodo.platform.TaskCreationHooks", "jp.kyodo.platform.TaskRaceFilter",
      "jp.kyodo.platform.WebConfiguration", "jp.kyodo.platform.WebappApiAccessFilter", "jp.kyodo.platform.WebappLogin");

  /**
   * Which package may use which other (beside the base): what one phase hands the next (① the chosen form of
   * collaboration, ② the partner, ③ the agreement, ⑤ the evaluation), the registry and the project record they all
   * share, and the lifecycle, the public pages and the office's overview, which read every phase.
   */
  static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
      Map.entry("examination", Set.of()),
      Map.entry("registry", Set.of()),
      Map.entry("project", Set.of("registry")),
      Map.entry("selection", Set.of("examination", "registry", "project")),
      Map.entry("agreement", Set.of("examination", "registry", "project")),
      Map.entry("execution", Set.of("agreement", "project")),
      Map.entry("evaluation", Set.of("examination", "project")),
      Map.entry("improvement", Set.of("evaluation", "registry", "project")),
      Map.entry("lifecycle", Set.of("examination", "selection", "agreement", "execution", "evaluation", "improvement",
          "registry", "project")),
      Map.entry("documents", Set.of("agreement", "execution", "evaluation", "lifecycle", "project")),
      Map.entry("publication", Set.of("examination", "selection", "agreement", "execution", "evaluation",
          "improvement", "lifecycle", "registry", "project", "documents")),
      Map.entry("overview", Set.of("examination", "lifecycle", "registry", "project", "documents")));

  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("jp.kyodo");
  }

  static String[] features() {
    return MAY_USE.keySet().stream().map(p -> "jp.kyodo." + p + "..").toArray(String[]::new);
  }

  @Test
  void theBaseKnowsNoPhase() {
    noClasses().that().resideInAnyPackage(BASE.stream().map(p -> "jp.kyodo." + p + "..").toArray(String[]::new))
        .should().dependOnClassesThat().resideInAnyPackage(features())
        .because("the base serves every phase; what a phase contributes reaches it through PhaseModule")
        .check(classes);
  }

  /**
   * The same in the sources: javac copies a constant ({@code ExaminationProcess.KEY}) into the class that uses it, so
   * the compiled classes alone would not show such a use.
   */
  @Test
  void noBaseSourceNamesAPhase() throws Exception {
    java.util.regex.Pattern phase = java.util.regex.Pattern.compile("jp\\.kyodo\\.(" + String.join("|", MAY_USE.keySet())
        + ")\\.");
    List<String> found = new java.util.ArrayList<>();
    for (String base : BASE) {
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/jp/kyodo", base))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          if (phase.matcher(source.replaceAll("(?s)/\\*.*?\\*/|//[^\\n]*", "")).find()) {
            found.add(file.toString());
          }
        }
      }
    }
    assertThat(found).as("base sources that name a phase").isEmpty();
  }

  @Test
  void onlyTheAdaptersNameCamundasInternals() {
    noClasses().that(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
            "are not adapters") {
          @Override
          public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
            String name = type.getName().replaceAll("\\$.*", "");
            return !name.startsWith("jp.kyodo.engine.") && !ADAPTERS.contains(name);
          }
        })
        .should().dependOnClassesThat().resideInAnyPackage("org.camunda.bpm..impl..")
        .because("a move to a maintained fork of Camunda 7 should touch the adapters only (docs/longevity.md)")
        .check(classes);
  }

  @Test
  void nothingButTheRootNamesTheRoot() {
    noClasses().that().resideInAnyPackage("jp.kyodo.(*)..").should().dependOnClassesThat()
        .resideInAPackage("jp.kyodo").check(classes);
  }

  @Test
  void phasesUseOneAnotherOnlyWhereTheLifecycleHandsSomethingOn() {
    for (Map.Entry<String, Set<String>> entry : MAY_USE.entrySet()) {
      Set<String> forbidden = new TreeSet<>(MAY_USE.keySet());
      forbidden.removeAll(entry.getValue());
      forbidden.remove(entry.getKey());
      if (forbidden.isEmpty()) {
        continue;
      }
      noClasses().that().resideInAPackage("jp.kyodo." + entry.getKey() + "..")
          .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream().map(p -> "jp.kyodo." + p + "..")
              .toArray(String[]::new))
          .check(classes);
    }
  }

  @Test
  void noPackageCycles() {
    slices().matching("jp.kyodo.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsAPlannedOneAndSaysWhatItIsFor() throws Exception {
    Path root = Path.of("src/main/java/jp/kyodo");
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(root)) {
      dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
    }
    Set<String> planned = new TreeSet<>(BASE);
    planned.addAll(MAY_USE.keySet());
    assertThat(packages).as("every package is in the plan above").isEqualTo(planned);
    Map<String, String> missing = new TreeMap<>();
    for (String pkg : packages) {
      Path info = root.resolve(pkg).resolve("package-info.java");
      if (!Files.exists(info) || !Files.readString(info).contains("/**")) {
        missing.put(pkg, info.toString());
      }
    }
    assertThat(missing).as("package-info.java with a comment").isEmpty();
    assertThat(Files.readString(root.resolve("package-info.java"))).contains("/**");
  }
}
