/**
 * Kyodo: the city's collaboration projects (協働事業) with citizen groups, run as BPMN processes on an embedded
 * Camunda 7 engine. The root composes the application: {@link jp.kyodo.Phases} hands every phase's contribution
 * (its forms' rules, who starts its processes, Tasklist's columns) to the base, which names no phase.
 */
package jp.kyodo;
