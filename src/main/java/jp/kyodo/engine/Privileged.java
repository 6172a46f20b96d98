package jp.kyodo.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Work the application does as the engine itself, whatever the acting user may read: routing looks up groups, a
 * step evaluates a decision table or reads the history. Inside a command it skips the authorization check; outside
 * one (no engine work going on) it simply runs.
 */
public final class Privileged {

  private Privileged() {}

  public static <T> T run(Callable<T> work) {
    CommandContext context = Context.getCommandContext();
    try {
      return context != null ? context.runWithoutAuthorization(work) : work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
