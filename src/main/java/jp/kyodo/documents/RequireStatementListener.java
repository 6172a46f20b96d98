package jp.kyodo.documents;

import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 旭川 Q19: public money spent on a collaboration is accounted for with its evidence — the completion report (実施報告,
 * and its correction) is not accepted without the 収支決算書 attached. Runs when the task is completed, before anything
 * is recorded: the refusal is the forms' (400, nothing changed).
 */
@Component("requireStatement")
public class RequireStatementListener implements TaskListener {

  static final String MESSAGE = "収支決算書が添付されていません。タスクの「添付書類」のページから収支決算書（PDF・Excel など）を"
      + "添付してから、実施報告を提出してください（旭川市 Q19: 支出は証拠書類で明らかにします）。";

  private final DocumentRepository documents;

  public RequireStatementListener(DocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (AttachmentPoints.STATEMENT_REQUIRED.contains(task.getTaskDefinitionKey())
        && !documents.has(task.getProcessInstanceId(), DocumentKind.STATEMENT)) {
      throw new InvalidInputException(MESSAGE);
    }
  }
}
