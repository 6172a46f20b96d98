/**
 * ③ 協定・契約 (agreement): the written agreement whatever the form of collaboration — goals, roles, budget, term,
 * clauses and payment terms — agreed by both sides, approved by a manager, and printed as the 協定書 (PDF).
 */
package jp.kyodo.agreement;
