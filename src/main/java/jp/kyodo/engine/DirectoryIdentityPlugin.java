package jp.kyodo.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Makes {@link DirectoryIdentityProvider} the engine's identity provider, for reading and writing. Camunda's own LDAP
 * plugin is not used: it would make the engine's identity read-only and the directory the only source of users.
 */
public class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

  private final LdapConfiguration configuration;
  private final DirectoryGroupMapping mapping;

  DirectoryIdentityPlugin(LdapConfiguration configuration, DirectoryGroupMapping mapping) {
    this.configuration = configuration;
    this.mapping = mapping;
  }

  /**
   * The directory's settings under the prefix, with the names of Camunda's LDAP plugin ({@code server-url},
   * {@code manager-dn}, {@code user-search-filter}, …, see docs/sign-in.md). Without a server URL it refuses to
   * start: an engine without its directory would turn every staff member away.
   */
  public static DirectoryIdentityPlugin from(Binder binder, String prefix, DirectoryGroupMapping mapping) {
    LdapConfiguration configuration = binder.bindOrCreate(prefix, Bindable.of(LdapConfiguration.class));
    if (configuration.getServerUrl() == null || configuration.getServerUrl().isBlank()) {
      throw new IllegalStateException(prefix + ".server-url is not set: the ldap profile needs the directory's address");
    }
    return new DirectoryIdentityPlugin(configuration, mapping);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl engine) {
    engine.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DirectoryIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new DirectoryIdentityProvider(configuration, mapping);
      }
    });
  }
}
