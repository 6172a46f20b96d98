package jp.kyodo.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring's {@code /error}, where the servlet container sends an answer that was given up on ({@code sendError}): in
 * place of Spring Boot's page in English, the same answers as everywhere else — a clerk's sentence for a refusal,
 * and for a server error a reference that is logged with the failure ({@link ServerErrors}). Nothing of the failure
 * itself (message, class, trace) is ever part of the answer, whatever {@code server.error.*} says.
 */
@Controller
public class ErrorEndpoint implements ErrorController {

  private final ErrorAttributes errors;

  public ErrorEndpoint(ErrorAttributes errors) {
    this.errors = errors;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable failure = errors.getError(new ServletWebRequest(request));
    // Asked for directly, /error is just a page that does not exist.
    int status = code instanceof Integer given ? given : failure != null ? 500 : 404;
    if (status >= 500) {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      MDC.put(ServerErrors.REQUEST, request.getMethod() + " " + uri);
      try {
        String reference = ServerErrors.report(failure != null ? failure
            : new IllegalStateException("answered " + status + " without an exception"));
        ServerErrors.write(request, response, status, ServerErrors.message(reference), reference);
      } finally {
        MDC.remove(ServerErrors.REQUEST);
      }
      return;
    }
    ServerErrors.write(request, response, status,
        InputErrorMapping.CLERK_MESSAGES.getOrDefault(status, "この操作は受け付けられませんでした。"), null);
  }
}
