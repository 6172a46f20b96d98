package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last catch, around every request: what no JAX-RS mapper or Spring handler answered — a filter that throws (the
 * REST API's authentication reading a database that is gone), a Spring controller's failure — would reach the
 * servlet container and be answered from its error page. Here it gets the same answer as any unexpected failure:
 * 500, a Japanese sentence and a reference that is also on the log line with the stack trace ({@link ServerErrors}).
 * It also starts the request's log context ({@link RequestLog}): the reference, sent back as {@value
 * RequestLog#REFERENCE_HEADER} on every answer and the one a 500 shows, the request, the webapps' user.
 */
public class ServerErrorFilter extends OncePerRequestFilter {

  /** The container's error dispatch ({@link ErrorEndpoint}) logs under the same reference as the request. */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String reference = RequestLog.begin(request);
    if (!response.containsHeader(RequestLog.REFERENCE_HEADER)) {
      response.setHeader(RequestLog.REFERENCE_HEADER, reference);
    }
    try {
      WebappLogin.sessionUser(request, (user, engine) ->
          RequestLog.signedIn(user, request, org.camunda.bpm.engine.ProcessEngines.getProcessEngine(engine)));
      chain.doFilter(request, response);
    } catch (ClientAbortException gone) {
      throw gone; // the client left; nobody is there to answer
    } catch (IOException | ServletException | RuntimeException failure) {
      ServerErrors.report(failure instanceof ServletException && failure.getCause() != null
          ? failure.getCause() : failure);
      if (response.isCommitted()) {
        // Part of the answer is on its way; the container can only cut it off.
        throw failure;
      }
      ServerErrors.write(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          ServerErrors.message(reference), reference);
    } finally {
      RequestLog.end();
    }
  }
}
