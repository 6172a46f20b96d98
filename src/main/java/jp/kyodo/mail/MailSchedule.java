package jp.kyodo.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender and the due-date scan on every node, with Spring's scheduler rather than an engine timer: sending
 * waits on a mail server that may be down, which must never hold a job of the engine, raise an incident or take the
 * job executor's threads from the processes; and every node should send, not only the one that locked a timer. The
 * outbox's claim keeps two nodes apart, the notices' unique keys keep the scan from queueing anything twice.
 * Off with {@code kyodo.mail.scheduled=false} (the tests drive {@link OutboxSender#sendDue()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "kyodo.mail.scheduled", havingValue = "true", matchIfMissing = true)
public class MailSchedule {

  private final OutboxSender sender;
  private final TaskDueScan dueScan;

  public MailSchedule(OutboxSender sender, TaskDueScan dueScan) {
    this.sender = sender;
    this.dueScan = dueScan;
  }

  @Scheduled(initialDelayString = "${kyodo.mail.send-interval:PT30S}", fixedDelayString = "${kyodo.mail.send-interval:PT30S}")
  public void send() {
    sender.sendDue();
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${kyodo.mail.due-scan-interval:PT15M}")
  public void scanDueDates() {
    dueScan.scan();
  }
}
