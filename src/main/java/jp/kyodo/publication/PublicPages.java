package jp.kyodo.publication;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /public/} opens the project list (static pages under {@code static/public}). */
@Configuration(proxyBeanMethods = false)
public class PublicPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/public").setViewName("redirect:/public/");
    registry.addViewController("/public/").setViewName("forward:/public/index.html");
  }
}
