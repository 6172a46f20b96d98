-- The project list (GET /api/projects) is read newest first, ORDER BY opened_at DESC, project_number DESC, a page
-- at a time. With the index on opened_at alone a deep page (offset 5000 of 10,000 projects) sorted the whole table
-- (28 ms on PostgreSQL in the benchmark, docs/performance.md); an index in the list's own order is read backwards
-- and stops after the page. It also serves everything the old index did (opened_at is its first column).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE INDEX kyodo_project_newest_ix ON kyodo_project (opened_at, project_number);
DROP INDEX kyodo_project_opened_ix;

-- The last serial of each numbered series (jp.kyodo.platform.NumberSeries): projects per proposal year, selections
-- per fiscal year, calls per selection, applications per call, agreements per fiscal year and department. Taking a
-- number updates the series' row, which the database locks until the transaction ends: numbers taken at the same
-- moment wait for one another and come out consecutive. (They used to read MAX or COUNT and insert: two of them took
-- the same number, and on PostgreSQL the second transaction failed as a whole — with four clients at once in the
-- benchmark, selections and agreements failed outright.) A series starts from its table's highest serial when it
-- is first used, so nothing needs seeding here.
CREATE TABLE kyodo_number_series (
    series      VARCHAR(120)  NOT NULL PRIMARY KEY,
    last_value  INTEGER       NOT NULL
);
