/**
 * ① 事業の検討 (examination): a citizen group's proposal or a department's issue is taken in, checked for
 * eligibility and suitability (関市 資料1), placed in a domain and a form of collaboration by decision tables, assessed
 * for priority (旭川 Q37) and reviewed by the collaboration office.
 */
package jp.kyodo.examination;
