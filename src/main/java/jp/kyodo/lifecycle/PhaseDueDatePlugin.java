package jp.kyodo.lifecycle;

import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Tasks inside a phase carry the phase's due date (the yearly calendar, 旭川 Q52), so Tasklist shows and sorts
 * them by it. The lifecycle passes {@code phaseDueDate} into every phase it calls; a user task that has no due
 * date of its own (a progress report keeps its report date) gets it when it is created. A phase started on its
 * own has no phase due date and its tasks stay as modelled. Attached at parse time like the form checks, so no
 * phase diagram needs to know about the lifecycle.
 */
@Component
public class PhaseDueDatePlugin extends AbstractProcessEnginePlugin {

  static final TaskListener DUE_WITH_THE_PHASE = task -> {
    if (task.getDueDate() == null && task.getVariable(CollaborationProcess.PHASE_DUE_DATE.name()) instanceof Date due) {
      task.setDueDate(due);
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, DUE_WITH_THE_PHASE);
        }
      }
    });
  }
}
