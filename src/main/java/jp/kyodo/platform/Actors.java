package jp.kyodo.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import jp.kyodo.engine.Privileged;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.engine.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who did something, for the record every decision keeps (docs/domain.md 原則: reason and who made it).
 * The acting user is the one authenticated in the current transaction — the form submission or API call
 * being processed; an authentication without a user id counts as none. An earlier task's decider is the
 * user the engine logged completing it.
 */
public final class Actors {

  /** Who acts when no user does: timers, jobs, the engine on its own. */
  public static final String SYSTEM = "system";

  private Actors() {}

  /** The user acting in this transaction, or {@value #SYSTEM} for timers and jobs. */
  public static String currentOrSystem(ProcessEngineServicesAware scope) {
    String user = currentOrNull(scope);
    return user != null ? user : SYSTEM;
  }

  /** The user acting in this transaction, or null when the engine acts on its own. */
  public static String currentOrNull(ProcessEngineServicesAware scope) {
    SignedIn who = SignedIn.current(scope.getProcessEngineServices().getIdentityService());
    return who != null ? who.userId() : null;
  }

  /** The user an API request is made by (HTTP Basic); 401 without one. */
  public static SignedIn signedIn(IdentityService identity) {
    SignedIn who = SignedIn.current(identity);
    if (who == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "ログインが必要です。");
    }
    return who;
  }

  /** Who completed the latest task of that definition in the process instance; null when none has. */
  public static String completedLast(DelegateExecution execution, String taskDefinitionKey) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskDefinitionKey).finished()
        .orderByHistoricTaskInstanceEndTime().desc().listPage(0, 1);
    if (tasks.isEmpty()) {
      return null;
    }
    HistoricTaskInstance task = tasks.get(0);
    List<UserOperationLogEntry> completions = history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).orderByTimestamp().desc().listPage(0, 1);
    if (!completions.isEmpty() && completions.get(0).getUserId() != null) {
      return completions.get(0).getUserId();
    }
    return task.getAssignee();
  }

  /**
   * A user as forms and documents name them, {@code 鈴木 一郎 (suzuki)}; the id alone when the directory has no
   * name, or no such user. Read for the record, whatever the acting user may see of the directory.
   */
  public static String displayName(IdentityService identity, String userId) {
    User user = Privileged.run(() ->
        identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : displayName(user);
  }

  /**
   * Who may carry a project for a department, as the forms offer them for its main and deputy staff (旭川 Q57: a
   * project is never one person's): the department's members by user id, named as {@link #displayName(User)} does.
   * ① 事業の検討 offers them when the department takes the project up, ③ and ④ when they are confirmed or handed over.
   */
  public static Map<String, String> staffOf(IdentityService identity, String departmentGroup) {
    Map<String, String> staff = new LinkedHashMap<>();
    for (User user : KyodoGroups.membersOf(identity, departmentGroup)) {
      staff.put(user.getId(), displayName(user));
    }
    return staff;
  }

  public static String displayName(User user) {
    String name = fullName(user);
    return name.isEmpty() ? user.getId() : name + " (" + user.getId() + ")";
  }

  /** Family name first, as Japanese names are written; empty when the directory has neither. */
  public static String fullName(User user) {
    return (nullToEmpty(user.getLastName()) + " " + nullToEmpty(user.getFirstName())).strip();
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
