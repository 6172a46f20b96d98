package jp.kyodo;

import jp.kyodo.forms.FormInputValidationPlugin;
import jp.kyodo.identity.IdentitySetup;
import jp.kyodo.platform.TaskCreationHooks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine plugins that carry the phases' contributions (see {@link Phases}). */
@Configuration(proxyBeanMethods = false)
public class KyodoConfiguration {

  @Bean
  IdentitySetup identitySetup(@Value("${kyodo.demo-data:true}") boolean demoData) {
    return Phases.identitySetup(demoData);
  }

  @Bean
  TaskCreationHooks taskCreationHooks() {
    return Phases.taskCreationHooks();
  }

  @Bean
  FormInputValidationPlugin formInputValidationPlugin() {
    return Phases.formValidation();
  }
}
