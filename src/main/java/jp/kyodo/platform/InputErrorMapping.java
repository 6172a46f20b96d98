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

/**
 * Answers refused input with 400 and the clerk-readable message, on {@code /engine-rest} and on
 * the webapps' {@code /camunda/api/engine} alike. Camunda's REST layer wraps anything thrown
 * while completing a task or starting an instance into a 500; this unwraps our own refusals, leaves
 * Camunda's refusals (4xx) to Camunda's handler, with a clerk's sentence first, and answers what is
 * left as a server error with a reference ({@link ServerErrors}).
 */
public final class InputErrorMapping {

  /** The provider classes for both JAX-RS applications (with {@link WriteGate}). */
  public static final List<Class<?>> PROVIDERS = List.of(WrappedInputErrors.class, DirectInputErrors.class,
      ConcurrentChanges.class, EngineErrors.class, MalformedJson.class, UnreadableJson.class, WebErrors.class,
      WriteGate.class, TaskRaceFilter.class);

  static final String TASK_GONE_MESSAGE =
      "このタスクは既に完了したか、取り消されています。タスクの一覧を更新してください。";
  static final String CONCURRENT_MESSAGE =
      "ほかの人が同時にこの事業を更新しました。画面を更新して、最新の状態を確かめてからもう一度操作してください。";

  static final String COMPLETED_MEANWHILE_MESSAGE =
      "このタスクは、同じときにほかの人（または別の画面）が完了しました。この送信の内容は反映されていません。"
          + "タスクの一覧を更新してください。";
  static final String MALFORMED_JSON_MESSAGE =
      "送信された内容を読み取れませんでした（JSON の形式が正しくありません）。画面を更新して、もう一度送信してください。";

  /** What a clerk reads first for each of Camunda's own refusals; Camunda's text follows as the detail. */
  static final Map<Integer, String> CLERK_MESSAGES = Map.of(
      400, "送信された内容を受け付けられませんでした。値の形式（数値・日付・選択肢など）を確かめてください。",
      401, "ログインが必要です。",
      403, "この操作を行う権限がありません。",
      404, "対象が見つかりません。既に完了したか、取り消されたか、閲覧する権限がない可能性があります。",
      405, "この操作はできません。",
      409, CONCURRENT_MESSAGE,
      415, "送信された内容の形式（Content-Type）を受け付けられません。JSON で送信してください。");

  /** SQL states of a lost race: unique violation, serialization failure, deadlock (PostgreSQL and H2 alike). */
  static final java.util.Set<String> CONFLICT_SQL_STATES = java.util.Set.of("23505", "40001", "40P01");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private InputErrorMapping() {}

  /**
   * A write that lost a race against another node or clerk on a unique constraint or a lock — the database refused
   * it and the engine rolled the command back: answered like the engine's own optimistic-locking conflict.
   */
  static boolean lostRace(Throwable error) {
    if (find(error, OptimisticLockingException.class) != null
        || find(error, org.springframework.dao.DuplicateKeyException.class) != null
        || find(error, org.springframework.dao.PessimisticLockingFailureException.class) != null) {
      return true;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql) {
        for (java.sql.SQLException e = sql; e != null; e = e.getNextException()) {
          if (CONFLICT_SQL_STATES.contains(e.getSQLState())) {
            return true;
          }
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * Camunda's answer for anything Kyodo does not map itself; a refusal (4xx) gets a Japanese sentence a clerk
   * understands in front of Camunda's technical text. A server error is Kyodo's: Camunda's would carry the
   * exception's class name and message, which may quote SQL ({@link ServerErrors}).
   */
  static Response camunda(Throwable error) {
    var helper = org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance();
    Response.Status status = helper.getStatus(error);
    if (status == null || status.getStatusCode() >= 500) {
      return ServerErrors.response(error);
    }
    return clerkReadable(helper.getResponse(error));
  }

  /** Any failure of a JAX-RS call: refused input, a lost race, a task gone, else Camunda's answer (above). */
  static Response answer(Throwable error) {
    InvalidInputException input = find(error);
    if (input != null) {
      return badRequest(input);
    }
    if (lostRace(error)) {
      return conflict();
    }
    NullValueException missing = find(error, NullValueException.class);
    if (missing != null && String.valueOf(missing.getMessage()).startsWith("Cannot find task")) {
      return gone();
    }
    return camunda(error);
  }

  static Response clerkReadable(Response response) {
    int status = response.getStatus();
    if (status < 400 || status >= 500 || !(response.getEntity() instanceof org.camunda.bpm.engine.rest.dto.ExceptionDto dto)) {
      return response;
    }
    String clerk = CLERK_MESSAGES.getOrDefault(status, "この操作は受け付けられませんでした。");
    // Every field Camunda sent stays (an authorization refusal lists what is missing); the message leads in Japanese.
    Map<String, Object> body = new LinkedHashMap<>(JSON.convertValue(dto,
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    String detail = ServerErrors.readable(dto.getMessage());
    body.put("message", detail == null ? clerk : clerk + "（詳細: " + detail + "）");
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

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

  /** The task was completed by someone else at the same moment as this attempt (see {@link TaskRaceFilter}). */
  static Response completedMeanwhile() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TaskCompletedMeanwhile");
    body.put("message", COMPLETED_MEANWHILE_MESSAGE);
    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
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
    @Override
    public Response toResponse(RestException exception) {
      return answer(exception);
    }
  }

  /** Engine errors that reach the REST layer unwrapped: the same answers as for wrapped ones. */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class EngineErrors implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {
    @Override
    public Response toResponse(org.camunda.bpm.engine.ProcessEngineException exception) {
      return answer(exception);
    }
  }

  static Response malformedJson() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "MalformedJson");
    body.put("message", MALFORMED_JSON_MESSAGE);
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** A body that is not JSON at all (cut off, a stray character). */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class MalformedJson implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException exception) {
      return malformedJson();
    }
  }

  /** JSON of the wrong shape (a list where an object is due, a text where a number is due in the request). */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class UnreadableJson implements ExceptionMapper<com.fasterxml.jackson.databind.JsonMappingException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException exception) {
      return malformedJson();
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

  /** JAX-RS's own refusals (a wrong content type, a method the resource does not offer) with a clerk's message. */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class WebErrors implements ExceptionMapper<jakarta.ws.rs.WebApplicationException> {
    @Override
    public Response toResponse(jakarta.ws.rs.WebApplicationException exception) {
      int status = exception.getResponse().getStatus();
      if (status >= 500 || !CLERK_MESSAGES.containsKey(status)) {
        return camunda(exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", exception.getClass().getSimpleName());
      String detail = ServerErrors.readable(exception.getMessage());
      body.put("message", detail == null ? CLERK_MESSAGES.get(status) : CLERK_MESSAGES.get(status) + "（詳細: " + detail + "）");
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
