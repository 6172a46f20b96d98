package jp.kyodo.agreement;

import static jp.kyodo.agreement.AgreementProcess.*;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import jp.kyodo.examination.ExaminationChoices.CollaborationForm;
import jp.kyodo.agreement.AgreementChoices.ReportRhythm;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.registry.Partnership;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the approved agreement into Kyodo's tables with a new number — fiscal year, department and
 * serial, e.g. {@code 2026-fukushi-001} — together with every confirmation and the approval (who, when,
 * why). The registry also learns that the partner held this department's collaboration in that year,
 * the basis of the partner-fixation warning (千葉 ②).
 */
@Component("recordAgreement")
public class RecordAgreementDelegate implements JavaDelegate {

  private final AgreementRepository agreements;
  private final OrganisationRepository registry;

  public RecordAgreementDelegate(AgreementRepository agreements, OrganisationRepository registry) {
    this.agreements = agreements;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int fiscalYear = FISCAL_YEAR.get(execution).intValue();
    String department = DEPARTMENT_GROUP.get(execution);
    String project = PROJECT_NUMBER.get(execution);
    // The process instance records one agreement: run again (a retried command), it finds the one it wrote.
    String sourceKey = "agreement:" + execution.getProcessInstanceId();
    Optional<String> recorded = agreements.numberBySourceKey(sourceKey);
    if (recorded.isPresent()) {
      refer(execution, recorded.get());
      return;
    }
    if (project != null && agreements.existsForProjectYear(project, fiscalYear)) {
      throw new InvalidInputException("事業番号「" + project + "」の" + fiscalYear + "年度の協定は既にあります（旭川 Q31）。");
    }
    AgreementDraft draft = AgreementDraft.read(execution);
    var decisions = AgreementDecisions.all(execution);
    var approval = decisions.get(decisions.size() - 1);
    String approver = Actors.currentOrNull(execution);
    IntFunction<Agreement> withSerial = serial -> new Agreement(number(fiscalYear, department, serial), fiscalYear,
        project, TITLE.get(execution), department, DEPARTMENT_NAME.get(execution), PARTNER_GROUP.get(execution), PARTNER_NAME.get(execution),
        CHOSEN_FORM.get(execution),
        CollaborationForm.descriptionOf(CHOSEN_FORM.get(execution), OTHER_FORM_DESCRIPTION.get(execution)),
        COST_ESTIMATE.get(execution), MAIN_STAFF.get(execution), DEPUTY_STAFF.get(execution),
        PURPOSE.get(execution), FINAL_GOAL.get(execution), draft.goals(), draft.roles(), draft.budget(),
        draft.incomeOwnFunds(), draft.incomeFees(), draft.incomeOther(),
        new Agreement.PaymentPlan(draft.paymentType(), draft.paymentTiming(), PAYMENT_AMOUNT.get(execution),
            ADVANCE_AMOUNT.get(execution), FINAL_AMOUNT.get(execution), PAYMENT_TERMS_NOTE.get(execution),
            GRANT_DECISION_REF.get(execution), draft.instalments(ReportRhythm.valueOf(REPORT_RHYTHM.get(execution)).period())),
        draft.termStart(), draft.termEnd(), REPORT_RHYTHM.get(execution),
        new Agreement.Clauses(CLAUSE_CONFIDENTIALITY.get(execution), CLAUSE_SURPLUS.get(execution),
            CLAUSE_RESULTS.get(execution), CLAUSE_TROUBLE.get(execution)),
        decisions, Agreement.APPROVED, approver != null ? approver : approval.decision().decidedBy(),
        CityCalendar.now(), null, execution.getProcessInstanceId(), WORK_PLAN.get(execution), SELECTION_NUMBER.get(execution));
    OptionalInt serial = agreements.insertNumbered(fiscalYear, department,
        taken -> agreements.insert(withSerial.apply(taken), taken, sourceKey), () -> {
          // Refused: this step's agreement written meanwhile (a retry racing itself), or the project's year taken by
          // another approval at the same moment; otherwise the number was taken and the next one is tried.
          if (agreements.numberBySourceKey(sourceKey).isPresent()) {
            return true;
          }
          if (project != null && agreements.existsForProjectYear(project, fiscalYear)) {
            throw new InvalidInputException("事業番号「" + project + "」の" + fiscalYear + "年度の協定は既にあります（旭川 Q31）。");
          }
          return false;
        });
    if (serial.isEmpty()) {
      refer(execution, agreements.numberBySourceKey(sourceKey).orElseThrow());
      return;
    }
    Agreement recordedAgreement = withSerial.apply(serial.getAsInt());
    String number = recordedAgreement.number();
    // A year the selection entered already is found there; a continued year (no selection) is entered here.
    if (registry.find(recordedAgreement.partnerGroup()).isPresent()) {
      registry.recordPartnership(new Partnership(recordedAgreement.partnerGroup(), department, project,
          recordedAgreement.title(), fiscalYear, execution.getProcessInstanceId()));
    }
    refer(execution, number);
  }

  /** The process refers to its agreement by number and by the 協定書's download address. */
  private static void refer(DelegateExecution execution, String number) {
    AGREEMENT_NUMBER.set(execution, number);
    DOCUMENT_URL.set(execution, documentUrl(number));
  }

  /** {@code 2026-fukushi-001}: ASCII, sortable, readable on the phone. */
  static String number(int fiscalYear, String departmentGroup, int serial) {
    String code = departmentGroup.startsWith("dept-") ? departmentGroup.substring(5) : departmentGroup;
    if (code.length() > 24) {
      code = code.substring(0, 24);
    }
    return String.format("%d-%s-%03d", fiscalYear, code, serial);
  }
}
