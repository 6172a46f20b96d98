package jp.kyodo.registry;

import static jp.kyodo.registry.RegistrationProcess.*;

import java.util.UUID;
import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Enters an application in the registry as 登録申請中, with the applicant as the first member.
 * The organisation's id is also the id of the Camunda group it gets once registered.
 */
@Component("recordRegistrationApplication")
public class RecordRegistrationApplicationDelegate implements JavaDelegate {

  private final OrganisationRepository registry;

  public RecordRegistrationApplicationDelegate(OrganisationRepository registry) {
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String name = ORGANISATION_NAME.get(execution);
    // Applied for on the public page, the process is started by the system: the applicant has no user yet, and
    // becomes the first member when the office approves (RegistrationResults).
    String applicant = APPLICANT.get(execution);
    if (registry.findByName(name).isPresent()) {
      throw nameTaken(name);
    }
    for (int attempt = 1; ; attempt++) {
      String id = "org-" + UUID.randomUUID().toString().substring(0, 8);
      if (registry.insertNew(new Organisation(id, name, OrganisationType.valueOf(ORGANISATION_TYPE.get(execution)),
          REPRESENTATIVE.get(execution), CONTACT_EMAIL.get(execution), CONTACT_PHONE.get(execution),
          ADDRESS.get(execution), ACTIVITY_FIELDS.get(execution), ACTIVITY_RECORD.get(execution),
          FINANCIAL_STATE.get(execution), RegistrationStatus.APPLIED, null, null, null,
          applicant == null ? java.util.List.of() : java.util.List.of(applicant)))) {
        ORGANISATION_ID.set(execution, id);
        return;
      }
      // Refused by a unique index: the same name applied for at the same moment — or, rarely, an id already taken.
      if (registry.findByName(name).isPresent()) {
        throw nameTaken(name);
      }
      if (attempt == 3) {
        throw new IllegalStateException("no free organisation id after " + attempt + " attempts");
      }
    }
  }

  private static InvalidInputException nameTaken(String name) {
    return new InvalidInputException("「" + name + "」という名前の団体は既に団体登録簿にあります。登録内容の変更は市民協働課に相談してください。");
  }
}
