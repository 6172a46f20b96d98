package jp.kyodo.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Kyodo's own API ({@code /api/...}, the only Spring MVC controllers) answers a malformed request — a letter where a number is due, a missing
 * parameter, a method the resource does not offer — with 4xx and a message a clerk understands, like its other
 * refusals, instead of Spring's generic error page.
 */
@RestControllerAdvice
public class ApiErrors {

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

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message",
        "「" + e.getParameterName() + "」を指定してください。"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(Map.of("message",
        "この API は読み取り専用です（" + e.getMethod() + " はできません）。"));
  }

  private static Class<?> wrapper(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return type == int.class ? Integer.class : type == long.class ? Long.class : type == boolean.class ? Boolean.class
        : type;
  }
}
