package jp.kyodo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.agreement.AgreementModule;
import jp.kyodo.evaluation.EvaluationModule;
import jp.kyodo.examination.ExaminationModule;
import jp.kyodo.execution.ExecutionModule;
import jp.kyodo.forms.FormCatalog;
import jp.kyodo.forms.FormInputValidationPlugin;
import jp.kyodo.identity.IdentitySetup;
import jp.kyodo.improvement.ImprovementModule;
import jp.kyodo.lifecycle.LifecycleModule;
import jp.kyodo.mail.NoticeKind;
import jp.kyodo.platform.PhaseModule;
import jp.kyodo.platform.TaskCreationHooks;
import jp.kyodo.registry.RegistryModule;
import jp.kyodo.selection.SelectionModule;

/**
 * The composition of the application: every phase's contribution to the base (its forms' rules, who starts its
 * processes, Tasklist's columns), handed to the engine plugins. The one place that names every phase, so that the
 * base ({@code platform}, {@code forms}, {@code identity}, {@code variables}) names none.
 */
public final class Phases {

  public static final List<PhaseModule> ALL = List.of(new ExaminationModule(), new SelectionModule(),
      new AgreementModule(), new ExecutionModule(), new EvaluationModule(), new ImprovementModule(),
      new LifecycleModule(), new RegistryModule());

  private Phases() {}

  public static FormCatalog formCatalog() {
    return new FormCatalog(ALL.stream().flatMap(module -> module.formRules().stream()).toList());
  }

  /** The server's form checks, as every engine of the application (and of the process tests) gets them. */
  public static FormInputValidationPlugin formValidation() {
    return new FormInputValidationPlugin(formCatalog());
  }

  /** What the phases do with every user task when it is created. */
  public static TaskCreationHooks taskCreationHooks() {
    return new TaskCreationHooks(ALL.stream().flatMap(module -> module.onTaskCreated().stream()).toList());
  }

  /** Which task definition keys the phases tell about with their own kind of notice (see PhaseModule#taskNoticeKinds). */
  public static Map<String, NoticeKind> taskNoticeKinds() {
    Map<String, NoticeKind> kinds = new LinkedHashMap<>();
    for (PhaseModule module : ALL) {
      module.taskNoticeKinds().forEach((taskKey, kind) -> {
        if (kinds.put(taskKey, NoticeKind.valueOf(kind)) != null) {
          throw new IllegalStateException("two phases name the notice of task " + taskKey);
        }
      });
    }
    return kinds;
  }

  public static IdentitySetup identitySetup(boolean demoData) {
    Map<String, List<String>> starters = new LinkedHashMap<>();
    Map<String, String> columns = new LinkedHashMap<>();
    for (PhaseModule module : ALL) {
      module.starters().forEach((key, groups) -> {
        if (starters.put(key, groups) != null) {
          throw new IllegalStateException("two phases say who starts " + key);
        }
      });
      columns.putAll(module.taskColumns());
    }
    return new IdentitySetup(demoData, starters, columns);
  }
}
