/**
 * Typed handles on process variables ({@link jp.kyodo.variables.Var}, JSON lists), so each phase's backing class
 * names every variable its diagram uses. Knows nothing else.
 */
package jp.kyodo.variables;
