package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.selection.ScoreAggregation.Criterion;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one reviewer's scores on one application. A reviewer who declared a conflict of interest on
 * it (or has not declared at all) is refused, whatever route the scores came by.
 */
@Component("recordReview")
public class RecordReviewListener implements TaskListener {

  private final SelectionRepository records;

  public RecordReviewListener(SelectionRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    String reviewer = REVIEWER.get(task);
    String application = APPLICATION_ID.get(task);
    Reviewers.requireInPerson(task, reviewer);
    if (!records.mayScore(application, reviewer)) {
      throw new InvalidInputException("利害関係を申告した応募（または申告していない応募）は採点できません。");
    }
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (Criterion criterion : SelectionForms.criteria(task)) {
      int slot = Integer.parseInt(criterion.id().substring(1));
      scores.put(criterion.id(), score(slot).get(task).intValue());
    }
    records.recordReview(application, reviewer, scores, REVIEW_COMMENT.get(task));
  }
}
