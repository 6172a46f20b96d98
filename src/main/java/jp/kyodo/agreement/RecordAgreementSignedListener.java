package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the exchange of the signed 協定書 (締結日, who recorded it): the agreement is concluded. */
@Component("recordAgreementSigned")
public class RecordAgreementSignedListener implements TaskListener {

  private final AgreementRepository agreements;

  public RecordAgreementSignedListener(AgreementRepository agreements) {
    this.agreements = agreements;
  }

  @Override
  public void notify(DelegateTask task) {
    agreements.markConcluded(AGREEMENT_NUMBER.get(task), CityCalendar.parseDay(SIGNED_ON.get(task)).orElseThrow(),
        Actors.currentOrSystem(task), EXCHANGE_NOTE.get(task));
  }
}
