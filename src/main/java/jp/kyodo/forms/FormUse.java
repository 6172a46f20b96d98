package jp.kyodo.forms;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * The form a user task or a start event uses (none, for an element without a form: it then accepts no values), kept
 * on the parsed element with the deployment of its process definition, so that a submission is checked against the
 * form version it was shown.
 */
final class FormUse {

  /** The property of a parsed activity that holds its {@code FormUse}. */
  static final String PROPERTY = "kyodo.formUse";

  private final String elementId;
  private final FormReference reference;
  private final String deploymentId;
  private final FormCatalog catalog;

  FormUse(String elementId, FormReference reference, String deploymentId, FormCatalog catalog) {
    this.elementId = elementId;
    this.reference = reference;
    this.deploymentId = deploymentId;
    this.catalog = catalog;
  }

  static FormUse of(ActivityImpl activity) {
    return activity == null ? null : (FormUse) activity.getProperty(PROPERTY);
  }

  /** The rules that apply now (the form version Camunda resolves for this element). */
  FormSpec spec() {
    return reference == null ? FormSpec.none(elementId) : reference.resolve(catalog, deploymentId);
  }

  /**
   * Refuses, at deployment, an element whose form cannot be found (in its own deployment or, bound to the latest
   * version, among the deployed forms) or whose rules the server could not check.
   */
  void checkDeployable() {
    if (reference == null) {
      return;
    }
    byte[] content = inOwnDeployment();
    if (content == null && DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(reference.binding())) {
      CommandContext context = Context.getCommandContext();
      CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(reference.key());
      if (latest != null) {
        ResourceEntity resource = context.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        content = resource == null ? null : resource.getBytes();
      }
    }
    if (content == null && reference.version() == null) {
      throw new ProcessEngineException("Element '" + elementId + "' uses the form '" + reference.key()
          + "', which is neither in this deployment nor deployed before; deploy the .form file with the diagram.");
    }
    if (content != null) {
      try {
        catalog.read(content);
      } catch (IllegalArgumentException unusable) {
        throw new ProcessEngineException("Element '" + elementId + "': " + unusable.getMessage(), unusable);
      }
    }
  }

  private byte[] inOwnDeployment() {
    DeploymentEntity deployment = Context.getCommandContext().getDeploymentManager().findDeploymentById(deploymentId);
    if (deployment == null || deployment.getResources() == null) {
      return null;
    }
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      if (resource.getKey().endsWith(".form") && reference.key().equals(formId(resource.getValue().getBytes()))) {
        return resource.getValue().getBytes();
      }
    }
    return null;
  }

  /** The form's id, or null for a form the server cannot read (refused when an element uses it). */
  private static String formId(byte[] content) {
    try {
      return FormFile.id(content);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }
}
