package jp.kyodo.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import io.micrometer.common.KeyValue;

/** What operations read (docs/monitoring.md): who may read Actuator, and the route each request is counted under. */
@Configuration(proxyBeanMethods = false)
public class Operations {

  /** Inside the error answers ({@link ServerErrorFilter}), outside everything else. */
  @Bean
  FilterRegistrationBean<ActuatorAccess> actuatorAccess(ProcessEngine engine) {
    FilterRegistrationBean<ActuatorAccess> registration = new FilterRegistrationBean<>(new ActuatorAccess(engine));
    registration.setName("kyodo-actuator-access");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  ServerRequestObservationConvention routeNames() {
    return new RouteNames();
  }

  /**
   * The {@code uri} tag of {@code http_server_requests}: Spring names its own routes by their pattern
   * ({@code /api/projects/{number}}); the engine's REST APIs (Jersey) and the webapps have none and would all be
   * {@code UNKNOWN}. They get a route made of fixed words only — the resource, {@code {id}} for any id, and the
   * action from a short list — so no task id, no user's made-up path can add a series.
   */
  static class RouteNames extends DefaultServerRequestObservationConvention {

    static final Pattern ENGINE_API = Pattern.compile(
        "^(/engine-rest|/camunda/api/engine/engine/\\{engine})/([^/]+)(?:/([^/]+))?(?:/([^/]+))?.*$");
    static final Set<String> RESOURCES = Set.of("task", "process-instance", "process-definition", "history",
        "deployment", "execution", "job", "job-definition", "incident", "variable-instance", "decision-definition",
        "message", "signal", "user", "group", "authorization", "filter", "identity", "external-task", "metrics",
        "version", "engine", "tenant", "batch", "migration", "modification", "form-definition", "event-subscription",
        "condition", "telemetry", "schema");
    static final Set<String> WORDS = Set.of("submit-form", "complete", "claim", "unclaim", "assignee", "resolve",
        "delegate", "variables", "localVariables", "form-variables", "rendered-form", "deployed-form", "form",
        "identity-links", "comment", "attachment", "count", "key", "start", "startForm", "xml", "diagram",
        "statistics", "activity-instances", "suspended", "list", "process-instance", "task", "tenant-id",
        "create", "report", "password", "profile", "members", "check", "groups");
    static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/(admin|cockpit|tasklist|welcome)/.*$");

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
      KeyValue spring = super.uri(context);
      if (context.getPathPattern() != null || context.getCarrier() == null) {
        return spring;
      }
      String named = routeOf(context.getCarrier());
      return named == null ? spring : KeyValue.of(spring.getKey(), named);
    }

    static String routeOf(HttpServletRequest request) {
      String path = RequestLog.path(request).replaceFirst("^/camunda/api/engine/engine/[^/]+", "/camunda/api/engine/engine/{engine}");
      Matcher api = ENGINE_API.matcher(path);
      if (api.matches()) {
        StringBuilder route = new StringBuilder(api.group(1)).append('/');
        if (!RESOURCES.contains(api.group(2))) {
          return route.append("**").toString();
        }
        route.append(api.group(2));
        for (String segment : new String[] {api.group(3), api.group(4)}) {
          if (segment != null) {
            route.append('/').append(WORDS.contains(segment) ? segment : "{id}");
          }
        }
        return route.toString();
      }
      Matcher webapp = WEBAPP_API.matcher(path);
      if (webapp.matches()) {
        return "/camunda/api/" + webapp.group(1) + "/**";
      }
      if (path.startsWith("/camunda/")) {
        return "/camunda/**";
      }
      return null;
    }
  }
}
