/**
 * The server's check of every form submission: the rules each deployed Camunda Form states (read from the form),
 * joined with what Java adds ({@link jp.kyodo.forms.FormRules}), and the engine's own doors (no values around a form,
 * no start at a later step). Knows no phase.
 */
package jp.kyodo.forms;
