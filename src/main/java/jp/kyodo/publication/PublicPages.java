package jp.kyodo.publication;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /public/} opens the public project list, {@code /overview/} the office's overview (static pages under
 * {@code static/}; their data comes from {@code /public/api} and {@code /overview/api}).
 */
@Configuration(proxyBeanMethods = false)
public class PublicPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/public").setViewName("redirect:/public/");
    registry.addViewController("/public/").setViewName("forward:/public/index.html");
    registry.addViewController("/overview").setViewName("redirect:/overview/");
    registry.addViewController("/overview/").setViewName("forward:/overview/index.html");
  }
}
