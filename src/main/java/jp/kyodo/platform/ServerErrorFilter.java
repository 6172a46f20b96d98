package jp.kyodo.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last catch, around every request: what no JAX-RS mapper or Spring handler answered — a filter that throws (the
 * REST API's authentication reading a database that is gone), a Spring controller's failure — would reach the
 * servlet container and be answered from its error page. Here it gets the same answer as any unexpected failure:
 * 500, a Japanese sentence and a reference that is also on the log line with the stack trace ({@link ServerErrors}).
 * It also names the request on that log line.
 */
public class ServerErrorFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    MDC.put(ServerErrors.REQUEST, request.getMethod() + " " + request.getRequestURI());
    try {
      chain.doFilter(request, response);
    } catch (ClientAbortException gone) {
      throw gone; // the client left; nobody is there to answer
    } catch (IOException | ServletException | RuntimeException failure) {
      String reference = ServerErrors.report(failure instanceof ServletException && failure.getCause() != null
          ? failure.getCause() : failure);
      if (response.isCommitted()) {
        // Part of the answer is on its way; the container can only cut it off.
        throw failure;
      }
      ServerErrors.write(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          ServerErrors.message(reference), reference);
    } finally {
      MDC.remove(ServerErrors.REQUEST);
    }
  }
}
