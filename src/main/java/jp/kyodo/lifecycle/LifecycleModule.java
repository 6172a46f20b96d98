package jp.kyodo.lifecycle;

import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.FormRules;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.PhaseModule;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The lifecycle (協働事業) as the base sees it: a partner or a department proposes a project, which Tasklist lists by its
 * number, title, partner and department; the department or a manager reports a change of its staff (担当者の交代).
 */
public final class LifecycleModule implements PhaseModule {

  @Override
  public List<FormRules> formRules() {
    return LifecycleForms.ALL;
  }

  @Override
  public Map<String, List<String>> starters() {
    // 担当者の交代 is reported by the department's clerks or their manager (the process checks which department).
    return Map.of(CollaborationProcess.KEY, List.of(KyodoGroups.PARTNERS, KyodoGroups.DEPARTMENTS),
        StaffHandoverProcess.KEY, List.of(KyodoGroups.DEPARTMENTS, KyodoGroups.MANAGERS));
  }

  /**
   * Tasks inside a phase carry the phase's due date (the yearly calendar, 旭川 Q52), so Tasklist shows and sorts them
   * by it. The lifecycle passes {@code phaseDueDate} into every phase it calls; a user task that has no due date of
   * its own (a progress report keeps its report date) gets it when it is created. A phase started on its own has no
   * phase due date and its tasks stay as modelled.
   */
  static final TaskListener DUE_WITH_THE_PHASE = task -> {
    if (task.getDueDate() == null && task.getVariable(CollaborationProcess.PHASE_DUE_DATE.name()) instanceof Date due) {
      task.setDueDate(due);
    }
  };

  @Override
  public List<TaskListener> onTaskCreated() {
    return List.of(DUE_WITH_THE_PHASE);
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
