package jp.kyodo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's forms are bound to its deployment, so a change of any one model must deploy every model again together:
 * a diagram deployed alone would not find its forms, and a form deployed alone would reach no diagram.
 */
class ModelDeployerTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @TempDir
  Path models;

  RepositoryService repository() {
    return extension.getProcessEngine().getRepositoryService();
  }

  @AfterEach
  void undeploy() {
    repository().createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).list()
        .forEach(d -> repository().deleteDeployment(d.getId(), true));
  }

  void write(int maxLength) throws Exception {
    Files.createDirectories(models.resolve("processes"));
    Files.createDirectories(models.resolve("forms"));
    Path diagram = models.resolve("processes/deployer-probe.bpmn");
    if (Files.exists(diagram)) {
      writeForm(maxLength);
      return;
    }
    Files.writeString(diagram, Bpmn.convertToString(
        Bpmn.createExecutableProcess("deployer-probe").name("配備の確認").camundaHistoryTimeToLive(1).startEvent()
            .userTask("Note").name("メモを書く").camundaCandidateGroups("coordinators")
            .camundaFormRef("deployer-probe").camundaFormRefBinding("deployment").endEvent().done()));
    writeForm(maxLength);
  }

  /** Only the form changes (the diagram is written once: the builder gives its elements new ids each time). */
  void writeForm(int maxLength) throws Exception {
    Files.writeString(models.resolve("forms/deployer-probe.form"), """
        {"id": "deployer-probe", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "note", "label": "メモ", "validate": {"maxLength": %d}}]}""".formatted(maxLength));
  }

  void deploy() throws Exception {
    try (URLClassLoader onlyTheseModels = new URLClassLoader(new URL[] {models.toUri().toURL()}, null)) {
      new ModelDeployer(onlyTheseModels).deploy(repository());
    }
  }

  @Test
  void aChangedFormIsDeployedWithEveryModelAndItsDiagramGetsAVersionThatFindsIt() throws Exception {
    write(100);
    deploy();
    write(50);
    deploy();
    deploy();

    ProcessDefinition latest = repository().createProcessDefinitionQuery().processDefinitionKey("deployer-probe")
        .latestVersion().singleResult();
    assertThat(latest.getVersion()).as("only the form changed, and the diagram got a version with it").isEqualTo(2);
    assertThat(new TreeSet<>(repository().getDeploymentResourceNames(latest.getDeploymentId())))
        .containsExactly("forms/deployer-probe.form", "processes/deployer-probe.bpmn");
    assertThat(repository().createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count())
        .as("deploying without a change adds nothing").isEqualTo(2);
  }
}
