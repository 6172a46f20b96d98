package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.kyodo.evaluation.EvaluationRepository.EvaluationGoal;
import jp.kyodo.evaluation.EvaluationRepository.EvaluationRecord;
import jp.kyodo.evaluation.EvaluationRepository.SheetAnswer;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.project.Project;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the evaluation result once the partner has agreed to it, for publication (関市 V-5②, 旭川 Q51
 * 事業実施結果の公開): the goals and how far each was reached, cost and effect, satisfaction, the agreed
 * sheet, the shared findings, the grade and recommendation, who reviewed, who confirmed and when. Its id
 * is the evaluation's process instance id, handed back to the lifecycle as {@code evaluationId}.
 */
@Component("recordEvaluation")
public class RecordEvaluationDelegate implements JavaDelegate {

  private final EvaluationRepository records;

  public RecordEvaluationDelegate(EvaluationRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String id = execution.getProcessInstanceId();
    String confirmedBy = Actors.currentOrSystem(execution);
    Instant now = CityCalendar.now();
    List<EvaluationGoal> goals = new ArrayList<>();
    for (GoalSlot slot : GOALS) {
      if (slot.description().get(execution) != null) {
        goals.add(new EvaluationGoal(slot.number(), slot.id().get(execution), slot.description().get(execution),
            slot.indicator().get(execution), slot.target().get(execution), slot.result().get(execution),
            slot.actual().get(execution)));
      }
    }
    List<SheetAnswer> agreed = Arrays.stream(EvaluationItem.values())
        .map(item -> new SheetAnswer(item.code(), item.answer().get(execution), null)).toList();
    records.record(new EvaluationRecord(id, Project.PROJECT_NUMBER.get(execution), Project.TITLE.get(execution),
        Project.DEPARTMENT_GROUP.get(execution), Project.DEPARTMENT_NAME.get(execution),
        Project.PARTNER_GROUP.get(execution), Project.PARTNER_NAME.get(execution),
        Math.toIntExact(Project.FISCAL_YEAR.get(execution)), GOAL_ACHIEVEMENT.get(execution),
        GOALS_MET.isTrue(execution), Project.COST_ESTIMATE.get(execution), ACTUAL_COST.get(execution),
        EFFECT_MEASURE.get(execution), EFFECT_UNIT.get(execution), PLANNED_EFFECT.get(execution),
        ACTUAL_EFFECT.get(execution), toInteger(EFFICIENCY_PERCENT.get(execution)),
        toInteger(SATISFACTION_PERCENT.get(execution)), toInteger(SURVEY_RESPONDENTS.get(execution)),
        Math.toIntExact(SHEET_SCORE.get(execution)), DIFFERING_ITEMS.get(execution),
        THIRD_PARTY_EVALUATION.isTrue(execution), EVALUATION_GRADE.get(execution),
        EVALUATION_RECOMMENDATION.get(execution), OUTCOME_SUMMARY.get(execution), SHARED_FINDINGS.get(execution),
        JOINT_REVIEWED_BY.get(execution), confirmedBy, now, goals, agreed));
    EVALUATION_ID.set(execution, id);
    EVALUATION_CONFIRMED_BY.set(execution, confirmedBy);
    EVALUATION_RECORDED_AT.set(execution, java.util.Date.from(now));
  }

  private static Integer toInteger(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }
}
