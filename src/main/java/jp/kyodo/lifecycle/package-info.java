/**
 * The lifecycle (協働事業, process {@code collaboration}): ① to ⑥ as call activities looping by fiscal year, the
 * project number, phase due dates by the yearly calendar (旭川 Q52) with escalation, the project table and its API.
 */
package jp.kyodo.lifecycle;
