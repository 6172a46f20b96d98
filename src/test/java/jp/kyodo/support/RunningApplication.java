package jp.kyodo.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with its demo people, an in-memory database and no job executor (tests run
 * jobs themselves), and mail on but sent only when a test calls the sender. Every test class with this annotation shares one Spring context, started once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:kyodo-app-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    // mail on, but sent only when a test calls the sender (MailTest points it at its own SMTP server)
    "kyodo.mail.enabled=true", "kyodo.mail.scheduled=false",
    // HistoryRetentionTest: a process whose history is due for removal as soon as it ends
    "kyodo.history.time-to-live-by-process.retention-test-short=P0D",
    // Kyodo's metrics are read again when a test says so (OperationsTest), not by the schedule in between
    "kyodo.metrics.refresh=P1D"})
// Spring's tests leave the Prometheus registry out unless asked: /actuator/prometheus is part of the application.
@AutoConfigureObservability
public @interface RunningApplication {}
