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

  @Test
  void aWriteThatLostARaceOnAUniqueConstraintIsA409() {
    Exception duplicate = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
        new ProcessEngineException("Exception while invoking TaskListener", new org.springframework.dao.DuplicateKeyException(
            "PreparedStatementCallback; duplicate key", new java.sql.SQLException("duplicate key", "23505"))));
    assertThat(wrapped.toResponse(wrapping(duplicate)).getStatus()).isEqualTo(409);
    assertThat(new InputErrorMapping.EngineErrors().toResponse((ProcessEngineException) duplicate).getStatus()).isEqualTo(409);
    Exception deadlock = new ProcessEngineException("flush", new java.sql.SQLException("deadlock detected", "40P01"));
    assertThat(wrapped.toResponse(wrapping(deadlock)).getStatus()).isEqualTo(409);
  }

  @Test
  void camundasOwnRefusalsLeadWithAClerksSentence() {
    Response response = wrapped.toResponse(new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
        Response.Status.BAD_REQUEST, "Cannot convert value '１２３' of type 'Integer' to java type java.lang.Integer"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((Map<?, ?>) response.getEntity()).get("message").toString()).startsWith("送信された内容を受け付けられませんでした")
        .contains("Cannot convert value");
    assertThat(new InputErrorMapping.MalformedJson().toResponse(new com.fasterxml.jackson.core.JsonParseException(null, "x"))
        .getStatus()).isEqualTo(400);
  }
}
