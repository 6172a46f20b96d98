package jp.kyodo.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /account/}: every signed-in person's own pages (static files under {@code static/account/}, their data from
 * {@code /account/api/**}), opened with the login of Tasklist/Cockpit ({@link WebappLogin}); writes need the
 * session's CSRF token ({@link SessionWriteGuard}). The notification settings are its index page; other pages of
 * one's account live beside it.
 */
@Configuration(proxyBeanMethods = false)
public class AccountPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/account").setViewName("redirect:/account/");
    registry.addViewController("/account/").setViewName("forward:/account/index.html");
  }
}
