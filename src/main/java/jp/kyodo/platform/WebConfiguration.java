package jp.kyodo.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import jp.kyodo.forms.FormInputValidationPlugin;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine plugins, the REST API's authentication and its error mapping. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  /** The Jersey servlet the webapps (Tasklist, Cockpit) use for engine calls. */
  static final String WEBAPP_ENGINE_API = "Engine Api";

  @Bean
  ModelDeployer modelDeployer() {
    return new ModelDeployer();
  }

  @Bean
  FormInputValidationPlugin formInputValidationPlugin() {
    return new FormInputValidationPlugin();
  }

  /** {@code /engine-rest} is open by default; every call must carry HTTP Basic credentials. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("kyodo-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestInputErrors() {
    return config -> InputErrorMapping.PROVIDERS.forEach(config::register);
  }

  /**
   * The webapps register their Jersey servlet themselves; the listener adds our providers to it
   * once every initializer has run, whatever their order.
   */
  @Bean
  ServletContextInitializer webappInputErrors() {
    return servletContext -> servletContext.addListener(new ServletContextListener() {
      @Override
      public void contextInitialized(ServletContextEvent event) {
        ServletRegistration api = event.getServletContext().getServletRegistration(WEBAPP_ENGINE_API);
        if (api != null) {
          api.setInitParameter("jersey.config.server.provider.classnames",
              InputErrorMapping.PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(",")));
        }
      }
    });
  }
}
