/**
 * ⑤ 事業の評価 (evaluation): both sides evaluate themselves on the same 関市 資料2 items, a third party may too,
 * the differences are settled in a joint review, and the outcome figures and grade are recorded for publication.
 */
package jp.kyodo.evaluation;
