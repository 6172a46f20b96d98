package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Produces the 協定書 PDF from the approved agreement as stored, and keeps it with the agreement. It runs
 * as its own job after the approval is committed (asyncBefore): a failure is retried, then shows as an
 * incident in Cockpit, and the approved agreement and everything entered stay as they are.
 */
@Component("generateAgreementDocument")
public class GenerateAgreementDocumentDelegate implements JavaDelegate {

  private final AgreementRepository agreements;
  private final AgreementDocument document;

  public GenerateAgreementDocumentDelegate(AgreementRepository agreements, AgreementDocument document) {
    this.agreements = agreements;
    this.document = document;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = AGREEMENT_NUMBER.get(execution);
    Agreement agreement = agreements.find(number)
        .orElseThrow(() -> new IllegalStateException("agreement " + number + " is not in the tables"));
    agreements.storeDocument(number, document.fileName(agreement), document.render(agreement),
        CityCalendar.now());
  }
}
