package jp.kyodo.forms;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import jp.kyodo.identity.KyodoGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's own doors, checked inside the engine so that no API (Java, REST, Tasklist) goes around the forms:
 * a task completed "with variables" names only its form's input fields; a project starts at its start event with
 * its start form's fields only; a start at some later activity (start instructions) or with Kyodo's listeners and
 * mappings skipped is for the system administrator alone (a repair), never for a clerk or a partner. These are the
 * only places Kyodo reads engine internals about commands; each is pinned by a test that fails when a new engine
 * version renames what it reads.
 */
public final class EngineEntryChecks {

  public static final String START_ELSEWHERE_MESSAGE = "協働事業は最初の段階（提案や開始のフォーム）から始めてください。"
      + "途中の段階から始めたり、処理を省いたりできるのはシステム管理者だけです。";

  private EngineEntryChecks() {}

  /** Set while the application itself starts an instance with values it has checked (see {@link #startAsTheApplication}). */
  private static final ThreadLocal<Boolean> APPLICATION_START = ThreadLocal.withInitial(() -> false);

  /**
   * Runs a start that Kyodo's server makes after its own checks, with values no form carries (a process that people
   * never start themselves, such as an application opened from a call's page): the start form's screening does not
   * apply to it, and the process can tell it from a start through an API ({@link #isApplicationStart}).
   */
  public static <T> T startAsTheApplication(java.util.function.Supplier<T> start) {
    APPLICATION_START.set(true);
    try {
      return start.get();
    } finally {
      APPLICATION_START.remove();
    }
  }

  /** Whether the instance now starting is started by the application itself (never by a request to an API). */
  public static boolean isApplicationStart() {
    return APPLICATION_START.get();
  }

  /** The variables a completion carries: the engine keeps them in the command only. */
  private static final Field COMPLETION_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field COMPLETION_TASK = field(CompleteTaskCmd.class, "taskId");

  static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("The engine's " + type.getSimpleName() + " has no field '" + name
          + "': EngineEntryChecks must be adapted to this engine version.", e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> completionVariables(CompleteTaskCmd command) {
    try {
      return (Map<String, Object>) COMPLETION_VARIABLES.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static String completionTask(CompleteTaskCmd command) {
    try {
      return (String) COMPLETION_TASK.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the command runs for the system administrator or for the application itself (no user). */
  static boolean operatorOrSystem(CommandContext context) {
    if (context.getAuthenticatedUserId() == null) {
      return true;
    }
    List<String> groups = context.getAuthenticatedGroupIds();
    return groups != null && groups.contains(KyodoGroups.ADMIN);
  }

  /**
   * Runs inside each command's context (a post interceptor): completions with variables are screened against the
   * task's form, and starts by instructions are refused to clerks and partners. Both hold for commands a delegate
   * issues too: the application never completes a task with data outside its form.
   */
  static final class CommandCheck extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (command instanceof CompleteTaskCmd completion) {
        Map<String, Object> variables = completionVariables(completion);
        if (variables != null && !variables.isEmpty()) {
          TaskEntity task = context.getTaskManager().findTaskById(completionTask(completion));
          if (task != null) {
            SubmissionGuard.screenCompletion(specOf(context, task), variables);
          }
        }
      } else if ((command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof RestartProcessInstancesCmd)
          && !operatorOrSystem(context)) {
        throw new InvalidInputException(START_ELSEWHERE_MESSAGE);
      }
      return next.execute(command);
    }

    private static FormSpec specOf(CommandContext context, TaskEntity task) {
      if (task.getProcessDefinitionId() == null) {
        return FormSpec.none("(a task outside any process)");
      }
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
      FormUse use = FormUse.of(definition.findActivity(task.getTaskDefinitionKey()));
      return use == null ? FormSpec.none(task.getTaskDefinitionKey()) : use.spec();
    }
  }

  /**
   * The process's own start listener (built in, so skipping custom listeners does not skip it): the values a project
   * starts with are its start form's inputs. A start by instructions is the command check's; a process that a parent
   * calls gets its values from the parent's model and is not concerned.
   */
  static final class ProcessStartCheck implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      ExecutionEntity instance = (ExecutionEntity) execution;
      if (instance.getSuperExecution() != null || instance.getSuperCaseExecution() != null || isApplicationStart()) {
        return;
      }
      // Started at its start event (a start by instructions is the command check's).
      FormUse use = instance.getActivity() != null && "startEvent".equals(instance.getActivity().getProperty("type"))
          ? FormUse.of(instance.getActivity()) : null;
      if (use == null) {
        return;
      }
      FormSpec spec = use.spec();
      org.camunda.bpm.engine.variable.VariableMap variables = instance.getVariablesTyped(false);
      // The engine itself names the starter (camunda:initiator) before this listener runs.
      Object initiator = instance.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
      if (initiator instanceof String name) {
        variables.remove(name);
      }
      SubmissionGuard.screenStart(spec, variables);
    }
  }
}
