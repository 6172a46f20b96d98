-- The project list (GET /api/projects) is read newest first, ORDER BY opened_at DESC, project_number DESC, a page
-- at a time. With the index on opened_at alone a deep page (offset 5000 of 10,000 projects) sorted the whole table
-- (28 ms on PostgreSQL in the benchmark, docs/performance.md); an index in the list's own order is read backwards
-- and stops after the page. It also serves everything the old index did (opened_at is its first column).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE INDEX kyodo_project_newest_ix ON kyodo_project (opened_at, project_number);
DROP INDEX kyodo_project_opened_ix;

-- The last serial of each proposal year. Numbering a project updates its year's row, which the database locks until
-- the transaction ends: proposals numbered at the same moment wait for one another and get consecutive numbers.
-- (They used to read the same MAX(serial_no), and all but one were refused and had to be sent again — with four
-- clients proposing at once in the benchmark, three of four.) Seeded from the projects already numbered.
CREATE TABLE kyodo_project_serial (
    proposal_year  INTEGER  NOT NULL PRIMARY KEY,
    last_serial    INTEGER  NOT NULL
);
INSERT INTO kyodo_project_serial (proposal_year, last_serial)
    SELECT proposal_year, MAX(serial_no) FROM kyodo_project GROUP BY proposal_year;
