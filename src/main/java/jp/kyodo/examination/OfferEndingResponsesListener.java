package jp.kyodo.examination;

import static jp.kyodo.examination.ExaminationProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.examination.ExaminationChoices.EndingResponse;
import jp.kyodo.forms.Options;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Offers the proposer the answers the confirmed end allows: revise and submit again where a revision can change the
 * result (小金井 第2章(2), 関市 図1, 旭川 Q20), only accepting where it cannot (旭川 Q9). The server accepts only what
 * is offered, so a proposer cannot revise what the guidelines leave to the city.
 */
@Component("offerEndingResponses")
public class OfferEndingResponsesListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ExaminationOutcome ending = ExaminationOutcome.valueOf(PROPOSED_ENDING.get(task));
    Map<String, String> options = new LinkedHashMap<>();
    if (ending.revisable()) {
      options.put(EndingResponse.REVISE.code(), EndingResponse.REVISE.label());
    }
    options.put(EndingResponse.ACCEPT.code(), EndingResponse.ACCEPT.label());
    task.setVariable(ENDING_RESPONSE_OPTIONS, Options.json(options));
  }
}
