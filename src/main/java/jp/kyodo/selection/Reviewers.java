package jp.kyodo.selection;

import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.platform.Actors;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What only a reviewer in person may do: declare their conflicts of interest and score. */
final class Reviewers {

  private Reviewers() {}

  /** Refuses anyone but the reviewer; the engine acting on its own (no user) is let through. */
  static void requireInPerson(DelegateTask task, String reviewer) {
    String acting = Actors.currentOrNull(task);
    if (acting != null && !acting.equals(reviewer)) {
      throw new InvalidInputException("この申告・採点は審査委員本人（" + reviewer + "）しか行えません。");
    }
  }
}
