/**
 * E-mail: the outbox every notice goes through (queued in the database in the caller's transaction, sent by any
 * node, retried while the mail server is down, never twice), what each person chose to receive, and the office's
 * delivery log. Part of the base: phases say what happened ({@link jp.kyodo.mail.Notice}), this package knows no
 * phase.
 */
package jp.kyodo.mail;
