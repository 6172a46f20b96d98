package jp.kyodo.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.ObjectValue;

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
        problems.add(notInForm(name));
      } else if (isObject(submitted.getValueTyped(name))) {
        problems.add(objectRefused(field));
      } else if (field.kind() == FieldSpec.Kind.DISPLAY) {
        submitted.remove(name);
      }
    }
    refuseIfAny(problems);
  }

  /**
   * A completion "with variables" (any API but the form's submit): every name must be an input of the task's form.
   * A value the form only shows is refused rather than dropped: outside the form nobody sends it by mistake.
   */
  static void screenCompletion(FormSpec spec, Map<String, ?> variables) {
    List<String> problems = new ArrayList<>();
    for (String name : variables.keySet()) {
      Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
      problems.addAll(inputProblems(spec, name, value));
    }
    refuseIfAny(problems);
  }

  /** The variables a project starts with are the start form's inputs, whichever API started it. */
  static void screenStart(FormSpec spec, VariableMap variables) {
    List<String> problems = new ArrayList<>();
    for (String name : variables.keySet()) {
      problems.addAll(inputProblems(spec, name, variables.getValueTyped(name)));
    }
    refuseIfAny(problems);
  }

  private static List<String> inputProblems(FormSpec spec, String name, Object value) {
    FieldSpec field = spec.fields().get(name);
    if (field == null || field.kind() == FieldSpec.Kind.DISPLAY) {
      return List.of(notInForm(name));
    }
    return isObject(value) ? List.of(objectRefused(field)) : List.of();
  }

  private static String notInForm(String name) {
    return "「" + printable(name) + "」はこのフォームの項目ではないため受け付けられません。";
  }

  private static String objectRefused(FieldSpec field) {
    return "「" + field.label() + "」に、フォームでは送れない形式（オブジェクト）の値が送られました。フォームから入力してください。";
  }

  /**
   * A serialized Java object value (type Object) would be turned back into an object of whatever class it names when
   * read; no form sends one, so it is refused before anything reads it. (A list sent without a type arrives already
   * read, as plain data, and is checked like any other value.)
   */
  static boolean isObject(Object value) {
    return value instanceof ObjectValue object && !object.isDeserialized();
  }

  private static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static String printable(String name) {
    String shown = name.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }

  /** Screens, then hands over to the engine's own handler. */
  private abstract static class Guarded<H extends FormHandler> implements FormHandler {
    final H delegate;
    final FormUse use;

    Guarded(H delegate, FormUse use) {
      this.delegate = delegate;
      this.use = use;
    }

    @Override
    public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
        BpmnParse parse) {
      delegate.parseConfiguration(element, deployment, definition, parse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      screen(use.spec(), properties);
      delegate.submitFormVariables(properties, scope);
    }
  }

  static final class Task extends Guarded<TaskFormHandler> implements TaskFormHandler {
    Task(TaskFormHandler delegate, FormUse use) {
      super(delegate, use);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return delegate.createTaskForm(task);
    }

    /**
     * Checks the merged values right after they are set, before completion: refused here, the
     * clerk's mistake reaches the caller as itself instead of wrapped in a task-listener failure
     * (and is logged as a bad request, not as an engine error). The complete listener stays as
     * the check for completions that bypass the form.
     */
    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      super.submitFormVariables(properties, scope);
      use.spec().validateAndNormalize(scope);
    }
  }

  static final class Start extends Guarded<StartFormHandler> implements StartFormHandler {
    Start(StartFormHandler delegate, FormUse use) {
      super(delegate, use);
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
      return delegate.createStartFormData(definition);
    }
  }
}
