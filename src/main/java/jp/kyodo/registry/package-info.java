/**
 * 団体登録: the partner registry — organisations, their members, registration by application and the office's
 * review, and each organisation's partnerships by project and year (for the fixation rule).
 */
package jp.kyodo.registry;
