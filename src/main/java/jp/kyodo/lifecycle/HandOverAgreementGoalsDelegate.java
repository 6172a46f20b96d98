package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.FiscalYearProcess.AGREEMENT_GOALS;

import java.util.List;
import jp.kyodo.agreement.Agreement;
import jp.kyodo.agreement.AgreementRepository;
import jp.kyodo.evaluation.AgreementGoal;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * ⑤ 事業の評価 asks "reached?" about the measurable goals the year's agreement fixed (小金井 ④ what, by when;
 * 関市 V-3): they are read from the agreement and handed over as {@code agreementGoals}, the target being the
 * indicator's due date.
 */
@Component("handOverAgreementGoals")
public class HandOverAgreementGoalsDelegate implements JavaDelegate {

  private final AgreementRepository agreements;

  public HandOverAgreementGoalsDelegate(AgreementRepository agreements) {
    this.agreements = agreements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = Project.AGREEMENT_NUMBER.get(execution);
    Agreement agreement = agreements.find(number)
        .orElseThrow(() -> new IllegalStateException("the project's agreement " + number + " is not in kyodo_agreement"));
    List<AgreementGoal> goals = agreement.goals().stream()
        .map(g -> new AgreementGoal(g.id(), g.description(), g.indicator(), "達成期限 " + g.due())).toList();
    execution.setVariable(AGREEMENT_GOALS, SpinValues.jsonValue(AgreementGoal.toJson(goals)).create());
  }
}
