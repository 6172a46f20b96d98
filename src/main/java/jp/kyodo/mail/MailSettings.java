package jp.kyodo.mail;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail's settings (application.yml, docs/notifications.md#properties): whether mail goes to the SMTP server
 * ({@code kyodo.mail.enabled}; otherwise to the log), the sender's address, the base of every link
 * ({@code kyodo.base-url}) and the retries.
 */
@Component
public class MailSettings {

  private final boolean enabled;
  private final String from;
  private final String baseUrl;
  private final int maxAttempts;
  private final Duration retryBase;
  private final Duration retryMax;
  private final Duration claimFor;
  private final int batchSize;

  public MailSettings(@Value("${kyodo.mail.enabled:false}") boolean enabled,
      @Value("${kyodo.mail.from:noreply@kyodo.example.jp}") String from,
      @Value("${kyodo.base-url:http://localhost:8080}") String baseUrl,
      @Value("${kyodo.mail.max-attempts:10}") int maxAttempts,
      @Value("${kyodo.mail.retry-base:PT1M}") String retryBase,
      @Value("${kyodo.mail.retry-max:PT1H}") String retryMax,
      @Value("${kyodo.mail.claim-for:PT5M}") String claimFor,
      @Value("${kyodo.mail.batch-size:50}") int batchSize) {
    this.enabled = enabled;
    this.from = from;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.maxAttempts = maxAttempts;
    this.retryBase = Duration.parse(retryBase);
    this.retryMax = Duration.parse(retryMax);
    this.claimFor = Duration.parse(claimFor);
    this.batchSize = batchSize;
    if (maxAttempts < 1 || batchSize < 1 || this.retryBase.isNegative() || this.claimFor.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalStateException("kyodo.mail: max-attempts and batch-size at least 1, claim-for at least PT10S");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  public String from() {
    return from;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration retryBase() {
    return retryBase;
  }

  public Duration retryMax() {
    return retryMax;
  }

  public Duration claimFor() {
    return claimFor;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The host Message-IDs name: the base URL's. */
  public String messageIdDomain() {
    return OutboxSender.host(baseUrl);
  }

  /** A link made absolute with the base URL; one that already is stays as it is. */
  public String absolute(String link) {
    if (link.startsWith("http://") || link.startsWith("https://")) {
      return link;
    }
    return baseUrl + (link.startsWith("/") ? link : "/" + link);
  }
}
