package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.kyodo.support.RunningApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security is on the classpath for profile oidc only: in every other profile it does nothing at all — no filter
 * chain in front of any request (no firewall refusing a {@code ;} that Camunda's routes answer themselves), no
 * generated password, no login page, no headers of its own. Sign-in stays Camunda's (docs/security.md).
 */
@RunningApplication
class SpringSecurityInertTest {

  @Autowired
  ApplicationContext context;

  @LocalServerPort
  int port;

  @Test
  void noFilterChainNoUsersNoLoginPage() throws Exception {
    assertThat(context.getBeansOfType(SecurityFilterChain.class)).isEmpty();
    assertThat(context.getBeansOfType(FilterChainProxy.class)).isEmpty();
    assertThat(context.getBeansOfType(UserDetailsService.class)).as("no generated password").isEmpty();
    assertThat(context.containsBean("springSecurityFilterChain")).isFalse();

    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/login", "/oauth2/authorization/kyodo", "/login.html"}) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(404);
    }
    HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(tasklist.statusCode()).isEqualTo(200);
    // Camunda's header filter, and not Spring Security's writer (which would send "0")
    assertThat(tasklist.headers().allValues("X-XSS-Protection")).containsExactly("1; mode=block");
  }
}
