/**
 * ⑥ 事業の改善 (improvement): the dialogue with the partner about causes and measures, and the decision for the
 * next fiscal year — continue, re-call, revise, hand over or end — with partner fixation checked again.
 */
package jp.kyodo.improvement;
