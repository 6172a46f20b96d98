package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.FiscalYearProcess.*;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * While this year's ④ runs, the department decided how next year goes on (旭川 Q52: the decision to continue is
 * taken before the year ends, so that a continued project's budget is requested in November and its agreement
 * signed in April; a new call under 翌年度実施型 opens in July–September): the lifecycle is asked to start next
 * fiscal year now, with the partner (when it continues) and the staff as they are. This year goes on to its
 * evaluation and improvement, which can still stop next year's work with a reason.
 */
@Component("startNextYear")
public class StartNextYearDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String project = PROJECT_INSTANCE_ID.get(execution);
    if (project == null) {
      throw new IllegalStateException("a fiscal year started outside a project cannot start the next one");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(NEXT_YEAR_PLAN.name(), NEXT_YEAR_PLAN.get(execution));
    variables.put(NEXT_YEAR_NOTE.name(), NEXT_YEAR_NOTE.get(execution));
    variables.put(REQUESTED_FISCAL_YEAR.name(), Project.FISCAL_YEAR.get(execution) + 1);
    variables.put(CONTINUING_PARTNER_GROUP.name(), Project.PARTNER_GROUP.get(execution));
    variables.put(CONTINUING_PARTNER_NAME.name(), Project.PARTNER_NAME.get(execution));
    for (String coPartners : CONTINUING_CO_PARTNERS) {
      variables.put(coPartners, execution.getVariableTyped(coPartners));
    }
    variables.put(Project.MAIN_STAFF.name(), Project.MAIN_STAFF.get(execution));
    variables.put(Project.DEPUTY_STAFF.name(), Project.DEPUTY_STAFF.get(execution));
    if (!ProjectInstances.tellProject(execution, project, Messages.NEXT_FISCAL_YEAR_REQUESTED, variables)) {
      throw new jp.kyodo.forms.InvalidInputException("この事業は来年度を始められる状態にありません（事業がすでに終了した、"
          + "または ① 事業の検討からやり直しています）。市民協働課に確認してください。");
    }
  }
}
