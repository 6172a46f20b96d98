-- Reliability (crashes, two nodes on one database): a step of a process that writes a row numbered by the
-- application (project numbers, decisions, agreements, calls, progress reports) records which engine step wrote
-- it — the lifecycle instance, the activity instance or the task — in source_key. The unique index makes that
-- write happen once: a step the engine runs again (a retried job, a command repeated after a crash) finds its
-- row instead of adding a second one, and two nodes cannot both add it.
-- Rows written before this migration keep NULL, which a unique index allows any number of times (H2 and
-- PostgreSQL alike). Rows numbered by a natural key are protected by it already: payments (agreement, kind),
-- executions (agreement), applications (call, organisation), selections (process instance), evaluations
-- (process instance), answers and reviews (instance/application, side/reviewer, item); issues, plan changes and
-- handovers take the id of the task that raised them.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_project ADD COLUMN source_key VARCHAR(120);
CREATE UNIQUE INDEX kyodo_project_source_ux ON kyodo_project (source_key);

ALTER TABLE kyodo_project_decision ADD COLUMN source_key VARCHAR(120);
CREATE UNIQUE INDEX kyodo_project_decision_source_ux ON kyodo_project_decision (source_key);

ALTER TABLE kyodo_agreement ADD COLUMN source_key VARCHAR(120);
CREATE UNIQUE INDEX kyodo_agreement_source_ux ON kyodo_agreement (source_key);

ALTER TABLE kyodo_call ADD COLUMN source_key VARCHAR(120);
CREATE UNIQUE INDEX kyodo_call_source_ux ON kyodo_call (source_key);

ALTER TABLE kyodo_execution_report ADD COLUMN source_key VARCHAR(120);
CREATE UNIQUE INDEX kyodo_execution_report_source_ux ON kyodo_execution_report (source_key);
