package jp.kyodo.execution;

import static jp.kyodo.execution.ExecutionProcess.*;

import java.util.Objects;
import jp.kyodo.identity.KyodoGroups;
import jp.kyodo.mail.Notice;
import jp.kyodo.mail.NoticeKind;
import jp.kyodo.mail.Outbox;
import jp.kyodo.mail.Recipients;
import jp.kyodo.platform.CityCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A progress report is late: the reminder is recorded and shown on the partner's open report task
 * (which stays open — a reminder never cancels it), and the partner's members are told by mail (REPORT_LATE, with a
 * link to that task). If the report stays missing, the department gets an escalation next (報告の遅れに対応する,
 * told by the task's own mail); as the task is created (this bean is its create listener too) the managers are told
 * by mail as well.
 */
@Component("remindLateReport")
public class RemindLateReportDelegate implements JavaDelegate, TaskListener {

  private final ExecutionRepository executions;
  private final Outbox outbox;

  public RemindLateReportDelegate(ExecutionRepository executions, Outbox outbox) {
    this.executions = executions;
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String agreement = AGREEMENT_NUMBER.get(execution);
    int reportNo = REPORT_NO.get(execution).intValue();
    executions.reportReminded(agreement, reportNo, CityCalendar.now());
    REPORT_REMINDED_ON.set(execution, CityCalendar.today().toString());
    String link = reportTask(execution, reportNo);
    Recipients partner = new Recipients(execution.getProcessEngineServices().getIdentityService())
        .membersOf(PARTNER_GROUP.get(execution));
    for (Recipients.Person person : partner.people()) {
      outbox.enqueue(new Notice("report-late:remind:" + execution.getActivityInstanceId() + ":" + person.userId(),
          person.userId(), person.address(), NoticeKind.REPORT_LATE, true,
          "進捗報告（第" + reportNo + "回）の提出をお願いします",
          person.name() + " 様\n\n協定 " + agreement + "（事業 " + execution.getProcessBusinessKey() + "）の進捗報告（第"
              + reportNo + "回）がまだ提出されていません。\nお手数ですが、Tasklist の「進捗報告を提出する」から提出してください。",
          link));
    }
  }

  /** 報告の遅れに対応する was created: the managers are told that a report stays missing after the reminder. */
  @Override
  public void notify(DelegateTask task) {
    String agreement = AGREEMENT_NUMBER.get(task);
    Object reportNo = task.getVariable(REPORT_NO.name());
    Recipients managers = new Recipients(task.getProcessEngineServices().getIdentityService())
        .membersOf(KyodoGroups.MANAGERS);
    for (Recipients.Person person : managers.people()) {
      outbox.enqueue(new Notice("report-late:escalated:" + task.getId() + ":" + person.userId(), person.userId(),
          person.address(), NoticeKind.REPORT_LATE, true,
          "督促後も進捗報告が提出されていません（協定 " + agreement + "）",
          person.name() + " 様\n\n協定 " + agreement + "（事業 " + task.getExecution().getProcessBusinessKey()
              + "）の進捗報告（第" + reportNo + "回）が、督促の後も提出されていません。\n担当課に「報告の遅れに対応する」"
              + "作業が届いています。必要に応じて対応を指示してください。",
          Recipients.taskLink(task.getProcessEngine().getName(), task.getId())));
    }
  }

  /** The link to the partner's open report task of that number, or to Tasklist when there is none. */
  private static String reportTask(DelegateExecution execution, int reportNo) {
    String engine = execution.getProcessEngine().getName();
    for (Task task : execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(ExecutionProcess.Elements.SUBMIT_REPORT).list()) {
      Object no = execution.getProcessEngineServices().getTaskService().getVariable(task.getId(), REPORT_NO.name());
      if (no instanceof Number n && n.intValue() == reportNo) {
        return Recipients.taskLink(engine, task.getId());
      }
    }
    return "/camunda/app/tasklist/" + Objects.requireNonNull(engine) + "/";
  }
}
