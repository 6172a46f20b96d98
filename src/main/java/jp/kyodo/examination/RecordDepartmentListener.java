package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the department's name beside its group id once the collaboration office has chosen it. */
@Component("recordDepartment")
public class RecordDepartmentListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String groupId = DEPARTMENT_GROUP.get(task);
    DEPARTMENT_NAME.set(task, KyodoGroups.group(KyodoGroups.identity(task), groupId).getName());
  }
}
