package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Takes the chosen partner (unless it was chosen before the agreement began) and keeps the names of the partner and
 * of the main and deputy staff beside their ids, for the forms and the document.
 */
@Component("recordAgreementParties")
public class RecordAgreementPartiesListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    IdentityService identity = KyodoGroups.identity(task);
    if (!PARTNER_CHOSEN.isTrue(task)) {
      String partner = CHOSEN_PARTNER_GROUP.get(task);
      PARTNER_GROUP.set(task, partner);
      PARTNER_NAME.set(task, KyodoGroups.group(identity, partner).getName());
    }
    MAIN_STAFF_NAME.set(task, Actors.displayName(identity, MAIN_STAFF.get(task)));
    DEPUTY_STAFF_NAME.set(task, Actors.displayName(identity, DEPUTY_STAFF.get(task)));
  }
}
