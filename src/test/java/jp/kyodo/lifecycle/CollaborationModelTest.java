package jp.kyodo.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.kyodo.forms.FieldSpec;
import jp.kyodo.platform.Decision;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.Test;

/**
 * What the lifecycle promises its phases and Cockpit, checked on the model: each phase is called with its
 * variables mapped by name (nothing else leaks either way), with the project number as business key, the fields
 * its start form requires and the phase's due date; each records its outcome, escalates when overdue without
 * being interrupted, and is entered through {@code enterPhase}; every end of the lifecycle records how it ended.
 */
class CollaborationModelTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File(CollaborationProcess.RESOURCE));
  static final BpmnModelInstance YEAR = Bpmn.readModelFromFile(new File(FiscalYearProcess.RESOURCE));

  /** ① is the lifecycle's; the rest of the phases belong to each fiscal year. */
  static BpmnModelInstance modelOf(Phase phase) {
    return phase == Phase.EXAMINATION ? MODEL : YEAR;
  }

  /** The phases that are processes of their own (the budget request is a subprocess of the year). */
  static List<Phase> called() {
    return Arrays.stream(Phase.values()).filter(p -> p != Phase.BUDGET).toList();
  }

  static final Map<Phase, String> CALLED = Map.of(Phase.EXAMINATION, "examination", Phase.SELECTION, "partner-selection",
      Phase.AGREEMENT, "agreement", Phase.EXECUTION, "execution", Phase.EVALUATION, "evaluation",
      Phase.IMPROVEMENT, "improvement");

  @Test
  void everyPhaseIsCalledWithItsVariablesByNameItsBusinessKeyItsRequiredFieldsAndItsDueDate() {
    for (Phase phase : called()) {
      CallActivity call = modelOf(phase).getModelElementById(phase.callActivityId());
      assertThat(call.getCalledElement()).as(phase.toString()).isEqualTo(CALLED.get(phase));
      List<CamundaIn> ins = call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
      List<CamundaOut> outs = call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list();
      assertThat(ins).as(phase + " maps nothing wholesale")
          .noneMatch(in -> "all".equals(in.getCamundaVariables()) || "all".equals(in.getAttributeValueNs(
              "http://camunda.org/schema/1.0/bpmn", "variables")));
      assertThat(outs).noneMatch(out -> "all".equals(out.getCamundaVariables()));
      assertThat(ins).as(phase + " carries the project number as business key")
          .anyMatch(in -> "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
      Set<String> passed = ins.stream().map(CamundaIn::getCamundaTarget).filter(t -> t != null)
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(passed).as(phase + " due date").contains(CollaborationProcess.PHASE_DUE_DATE.name());
      assertThat(passed).as(phase + " fields its start form requires").containsAll(requiredStartFields(CALLED.get(phase)));
      assertThat(outs).as(phase + " hands its outcome back").isNotEmpty();
      assertThat(listeners(call)).as(phase.toString()).contains("end:${recordPhaseOutcome}");
    }
  }

  @Test
  void everyPhaseEscalatesWhenOverdueWithoutBeingInterrupted() {
    for (Phase phase : Phase.values()) {
      List<BoundaryEvent> boundaries = modelOf(phase).getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo().getId().equals(phase.callActivityId())).toList();
      assertThat(boundaries).as(phase.toString()).singleElement().satisfies(boundary -> {
        assertThat(boundary.cancelActivity()).as("non-interrupting").isFalse();
        TimerEventDefinition timer = (TimerEventDefinition) boundary.getEventDefinitions().iterator().next();
        assertThat(timer.getTimeDate().getTextContent()).isEqualTo("${phaseDueDate}");
        FlowNode next = boundary.getOutgoing().iterator().next().getTarget();
        assertThat(next).isInstanceOf(EndEvent.class);
        EscalationEventDefinition escalation = (EscalationEventDefinition) ((EndEvent) next).getEventDefinitions()
            .iterator().next();
        assertThat(escalation.getEscalation().getEscalationCode()).isEqualTo(CollaborationProcess.OVERDUE_ESCALATION_CODE);
      });
    }
    for (BpmnModelInstance model : List.of(MODEL, YEAR)) {
      SubProcess handling = model.getModelElementById(CollaborationProcess.Elements.OVERDUE_HANDLING);
      assertThat(handling.triggeredByEvent()).isTrue();
      StartEvent start = model.getModelElementById(CollaborationProcess.Elements.OVERDUE_START);
      assertThat(start.isInterrupting()).isFalse();
    }
  }

  @Test
  void everyPhaseIsEnteredThroughEnterPhaseWithItsOwnPhase() {
    for (Phase phase : Phase.values()) {
      FlowNode call = modelOf(phase).getModelElementById(phase.callActivityId());
      assertThat(listeners(call)).as(phase.toString()).contains("end:${recordPhaseOutcome}");
      assertThat(call.getIncoming()).as(phase + ": one way in").hasSize(1);
      assertThat(phaseEntered(call.getIncoming().iterator().next().getSource())).as(phase.toString()).isEqualTo(phase.name());
    }
  }

  @Test
  void everyEndOfTheLifecycleRecordsHowTheProjectEndedAndEndsItForGood() {
    Set<String> ends = new TreeSet<>();
    for (EndEvent end : MODEL.getModelElementsByType(EndEvent.class)) {
      boolean escalation = end.getEventDefinitions().stream().anyMatch(EscalationEventDefinition.class::isInstance);
      if (escalation || end.getParentElement() instanceof SubProcess) {
        continue;
      }
      ends.add(end.getId());
      assertThat(listeners(end)).as(end.getId()).contains("start:${recordProjectOutcome}");
      assertThat(end.getEventDefinitions()).as(end.getId() + " withdraws open escalations")
          .anyMatch(TerminateEventDefinition.class::isInstance);
      Decision.Outcome.atEndEvent(ProjectOutcome.class, end.getId());
    }
    assertThat(ends).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ProjectOutcome.values()).map(ProjectOutcome::endEventId).toList());
  }

  @Test
  void everyEndOfAYearTellsTheLifecycleAndEndsTheYearForGood() {
    Set<String> ends = new TreeSet<>();
    for (EndEvent end : YEAR.getModelElementsByType(EndEvent.class)) {
      if (end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance)) {
        ends.add(end.getId());
        assertThat(listeners(end)).as(end.getId()).contains("start:${endFiscalYear}");
      } else {
        assertThat(end.getExtensionElements()).as(end.getId() + " ends a branch only, quietly").isNull();
      }
    }
    assertThat(ends).containsExactlyInAnyOrderElementsOf(FiscalYearProcess.Elements.ENDS);
    StartEvent start = YEAR.getModelElementById(FiscalYearProcess.Elements.START);
    assertThat(((org.camunda.bpm.model.bpmn.instance.MessageEventDefinition) start.getEventDefinitions().iterator().next())
        .getMessage().getName()).isEqualTo(FiscalYearProcess.Messages.FISCAL_YEAR_STARTS);
  }

  @Test
  void theLifecycleStartsWithTheProposalFormAndItsInitiatorIsTheProposer() {
    Process process = MODEL.getModelElementById(CollaborationProcess.KEY);
    StartEvent start = MODEL.getModelElementById(CollaborationProcess.Elements.START);
    assertThat(start.getParentElement()).isEqualTo(process);
    assertThat(start.getCamundaFormRef()).isEqualTo(CollaborationProcess.FormIds.START);
    assertThat(start.getCamundaInitiator()).isEqualTo(CollaborationProcess.PROPOSER.name());
  }

  static String phaseEntered(FlowNode node) {
    if (!(node instanceof ServiceTask task) || !"${enterPhase}".equals(task.getCamundaDelegateExpression())) {
      return "(" + node.getId() + " is not enterPhase)";
    }
    return task.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class)
        .singleResult().getCamundaInputParameters().stream()
        .filter(p -> CollaborationProcess.PHASE_TO_ENTER.name().equals(p.getCamundaName()))
        .map(CamundaInputParameter::getTextContent).findFirst().orElse(null);
  }

  static Set<String> requiredStartFields(String processKey) {
    String file = "processes/" + processKey + ".bpmn";
    BpmnModelInstance called = Bpmn.readModelFromFile(new File(file));
    StartEvent start = called.getModelElementsByType(StartEvent.class).stream()
        .filter(s -> s.getParentElement() instanceof Process).findFirst().orElseThrow();
    return jp.kyodo.support.FormsOnDisk.spec(start.getCamundaFormRef()).fields().values().stream()
        .filter(FieldSpec::required).map(FieldSpec::name).collect(Collectors.toCollection(TreeSet::new));
  }

  static List<String> listeners(FlowNode node) {
    return node.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list().stream()
        .map(l -> l.getCamundaEvent() + ":" + l.getCamundaDelegateExpression()).toList();
  }
}
