package jp.kyodo.identity;

import java.util.Collection;
import java.util.Set;
import jp.kyodo.engine.DirectoryGroupMapping;
import jp.kyodo.engine.DirectoryIdentityPlugin;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * Profile {@code ldap}: staff sign in with the city's directory (LDAP / Active Directory, {@code kyodo.ldap.*}) and
 * are in the Kyodo groups that {@link DirectoryGroups} maps their directory groups onto; partners, the demo people and
 * the administrator keep their local accounts. Every sign-in (Tasklist, Cockpit, Admin, {@code /engine-rest},
 * {@code /api}, Kyodo's pages) asks the engine's identity service, so all of them follow (docs/sign-in.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class LdapSignIn {

  @Bean
  DirectoryIdentityPlugin directoryIdentityPlugin(Environment environment, DirectoryGroups groups) {
    groups.checkTargets();
    return DirectoryIdentityPlugin.from(Binder.get(environment), "kyodo.ldap", new DirectoryGroupMapping() {
      @Override
      public Set<String> localGroupsOf(Collection<String> directoryGroups) {
        return groups.kyodoGroupsOf(directoryGroups);
      }

      @Override
      public Set<String> directoryGroupsFor(String localGroup) {
        return groups.directoryGroupsFor(localGroup);
      }
    });
  }
}
