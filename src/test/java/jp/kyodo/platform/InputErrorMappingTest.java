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
  void anythingElseIsAServerErrorWithAReferenceAndNothingOfTheFailure() {
    Response response = wrapped.toResponse(wrapping(new ProcessEngineException("INSERT INTO kyodo_x failed")));
    assertThat(response.getStatus()).isEqualTo(500);
    Map<?, ?> body = (Map<?, ?>) response.getEntity();
    assertThat(body.get("type")).isEqualTo(ServerErrors.TYPE);
    assertThat(body.get("message").toString()).contains("参照番号「" + body.get("reference") + "」").doesNotContain("INSERT");
    // Thrown raw by a delegate (Spring's exceptions are no ProcessEngineException): the same answers.
    Response raw = new ServerErrors.Unexpected().toResponse(new IllegalStateException("SELECT * FROM kyodo_x"));
    assertThat(raw.getStatus()).isEqualTo(500);
    assertThat(((Map<?, ?>) raw.getEntity()).get("type")).isEqualTo(ServerErrors.TYPE);
    assertThat(new ServerErrors.Unexpected().toResponse(new org.springframework.dao.DuplicateKeyException("duplicate key"))
        .getStatus()).as("a lost race, thrown raw").isEqualTo(409);
    assertThat(new ServerErrors.Unexpected().toResponse(new RuntimeException(new InvalidInputException("「理由」を入力してください。")))
        .getStatus()).isEqualTo(400);
  }

  @Test
  void camundasDetailKeepsWhatAClerkMayReadAndDropsTheRest() {
    assertThat(ServerErrors.readable("Cannot convert value 'x' of type 'Integer' to java type java.lang.Integer"))
        .isEqualTo("Cannot convert value 'x' of type 'Integer' to java type Integer");
    assertThat(ServerErrors.readable("org.camunda.bpm.engine.exception.NullValueException: Cannot find task with id t1"))
        .isEqualTo("Cannot find task with id t1");
    assertThat(ServerErrors.readable("Cannot find task with id t1")).isEqualTo("Cannot find task with id t1");
    assertThat(ServerErrors.readable("first line\n\tat org.camunda.Foo.bar(Foo.java:1)")).isEqualTo("first line");
    assertThat(ServerErrors.readable("PreparedStatementCallback; SQL [INSERT INTO kyodo_partnership (id) VALUES (?)]")).isNull();
    assertThat(ServerErrors.readable("ERROR: duplicate key value violates unique constraint \"kyodo_partnership_ux\"")).isNull();
    assertThat(ServerErrors.readable("### Error updating database.  Cause: org.h2.jdbc.JdbcSQLSyntaxErrorException")).isNull();
    assertThat(ServerErrors.readable("Cannot submit: update task set name = 'x' where id = 1")).isNull();
    assertThat(ServerErrors.readable("  ")).isNull();
    assertThat(ServerErrors.readable(null)).isNull();
  }

  @Test
  void aRefusalWhoseDetailIsInternalKeepsOnlyTheClerksSentence() {
    Response response = wrapped.toResponse(new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
        Response.Status.BAD_REQUEST, "Cannot query: bad SQL grammar [SELECT * FROM ACT_RU_TASK]"));
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(((Map<?, ?>) response.getEntity()).get("message")).isEqualTo(InputErrorMapping.CLERK_MESSAGES.get(400));
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
