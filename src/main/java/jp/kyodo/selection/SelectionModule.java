package jp.kyodo.selection;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ② パートナーの選定 as the base sees it: a department opens a selection; a partner applies to a published call. */
public final class SelectionModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return java.util.stream.Stream.concat(SelectionForms.ALL.stream(), CallApplicationForms.ALL.stream()).toList();
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(SelectionProcess.KEY, List.of(KyodoGroups.DEPARTMENTS),
        CallApplicationProcess.KEY, List.of(KyodoGroups.PARTNERS));
  }
}
