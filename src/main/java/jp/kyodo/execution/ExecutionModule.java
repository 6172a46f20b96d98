package jp.kyodo.execution;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;

/** ④ 事業の実施 as the base sees it: a department may start it on its own for an approved agreement (the lifecycle calls it too). */
public final class ExecutionModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return ExecutionForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    return Map.of(ExecutionProcess.KEY, List.of(KyodoGroups.DEPARTMENTS));
  }

  /** 報告の遅れに対応する: the department is told that a report is late (the managers by RemindLateReportDelegate). */
  @Override
  public Map<String, String> taskNoticeKinds() {
    return Map.of(ExecutionProcess.Elements.HANDLE_LATE_REPORT, "REPORT_LATE");
  }
}
