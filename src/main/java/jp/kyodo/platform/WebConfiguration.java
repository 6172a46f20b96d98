package jp.kyodo.platform;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The engine plugins (models, form checks, people), the REST API's authentication and its error mapping. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  /** The Jersey servlet the webapps (Tasklist, Cockpit) use for engine calls. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ModelDeployer modelDeployer() {
    return new ModelDeployer();
  }

  /**
   * {@code /engine-rest} is open by default, and Kyodo's own API ({@code /api}) likewise needs a user:
   * every call must carry HTTP Basic credentials, checked against the engine's identity service (or, in profile
   * {@code oidc}, a bearer token: see {@link TokenLogin}).
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(ObjectProvider<BasicLogin> login) {
    return restAuthentication("kyodo-engine-rest-authentication", "/engine-rest/*", login, null);
  }

  /** Kyodo's own {@code /api} serves the application's engine, whatever its name (Camunda's filter assumes "default"). */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication(ObjectProvider<BasicLogin> login,
      CamundaBpmProperties camunda) {
    return restAuthentication("kyodo-api-authentication", "/api/*", login, camunda.getProcessEngineName());
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthentication(String name, String path,
      ObjectProvider<BasicLogin> login, String engineName) {
    ProcessEngineAuthenticationFilter filter = new ProcessEngineAuthenticationFilter() {
      @Override
      public void init(FilterConfig config) throws ServletException {
        super.init(config);
        // A login the profile configures (TokenLogin in profile oidc: bearer tokens, and Basic as here) replaces the
        // one Camunda's filter makes from the class name.
        BasicLogin configured = login.getIfAvailable();
        if (configured != null) {
          authenticationProvider = configured;
        }
      }

      @Override
      protected String extractEngineName(String requestUrl) {
        return engineName != null ? engineName : super.extractEngineName(requestUrl);
      }
    };
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(path);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        BasicLogin.class.getName());
    return registration;
  }

  /** Cockpit's and Admin's plugin APIs for the people who may use those apps (see {@link WebappApiAccessFilter}). */
  @Bean
  FilterRegistrationBean<WebappApiAccessFilter> cockpitApiAccess(CamundaBpmProperties camunda) {
    FilterRegistrationBean<WebappApiAccessFilter> registration =
        new FilterRegistrationBean<>(new WebappApiAccessFilter("cockpit"));
    registration.setName("kyodo-cockpit-api-access");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/cockpit/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappApiAccessFilter> adminApiAccess(CamundaBpmProperties camunda) {
    FilterRegistrationBean<WebappApiAccessFilter> registration =
        new FilterRegistrationBean<>(new WebappApiAccessFilter("admin"));
    registration.setName("kyodo-admin-api-access");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/plugin/*");
    return registration;
  }

  /** What the engine's REST APIs ({@code /engine-rest}, the webapps' engine API) are given: checks and answers. */
  static List<Class<?>> engineApiProviders() {
    return Stream.concat(InputErrorMapping.PROVIDERS.stream(), ServerErrors.PROVIDERS.stream()).toList();
  }

  /** The webapps' other APIs (Cockpit, Admin, Tasklist, welcome) answer failures alike; the request checks are the engine's. */
  static List<Class<?>> webappApiProviders() {
    return engineApiProviders().stream().filter(ExceptionMapper.class::isAssignableFrom).toList();
  }

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> engineApiProviders().forEach(config::register);
  }

  /** The webapps' Jersey servlets (name, path under the webapps' path, application) as Camunda's initializer adds them. */
  record WebappApi(String servlet, String path, Class<?> application, List<Class<?>> providers) {}

  static List<WebappApi> webappApis() {
    return List.of(new WebappApi(WEBAPP_ENGINE_API, "/api/engine/*", EngineRestApplication.class, engineApiProviders()),
        new WebappApi("Cockpit Api", "/api/cockpit/*", CockpitApplication.class, webappApiProviders()),
        new WebappApi("Admin Api", "/api/admin/*", AdminApplication.class, webappApiProviders()),
        new WebappApi("Tasklist Api", "/api/tasklist/*", TasklistApplication.class, webappApiProviders()),
        new WebappApi("Welcome Api", "/api/welcome/*", WelcomeApplication.class, webappApiProviders()));
  }

  /**
   * The webapps' Jersey servlets, with our providers added. Camunda's initializer keeps a registration of that name
   * that already exists, and adds ours to its own otherwise, so the order in which the two initializers run does not
   * matter.
   */
  @Bean
  ServletContextInitializer webappInputErrors(CamundaBpmProperties camunda) {
    return servletContext -> {
      for (WebappApi app : webappApis()) {
        ServletRegistration api = servletContext.getServletRegistration(app.servlet());
        if (api == null) {
          api = servletContext.addServlet(app.servlet(), ServletContainer.class);
          api.addMapping(camunda.getWebapp().getApplicationPath() + app.path());
        }
        api.setInitParameter("jakarta.ws.rs.Application", app.application().getName());
        api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
            app.providers().stream().map(Class::getName).collect(Collectors.joining(",")));
      }
    };
  }

  /**
   * Kyodo's own pages on the webapps' login ({@code /account/**}: each person's settings, {@code /overview/**}: the
   * office's overview): a write needs the session's CSRF token (see {@link SessionWriteGuard}). Every route added
   * under these paths is covered without naming it here.
   */
  @Bean
  FilterRegistrationBean<SessionWriteGuard> sessionWriteGuard() {
    FilterRegistrationBean<SessionWriteGuard> registration = new FilterRegistrationBean<>(new SessionWriteGuard());
    registration.setName("kyodo-session-write-guard");
    registration.addUrlPatterns(SESSION_PAGES.stream().map(path -> path + "/*").toArray(String[]::new));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** The paths of Kyodo's own pages that use the webapps' login (their static files and their API below). */
  public static final List<String> SESSION_PAGES = List.of("/account", "/overview");

  /** Around every request, outside every other filter: see {@link ServerErrorFilter}. */
  @Bean
  FilterRegistrationBean<ServerErrorFilter> serverErrors() {
    FilterRegistrationBean<ServerErrorFilter> registration = new FilterRegistrationBean<>(new ServerErrorFilter());
    registration.setName("kyodo-server-errors");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
