package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Puts the goals of the agreement into the forms' goal slots. Called by the lifecycle, they come as
 * {@code agreementGoals}; started on its own, from the start form's slots, and {@code agreementGoals} is
 * written from them, so both ways leave the same variables behind.
 */
@Component("readAgreementGoals")
public class ReadAgreementGoalsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object handedOver = execution.getVariable(AGREEMENT_GOALS);
    List<AgreementGoal> goals = new ArrayList<>();
    if (handedOver != null) {
      goals.addAll(AgreementGoal.parse(handedOver.toString()));
      for (int i = 0; i < goals.size(); i++) {
        GoalSlot slot = GOALS.get(i);
        AgreementGoal goal = goals.get(i);
        slot.id().set(execution, goal.id());
        slot.description().set(execution, goal.description());
        slot.indicator().set(execution, goal.indicator());
        slot.target().set(execution, goal.target());
      }
    } else {
      for (GoalSlot slot : GOALS) {
        if (slot.description().get(execution) != null) {
          AgreementGoal goal = new AgreementGoal("G" + slot.number(), slot.description().get(execution),
              slot.indicator().get(execution), slot.target().get(execution));
          slot.id().set(execution, goal.id());
          goals.add(goal);
        }
      }
    }
    execution.setVariable(AGREEMENT_GOALS, SpinValues.jsonValue(AgreementGoal.toJson(goals)).create());
  }
}
