package jp.kyodo.forms;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input that a form, a REST call or a delegate refused. The engine rolls the whole command back,
 * so the task, the instance and every variable stay as they were; the REST layer answers 400. As a
 * bad user request, the engine logs it at debug level rather than as an engine error.
 */
public class InvalidInputException extends BadUserRequestException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super("入力内容を確認してください: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
