package jp.kyodo.agreement;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ③ 協定・契約 as the base sees it: a department may start it on its own for its project (the lifecycle calls it too). */
public final class AgreementModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return AgreementForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(AgreementProcess.KEY, List.of(KyodoGroups.DEPARTMENTS));
  }

  /** The partner's confirmation of the draft (協定書案を確認する) is told as such, not as any task. */
  @Override
  public Map<String, String> taskNoticeKinds() {
    return Map.of(AgreementProcess.Elements.PARTNER_CONFIRMS, "AGREEMENT_TO_CONFIRM");
  }
}
