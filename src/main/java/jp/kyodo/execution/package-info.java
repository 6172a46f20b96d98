/**
 * ④ 事業の実施 (execution): progress reports, issues with a clear contact path, plan changes agreed by both,
 * payments after inspection, the mid-term check and staff handovers, over the agreement's term.
 */
package jp.kyodo.execution;
