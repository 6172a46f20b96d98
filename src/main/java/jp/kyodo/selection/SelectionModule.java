package jp.kyodo.selection;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;
import jp.kyodo.project.CoPartners;
import org.camunda.bpm.engine.delegate.TaskListener;

/** ② パートナーの選定 as the base sees it: a department opens a selection; a partner applies to a published call. */
public final class SelectionModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return java.util.stream.Stream.concat(SelectionForms.ALL.stream(), CallApplicationForms.ALL.stream()).toList();
  }

  /**
   * Partners keep the engine's right to start {@code call-application}: Kyodo's server starts it as the partner from
   * the call's page ({@link CallApplications}); every other start is refused by {@link CheckApplicationStartListener}.
   */
  @Override
  public Map<String, List<String>> starters() {
    return Map.of(SelectionProcess.KEY, List.of(KyodoGroups.DEPARTMENTS),
        CallApplicationProcess.KEY, List.of(KyodoGroups.PARTNERS));
  }

  /**
   * The co-partners ② chooses (旭川 Q71) work the partner's tasks of every later phase: one hook on every task, so
   * that no phase's diagram has to name them (see {@link CoPartners#JOIN_PARTNER_TASKS}).
   */
  @Override
  public List<TaskListener> onTaskCreated() {
    return List.of(CoPartners.JOIN_PARTNER_TASKS);
  }
}
