package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.forms.Options;
import jp.kyodo.registry.OrganisationRepository;
import jp.kyodo.selection.SelectionRepository.Application;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lists the eligible applications, which every reviewer declares conflicts of interest on and then scores. */
@Component("planReviews")
public class PlanReviewsDelegate implements JavaDelegate {

  private final SelectionRepository records;
  private final OrganisationRepository registry;

  public PlanReviewsDelegate(SelectionRepository records, OrganisationRepository registry) {
    this.records = records;
    this.registry = registry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String callNumber = CALL_NUMBER.get(execution);
    Map<String, String> eligible = new LinkedHashMap<>();
    for (Application application : records.applications(callNumber)) {
      if (Boolean.TRUE.equals(application.eligible())) {
        eligible.put(application.applicationId(), label(application));
      }
    }
    ELIGIBLE_COUNT.set(execution, (long) eligible.size());
    execution.setVariable(APPLICATION_OPTIONS, Options.json(eligible));
    if (eligible.isEmpty()) {
      NO_PARTNER_SITUATION.set(execution, "公募 " + callNumber + " の応募は、いずれも応募資格を満たしませんでした（旭川 Q44）。");
    }
  }

  String label(Application application) {
    String name = registry.find(application.organisationId()).map(o -> o.name()).orElse(application.organisationId());
    return application.applicationId() + " " + name + "「" + application.proposalTitle() + "」";
  }
}
