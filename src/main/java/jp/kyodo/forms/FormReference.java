package jp.kyodo.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * A BPMN element's {@code camunda:formRef}: which form, bound how (latest, deployment, version). The server checks a
 * submission against the same deployed form version Tasklist shows for it, found the way Camunda finds it.
 */
record FormReference(String key, String binding, Integer version) {

  /** The rules of the form this element uses now, from the deployment of its process definition. */
  FormSpec resolve(FormCatalog catalog, String deploymentId) {
    CommandContext context = Context.getCommandContext();
    CamundaFormRefImpl ref = new CamundaFormRefImpl(key, binding);
    ref.setVersion(version);
    CamundaFormDefinition definition = context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
    if (definition == null) {
      throw new ProcessEngineException("The form '" + key + "' (" + binding + ") is not deployed.");
    }
    return catalog.spec(definition.getId(), () -> {
      try (InputStream in = context.runWithoutAuthorization(
          new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
