package jp.kyodo.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Answers refused input with 400 and the clerk-readable message, on {@code /engine-rest} and on
 * the webapps' {@code /camunda/api/engine} alike. Camunda's REST layer wraps anything thrown
 * while completing a task or starting an instance into a 500; this unwraps our own refusals and
 * leaves every other error to Camunda's handler.
 */
public final class InputErrorMapping {

  /** The provider classes for both JAX-RS applications (with {@link FormsOnlyInputFilter}). */
  public static final List<Class<?>> PROVIDERS =
      List.of(WrappedInputErrors.class, DirectInputErrors.class, ConcurrentChanges.class, FormsOnlyInputFilter.class);

  static final String TASK_GONE_MESSAGE =
      "このタスクは既に完了したか、取り消されています。タスクの一覧を更新してください。";
  static final String CONCURRENT_MESSAGE =
      "ほかの人が同時にこの事業を更新しました。画面を更新して、最新の状態を確かめてからもう一度操作してください。";

  private InputErrorMapping() {}

  static InvalidInputException find(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException input) {
        return input;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /**
   * Two people completing the same task, or two nodes touching the same instance: the loser gets 409 and a
   * message a clerk can act on, never a 500 with a stack trace. Nothing of the losing attempt was kept.
   */
  static Response conflict() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "ConcurrentChange");
    body.put("message", CONCURRENT_MESSAGE);
    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** The task was completed (by someone else, or by a second click) or withdrawn meanwhile. */
  static Response gone() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TaskGone");
    body.put("message", TASK_GONE_MESSAGE);
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static Response badRequest(InvalidInputException error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "InvalidInputException");
    body.put("message", error.getMessage());
    body.put("problems", error.problems());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** Chosen over Camunda's own mapper for {@link RestException} by its higher priority. */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class WrappedInputErrors implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      InvalidInputException input = find(exception);
      if (input != null) {
        return badRequest(input);
      }
      if (find(exception, OptimisticLockingException.class) != null) {
        return conflict();
      }
      NullValueException missing = find(exception, NullValueException.class);
      if (missing != null && String.valueOf(missing.getMessage()).startsWith("Cannot find task")) {
        return gone();
      }
      return camunda.toResponse(exception);
    }
  }

  @Provider
  @Priority(Priorities.USER - 1000)
  public static class DirectInputErrors implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException exception) {
      return badRequest(exception);
    }
  }

  @Provider
  @Priority(Priorities.USER - 1000)
  public static class ConcurrentChanges implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return conflict();
    }
  }
}
