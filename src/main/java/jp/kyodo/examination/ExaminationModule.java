package jp.kyodo.examination;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ① 事業の検討 as the base sees it: its forms' rules; a partner proposes (事業提案) or a department poses an issue (課題提案). */
public final class ExaminationModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return ExaminationForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(ExaminationProcess.KEY, List.of(KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS));
  }
}
