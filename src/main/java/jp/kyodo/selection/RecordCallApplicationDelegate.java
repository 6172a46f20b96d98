package jp.kyodo.selection;

import static jp.kyodo.selection.CallApplicationProcess.*;

import java.time.format.DateTimeFormatter;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.registry.Organisation;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionRepository.Call;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Accepts the submitted draft of an application to a public call only from a registered organisation the applicant
 * still acts for (事前登録, 旭川 Q42), only
 * while the call is open — until the end of its deadline day — and once per organisation. Anything else
 * is refused with the reason, and nothing is kept.
 */
@Component("recordCallApplication")
public class RecordCallApplicationDelegate implements JavaDelegate {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final SelectionRepository records;
  private final OrganisationRepository registry;

  public RecordCallApplicationDelegate(SelectionRepository records, OrganisationRepository registry) {
    this.records = records;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String applicant = APPLICANT.get(execution);
    String chosen = APPLICANT_GROUP.get(execution);
    // The organisation was chosen on the call's page; it is checked again now, at the submission: a membership or a
    // registration may have ended while the draft was written.
    if (applicant == null || chosen == null
        || !KyodoGroups.isMember(execution.getProcessEngineServices().getIdentityService(), applicant, chosen)) {
      throw new InvalidInputException(
          "団体登録が済んでいない方は公募に応募できません。先に「団体登録」を申請してください（旭川 Q42）。");
    }
    Organisation organisation = registry.find(chosen).filter(Organisation::mayApply)
        .orElseThrow(() -> new InvalidInputException(
            "団体登録が承認されていない団体は公募に応募できません（旭川 Q42）。登録の状況は市民協働課に確認してください。"));
    String callNumber = CALL_NUMBER.get(execution);
    Call call = records.call(callNumber).orElseThrow(() ->
        new InvalidInputException("公募番号「" + callNumber + "」の公募はありません。公募番号を確かめてください。"));
    if (!call.acceptsApplicationsAt(CityCalendar.now())) {
      String lastDay = DAY.format(CityCalendar.dayOf(call.deadlineAt().minusSeconds(1)));
      throw new InvalidInputException("公募「" + call.projectTitle() + "」（" + callNumber + "）は" + lastDay
          + "で締め切りました。締切後の応募は受け付けられません。");
    }
    String applicationId = records.insertApplication(callNumber, organisation.id(), execution.getProcessInstanceId(),
        applicant, PROPOSAL_TITLE.get(execution), PROPOSAL.get(execution), BUDGET_PLAN.get(execution))
        .orElseThrow(() -> new InvalidInputException(organisation.name() + "はこの公募（" + callNumber + "）に既に応募しています。"));
    APPLICATION_ID.set(execution, applicationId);
    APPLICANT_GROUP.set(execution, organisation.id());
    APPLICANT_NAME.set(execution, organisation.name());
    CALL_TITLE.set(execution, call.projectTitle());
  }
}
