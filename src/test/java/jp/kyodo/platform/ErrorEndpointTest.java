package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Spring's /error as the container calls it after a failure it was handed (a servlet that answered 500 itself, a
 * failure past {@link ServerErrorFilter}): the same answer as everywhere, the failure logged with its reference.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorEndpointTest {

  final ErrorEndpoint endpoint = new ErrorEndpoint(new DefaultErrorAttributes());

  MockHttpServletResponse dispatch(int status, Throwable failure, String accept) throws Exception {
    return dispatch(status, failure, accept, "/api/projects");
  }

  MockHttpServletResponse dispatch(int status, Throwable failure, String accept, String uri) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
    if (failure != null) {
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
    }
    request.addHeader("Accept", accept);
    MockHttpServletResponse response = new MockHttpServletResponse();
    endpoint.error(request, response);
    return response;
  }

  @Test
  void aFailureHandedToTheErrorPageIsAnsweredWithAReferenceAndLogged(CapturedOutput log) throws Exception {
    MockHttpServletResponse response = dispatch(500, new IllegalStateException("SELECT secret FROM kyodo_project",
        new java.sql.SQLException("Table \"KYODO_PROJECT\" not found")), "application/json");
    assertThat(response.getStatus()).isEqualTo(500);
    JsonNode body = new ObjectMapper().readTree(response.getContentAsByteArray());
    String reference = body.path("reference").asText();
    assertThat(body.path("type").asText()).isEqualTo(ServerErrors.TYPE);
    assertThat(body.path("message").asText()).contains("参照番号「" + reference + "」");
    ServerErrorAnswersTest.assertNothingInternal(response.getContentAsString());
    String logged = log.getAll().substring(log.getAll().indexOf("参照番号 " + reference));
    assertThat(logged).contains("GET /api/projects", "SELECT secret FROM kyodo_project", "\tat ");
  }

  @Test
  void aServerErrorWithoutAnExceptionStillGetsAReference(CapturedOutput log) throws Exception {
    MockHttpServletResponse response = dispatch(503, null, "application/json");
    assertThat(response.getStatus()).isEqualTo(503);
    String reference = new ObjectMapper().readTree(response.getContentAsByteArray()).path("reference").asText();
    assertThat(log.getAll()).contains("参照番号 " + reference);
  }

  @Test
  void aBrowserGetsAPageInJapanese() throws Exception {
    MockHttpServletResponse page = dispatch(404, null, "text/html,application/xhtml+xml", "/public/no-such-page");
    assertThat(page.getStatus()).isEqualTo(404);
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("<html lang=\"ja\">", "対象が見つかりません");
    assertThat(dispatch(404, null, "text/html,application/xhtml+xml", "/api/projects").getContentType())
        .as("an API answers JSON even to a browser").startsWith("application/json");
  }
}
