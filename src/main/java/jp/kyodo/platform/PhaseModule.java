package jp.kyodo.platform;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * What a phase contributes to the base: the rules its forms need beyond what the forms say, who may start its
 * processes, what happens to every task when it is created, and the variables Tasklist shows as columns. Each phase implements it; the composition at the root
 * ({@code jp.kyodo.Phases}) hands them to the engine plugins, so the base never names a phase.
 */
public interface PhaseModule {

  /** What Java adds to this phase's forms (see {@link FormRules}). */
  default List<FormRules> formRules() {
    return List.of();
  }

  /** For each process of the phase that people start themselves, the role groups whose members may. */
  default Map<String, List<String>> starters() {
    return Map.of();
  }

  /** What to do with every user task when it is created, whichever diagram it is in (see TaskCreationHooks). */
  default List<TaskListener> onTaskCreated() {
    return List.of();
  }

  /**
   * The kind of notice (a {@code jp.kyodo.mail.NoticeKind} name) that tells people about a task of this phase, by task
   * definition key, where it is not the generic TASK_ASSIGNED (③ the partner's confirmation, ⑤ the evaluation's).
   */
  default Map<String, String> taskNoticeKinds() {
    return Map.of();
  }

  /** Variables Tasklist's filters show as columns, with their labels, in order. */
  default Map<String, String> taskColumns() {
    return Map.of();
  }
}
