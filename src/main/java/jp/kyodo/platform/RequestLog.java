package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.engine.Privileged;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.MDC;

/**
 * What every log line of a request says about it (docs/monitoring.md, "Logs"): the reference a clerk reads out from
 * an error answer ({@value #REFERENCE}, one per request, also sent as {@value #REFERENCE_HEADER}), who made it once
 * they are known ({@value #USER}: the REST API's Basic login or the webapps' session — never a password or token), and
 * the project's business key when the request works on a task, a process instance or a project
 * ({@value #BUSINESS_KEY}; inside the engine's own steps Camunda sets the same key, {@code loggingContextBusinessKey}).
 * Nothing of the request's body or query goes here.
 */
public final class RequestLog {

  public static final String REFERENCE = "reference";
  public static final String USER = "user";
  public static final String BUSINESS_KEY = "businessKey";
  public static final String REFERENCE_HEADER = "X-Kyodo-Reference";

  /** The request attribute that keeps the reference for the container's error dispatch ({@link ErrorEndpoint}). */
  static final String REFERENCE_ATTRIBUTE = RequestLog.class.getName() + ".reference";

  static final List<String> KEYS = List.of(REFERENCE, USER, BUSINESS_KEY, ServerErrors.REQUEST);

  /** A Camunda id as the engine makes them (a number, or a UUID): nothing else is looked up or logged. */
  private static final String ID = "([0-9A-Za-z][0-9A-Za-z-]{0,63})";
  private static final Pattern TASK = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/task/" + ID + "(?:/.*)?$");
  private static final Pattern INSTANCE = Pattern.compile(
      "^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/process-instance/" + ID + "(?:/.*)?$");
  /** A project number (Kyodo's business key, 2026-001) in Kyodo's own routes: no lookup needed. */
  private static final Pattern PROJECT = Pattern.compile("^/(?:api|public/api)/projects/(\\d{4}-\\d{3,6})(?:/.*)?$");

  private RequestLog() {}

  /** The reference of the request in this thread, or null outside one (a timer, a job). */
  public static String reference() {
    return MDC.get(REFERENCE);
  }

  /** Starts the request's context: its reference (kept across the container's error dispatch) and its name. */
  static String begin(HttpServletRequest request) {
    Object kept = request.getAttribute(REFERENCE_ATTRIBUTE);
    String reference = kept instanceof String given ? given : ServerErrors.newReference();
    request.setAttribute(REFERENCE_ATTRIBUTE, reference);
    MDC.put(REFERENCE, reference);
    MDC.put(ServerErrors.REQUEST, request.getMethod() + " " + request.getRequestURI());
    return reference;
  }

  static void end() {
    KEYS.forEach(MDC::remove);
  }

  /**
   * The user is known (authenticated): from now on every line names them, and the business key of what the request
   * works on is looked up, as the engine, only now — an anonymous caller never makes Kyodo read the database.
   */
  static void signedIn(String userId, HttpServletRequest request, ProcessEngine engine) {
    if (userId == null) {
      return;
    }
    MDC.put(USER, userId);
    try {
      String key = businessKey(path(request), engine);
      if (key != null) {
        MDC.put(BUSINESS_KEY, key);
      }
    } catch (RuntimeException e) {
      // Only the log misses the key: the request itself meets the same database and answers for it.
      org.slf4j.LoggerFactory.getLogger(RequestLog.class).debug("no business key for {}", path(request), e);
    }
  }

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The business key of the task, instance or project a path names; null when it names none or none is found. */
  static String businessKey(String path, ProcessEngine engine) {
    Matcher project = PROJECT.matcher(path);
    if (project.matches()) {
      return project.group(1);
    }
    if (engine == null) {
      return null;
    }
    Matcher task = TASK.matcher(path);
    Matcher instance = INSTANCE.matcher(path);
    String instanceId;
    if (task.matches()) {
      Task found = Privileged.run(() -> engine.getTaskService().createTaskQuery().taskId(task.group(1)).singleResult());
      instanceId = found == null ? null : found.getProcessInstanceId();
    } else if (instance.matches()) {
      instanceId = instance.group(1);
    } else {
      return null;
    }
    if (instanceId == null) {
      return null;
    }
    ProcessInstance process = Privileged.run(() -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(instanceId).singleResult());
    return process == null ? null : process.getBusinessKey();
  }
}
