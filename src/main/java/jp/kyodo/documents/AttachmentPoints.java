package jp.kyodo.documents;

import static jp.kyodo.documents.DocumentKind.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.agreement.AgreementProcess;
import jp.kyodo.evaluation.EvaluationProcess;
import jp.kyodo.execution.ExecutionProcess;
import jp.kyodo.lifecycle.Phase;

/**
 * The tasks where the guidelines expect paper, and which kinds each takes. Any other task takes none: an upload to it
 * is refused.
 */
final class AttachmentPoints {

  /** A task that takes documents: its process, its phase and the kinds it takes. */
  record Point(String processKey, Phase phase, List<DocumentKind> kinds) {}

  private static final List<DocumentKind> COMPLETION = List.of(STATEMENT, RECEIPT, PHOTO, OTHER);
  private static final List<DocumentKind> EVALUATION = List.of(EVALUATION_SHEET, PHOTO, OTHER);

  static final Map<String, Point> BY_TASK = Map.of(
      // ④ 実施報告: the 収支決算書 and receipts (旭川 Q19 支出の証拠), photos of the work (関市 資料2 成果把握 3)
      ExecutionProcess.Elements.SUBMIT_COMPLETION, new Point(ExecutionProcess.KEY, Phase.EXECUTION, COMPLETION),
      ExecutionProcess.Elements.CORRECT_COMPLETION, new Point(ExecutionProcess.KEY, Phase.EXECUTION, COMPLETION),
      // ④ 進捗報告: photos (評価シート 実施段階 1・4 進捗の共有), receipts so far
      ExecutionProcess.Elements.SUBMIT_REPORT, new Point(ExecutionProcess.KEY, Phase.EXECUTION, List.of(PHOTO, RECEIPT, OTHER)),
      // ③ 協定書を取り交わす: the signed and sealed 協定書 as exchanged on paper
      AgreementProcess.Elements.EXCHANGE, new Point(AgreementProcess.KEY, Phase.AGREEMENT, List.of(SIGNED_AGREEMENT, OTHER)),
      // ⑤ the evaluation sheet (関市 資料2) each side, the third party and the joint review fill in on paper
      EvaluationProcess.Elements.DEPARTMENT_SELF, new Point(EvaluationProcess.KEY, Phase.EVALUATION, EVALUATION),
      EvaluationProcess.Elements.PARTNER_SELF, new Point(EvaluationProcess.KEY, Phase.EVALUATION, EVALUATION),
      EvaluationProcess.Elements.THIRD_PARTY, new Point(EvaluationProcess.KEY, Phase.EVALUATION, EVALUATION),
      EvaluationProcess.Elements.JOINT_REVIEW, new Point(EvaluationProcess.KEY, Phase.EVALUATION, EVALUATION));

  /** The completion report's tasks: neither is completed without a 収支決算書 (旭川 Q19). */
  static final List<String> STATEMENT_REQUIRED = List.of(ExecutionProcess.Elements.SUBMIT_COMPLETION,
      ExecutionProcess.Elements.CORRECT_COMPLETION);

  private AttachmentPoints() {}

  static Optional<Point> of(String processKey, String taskKey) {
    return Optional.ofNullable(BY_TASK.get(taskKey)).filter(point -> point.processKey().equals(processKey));
  }
}
