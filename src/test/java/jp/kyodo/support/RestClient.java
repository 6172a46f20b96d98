package jp.kyodo.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Calls the running application as a browser or an integration would: {@code /engine-rest} with
 * HTTP Basic, or the webapps' API with a login session and the CSRF token.
 */
public final class RestClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();
  private final String basicAuth;

  private RestClient(int port, String user) {
    this(port, user, user);
  }

  private RestClient(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    this.basicAuth = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** An {@code /engine-rest} client for a user whose password is not their id (a directory's, one they set). */
  public static RestClient basic(int port, String user, String password) {
    return new RestClient(port, user, password);
  }

  /** An {@code /engine-rest} client for a demo user (password = user id), or anonymous with null. */
  public static RestClient basic(int port, String user) {
    return new RestClient(port, user);
  }

  /** A Tasklist session: fetches the CSRF cookie, then logs in like the login page does. */
  public static RestClient tasklistSession(int port, String engine, String user) {
    return webappSession(port, engine, user, "tasklist");
  }

  /** A session of one of the webapps (tasklist, cockpit, admin, welcome), logged in like its login page does. */
  public static RestClient webappSession(int port, String engine, String user, String app) {
    return webappSession(port, engine, user, user, app);
  }

  /** A session of one of the webapps for a user whose password is not their id (one they set themselves). */
  public static RestClient webappSession(int port, String engine, String user, String password, String app) {
    RestClient client = new RestClient(port, null);
    client.get("/camunda/app/" + app + "/" + engine + "/");
    Response login = client.send(HttpRequest.newBuilder(URI.create(client.base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", client.csrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login);
    }
    // Login starts a new session; its CSRF token arrives with the next response.
    client.get("/camunda/api/engine/engine/");
    return client;
  }

  /**
   * Logs in to one of the webapps (tasklist, cockpit, admin) as its login page does; the status tells whether the
   * user may use that app (200) or not (401/403). Anonymous (null) is not even asked for.
   */
  public static int webappLogin(int port, String engine, String user, String app) {
    RestClient client = new RestClient(port, null);
    client.get("/camunda/app/" + app + "/" + engine + "/");
    if (user == null) {
      return client.get("/camunda/api/admin/auth/user/" + engine).status();
    }
    return client.send(HttpRequest.newBuilder(URI.create(client.base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", String.valueOf(client.csrf()))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user)))).status();
  }

  /** The answer to a login with that password, as the webapps' login page gets it. */
  public static Response webappLoginAnswer(int port, String engine, String user, String password, String app) {
    RestClient client = new RestClient(port, null);
    client.get("/camunda/app/" + app + "/" + engine + "/");
    return client.send(HttpRequest.newBuilder(URI.create(client.base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", String.valueOf(client.csrf()))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  /** A binary download (a PDF, say) with its status and content type. */
  public Download download(String path) {
    try {
      HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
          response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A binary answer; header names in lower case. */
  public record Download(int status, String contentType, byte[] body, Map<String, java.util.List<String>> headers) {}

  public Response post(String path, Object body) {
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A JSON POST as a page of {@code origin} sends it (null: without an Origin header, as a non-browser client). */
  public Response postFrom(String path, Object body, String origin) {
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json");
    if (origin != null) {
      builder.header("Origin", origin);
    }
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** This client's address, as a page of this server would name its origin. */
  public String origin() {
    return base;
  }

  /** Any method with a body of any type (PUT, DELETE, multipart); a null body sends none. */
  public Response send(String method, String path, String contentType, String body) {
    HttpRequest.Builder builder = request(path);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A body of bytes (a multipart upload, say) with this client's login and CSRF token. */
  public Response sendBytes(String method, String path, String contentType, byte[] body) {
    return send(request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /**
   * A write as another site would forge it: the browser sends this session's cookies, but the page cannot read the
   * session's CSRF token, so no X-XSRF-TOKEN header (or the given wrong one).
   */
  public Response sendForged(String method, String path, String contentType, String body, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    if (token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A body sent as plain text, as a misconfigured integration might. */
  public Response postText(String path, String body) {
    return send(request(path).header("Content-Type", "text/plain; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A variables body as Tasklist sends it: primitives untyped, Json values typed as Json. */
  public static ObjectNode variables(Map<String, Object> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode variables = body.putObject("variables");
    values.forEach((name, value) -> {
      ObjectNode variable = variables.putObject(name);
      if (value instanceof JsonValue json) {
        variable.put("value", json.getValueSerialized());
        variable.put("type", "Json");
      } else {
        variable.set("value", JSON.valueToTree(value));
      }
    });
    return body;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    String csrf = csrf();
    if (csrf != null) {
      builder.header("X-XSRF-TOKEN", csrf);
    }
    return builder;
  }

  private String csrf() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse(null);
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }
}
