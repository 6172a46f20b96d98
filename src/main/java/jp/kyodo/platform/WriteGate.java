package jp.kyodo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.kyodo.forms.EngineEntryChecks;
import jp.kyodo.forms.InvalidInputException;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.ProcessEngine;
import jp.kyodo.engine.SignedIn;
import org.camunda.bpm.engine.rest.util.EngineUtil;

/**
 * The one gate for every write through the engine's REST API ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}). It decides on the resource method Jersey matched, so a trailing slash, a matrix
 * parameter, a double slash or an encoded segment reaches the same decision as the plain path. Values reach a process
 * only through a form ({@code submit-form}); clerks and partners may also read, claim, hand back and (re)assign work,
 * change their own profile and password, and comment on a task. Every other write — variables of tasks, instances and
 * executions, start instructions, skipped listeners, modifications, migrations, messages, signals, jobs, deployments,
 * users and groups — is for the system administrator ({@value KyodoGroups#ADMIN}) alone, whatever the engine's
 * authorizations would allow. docs/security.md lists each route and why it is open or closed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class WriteGate implements ContainerRequestFilter {

  /** What a non-administrator may do through a write route. */
  enum Door {
    /** A form submission: the engine screens every name and value against the form. */
    FORM,
    /** Allowed without values only (complete, resolve): values go through the form. */
    WITHOUT_VALUES,
    /** Starting at the start event, without values, instructions or skipped listeners. */
    PLAIN_START,
    /** Claiming, handing back, (re)assigning and delegating: the engine's task permissions decide. */
    ASSIGNMENT,
    /** One's own profile and password. */
    OWN_ACCOUNT,
    /** A comment on a task, within a clerk's length. */
    COMMENT,
    /** A query sent as POST, or a check that changes nothing. */
    READ
  }

  /** Operations by the JAX-RS interface that declares them, as Camunda's REST API names them. */
  static final Map<String, Door> OPEN = Map.ofEntries(
      Map.entry("TaskResource#submit", Door.FORM),
      Map.entry("ProcessDefinitionResource#submitForm", Door.FORM),
      Map.entry("TaskResource#complete", Door.WITHOUT_VALUES),
      Map.entry("TaskResource#resolve", Door.WITHOUT_VALUES),
      Map.entry("ProcessDefinitionResource#startProcessInstance", Door.PLAIN_START),
      Map.entry("TaskResource#claim", Door.ASSIGNMENT),
      Map.entry("TaskResource#unclaim", Door.ASSIGNMENT),
      Map.entry("TaskResource#setAssignee", Door.ASSIGNMENT),
      Map.entry("TaskResource#delegate", Door.ASSIGNMENT),
      Map.entry("UserResource#updateProfile", Door.OWN_ACCOUNT),
      Map.entry("UserResource#updateCredentials", Door.OWN_ACCOUNT),
      Map.entry("TaskCommentResource#createComment", Door.COMMENT),
      Map.entry("IdentityRestService#checkPassword", Door.READ));

  static final Set<String> READING_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  static final int COMMENT_MAX_LENGTH = 2000;

  static final String VALUES_ONLY_THROUGH_FORMS =
      "値はフォームの送信（submit-form）で送ってください。この呼び出しでは値を受け付けません。";
  static final String ADMINISTRATOR_ONLY = "この操作はシステム管理者だけが行えます。値の入力は各タスクのフォームから、"
      + "担当者の変更はタスクの「担当する」「担当者を変更」から行ってください。";
  static final String OWN_ACCOUNT_ONLY = "ほかの人のアカウント（氏名・連絡先・パスワード）は変更できません。";
  static final String OBJECT_VALUES_REFUSED =
      "フォームでは送れない形式（オブジェクト）の値は受け付けられません。フォームから入力してください。";
  static final String COMMENT_TOO_LONG = "コメントは" + COMMENT_MAX_LENGTH + "文字以内で入力してください。";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Context
  private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null || READING_METHODS.contains(request.getMethod())) {
      return;
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    JsonNode json = parse(body);
    if (containsObjectValue(json)) {
      throw new InvalidInputException(OBJECT_VALUES_REFUSED);
    }
    SignedIn who = authentication(request);
    if (who != null && who.in(KyodoGroups.ADMIN)) {
      return;
    }
    String operation = operation(resource.getResourceClass(), method);
    Door door = method.getName().startsWith("query") ? Door.READ : OPEN.get(operation);
    if (door == null) {
      request.abortWith(forbidden(ADMINISTRATOR_ONLY));
      return;
    }
    switch (door) {
      case WITHOUT_VALUES -> {
        if (hasValues(json.path("variables"))) {
          throw new InvalidInputException(VALUES_ONLY_THROUGH_FORMS);
        }
      }
      case PLAIN_START -> {
        if (hasValues(json.path("startInstructions")) || json.path("skipCustomListeners").asBoolean(false)
            || json.path("skipIoMappings").asBoolean(false)) {
          request.abortWith(forbidden(EngineEntryChecks.START_ELSEWHERE_MESSAGE));
        } else if (hasValues(json.path("variables"))) {
          throw new InvalidInputException(VALUES_ONLY_THROUGH_FORMS);
        }
      }
      case OWN_ACCOUNT -> {
        String account = request.getUriInfo().getPathParameters().getFirst("id");
        if (who == null || account == null || !account.equals(who.userId())) {
          request.abortWith(forbidden(OWN_ACCOUNT_ONLY));
        }
      }
      case COMMENT -> {
        String comment = json.path("message").asText("");
        if (comment.codePointCount(0, comment.length()) > COMMENT_MAX_LENGTH) {
          throw new InvalidInputException(COMMENT_TOO_LONG);
        }
      }
      case FORM, ASSIGNMENT, READ -> { }
    }
  }

  /**
   * The JAX-RS interface that declares the matched method ({@code TaskResource#complete}): Camunda's resources are
   * implementations of annotated interfaces, reached through sub-resource locators.
   */
  static String operation(Class<?> resourceClass, Method method) {
    Deque<Class<?>> types = new ArrayDeque<>();
    types.add(resourceClass);
    while (!types.isEmpty()) {
      Class<?> type = types.poll();
      try {
        Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (type.isInterface() && httpMethod(declared)) {
          return type.getSimpleName() + "#" + method.getName();
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
      if (type.getSuperclass() != null) {
        types.add(type.getSuperclass());
      }
      types.addAll(java.util.Arrays.asList(type.getInterfaces()));
    }
    return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
  }

  private static boolean httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
        return true;
      }
    }
    return false;
  }

  /** The user the authentication filter established on the engine this request addresses. */
  static SignedIn authentication(ContainerRequestContext request) {
    String engineName = request.getUriInfo().getPathParameters().getFirst("name");
    ProcessEngine engine;
    try {
      engine = EngineUtil.lookupProcessEngine(engineName);
    } catch (RuntimeException noSuchEngine) {
      return null;
    }
    return engine == null ? null : SignedIn.current(engine.getIdentityService());
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.missingNode();
    }
    try {
      JsonNode json = JSON.readTree(body);
      return json == null ? JSON.missingNode() : json;
    } catch (IOException malformed) {
      return JSON.missingNode(); // Camunda answers malformed JSON itself (InputErrorMapping.MalformedJson).
    }
  }

  private static boolean hasValues(JsonNode node) {
    return (node.isObject() || node.isArray()) && node.size() > 0;
  }

  /** A variable value of type Object anywhere in the body (variables, modifications, correlations alike). */
  static boolean containsObjectValue(JsonNode node) {
    if (node.isObject()) {
      if (node.path("type").isTextual() && "object".equalsIgnoreCase(node.path("type").asText())
          && (node.has("value") || node.has("valueInfo"))) {
        return true;
      }
      for (JsonNode child : node) {
        if (containsObjectValue(child)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        if (containsObjectValue(child)) {
          return true;
        }
      }
    }
    return false;
  }

  static Response forbidden(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "AuthorizationException");
    body.put("message", message);
    return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
