package jp.kyodo.lifecycle;

import static jp.kyodo.lifecycle.StaffHandoverProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.kyodo.forms.FieldSpec;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.support.FormsOnDisk;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What {@link StaffHandoverProcess} promises about {@code processes/staff-handover.bpmn}: its key, every element id
 * it names (and no flow node it does not), the forms, who works each task, and the manager's three answers as the
 * form offers them and the gateway routes them. Tasklist offers the process to the department and the managers.
 */
class StaffHandoverModelTest {

  static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File(RESOURCE));

  static Set<String> constants(Class<?> holder) {
    return Arrays.stream(holder.getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())
            && f.getType() == String.class).map(StaffHandoverModelTest::value)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theClassNamesEveryFlowNodeOfTheModelAndNothingElse() {
    Process process = MODEL.getModelElementById(KEY);
    assertThat(process.getName()).isEqualTo("担当者の交代");
    Set<String> nodes = MODEL.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(constants(Elements.class)).isEqualTo(nodes);
  }

  @Test
  void formsAndWhoWorksEachStep() {
    StartEvent start = MODEL.getModelElementById(Elements.START);
    assertThat(start.getCamundaFormRef()).isEqualTo(FormIds.START);
    assertThat(start.getCamundaInitiator()).isEqualTo(REQUESTED_BY.name());
    UserTask record = MODEL.getModelElementById(Elements.RECORD);
    assertThat(record.getCamundaFormRef()).isEqualTo(FormIds.RECORD);
    assertThat(record.getCamundaCandidateGroups()).isEqualTo("${" + jp.kyodo.project.Project.DEPARTMENT_GROUP.name() + "}");
    assertThat(record.getCamundaAssignee()).isEqualTo("${" + CLERK.name() + "}");
    UserTask confirm = MODEL.getModelElementById(Elements.CONFIRM);
    assertThat(confirm.getCamundaFormRef()).isEqualTo(FormIds.CONFIRM);
    assertThat(confirm.getCamundaCandidateGroups()).isEqualTo(KyodoGroups.MANAGERS);
    assertThat(constants(FormIds.class)).containsExactlyInAnyOrder(FormIds.START, FormIds.RECORD, FormIds.CONFIRM);
    assertThat(LifecycleForms.ALL).extracting(r -> r.formId()).contains(FormIds.START, FormIds.RECORD, FormIds.CONFIRM);
    assertThat(new LifecycleModule().starters()).containsEntry(KEY, List.of(KyodoGroups.DEPARTMENTS, KyodoGroups.MANAGERS));
  }

  @Test
  void theManagersThreeAnswersAreTheFormsOptionsAndTheGatewaysRoutes() {
    FieldSpec decision = FormsOnDisk.spec(FormIds.CONFIRM).fields().get(HANDOVER_DECISION.name());
    assertThat(decision.options().keySet()).containsExactlyInAnyOrder(CONFIRM, RETURN, WITHDRAW);
    FlowNode gateway = MODEL.getModelElementById(Elements.DECISION_GATEWAY);
    assertThat(gateway.getOutgoing()).extracting(SequenceFlow::getConditionExpression)
        .extracting(c -> c.getTextContent())
        .containsExactlyInAnyOrder("${handoverDecision == '" + CONFIRM + "'}", "${handoverDecision == '" + RETURN + "'}",
            "${handoverDecision == '" + WITHDRAW + "'}");
    assertThat(gateway.getOutgoing()).extracting(f -> f.getTarget().getId())
        .containsExactlyInAnyOrder(Elements.COMPLETE, Elements.RECORD_JOIN, Elements.END_WITHDRAWN);
  }

  @Test
  void theRecordFormHasTheFieldsItsRulesAndTheDelegatesRead() {
    Set<String> inputs = FormsOnDisk.spec(FormIds.RECORD).fields().values().stream()
        .filter(f -> f.kind() != FieldSpec.Kind.DISPLAY).map(FieldSpec::name).collect(Collectors.toCollection(TreeSet::new));
    assertThat(inputs).containsExactlyInAnyOrder(NEW_MAIN_STAFF.name(), NEW_DEPUTY_STAFF.name(), REASON.name(),
        HELD_ON.name(), PARTNER_ATTENDEE.name(), NOTES.name(), PURPOSE_SHARED.name());
    assertThat(FormsOnDisk.spec(FormIds.RECORD).fields().get(NEW_MAIN_STAFF.name()).valuesKey()).isEqualTo(STAFF_OPTIONS);
  }
}
