package jp.kyodo.improvement;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ⑥ 事業の改善 as the base sees it: a department may start it on its own for its project (the lifecycle calls it too). */
public final class ImprovementModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return ImprovementForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(ImprovementProcess.KEY, List.of(KyodoGroups.DEPARTMENTS));
  }
}
