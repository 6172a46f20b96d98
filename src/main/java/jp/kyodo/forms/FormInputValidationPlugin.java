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
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Puts the server-side check of a form's values in front of every user task completion and every
 * process start that has a Camunda Form, and screens every form submission (see {@link SubmissionGuard}). It is attached at parse time rather than drawn in each
 * diagram, so a process owner cannot remove it by editing a model, and a model whose form has no
 * server-side rules is refused at deployment.
 */
public class FormInputValidationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new ParseListener());
  }

  static FormSpec specFor(Element element) {
    String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    if (formRef == null) {
      return null;
    }
    return FormSpecs.find(formRef).orElseThrow(() -> new ProcessEngineException(
        "Element '" + element.attribute("id") + "' uses form '" + formRef
            + "', which has no server-side input rules (FormSpec); add them before deploying."));
  }

  static final class ParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      FormSpec spec = specFor(element);
      if (spec != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        TaskListener check = task -> spec.validateAndNormalize(task);
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        behavior.getTaskDefinition().setTaskFormHandler(
            new SubmissionGuard.Task(behavior.getTaskDefinition().getTaskFormHandler(), spec));
      }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
      FormSpec spec = specFor(element);
      if (spec != null && scope instanceof ProcessDefinitionImpl) {
        ExecutionListener check = execution -> spec.validateAndNormalize(execution);
        activity.addExecutionListener(ExecutionListener.EVENTNAME_START, check, 0);
        if (scope instanceof ProcessDefinitionEntity definition && definition.getStartFormHandler() != null) {
          definition.setStartFormHandler(new SubmissionGuard.Start(definition.getStartFormHandler(), spec));
        }
      }
    }
  }
}
