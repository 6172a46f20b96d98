package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.List;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the department's call together as the text the collaboration office checks and applicants
 * will read (公募要項: purpose, eligibility, criteria with weights, deadline — 関市 ルール4 2(2)①②).
 */
@Component("composeCall")
public class ComposeCallDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<Criterion> criteria = SelectionForms.criteria(execution);
    try {
      ScoreAggregation.checkCriteria(criteria);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    CALL_SUMMARY.set(execution, summary(TITLE.get(execution), CALL_PURPOSE.get(execution),
        CALL_ELIGIBILITY.get(execution), criteria, APPLICATION_DEADLINE.get(execution)));
  }

  static String summary(String title, String purpose, String eligibility, List<Criterion> criteria, String deadline) {
    StringBuilder text = new StringBuilder();
    text.append("事業名: ").append(title).append('\n');
    text.append("募集の目的と事業の内容: ").append(purpose).append('\n');
    text.append("応募資格: ").append(eligibility).append('\n');
    text.append("審査基準（配点）: ");
    for (int i = 0; i < criteria.size(); i++) {
      text.append(i == 0 ? "" : "、").append(criteria.get(i).label()).append("（").append(criteria.get(i).weight()).append("点）");
    }
    text.append('\n').append("応募の締切: ").append(deadline).append(" 24時");
    return text.toString();
  }
}
