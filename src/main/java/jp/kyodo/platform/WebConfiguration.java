package jp.kyodo.platform;

import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import jp.kyodo.forms.FormInputValidationPlugin;
import jp.kyodo.identity.IdentitySetup;
import org.springframework.beans.factory.annotation.Value;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine plugins (models, form checks, people), the REST API's authentication and its error mapping. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  /** The Jersey servlet the webapps (Tasklist, Cockpit) use for engine calls. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ModelDeployer modelDeployer() {
    return new ModelDeployer();
  }

  @Bean
  IdentitySetup identitySetup(@Value("${kyodo.demo-data:true}") boolean demoData) {
    return new IdentitySetup(demoData);
  }

  @Bean
  FormInputValidationPlugin formInputValidationPlugin() {
    return new FormInputValidationPlugin();
  }

  /**
   * {@code /engine-rest} is open by default, and Kyodo's own API ({@code /api}) likewise needs a user:
   * every call must carry HTTP Basic credentials, checked against the engine's identity service.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("kyodo-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
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

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> InputErrorMapping.PROVIDERS.forEach(config::register);
  }

  /**
   * The webapps' Jersey servlet for engine calls, with our providers added. Camunda's initializer
   * keeps a registration of that name that already exists, and adds ours to its own otherwise, so
   * the order in which the two initializers run does not matter.
   */
  @Bean
  ServletContextInitializer webappInputErrors(CamundaBpmProperties camunda) {
    return servletContext -> {
      ServletRegistration api = servletContext.getServletRegistration(WEBAPP_ENGINE_API);
      if (api == null) {
        api = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
        api.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
      }
      api.setInitParameter("jakarta.ws.rs.Application", EngineRestApplication.class.getName());
      api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES,
          InputErrorMapping.PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
    };
  }
}
