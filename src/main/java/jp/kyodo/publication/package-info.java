/**
 * 情報公開: the public page {@code /public/} and its API — published projects, calls and each phase's results,
 * with filters and CSV/JSON export; nothing unpublished leaves it.
 */
package jp.kyodo.publication;
