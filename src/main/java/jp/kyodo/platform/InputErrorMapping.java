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
      List.of(WrappedInputErrors.class, DirectInputErrors.class, FormsOnlyInputFilter.class);

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
      return input != null ? badRequest(input) : camunda.toResponse(exception);
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
}
