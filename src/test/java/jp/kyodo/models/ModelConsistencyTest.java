package jp.kyodo.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.beans.Introspector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kyodo.examination.ExaminationOutcome;
import jp.kyodo.examination.ExaminationProcess;
import jp.kyodo.platform.DelegateInputs;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * What Camunda would only find out at run time, checked on every model in {@code processes/}:
 * forms exist, history is cleaned up, diagrams are drawable, delegates, decisions and called
 * processes exist, and element templates fit their delegates.
 */
class ModelConsistencyTest {

  static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");

  static Stream<Path> bpmnFiles() {
    return ModelFiles.files(ModelFiles.PROCESSES, ".bpmn").stream();
  }

  static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  /** Spring bean name → class, for every component of the application. */
  static Map<String, Class<?>> beans() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    Map<String, Class<?>> beans = new HashMap<>();
    for (BeanDefinition definition : scanner.findCandidateComponents("jp.kyodo")) {
      try {
        Class<?> type = Class.forName(definition.getBeanClassName());
        String name = type.getAnnotation(Component.class) != null && !type.getAnnotation(Component.class).value().isEmpty()
            ? type.getAnnotation(Component.class).value()
            : Introspector.decapitalize(type.getSimpleName());
        beans.put(name, type);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyUserTaskAndStartEventHasAnExistingFormAndSomeoneToWorkIt(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> forms = ModelFiles.forms().keySet();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(file + " " + task.getId() + " form").isIn(forms);
      assertThat(task.getCamundaFormRefBinding()).as(file + " " + task.getId() + " form bound to the diagram's deployment")
          .isEqualTo("deployment");
      assertThat(Stream.of(task.getCamundaAssignee(), task.getCamundaCandidateGroups(), task.getCamundaCandidateUsers())
          .anyMatch(s -> s != null && !s.isBlank())).as(task.getId() + " has someone to work it").isTrue();
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      boolean topLevelNoneStart = start.getParentElement() instanceof Process && start.getEventDefinitions().isEmpty();
      // A process hidden from Tasklist's start dialog may have no start form: Kyodo's server starts it (an application
      // from a call's page), its first step a task with the form.
      if (start.getCamundaFormRef() != null) {
        assertThat(start.getCamundaFormRefBinding()).as(file + " " + start.getId() + " form bound to the diagram's deployment")
            .isEqualTo("deployment");
      }
      if (topLevelNoneStart && ((Process) start.getParentElement()).isCamundaStartableInTasklist()) {
        assertThat(start.getCamundaFormRef()).as(file + " " + start.getId() + " start form").isIn(forms);
      } else if (topLevelNoneStart && start.getCamundaFormRef() != null) {
        assertThat(start.getCamundaFormRef()).as(file + " " + start.getId() + " start form").isIn(forms);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyProcessKeepsHistoryForALimitedTimeAndHasAJapaneseName(Path file) {
    for (Process process : read(file).getModelElementsByType(Process.class)) {
      assertThat(process.isExecutable()).isTrue();
      assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      assertThat(process.getName()).as(process.getId()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
    }
  }

  @Test
  void everyDecisionKeepsHistoryForALimitedTime() {
    for (Path file : ModelFiles.files(ModelFiles.PROCESSES, ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        assertThat(decision.getCamundaHistoryTimeToLiveString()).as(file + " " + decision.getId()).isNotBlank();
        assertThat(file.getFileName().toString()).as("one decision per file, named by its key").isEqualTo(decision.getId() + ".dmn");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyElementIsDrawnAndNamedInJapanese(Path file) {
    BpmnModelInstance model = read(file);
    Set<String> shapes = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
    Set<String> edges = new HashSet<>();
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(shapes).as(file + " shape of " + node.getId()).contains(node.getId());
      boolean unnamedJoin = node.getName() == null && node.getOutgoing().size() <= 1
          && node.getElementType().getTypeName().endsWith("Gateway");
      if (!unnamedJoin) {
        assertThat(node.getName()).as(file + " name of " + node.getId()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
      }
      assertThat(node.getId()).as("ids stay English").matches("[A-Za-z][A-Za-z0-9_]*");
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(edges).as(file + " edge of " + flow.getId()).contains(flow.getId());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyDelegateExpressionNamesABean(Path file) {
    Map<String, Class<?>> beans = beans();
    List<String> expressions = new ArrayList<>();
    BpmnModelInstance model = read(file);
    model.getModelElementsByType(ServiceTask.class).forEach(t -> expressions.add(t.getCamundaDelegateExpression()));
    model.getModelElementsByType(CamundaExecutionListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
    model.getModelElementsByType(CamundaTaskListener.class).forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
    for (String expression : expressions) {
      assertThat(expression).as(file + ": delegates are beans, named in ${...}").isNotNull();
      Matcher matcher = BEAN_EXPRESSION.matcher(expression);
      assertThat(matcher.matches()).as(expression).isTrue();
      assertThat(beans).as(file + " bean " + expression).containsKey(matcher.group(1));
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      Matcher matcher = BEAN_EXPRESSION.matcher(task.getCamundaDelegateExpression());
      assertThat(matcher.matches()).isTrue();
      assertThat(JavaDelegate.class).as(task.getId()).isAssignableFrom(beans.get(matcher.group(1)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyCalledDecisionAndProcessExists(Path file) {
    Set<String> decisions = new TreeSet<>();
    for (Path dmn : ModelFiles.files(ModelFiles.PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(dmn.toFile()).getModelElementsByType(Decision.class).forEach(d -> decisions.add(d.getId()));
    }
    Set<String> processes = new TreeSet<>();
    bpmnFiles().forEach(f -> read(f).getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId())));
    BpmnModelInstance model = read(file);
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      assertThat(task.getCamundaDecisionRef()).as(file + " " + task.getId()).isIn(decisions);
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      assertThat(call.getCalledElement()).as(file + " " + call.getId()).isIn(processes);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyServiceTaskUsesTheElementTemplateOfItsDelegate(Path file) {
    Map<String, JsonNode> templates = templates();
    for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
      String templateId = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate");
      assertThat(templates).as(file + " " + task.getId() + " template").containsKey(templateId);
      assertThat(delegateExpression(templates.get(templateId))).isEqualTo(task.getCamundaDelegateExpression());
      Set<String> inputs = new TreeSet<>();
      if (task.getExtensionElements() != null) {
        task.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
            .list().forEach(io -> io.getCamundaInputParameters().forEach(p -> inputs.add(p.getCamundaName())));
      }
      assertThat(inputs).as(task.getId() + " inputs as the template sets them").isEqualTo(templateInputs(templates.get(templateId)));
    }
  }

  @Test
  void everyElementTemplateMatchesItsDelegatesInputs() {
    Map<String, Class<?>> beans = beans();
    Map<String, JsonNode> templates = templates();
    assertThat(templates).isNotEmpty();
    Set<String> delegatesWithTemplates = new TreeSet<>();
    for (Map.Entry<String, JsonNode> entry : templates.entrySet()) {
      JsonNode template = entry.getValue();
      assertThat(template.path("appliesTo").toString()).contains("bpmn:ServiceTask");
      assertThat(template.path("name").asText()).containsPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
      Matcher matcher = BEAN_EXPRESSION.matcher(delegateExpression(template));
      assertThat(matcher.matches()).as(entry.getKey()).isTrue();
      Class<?> delegate = beans.get(matcher.group(1));
      assertThat(delegate).as(entry.getKey() + " delegate bean").isNotNull();
      assertThat(JavaDelegate.class).isAssignableFrom(delegate);
      DelegateInputs declared = delegate.getAnnotation(DelegateInputs.class);
      Set<String> expected = new TreeSet<>(declared == null ? List.of() : Arrays.asList(declared.value()));
      assertThat(templateInputs(template)).as(entry.getKey() + " inputs").isEqualTo(expected);
      delegatesWithTemplates.add(matcher.group(1));
    }
    Set<String> delegates = new TreeSet<>();
    beans.forEach((name, type) -> {
      if (JavaDelegate.class.isAssignableFrom(type)) {
        delegates.add(name);
      }
    });
    assertThat(delegatesWithTemplates).as("every delegate has a template").isEqualTo(delegates);
  }

  @Test
  void everyEndOfTheExaminationRecordsItsOutcome() {
    BpmnModelInstance model = read(Path.of(ExaminationProcess.RESOURCE));
    Set<String> ends = new TreeSet<>();
    for (EndEvent end : model.getModelElementsByType(EndEvent.class)) {
      if (end.getParentElement() instanceof SubProcess) {
        continue;
      }
      ends.add(end.getId());
      List<CamundaExecutionListener> listeners = end.getExtensionElements().getElementsQuery()
          .filterByType(CamundaExecutionListener.class).list();
      assertThat(listeners).as(end.getId()).anyMatch(l -> "${recordExaminationOutcome}".equals(l.getCamundaDelegateExpression())
          && "start".equals(l.getCamundaEvent()));
      jp.kyodo.platform.Decision.Outcome.atEndEvent(ExaminationOutcome.class, end.getId());
    }
    assertThat(ends).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ExaminationOutcome.values()).map(ExaminationOutcome::endEventId).toList());
  }

  static Map<String, JsonNode> templates() {
    Map<String, JsonNode> byId = new HashMap<>();
    for (Path file : ModelFiles.files(ModelFiles.TEMPLATES, ".json")) {
      for (JsonNode template : ModelFiles.json(file)) {
        assertThat(byId.put(template.path("id").asText(), template)).as("template id used twice").isNull();
      }
    }
    return byId;
  }

  static String delegateExpression(JsonNode template) {
    for (JsonNode property : template.path("properties")) {
      if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
        return property.path("value").asText();
      }
    }
    throw new AssertionError("template " + template.path("id") + " sets no camunda:delegateExpression");
  }

  static Set<String> templateInputs(JsonNode template) {
    Set<String> inputs = new TreeSet<>();
    for (JsonNode property : template.path("properties")) {
      if ("camunda:inputParameter".equals(property.path("binding").path("type").asText())) {
        inputs.add(property.path("binding").path("name").asText());
      }
    }
    return inputs;
  }
}
