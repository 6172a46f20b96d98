-- E-mail (issue 16): what each person chose to receive, per kind of notice (NoticeKind, configurable kinds only):
-- IMMEDIATE (at once), DIGEST (in the daily digest, at kyodo.mail.digest-time Japan time) or OFF (not sent; the
-- outbox keeps the row as SKIPPED for the delivery log). No row: the default (a task for you or your group in the
-- digest, everything else at once — jp.kyodo.mail.MailPreferences). The account's own mails are never configurable.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE kyodo_mail_preference (
    user_id     VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    choice      VARCHAR(16)  NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    CONSTRAINT kyodo_mail_preference_pk PRIMARY KEY (user_id, kind),
    CONSTRAINT kyodo_mail_preference_choice_ck CHECK (choice IN ('IMMEDIATE', 'DIGEST', 'OFF'))
);
