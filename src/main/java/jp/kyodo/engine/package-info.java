/**
 * Camunda 7's internals behind a few adapters: the engine's clock, work done as the engine itself, who is signed in,
 * and the identity provider that adds the city's directory (Camunda's LDAP plugin) to the local accounts. Together with the engine extensions that {@code StructureTest} lists (plugins, parse listeners, form handlers,
 * the command check, the authorization provider), the only code that names {@code org.camunda.bpm.engine.impl}, so
 * that moving to a maintained fork of Camunda 7 changes these classes and not the phases (docs/longevity.md).
 * Knows nothing of Kyodo.
 */
package jp.kyodo.engine;
