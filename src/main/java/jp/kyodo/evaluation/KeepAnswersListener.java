package jp.kyodo.evaluation;

import java.util.Arrays;
import java.util.List;
import jp.kyodo.evaluation.EvaluationChoices.ThirdPartyViewpoint;
import jp.kyodo.evaluation.EvaluationProcess.Elements;
import jp.kyodo.evaluation.EvaluationRepository.SheetAnswer;
import jp.kyodo.evaluation.EvaluationRepository.Side;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a self-evaluation (or the third-party evaluation) when its task completes. The answers were entered
 * on the task (task-local) and go to the evaluation's table, not to the process: a partner's task can read
 * every process variable, so the department's answers must not be there before the partner's are in, nor
 * the other way round (東久留米 III-7: each side evaluates itself, then the results are shared).
 */
@Component("keepAnswers")
public class KeepAnswersListener implements TaskListener {

  private final EvaluationRepository records;

  public KeepAnswersListener(EvaluationRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Side side = switch (task.getTaskDefinitionKey()) {
      case Elements.DEPARTMENT_SELF -> Side.DEPARTMENT;
      case Elements.PARTNER_SELF -> Side.PARTNER;
      case Elements.THIRD_PARTY -> Side.THIRD_PARTY;
      default -> throw new IllegalStateException("keepAnswers on unexpected task " + task.getTaskDefinitionKey());
    };
    List<SheetAnswer> answers = side == Side.THIRD_PARTY
        ? Arrays.stream(ThirdPartyViewpoint.values()).map(v -> answer(task, v.answer(), v.comment())).toList()
        : Arrays.stream(EvaluationItem.values()).map(i -> answer(task, i.answer(), i.comment())).toList();
    records.keepAnswers(task.getProcessInstanceId(), side, answers, Actors.currentOrSystem(task),
        CityCalendar.now());
  }

  private static SheetAnswer answer(DelegateTask task, Var<String> answer, Var<String> comment) {
    return new SheetAnswer(answer.name(), (String) task.getVariableLocal(answer.name()),
        (String) task.getVariableLocal(comment.name()));
  }
}
