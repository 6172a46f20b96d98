package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.util.Date;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Scores the sheet both sides agreed in the joint review, and keeps who led the review and when. The score
 * is the share of the sheet's items answered yes ({@link EvaluationItem}, 20: 事業改善 is ⑥'s), a partly counting
 * half: the grade table reads it.
 */
@Component("recordJointReview")
public class RecordJointReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    int points = 0;
    for (EvaluationItem item : EvaluationItem.values()) {
      points += Answer.valueOf(item.answer().get(task)).points();
    }
    SHEET_SCORE.set(task, sheetScore(points));
    JOINT_REVIEWED_BY.set(task, Actors.currentOrSystem(task));
    JOINT_REVIEWED_AT.set(task, Date.from(CityCalendar.now()));
  }

  static long sheetScore(int points) {
    int max = EvaluationItem.values().length * Answer.YES.points();
    return Math.round(points * 100.0 / max);
  }
}
