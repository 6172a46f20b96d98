package jp.kyodo.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.util.HtmlUtils;

/**
 * What a failure nobody foresaw answers, on every surface (the engine's REST APIs, the webapps' APIs, Kyodo's own
 * APIs and pages): 500 with a Japanese sentence and a reference id, nothing else. The exception — SQL, class names,
 * the stack — goes to the log, on the line that carries the same reference, so the person who reads the reference
 * out over the phone and the operator who searches the log meet on one line. A refusal's detail text (Camunda's
 * 4xx answers) is kept only in a form that names no class, SQL or stack frame: {@link #readable}.
 */
public final class ServerErrors {

  static final Logger LOG = LoggerFactory.getLogger(ServerErrors.class);

  /** The type of every 500 answer: says nothing about what failed inside. */
  public static final String TYPE = "ServerError";

  /** MDC key of the request a failure belongs to ({@link ServerErrorFilter} sets it: method and path, no query). */
  static final String REQUEST = "kyodo.request";

  /** Letters and digits that cannot be misread over the phone (no 0/O, 1/I/L). */
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  static final int REFERENCE_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JAX-RS provider for anything none of Kyodo's other mappers is closer to (see {@link InputErrorMapping}). */
  public static final List<Class<?>> PROVIDERS = List.of(Unexpected.class);

  private ServerErrors() {}

  public static String message(String reference) {
    return "システムで予期しないエラーが発生したため、この操作を完了できませんでした。時間をおいてもう一度お試しください。"
        + "繰り返し起きる場合は、参照番号「" + reference + "」をシステムの担当（市民協働課）にお知らせください。";
  }

  static String newReference() {
    char[] reference = new char[REFERENCE_LENGTH];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(reference);
  }

  /** Logs the failure, with its stack trace, under the request's reference (a new one outside a request), which it returns. */
  public static String report(Throwable error) {
    String current = RequestLog.reference();
    String reference = current != null ? current : newReference();
    String request = MDC.get(REQUEST);
    LOG.error("予期しないエラー（参照番号 {}）{}", reference, request == null ? "" : request, error);
    return reference;
  }

  public static Map<String, Object> body(String reference) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("message", message(reference));
    body.put("reference", reference);
    return body;
  }

  /** The JAX-RS answer to an unexpected failure; the failure is logged. */
  public static Response response(Throwable error) {
    return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(report(error))).build();
  }

  /** Headers a failed answer must not keep: they describe the body that was meant to be sent. */
  private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-length", "content-disposition",
      "content-encoding", "content-language", "content-range", "transfer-encoding", "etag", "last-modified", "location");

  /**
   * Replaces whatever the servlet response held with the answer for {@code reference}: JSON, or a small page for a
   * browser navigating to a page. Headers set so far (security headers, cookies) stay, those of the abandoned body go.
   */
  static void write(HttpServletRequest request, HttpServletResponse response, int status, String message,
      String reference) throws IOException {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (String name : response.getHeaderNames()) {
      if (!BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        kept.putIfAbsent(name, new ArrayList<>(response.getHeaders(name)));
      }
    }
    response.reset();
    kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    byte[] content;
    if (wantsPage(request)) {
      response.setContentType("text/html;charset=UTF-8");
      content = ("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>エラー</title></head><body><p>"
          + HtmlUtils.htmlEscape(message) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    } else {
      response.setContentType("application/json;charset=UTF-8");
      Map<String, Object> body = new LinkedHashMap<>();
      if (reference != null) {
        body.putAll(body(reference));
      } else {
        body.put("status", status);
        body.put("message", message);
      }
      content = JSON.writeValueAsBytes(body);
    }
    response.setContentLength(content.length);
    response.getOutputStream().write(content);
  }

  /** A browser loading a page (not a script calling an API) reads a page better than JSON. */
  static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
    String path = original != null ? original.toString() : request.getRequestURI();
    return accept != null && accept.contains("text/html") && path != null && !path.contains("/api/")
        && !path.startsWith(request.getContextPath() + "/engine-rest");
  }

  private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}([A-Z][A-Za-z0-9_$]*)");
  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
  private static final Pattern INTERNALS = Pattern.compile(
      "\\b(?:select|insert|update|delete|merge)\\b.*\\b(?:from|into|set|where)\\b" // a statement
          + "|\\bsql|jdbc|\\bconstraint\\b|\\bviolation\\b|duplicate key"
          + "|###|\\bat [\\w$.]+\\(" // MyBatis' report, a stack frame
          + "|\\bCaused by\\b",
      Pattern.CASE_INSENSITIVE);

  /**
   * Camunda's detail text of a refusal as a clerk may read it: its first line, class names shortened to their simple
   * name and exception names dropped; null when it is about SQL, a table or a stack frame, or nothing is left.
   */
  public static String readable(String detail) {
    if (detail == null) {
      return null;
    }
    String text = detail.strip();
    int lineEnd = text.indexOf('\n');
    if (lineEnd >= 0) {
      text = text.substring(0, lineEnd).strip();
    }
    if (INTERNALS.matcher(text).find()) {
      return null;
    }
    Matcher qualified = QUALIFIED.matcher(text);
    text = qualified.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    text = EXCEPTION_NAME.matcher(text).replaceAll("").strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * Anything thrown in a JAX-RS application that no closer mapper takes: Camunda's own mapper for it answered 500
   * with the exception's class name and message (a Spring {@code DuplicateKeyException} from a delegate quoted its
   * INSERT). Refusals and lost races found inside get their usual answers.
   */
  @Provider
  @Priority(Priorities.USER - 1000)
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return InputErrorMapping.answer(exception);
    }
  }
}
