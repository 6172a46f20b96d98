package jp.kyodo.forms;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
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
  /** The rules of a form bound to the deployment or to a version: found once, since what they name never changes. */
  private volatile FormSpec fixed;

  FormUse(String elementId, FormReference reference, String deploymentId, FormCatalog catalog) {
    this.elementId = elementId;
    this.reference = reference;
    this.deploymentId = deploymentId;
    this.catalog = catalog;
  }

  static FormUse of(ActivityImpl activity) {
    return activity == null ? null : (FormUse) activity.getProperty(PROPERTY);
  }

  /**
   * The rules that apply (the form version Camunda resolves for this element): for a form bound to the deployment, the
   * one deployed with this element's process definition, whatever was deployed since.
   */
  FormSpec spec() {
    if (reference == null) {
      return FormSpec.none(elementId);
    }
    FormSpec known = fixed;
    if (known != null) {
      return known;
    }
    FormSpec resolved = reference.resolve(catalog, deploymentId);
    if (DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(reference.binding())
        || DefaultFormHandler.FORM_REF_BINDING_VERSION.equals(reference.binding())) {
      fixed = resolved;
    }
    return resolved;
  }

  /**
   * Refuses, at deployment, an element whose form is bound to the latest version (a running instance would be shown a
   * form made for a later diagram, and checked against it), or whose form cannot be found in its own deployment, or
   * whose rules the server could not check.
   */
  void checkDeployable() {
    if (reference == null || !beingDeployed()) {
      return;
    }
    if (DefaultFormHandler.FORM_REF_BINDING_LATEST.equals(reference.binding())) {
      throw new ProcessEngineException("Element '" + elementId + "' binds the form '" + reference.key()
          + "' to its latest version; bind it to the deployment (camunda:formRefBinding=\"deployment\", in Modeler:"
          + " Binding \"deployment\") and deploy the .form file with the diagram, so that a running instance keeps"
          + " the form its version was deployed with.");
    }
    byte[] content = inOwnDeployment();
    if (content == null && reference.version() == null) {
      throw new ProcessEngineException("Element '" + elementId + "' uses the form '" + reference.key()
          + "', which is not in this deployment; deploy the .form file with the diagram.");
    }
    if (content != null) {
      try {
        catalog.read(content);
      } catch (IllegalArgumentException unusable) {
        throw new ProcessEngineException("Element '" + elementId + "': " + unusable.getMessage(), unusable);
      }
    }
  }

  /**
   * Whether the element is parsed for a new deployment. The engine parses a deployed diagram again whenever its cache
   * lacks it (after a restart, on another node), then with only the diagram's own resource in hand; a definition deployed
   * before these rules (bound to the latest form, deployed without its forms) must still run its instances, so the
   * refusals apply when a diagram is deployed, never when it is read back.
   */
  private boolean beingDeployed() {
    DeploymentEntity deployment = Context.getCommandContext().getDeploymentManager().findDeploymentById(deploymentId);
    return deployment != null && deployment.isNew();
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
