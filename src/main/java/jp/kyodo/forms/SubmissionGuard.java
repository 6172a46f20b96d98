package jp.kyodo.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Screens a form submission before any value is set: a name the form does not have is refused
 * (a submission cannot smuggle in routing data such as a department or an organisation), and a
 * value the form only shows is dropped, so read-only data stays as the process wrote it.
 */
final class SubmissionGuard {

  private SubmissionGuard() {}

  static void screen(FormSpec spec, VariableMap submitted) {
    List<String> problems = new ArrayList<>();
    for (String name : new ArrayList<>(submitted.keySet())) {
      FieldSpec field = spec.fields().get(name);
      if (field == null) {
        problems.add("「" + printable(name) + "」はこのフォームの項目ではないため受け付けられません。");
      } else if (field.kind() == FieldSpec.Kind.DISPLAY) {
        submitted.remove(name);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static String printable(String name) {
    String shown = name.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }

  record Task(TaskFormHandler delegate, FormSpec spec) implements TaskFormHandler {
    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return delegate.createTaskForm(task);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
        BpmnParse parse) {
      delegate.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      screen(spec, properties);
      delegate.submitFormVariables(properties, scope);
    }
  }

  record Start(StartFormHandler delegate, FormSpec spec) implements StartFormHandler {
    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
      return delegate.createStartFormData(definition);
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
        BpmnParse parse) {
      delegate.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      screen(spec, properties);
      delegate.submitFormVariables(properties, scope);
    }
  }
}
