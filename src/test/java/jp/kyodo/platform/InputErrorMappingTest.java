package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import jp.kyodo.forms.InvalidInputException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** What the REST layer answers for refused input, a lost race, and anything else. */
class InputErrorMappingTest {

  final InputErrorMapping.WrappedInputErrors wrapped = new InputErrorMapping.WrappedInputErrors();

  static RestException wrapping(Exception cause) {
    return new RestException(Response.Status.INTERNAL_SERVER_ERROR, cause, "Cannot submit task form: " + cause.getMessage());
  }

  @Test
  void refusedInputIsA400WithTheClerksMessage() {
    Response response = wrapped.toResponse(wrapping(new ProcessEngineException("listener", new InvalidInputException("「理由」を入力してください。"))));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((Map<?, ?>) response.getEntity()).get("message").toString()).contains("「理由」を入力してください。");
  }

  @Test
  void aConcurrentCompletionIsA409NotA500() {
    Response response = wrapped.toResponse(wrapping(new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")));
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(InputErrorMapping.CONCURRENT_MESSAGE);
    assertThat(new InputErrorMapping.ConcurrentChanges().toResponse(new OptimisticLockingException("x")).getStatus()).isEqualTo(409);
  }

  @Test
  void otherErrorsStayCamundas() {
    assertThat(wrapped.toResponse(wrapping(new ProcessEngineException("boom"))).getStatus()).isEqualTo(500);
  }
}
