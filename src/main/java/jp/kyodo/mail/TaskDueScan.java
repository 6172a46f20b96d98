package jp.kyodo.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kyodo.engine.Privileged;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periodic look at open tasks with a due date: due within {@value TaskNotices#URGENT_DAYS} days → TASK_DUE_SOON,
 * past due → TASK_OVERDUE, each once per task, due date and person ({@code task-due-soon:<taskId>:<due>:<userId>}):
 * a scan run again, or on two nodes at once, finds the keys taken. A task whose due date moves is told again about
 * the new date. Overdue tasks are looked at for kyodo.mail.overdue-lookback (P7D) after their due date, so the scan
 * stays small however many old tasks lie open. Told: the assignee, or without one every candidate.
 */
@Component
public class TaskDueScan {

  private static final Logger LOG = LoggerFactory.getLogger(TaskDueScan.class);

  private final ProcessEngine engine;
  private final Outbox outbox;
  private final Duration lookback;

  public TaskDueScan(ProcessEngine engine, Outbox outbox, @Value("${kyodo.mail.overdue-lookback:P7D}") String lookback) {
    this.engine = engine;
    this.outbox = outbox;
    this.lookback = Duration.parse(lookback);
  }

  /** Queues the notices due now; how many were new. */
  public int scan() {
    try {
      Instant now = CityCalendar.now();
      List<Task> soon = Privileged.run(() -> engine.getTaskService().createTaskQuery().active()
          .dueAfter(Date.from(now)).dueBefore(Date.from(now.plus(Duration.ofDays(TaskNotices.URGENT_DAYS)))).list());
      List<Task> overdue = Privileged.run(() -> engine.getTaskService().createTaskQuery().active()
          .dueBefore(Date.from(now)).dueAfter(Date.from(now.minus(lookback))).list());
      Map<String, String> projects = projects(soon, overdue);
      int queued = 0;
      for (Task task : soon) {
        queued += tell(task, false, projects.get(task.getProcessInstanceId()));
      }
      for (Task task : overdue) {
        queued += tell(task, true, projects.get(task.getProcessInstanceId()));
      }
      return queued;
    } catch (RuntimeException e) {
      LOG.warn("mail: the due-date scan failed, the next one tries again: {}", OutboxSender.oneLine(e));
      return 0;
    }
  }

  private int tell(Task task, boolean overdue, String project) {
    Recipients recipients = new Recipients(engine.getIdentityService());
    if (task.getAssignee() != null) {
      recipients.user(task.getAssignee());
    } else {
      for (IdentityLink link : Privileged.run(() -> engine.getTaskService().getIdentityLinksForTask(task.getId()))) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          recipients.user(link.getUserId()).membersOf(link.getGroupId());
        }
      }
    }
    String due = TaskNotices.due(task.getDueDate().toInstant());
    String link = Recipients.taskLink(engine.getName(), task.getId());
    int queued = 0;
    for (Recipients.Person person : recipients.people()) {
      String key = (overdue ? "task-overdue:" : "task-due-soon:") + task.getId() + ":"
          + task.getDueDate().toInstant() + ":" + person.userId();
      String subject = overdue ? "作業の期限を過ぎています：" + task.getName() + "（" + due + "）"
          : "作業の期限が近づいています：" + task.getName() + "（" + due + "）";
      StringBuilder body = new StringBuilder(person.name()).append(" 様\n\n")
          .append(overdue ? "次の作業の期限を過ぎています。対応をお願いします。" : "次の作業の期限が近づいています。")
          .append("\n\n作業：").append(task.getName()).append("\n");
      if (project != null) {
        body.append("事業：").append(project).append("\n");
      }
      body.append("期限：").append(due).append("\n");
      if (task.getAssignee() == null) {
        body.append("担当者：未定（グループのだれかが引き受けてください）\n");
      }
      body.append("\n次のリンクから Tasklist で開けます（ログインが必要です）。");
      if (outbox.enqueue(new Notice(key, person.userId(), person.address(),
          overdue ? NoticeKind.TASK_OVERDUE : NoticeKind.TASK_DUE_SOON, true, subject, body.toString(), link))) {
        queued++;
      }
    }
    return queued;
  }

  private Map<String, String> projects(List<Task> soon, List<Task> overdue) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    soon.forEach(t -> ids.add(t.getProcessInstanceId()));
    overdue.forEach(t -> ids.add(t.getProcessInstanceId()));
    ids.remove(null);
    if (ids.isEmpty()) {
      return new HashMap<>();
    }
    return Privileged.run(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).list())
        .stream().filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }
}
