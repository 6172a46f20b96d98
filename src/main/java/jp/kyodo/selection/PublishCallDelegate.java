package jp.kyodo.selection;

import static jp.kyodo.selection.SelectionProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import jp.kyodo.platform.Actors;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the checked call (公募) under a number applicants quote, with the deadline at the end of
 * the deadline day in Japan, on the public page (関市 ルール4 「機会が公平に開かれている」, 旭川 Q30 公募制度); the
 * organisations registered for one of its fields are told by e-mail ({@link CallNotices}). A new call starts a new round, so the previous round's ranking and
 * committee decision are cleared from the instance (they stay in the record and in history).
 */
@Component("publishCall")
public class PublishCallDelegate implements JavaDelegate {

  static final List<String> ROUND_VARIABLES = List.of(RANKING, RANKING_SUMMARY.name(), FIXATION_WARNING.name(),
      CANDIDATE_OPTIONS, SELECTED_APPLICATION.name(), SELECTION_REASON.name(), SELECTION_APPROVAL.name(),
      SELECTION_APPROVAL_COMMENT.name(), NO_PARTNER_SITUATION.name(), APPLICATION_OPTIONS);

  private final SelectionRepository records;
  private final CallNotices notices;

  public PublishCallDelegate(SelectionRepository records, CallNotices notices) {
    this.records = records;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant deadlineAt = endOfDay(APPLICATION_DEADLINE.get(execution));
    String callNumber = records.publishCall(SELECTION_NUMBER.get(execution), CALL_PURPOSE.get(execution),
        CALL_ELIGIBILITY.get(execution), SelectionForms.criteria(execution), deadlineAt,
        QUORUM.get(execution).intValue(), REVIEWERS.get(execution),
        new SelectionRepository.CallTerms(CALL_BUDGET.get(execution), CALL_FIELDS.get(execution),
            DEPARTMENT_NAME.get(execution), CHOSEN_FORM.get(execution),
            jp.kyodo.project.Project.OTHER_FORM_DESCRIPTION.get(execution)),
        Actors.currentOrSystem(execution), jp.kyodo.platform.SourceKey.of(execution));
    CALL_NUMBER.set(execution, callNumber);
    notices.callOpened(execution.getProcessEngineServices().getIdentityService(), records.call(callNumber).orElseThrow());
    DEADLINE_AT.set(execution, Date.from(deadlineAt));
    ROUND_VARIABLES.forEach(execution::removeVariable);
  }

  static Instant endOfDay(String isoDate) {
    return CityCalendar.startOf(LocalDate.parse(isoDate).plusDays(1));
  }
}
