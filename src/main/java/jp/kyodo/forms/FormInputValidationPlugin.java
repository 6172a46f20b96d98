package jp.kyodo.forms;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Puts the server-side check of a form's values in front of every user task completion and every process start that
 * has a Camunda Form, and screens every form submission (see {@link SubmissionGuard}). The rules are the form's own
 * (read from the deployed form version Tasklist shows) joined with the application's ({@link FormCatalog}). They are
 * attached at parse time rather than drawn in each diagram, so a process owner cannot remove them by editing a model,
 * and a model whose form is missing or cannot be checked is refused at deployment.
 */
public class FormInputValidationPlugin extends AbstractProcessEnginePlugin {

  private final FormCatalog catalog;

  public FormInputValidationPlugin(FormCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new ParseListener(catalog));
    // Inside the command's context, so that the check can read the task it is about.
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new EngineEntryChecks.CommandCheck());
    if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new EngineEntryChecks.CommandCheck());
  }

  public FormCatalog catalog() {
    return catalog;
  }

  /**
   * The form an element references ({@code camunda:formRef}), or null for an element without a form. Other kinds of
   * form ({@code formKey}, generated {@code formData}) would bypass the server's rules and are refused.
   */
  static FormReference referenceOf(Element element) {
    String id = element.attribute("id");
    if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formKey") != null || hasFormData(element)) {
      throw new ProcessEngineException("Element '" + id + "' uses camunda:formKey or camunda:formData; Kyodo accepts"
          + " only Camunda Forms referenced with camunda:formRef, whose values the server checks.");
    }
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    if (formRef == null) {
      return null;
    }
    String binding = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefBinding");
    String version = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRefVersion");
    return new FormReference(formRef, binding == null ? DefaultFormHandler.FORM_REF_BINDING_LATEST : binding,
        version == null ? null : Integer.valueOf(version));
  }

  private static boolean hasFormData(Element element) {
    Element extensions = element.element("extensionElements");
    return extensions != null && extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formData") != null;
  }

  /**
   * The empty value a task-local field is declared with. Tasklist submits a checklist (a list) with the type of the
   * variable it read for the task; a plain null is of type Null, which the engine cannot turn a list into (the task
   * could not be completed from Tasklist), so lists are declared as JSON without a value.
   */
  static Object declaration(FieldSpec field) {
    return field.kind == FieldSpec.Kind.CHOICES ? SpinValues.jsonValue((String) null).create() : null;
  }

  static final class ParseListener extends AbstractBpmnParseListener {

    private final FormCatalog catalog;

    ParseListener(FormCatalog catalog) {
      this.catalog = catalog;
    }

    private FormUse use(Element element, ActivityImpl activity) {
      String deploymentId = ((ProcessDefinitionEntity) activity.getProcessDefinition()).getDeploymentId();
      FormUse use = new FormUse(element.attribute("id"), referenceOf(element), deploymentId, catalog);
      use.checkDeployable();
      activity.setProperty(FormUse.PROPERTY, use);
      return use;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, new EngineEntryChecks.ProcessStartCheck());
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        FormUse use = use(element, activity);
        TaskListener check = task -> use.spec().validateAndNormalize(task);
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        // A value set on a task goes to the scope that already holds the name: a form whose values stay on its task
        // declares them there.
        TaskListener declareLocal = task -> {
          FormSpec spec = use.spec();
          if (spec.taskLocal()) {
            spec.fields().values().stream().filter(f -> f.kind != FieldSpec.Kind.DISPLAY)
                .forEach(f -> task.setVariableLocal(f.name, declaration(f)));
          }
        };
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, declareLocal);
        behavior.getTaskDefinition().setTaskFormHandler(
            new SubmissionGuard.Task(behavior.getTaskDefinition().getTaskFormHandler(), use));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (scope instanceof ProcessDefinitionImpl && element.elements().stream().noneMatch(e -> e.getTagName().endsWith("EventDefinition"))) {
        FormUse use = use(element, activity);
        // Built in: a start that skips custom listeners still has its values checked.
        ExecutionListener check = execution -> use.spec().validateAndNormalize(execution);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, check, 0);
        if (scope instanceof ProcessDefinitionEntity definition && definition.getStartFormHandler() != null) {
          definition.setStartFormHandler(new SubmissionGuard.Start(definition.getStartFormHandler(), use));
        }
      }
    }
  }
}
