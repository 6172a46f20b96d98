package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import jp.kyodo.forms.Options;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Offers the department's members as main and deputy staff when the department takes the project up at the check
 * sheet (旭川 Q57: 一人で担当しない). Read afresh each time the check sheet opens, so that a pass after a revision offers
 * whoever is in the department then.
 */
@Component("offerStaff")
public class OfferStaffListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    task.setVariable(STAFF_OPTIONS, Options.json(Actors.staffOf(KyodoGroups.identity(task), DEPARTMENT_GROUP.get(task))));
  }
}
