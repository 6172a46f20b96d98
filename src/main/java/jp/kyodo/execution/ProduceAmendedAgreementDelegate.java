package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.time.Instant;
import java.util.List;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementDocument;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Produces the amended 協定書 with ③'s document: the agreement as it now stands, marked 変更協定 第N号 and listing every
 * amendment, in place of the previous one at the same address; the document it replaces is kept with the amendment.
 * It runs as its own job after the change is committed (asyncBefore, as ③ produces its document): a failure is
 * retried, then shows as an incident, and the amended agreement stays as agreed.
 */
@Component("produceAmendedAgreement")
public class ProduceAmendedAgreementDelegate implements JavaDelegate {

  private final ExecutionRepository executions;
  private final AgreementRepository agreements;
  private final AgreementDocument document;

  public ProduceAmendedAgreementDelegate(ExecutionRepository executions, AgreementRepository agreements,
      AgreementDocument document) {
    this.executions = executions;
    this.agreements = agreements;
    this.document = document;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = AGREEMENT_NUMBER.get(execution);
    Agreement agreement = agreements.find(number).orElseThrow(() -> new IllegalStateException("no agreement " + number));
    ExecutionRepository.PlanChange change = executions.planChange(PLAN_CHANGE_ID.get(execution));
    List<AgreementDocument.Amendment> amendments = executions.amendments(number).stream()
        .map(a -> new AgreementDocument.Amendment(a.amendmentNo(), a.agreedOn(), a.summary(), a.changes())).toList();
    Instant now = CityCalendar.now();
    byte[] replaced = agreements.document(number).map(AgreementRepository.StoredDocument::content).orElse(null);
    executions.amendedDocument(number, change.amendmentNo(), replaced, now);
    agreements.storeDocument(number, document.fileName(agreement), document.render(agreement, amendments), now);
  }
}
