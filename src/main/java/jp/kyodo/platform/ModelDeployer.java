package jp.kyodo.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys every model under {@code processes/} and {@code forms/} on the classpath when the
 * engine starts, named by its path from the classpath root ({@code processes/examination.bpmn}),
 * which is the same in tests, {@code spring-boot:run} and the jar. A restart without changes adds
 * nothing; when any file changed, every model is deployed again together, so that each process
 * version finds the forms it was deployed with in its own deployment (its forms are bound to the
 * deployment, {@code camunda:formRefBinding="deployment"}). A model deployed from Camunda Modeler
 * in the meantime stays the latest until the application's own copies change.
 */
public class ModelDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "kyodo";
  public static final String SOURCE = "kyodo-application";
  static final List<String> FOLDERS = List.of("processes", "forms");
  static final List<String> PATTERNS = List.of("processes/**/*.bpmn", "processes/**/*.dmn", "forms/**/*.form");

  private final ClassLoader classLoader;

  public ModelDeployer() {
    this(ModelDeployer.class.getClassLoader());
  }

  public ModelDeployer(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    deploy(processEngine.getRepositoryService());
  }

  /** Deploys every model when any changed; a deployment without new definitions means nothing changed. */
  public DeploymentWithDefinitions deploy(RepositoryService repositoryService) {
    Map<String, byte[]> resources = resources();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(SOURCE)
        .enableDuplicateFiltering(false);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    return builder.deployWithResult();
  }

  /** The models by stable resource name, sorted. */
  public Map<String, byte[]> resources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
    Map<String, byte[]> byName = new TreeMap<>();
    try {
      List<String> roots = new ArrayList<>();
      for (String folder : FOLDERS) {
        for (URL root : Collections.list(classLoader.getResources(folder))) {
          String url = root.toExternalForm();
          roots.add(url.endsWith("/") ? url.substring(0, url.length() - folder.length() - 1)
              : url.substring(0, url.length() - folder.length()));
        }
      }
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources("classpath*:" + pattern)) {
          String name = nameOf(resource.getURL().toExternalForm(), roots);
          try (InputStream in = resource.getInputStream()) {
            byName.putIfAbsent(name, in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the models on the classpath", e);
    }
    return byName;
  }

  static String nameOf(String url, List<String> roots) {
    String best = null;
    for (String root : roots) {
      if (url.startsWith(root) && (best == null || root.length() > best.length())) {
        best = root;
      }
    }
    if (best == null) {
      throw new IllegalStateException("model outside the classpath roots: " + url);
    }
    return url.substring(best.length());
  }
}
