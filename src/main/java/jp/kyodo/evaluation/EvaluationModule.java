package jp.kyodo.evaluation;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ⑤ 事業の評価 as the base sees it: a department may start it on its own for its project (the lifecycle calls it too). */
public final class EvaluationModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return EvaluationForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(EvaluationProcess.KEY, List.of(KyodoGroups.DEPARTMENTS));
  }

  /** The partner's confirmation of the evaluation is told as such, not as any task. */
  @Override
  public Map<String, String> taskNoticeKinds() {
    return Map.of(EvaluationProcess.Elements.CONFIRM, "EVALUATION_TO_CONFIRM");
  }
}
