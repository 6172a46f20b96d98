package jp.kyodo.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one Kyodo lifecycle asked of its people, in order, as the yardstick replays it: the starts, each task with
 * who worked it, the groups it was offered to (or the person it was assigned to), its form and the values
 * submitted, and each move of the clock. {@code instance} tells the lifecycle (0) from the application a partner
 * starts on the call's page (1): the yardstick starts as many instances as Kyodo does.
 */
final class Script {

  sealed interface Step permits Start, Work, Clock {}

  record Start(int instance, String userId, Map<String, Object> values) implements Step {}

  record Work(int instance, String taskKey, String formKey, String userId, List<String> candidateGroups, String assignee,
      Map<String, Object> values) implements Step {}

  record Clock(Instant at) implements Step {}

  final List<Step> steps = new ArrayList<>();
  /** While recording: the statements each action of the lifecycle ran (claim and submit, or start), in order. */
  final List<Map.Entry<String, Long>> statements = new ArrayList<>();
  /** ... and those statements by SQL text. */
  final List<List<Map.Entry<String, Long>>> profiles = new ArrayList<>();

  void add(Step step) {
    steps.add(step);
  }

  List<Work> work() {
    return steps.stream().filter(Work.class::isInstance).map(Work.class::cast).toList();
  }

  List<Work> work(int instance) {
    return work().stream().filter(w -> w.instance() == instance).toList();
  }

  long starts() {
    return steps.stream().filter(Start.class::isInstance).count();
  }

  long clockMoves() {
    return steps.stream().filter(Clock.class::isInstance).count();
  }
}
