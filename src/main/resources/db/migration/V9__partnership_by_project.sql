-- The partnership history (which organisation held which department's project in which fiscal year, the basis of the
-- partner-fixation rule 千葉 ②) was unique per organisation, department, title and year. A title is what a clerk
-- types: two projects of one department may share it (「同名の事業」), and the second one sole-sourced to the same
-- partner for the same year could never get its partner (the selection failed on this constraint, HTTP 500). A row
-- now belongs to the project itself:
--   project_number  the project (事業番号) the phase belongs to, when it belongs to one;
--   project_key     what makes the row unique: the project number, or, for a phase a department started on its own
--                   (no project number), that phase's process instance; a row written by hand with neither keeps a
--                   key of its own. Never a title or anything else a user types.
-- Existing rows learn their project from the selection or agreement that wrote them (same process instance). Two
-- old rows of the same project, organisation and year (the project's title changed between selection and agreement)
-- are one year held: the earlier is kept. The fixation rule counts distinct years per organisation and department,
-- which this does not change.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_partnership ADD COLUMN project_number VARCHAR(32);
ALTER TABLE kyodo_partnership ADD COLUMN project_key VARCHAR(80);

UPDATE kyodo_partnership SET project_number = (SELECT MAX(s.project_number) FROM kyodo_selection s
    WHERE s.process_instance_id = kyodo_partnership.process_instance_id)
  WHERE process_instance_id IS NOT NULL;
UPDATE kyodo_partnership SET project_number = (SELECT MAX(a.project_number) FROM kyodo_agreement a
    WHERE a.process_instance_id = kyodo_partnership.process_instance_id)
  WHERE project_number IS NULL AND process_instance_id IS NOT NULL;
UPDATE kyodo_partnership SET project_key = COALESCE(project_number, 'instance:' || process_instance_id, 'row:' || id);

DELETE FROM kyodo_partnership WHERE EXISTS (SELECT 1 FROM kyodo_partnership e
    WHERE e.project_key = kyodo_partnership.project_key AND e.organisation_id = kyodo_partnership.organisation_id
      AND e.fiscal_year = kyodo_partnership.fiscal_year
      AND (e.created_at < kyodo_partnership.created_at
        OR (e.created_at = kyodo_partnership.created_at AND e.id < kyodo_partnership.id)));

ALTER TABLE kyodo_partnership ALTER COLUMN project_key SET NOT NULL;
ALTER TABLE kyodo_partnership DROP CONSTRAINT kyodo_partnership_ux;
CREATE UNIQUE INDEX kyodo_partnership_project_ux ON kyodo_partnership (project_key, organisation_id, fiscal_year);
