package jp.kyodo.evaluation;

import static jp.kyodo.evaluation.EvaluationProcess.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.evaluation.EvaluationChoices.Answer;
import jp.kyodo.evaluation.EvaluationChoices.ThirdPartyViewpoint;
import jp.kyodo.evaluation.EvaluationRepository.SheetAnswer;
import jp.kyodo.evaluation.EvaluationRepository.Side;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Runs once both self-evaluations are in: puts the two sides' answers side by side for the joint review
 * and flags every item where they differ (東久留米 III-7: the results are shared to find the issues of the
 * collaboration). Where both gave the same answer it is proposed as the agreed one; where they differ the
 * joint review has to settle it.
 */
@Component("compareSelfEvaluations")
public class CompareSelfEvaluationsDelegate implements JavaDelegate {

  private final EvaluationRepository records;

  public CompareSelfEvaluationsDelegate(EvaluationRepository records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String instance = execution.getProcessInstanceId();
    Map<String, SheetAnswer> department = records.answers(instance, Side.DEPARTMENT);
    Map<String, SheetAnswer> partner = records.answers(instance, Side.PARTNER);
    // Every item answered, rather than as many answers as items: a sheet kept before 事業改善 moved to ⑥ has five more.
    Set<String> items = Arrays.stream(EvaluationItem.values()).map(EvaluationItem::code)
        .collect(Collectors.toSet());
    if (!department.keySet().containsAll(items) || !partner.keySet().containsAll(items)) {
      throw new IllegalStateException("both self-evaluations must be complete before they are compared: " + instance);
    }
    List<EvaluationItem> differing = new ArrayList<>();
    for (EvaluationItem item : EvaluationItem.values()) {
      SheetAnswer ours = department.get(item.code());
      SheetAnswer theirs = partner.get(item.code());
      boolean differs = !ours.answer().equals(theirs.answer());
      if (differs) {
        differing.add(item);
      } else {
        item.answer().set(execution, ours.answer());
      }
      if (differs || ours.comment() != null || theirs.comment() != null) {
        item.views().set(execution, view(Side.DEPARTMENT, ours) + "\n" + view(Side.PARTNER, theirs));
      }
    }
    DIFFERING_ITEMS.set(execution, differing.stream().map(EvaluationItem::code).toList());
    DIFFERENCE_SUMMARY.set(execution, differing.isEmpty()
        ? "双方の自己評価は" + EvaluationItem.values().length + "項目すべてで一致しました。"
        : "双方の回答が異なる項目が" + differing.size() + "件あります（"
            + differing.stream().map(EvaluationItem::shortLabel).collect(Collectors.joining("、"))
            + "）。合同の振り返りで話し合い、合意した回答を選んでください。");
    Map<String, SheetAnswer> thirdParty = records.answers(instance, Side.THIRD_PARTY);
    if (!thirdParty.isEmpty()) {
      List<String> lines = new ArrayList<>();
      for (ThirdPartyViewpoint viewpoint : ThirdPartyViewpoint.values()) {
        lines.add(viewpoint.question() + ": " + view(thirdParty.get(viewpoint.code())));
      }
      THIRD_PARTY_SUMMARY.set(execution, String.join("\n", lines));
    }
  }

  private static String view(Side side, SheetAnswer answer) {
    return side.label() + ": " + view(answer);
  }

  private static String view(SheetAnswer answer) {
    String label = Answer.labelOf(answer.answer());
    return answer.comment() == null ? label : label + "（" + answer.comment() + "）";
  }
}
