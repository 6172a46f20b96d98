package jp.kyodo.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import jp.kyodo.engine.SignedIn;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Tells people that they have work, from every user task of every diagram (attached by {@link TaskNoticePlugin}
 * after the diagram's own listeners and the phases' hooks, so it sees the task's final assignee and groups):
 * <ul>
 *   <li>created without an assignee: each candidate user and each member of each candidate group, "offered"
 *   ({@code task-offered:<taskId>:<userId>});</li>
 *   <li>an assignee set, at creation or later: the assignee ({@code task-assigned:<taskId>:<userId>}).</li>
 * </ul>
 * Never the person acting: whoever completed the step that created the task, or claimed it, sees it in Tasklist
 * already. The kind is TASK_ASSIGNED unless a phase names another for the task's definition key (③ the partner's
 * confirmation: AGREEMENT_TO_CONFIRM, ⑤ EVALUATION_TO_CONFIRM, ④ the late report: REPORT_LATE). A task due within
 * {@value #URGENT_DAYS} days is urgent: it bypasses the digest.
 */
public class TaskNotices implements TaskListener {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TaskNotices.class);
  public static final int URGENT_DAYS = 3;
  static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

  private final Outbox outbox;
  private final Map<String, NoticeKind> kinds;

  public TaskNotices(Outbox outbox, Map<String, NoticeKind> kinds) {
    this.outbox = outbox;
    this.kinds = Map.copyOf(kinds);
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      tell(task);
    } catch (RuntimeException e) {
      // A notice is never worth a task: the task goes on without its mail, the log says why.
      LOG.warn("mail: no notice for task {} ({}): {}", task.getId(), task.getEventName(), OutboxSender.oneLine(e));
    }
  }

  private void tell(DelegateTask task) {
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    SignedIn who = SignedIn.current(identity);
    String actor = who == null ? null : who.userId();
    NoticeKind kind = kinds.getOrDefault(task.getTaskDefinitionKey(), NoticeKind.TASK_ASSIGNED);
    String link = Recipients.taskLink(task.getProcessEngine().getName(), task.getId());
    boolean urgent = urgent(task.getDueDate());
    String project = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (task.getAssignee() != null) {
        return;
      }
      Recipients recipients = new Recipients(identity);
      for (IdentityLink candidate : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
          recipients.user(candidate.getUserId()).membersOf(candidate.getGroupId());
        }
      }
      for (Recipients.Person person : recipients.except(actor).people()) {
        outbox.enqueue(new Notice("task-offered:" + task.getId() + ":" + person.userId(), person.userId(),
            person.address(), kind, urgent, subject(kind, task.getName(), false),
            body(person, kind, task.getName(), project, task.getDueDate(), false), link));
      }
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      String assignee = task.getAssignee();
      if (assignee == null || assignee.equals(actor)) {
        return;
      }
      for (Recipients.Person person : new Recipients(identity).user(assignee).people()) {
        outbox.enqueue(new Notice("task-assigned:" + task.getId() + ":" + person.userId(), person.userId(),
            person.address(), kind, urgent, subject(kind, task.getName(), true),
            body(person, kind, task.getName(), project, task.getDueDate(), true), link));
      }
    }
  }

  static boolean urgent(Date due) {
    return due != null && due.toInstant().isBefore(CityCalendar.now().plus(Duration.ofDays(URGENT_DAYS)));
  }

  static String subject(NoticeKind kind, String taskName, boolean assigned) {
    return switch (kind) {
      case AGREEMENT_TO_CONFIRM -> "協定書案の確認をお願いします：" + taskName;
      case EVALUATION_TO_CONFIRM -> "評価結果の確認をお願いします：" + taskName;
      case REPORT_LATE -> "進捗報告の遅れへの対応をお願いします：" + taskName;
      default -> assigned ? "作業が割り当てられました：" + taskName : "作業が届きました：" + taskName;
    };
  }

  static String body(Recipients.Person person, NoticeKind kind, String taskName, String project, Date due,
      boolean assigned) {
    StringBuilder text = new StringBuilder(person.name()).append(" 様\n\n");
    text.append(assigned ? "次の作業があなたに割り当てられました。" : "あなたのグループに次の作業が届きました。");
    if (kind == NoticeKind.AGREEMENT_TO_CONFIRM) {
      text.append("協定書案の内容をご確認のうえ、同意または修正の提案をお願いします。");
    } else if (kind == NoticeKind.EVALUATION_TO_CONFIRM) {
      text.append("評価結果をご確認ください。");
    }
    text.append("\n\n作業：").append(taskName).append("\n");
    if (project != null) {
      text.append("事業：").append(project).append("\n");
    }
    if (due != null) {
      text.append("期限：").append(due(due.toInstant())).append("\n");
    }
    text.append("\n次のリンクから Tasklist で開けます（ログインが必要です）。");
    return text.toString();
  }

  static String due(Instant due) {
    return CityCalendar.inCity(due).format(DUE);
  }
}
