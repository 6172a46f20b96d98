package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import jp.kyodo.support.RunningApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the running application actually serves to a browser under /camunda/app: Kyodo's Japanese strings, the config
 * that picks them for a Japanese browser, and the stylesheet that hides the Camunda 8 migration banner — not the
 * webjar's files of the same names. {@link WebappsJapaneseTest} checks the files themselves.
 */
@RunningApplication
class WebappsServedTest {

  @LocalServerPort
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theServedStylesheetHidesTheMigrationBanner(String app) throws Exception {
    String page = get("/camunda/app/" + app + "/default/");
    assertThat(page).as("the index page of " + app).contains("/camunda/app/" + app + "/styles/user-styles.css");
    assertThat(WebappsJapaneseTest.hidesTheBanner(get("/camunda/app/" + app + "/styles/user-styles.css"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void aJapaneseBrowserGetsKyodosConfigAndStrings(String app) throws Exception {
    assertThat(get("/camunda/app/" + app + "/scripts/config.js")).contains("availableLocales: ['en', 'ja']")
        .contains("=== 'ja'\n      ? 'ja' : 'en'");
    JsonNode labels = WebappsJapaneseTest.JSON.readTree(get("/camunda/app/" + app + "/locales/ja.json"))
        .path("labels");
    assertThat(labels.path("BANNER_CE_EOL_TEXT").asText()).startsWith("Camunda 8 への移行");
    String[] sample = switch (app) {
      case "cockpit" -> new String[] {"DASHBOARD_RUNNING_PROCESS_INSTANCE", "実行中のプロセスインスタンス"};
      case "admin" -> new String[] {"USERS_LIST_USERS", "ユーザー一覧"};
      default -> new String[] {"CREATE_TASK", "タスクを作成"};
    };
    assertThat(labels.path(sample[0]).asText()).isEqualTo(sample[1]);
  }

  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Language", "ja").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
