package jp.kyodo;

import jp.kyodo.forms.FormInputValidationPlugin;
import jp.kyodo.identity.IdentitySetup;
import jp.kyodo.mail.Outbox;
import jp.kyodo.mail.TaskNoticePlugin;
import jp.kyodo.mail.TaskNotices;
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

  /** Mail to the people a task is offered or assigned to, with the kinds the phases name (see TaskNotices). */
  @Bean
  TaskNoticePlugin taskNoticePlugin(Outbox outbox) {
    return new TaskNoticePlugin(new TaskNotices(outbox, Phases.taskNoticeKinds()));
  }

  @Bean
  FormInputValidationPlugin formInputValidationPlugin() {
    return Phases.formValidation();
  }
}
