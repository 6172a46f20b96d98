package jp.kyodo.platform;

import java.util.List;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * How Kyodo's own routes (the Spring MVC controllers: {@code /api}, {@code /public/api}, {@code /overview/api},
 * {@code /account/api}, {@code /apply/api}) refuse, in one place: a controller's refusal ({@link ResponseStatusException}
 * with a clerk's sentence), values that break a form's rules ({@link InvalidInputException}, with each problem), and a
 * malformed request — a letter where a number is due, a missing parameter, a body that is not JSON, a method the
 * resource does not offer — each a 4xx with {@code {"message": ...}} in Japanese instead of Spring's generic error page.
 */
@RestControllerAdvice
public class ApiErrors {

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<Map<String, Object>> refused(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", String.valueOf(e.getReason())));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", e.getMessage(), "problems", List.copyOf(e.problems())));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "送られた内容を JSON として読めません。"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> wrongType(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType() == null ? Object.class : wrapper(e.getRequiredType());
    String expected = Number.class.isAssignableFrom(type) ? "半角数字の整数"
        : type.isEnum() ? java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
            .collect(java.util.stream.Collectors.joining("、")) + " のいずれか"
        : "正しい形式の値";
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message",
        "「" + e.getName() + "」には" + expected + "を指定してください。"));
  }

  /**
   * A file above {@code spring.servlet.multipart.max-file-size} (or a request above {@code max-request-size}), refused
   * while it streams in: 413 in Japanese rather than the container's page.
   */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      // The container's limit on a part's headers (server.tomcat.max-part-header-size): the file's name is too long.
      if (String.valueOf(cause.getMessage()).contains("Header section")) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("message", "ファイル名が長すぎます。短い名前に変えてから、もう一度添付してください。"));
      }
    }
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "ファイルが大きすぎます。添付できる大きさを超えています。"));
  }

  /** A multipart body that cannot be read (cut off, a part header too long): nothing is stored. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<Map<String, Object>> unreadableUpload(org.springframework.web.multipart.MultipartException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "送られたファイルを読み取れませんでした。ファイルを選び直して、もう一度送ってください。"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message",
        "「" + e.getParameterName() + "」を指定してください。"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    java.util.Set<String> offered = e.getSupportedMethods() == null ? java.util.Set.of()
        : java.util.Set.of(e.getSupportedMethods());
    String message = offered.stream().allMatch(m -> m.equals("GET") || m.equals("HEAD"))
        ? "この API は読み取り専用です（" + e.getMethod() + " はできません）。"
        : "ここでは " + e.getMethod() + " はできません（できるのは " + String.join("、", new java.util.TreeSet<>(offered)) + "）。";
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(Map.of("message", message));
  }

  private static Class<?> wrapper(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == int.class ? Integer.class : type == long.class ? Long.class : type == boolean.class ? Boolean.class
        : type;
  }
}
