package jp.kyodo.platform;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Function;
import jp.kyodo.variables.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A decision as every phase keeps it: what was decided (a code and the label people read), why, who and when
 * (docs/domain.md 原則: every decision keeps its reason and who made it). Where it was taken — which phase, round,
 * step — is the caller's to say beside it.
 */
public record Decision(String outcome, String label, String reason, String decidedBy, Instant decidedAt) {

  /** Taken now, by the user acting in this transaction ({@value Actors#SYSTEM} for timers and jobs). */
  public static Decision now(String outcome, String label, String reason, ProcessEngineServicesAware scope) {
    return new Decision(outcome, label, reason, Actors.currentOrSystem(scope), CityCalendar.now());
  }

  /**
   * How a process ended, one constant per end event, with where its reason comes from: the phases' outcome enums
   * give the code and label of the decision they end with.
   */
  public interface Outcome {

    /** The end event an outcome belongs to, its label, and where its reason comes from. */
    record Definition(String endEventId, String label, Function<VariableScope, String> reason) {}

    Definition definition();

    /** The stored code; for an enum, its constant name. */
    default String code() {
      return ((Enum<?>) this).name();
    }

    default String label() {
      return definition().label();
    }

    default String endEventId() {
      return definition().endEventId();
    }

    default String reason(VariableScope scope) {
      return definition().reason().apply(scope);
    }

    /** The decision of the end event being passed, taken now by whoever's action ended the process. */
    default Decision decided(DelegateExecution execution) {
      return now(code(), label(), reason(execution), execution);
    }

    static <E extends Enum<E> & Outcome> E atEndEvent(Class<E> outcomes, String activityId) {
      return Arrays.stream(outcomes.getEnumConstants()).filter(o -> o.endEventId().equals(activityId)).findFirst()
          .orElseThrow(() -> new IllegalStateException("end event '" + activityId + "' has no outcome"));
    }
  }

  /**
   * The variables a process keeps its decision in, for Cockpit and for the process that called it. Each phase names
   * them its own way ({@code outcome…}, {@code selectionOutcome…}, {@code improvementDecision…}).
   */
  public record Variables(Var<String> outcome, Var<String> label, Var<String> reason, Var<String> decidedBy,
      Var<Date> decidedAt) {

    public void write(VariableScope scope, Decision d) {
      outcome.set(scope, d.outcome());
      label.set(scope, d.label());
      reason.set(scope, d.reason());
      decidedBy.set(scope, d.decidedBy());
      decidedAt.set(scope, d.decidedAt() == null ? null : Date.from(d.decidedAt()));
    }

    /** The same values by name, for a process written to through the engine's services (not its own scope). */
    public java.util.Map<String, Object> values(Decision d) {
      java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
      values.put(outcome.name(), d.outcome());
      values.put(label.name(), d.label());
      values.put(reason.name(), d.reason());
      values.put(decidedBy.name(), d.decidedBy());
      values.put(decidedAt.name(), d.decidedAt() == null ? null : Date.from(d.decidedAt()));
      return values;
    }

    /** The decision as the variables hold it; a missing time reads as null. */
    public Decision read(VariableScope scope) {
      Date at = decidedAt.get(scope);
      return new Decision(outcome.get(scope), label.get(scope), reason.get(scope), decidedBy.get(scope),
          at == null ? null : at.toInstant());
    }

    /** The five names, for a mapping that copies the decision as a whole. */
    public java.util.List<String> names() {
      return java.util.List.of(outcome.name(), label.name(), reason.name(), decidedBy.name(), decidedAt.name());
    }
  }
}
