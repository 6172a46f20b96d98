package jp.kyodo.registry;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** 団体登録 as the base sees it: a partner user applies for its organisation. */
public final class RegistryModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return RegistrationForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(RegistrationProcess.KEY, List.of(KyodoGroups.PARTNERS));
  }
}
