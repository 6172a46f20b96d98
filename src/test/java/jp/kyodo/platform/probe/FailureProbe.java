package jp.kyodo.platform.probe;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only failures nobody foresaw, one in each place a request can fail: a process step writing to a table that
 * is not there (a real database failure), a task listener failing with SQL in its message, and one endpoint in each of
 * the webapps' plugin APIs (Cockpit, Admin, Tasklist, welcome) that throws. Plugins are found through
 * {@code META-INF/services} on the test classpath; their assets are an empty plugin, so the webapps load as before.
 */
public final class FailureProbe {

  public static final String PLUGIN = "kyodoFailureProbe";
  /** What a careless answer would quote: SQL, a constraint, a table. */
  public static final String SQL_LIKE = "INSERT INTO kyodo_partnership (id) VALUES ('probe'): Unique index or primary key"
      + " violation: KYODO_PARTNERSHIP_UX";

  private FailureProbe() {}

  static RuntimeException failure() {
    return new IllegalStateException(SQL_LIKE, new java.sql.SQLException(SQL_LIKE, "HY000"));
  }

  /** A service task that writes to a table that does not exist. */
  public static class DatabaseFailure implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      new JdbcTemplate(Context.getProcessEngineConfiguration().getDataSource())
          .update("INSERT INTO kyodo_probe_missing_table (id, secret) VALUES ('probe', 'internal')");
    }
  }

  /** A task listener (on complete) that fails with SQL in its message. */
  public static class ListenerFailure implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      throw failure();
    }
  }

  public static class Cockpit extends AbstractCockpitPlugin {
    @Override
    public String getId() {
      return PLUGIN;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(CockpitResource.class);
    }
  }

  @Path("plugin/" + PLUGIN)
  public static class CockpitResource extends AbstractCockpitPluginRootResource {
    public CockpitResource() {
      super(PLUGIN);
    }

    @GET
    @Path("{engine}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
      throw failure();
    }
  }

  public static class Admin extends AbstractAdminPlugin {
    @Override
    public String getId() {
      return PLUGIN;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(AdminResource.class);
    }
  }

  @Path("plugin/" + PLUGIN)
  public static class AdminResource extends AbstractAdminPluginRootResource {
    public AdminResource() {
      super(PLUGIN);
    }

    @GET
    @Path("{engine}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
      throw failure();
    }
  }

  public static class Tasklist extends AbstractTasklistPlugin {
    @Override
    public String getId() {
      return PLUGIN;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(TasklistResource.class);
    }
  }

  @Path("plugin/" + PLUGIN)
  public static class TasklistResource extends AbstractTasklistPluginRootResource {
    public TasklistResource() {
      super(PLUGIN);
    }

    @GET
    @Path("{engine}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
      throw failure();
    }
  }

  public static class Welcome extends AbstractWelcomePlugin {
    @Override
    public String getId() {
      return PLUGIN;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(WelcomeResource.class);
    }
  }

  @Path("plugin/" + PLUGIN)
  public static class WelcomeResource extends AbstractWelcomePluginRootResource {
    public WelcomeResource() {
      super(PLUGIN);
    }

    @GET
    @Path("{engine}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    public String fail() {
      throw failure();
    }
  }
}
