package jp.kyodo.mail;

import java.util.Objects;

/**
 * One thing a person is told by e-mail, in Japanese, with a link to the task or page it is about.
 *
 * @param key what the notice is about, unique for ever (e.g. {@code task-offered:<taskId>:<userId>}): the same key
 *     is queued once, however often the step that queues it runs
 * @param userId the person told, or null when there is only an address (a registration not yet confirmed)
 * @param address where the mail goes
 * @param kind what it is about; decides whether the person's settings let it through, now or in the digest
 * @param urgent sent at once even when the person chose the daily digest (a task due within 3 days)
 * @param subject the mail's subject, without the 【Kyodo】 prefix the sender adds
 * @param body the text, plain; the sender adds the link and the footer
 * @param link absolute or application-relative URL of the task or page, or null
 */
public record Notice(String key, String userId, String address, NoticeKind kind, boolean urgent, String subject,
    String body, String link) {

  public Notice {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
  }

  /** A mail of the account itself (confirm the address, set a password, an invitation): always sent at once. */
  public static Notice account(String key, String userId, String address, String subject, String body, String link) {
    return new Notice(key, userId, address, NoticeKind.ACCOUNT, true, subject, body, link);
  }
}
