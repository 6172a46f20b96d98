package jp.kyodo.lifecycle;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** The lifecycle (協働事業) as the base sees it: a partner or a department proposes a project, which Tasklist lists by its number, title, partner and department. */
public final class LifecycleModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return LifecycleForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(CollaborationProcess.KEY, List.of(KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS));
  }

  @Override
  public Map<String, String> taskColumns() {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    columns.put(jp.kyodo.project.Project.PROJECT_NUMBER.name(), "事業番号");
    columns.put(jp.kyodo.project.Project.TITLE.name(), "事業名");
    columns.put(jp.kyodo.project.Project.PARTNER_NAME.name(), "団体");
    columns.put(jp.kyodo.project.Project.DEPARTMENT_NAME.name(), "担当課");
    return columns;
  }
}
