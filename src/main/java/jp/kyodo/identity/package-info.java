/**
 * Who may do what: the role groups, departments and organisations as groups, the access policy and task grants,
 * Tasklist's filters, and the demo people. Knows no phase (the phases say who starts their processes).
 */
package jp.kyodo.identity;
