package jp.kyodo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Spring Security is on the classpath for profile {@code oidc} only ({@code platform.OidcSignIn} configures it there):
 * Boot's own security set-up stays out in every profile, so that outside {@code oidc} there is no filter chain, no
 * generated password, no login page and no CSRF, header or session handling but Camunda's and Kyodo's own.
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConfigurationPropertiesScan
public class KyodoApplication {

  public static void main(String[] args) {
    SpringApplication.run(KyodoApplication.class, args);
  }
}
