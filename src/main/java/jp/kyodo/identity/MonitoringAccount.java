package jp.kyodo.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The account Prometheus signs in with (docs/monitoring.md), from {@code kyodo.monitoring.user} and {@code
 * kyodo.monitoring.password} ({@code KYODO_MONITORING_USER}/{@code KYODO_MONITORING_PASSWORD} in the environment):
 * created on start, its password set to the one given (the environment is where it is kept), and a member of
 * {@value KyodoGroups#MONITORING} only. Without both there is no such account (a name without a password is logged
 * and skipped: the metrics are not worth a node that does not start); an administrator may still add people to the
 * group in Admin.
 */
@Component
public class MonitoringAccount {

  public MonitoringAccount(ProcessEngine engine, @Value("${kyodo.monitoring.user:}") String userId,
      @Value("${kyodo.monitoring.password:}") String password) {
    if (userId.isBlank()) {
      return;
    }
    if (password.isBlank()) {
      org.slf4j.LoggerFactory.getLogger(MonitoringAccount.class).warn(
          "監視用の利用者「{}」はパスワード（kyodo.monitoring.password / KYODO_MONITORING_PASSWORD）がないため作りません", userId);
      return;
    }
    IdentityService identity = engine.getIdentityService();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identity.newUser(userId);
      user.setFirstName("Prometheus");
      user.setLastName("監視");
    }
    user.setPassword(password);
    identity.saveUser(user);
    if (identity.createGroupQuery().groupId(KyodoGroups.MONITORING).groupMember(userId).count() == 0) {
      identity.createMembership(userId, KyodoGroups.MONITORING);
    }
  }
}
