/**
 * The project record every phase shares: its variables (number, title, partner, department, fiscal year) and
 * who is on it.
 */
package jp.kyodo.project;
