/**
 * The base's web and engine plumbing: the one gate for REST writes, error answers (never internals), security
 * headers, sign-in helpers, model deployment, moving running instances to a new version ({@link
 * jp.kyodo.platform.InstanceMigrations}), numbering, the city's calendar and who acts, and {@link
 * jp.kyodo.platform.PhaseModule}, through which phases contribute to the base. Knows no phase.
 */
package jp.kyodo.platform;
