package jp.kyodo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.regex.Pattern;
import jp.kyodo.forms.InvalidInputException;

/**
 * Values reach a process only through its forms ({@code submit-form}), where the form's rules
 * screen every name and value. Completing a task or starting an instance "with variables" would
 * go around those rules, so such calls are refused with a pointer to the right endpoint.
 */
@Provider
@Priority(Priorities.USER)
public class FormsOnlyInputFilter implements ContainerRequestFilter {

  static final Pattern AROUND_THE_FORM = Pattern.compile(
      "(^|.*/)(task/[^/]+/(complete|resolve)|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)/start)$");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!"POST".equals(request.getMethod()) || !AROUND_THE_FORM.matcher(request.getUriInfo().getPath()).matches()) {
      return;
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return;
    }
    JsonNode variables;
    try {
      variables = JSON.readTree(body).path("variables");
    } catch (IOException malformed) {
      return; // Camunda answers malformed JSON itself.
    }
    if (variables.isObject() && variables.size() > 0) {
      throw new InvalidInputException("値はフォームの送信（submit-form）で送ってください。この呼び出しでは値を受け付けません。");
    }
  }
}
