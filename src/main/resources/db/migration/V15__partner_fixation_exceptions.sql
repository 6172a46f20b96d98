-- 千葉県 協働推進マニュアル ② asks to take care that partners do not become fixed (「固定化しないように留意しましょう」);
-- it does not forbid it. Where the fixation rule would reopen the call (⑥ continuing with the same partner, ② a sole
-- source), a manager (課長) may allow an exception with a written reason. The answer, allowed or not, is kept here
-- beside the partnership history it is about, so the next manager asked about the same partner and department sees
-- what was decided before, by whom and why. One row per manager's decision: the id is the user task's id.
--   fiscal_year        the year the partner would hold the department's collaboration by the exception;
--   consecutive_years  the years in a row it had held it before that year, when the manager decided;
--   phase              where the exception was asked: SELECTION (② sole source) or IMPROVEMENT (⑥ continuation).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE kyodo_fixation_exception (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    organisation_id      VARCHAR(64)   NOT NULL REFERENCES kyodo_organisation (id),
    department_group     VARCHAR(64)   NOT NULL,
    project_number       VARCHAR(32),
    fiscal_year          INTEGER       NOT NULL,
    consecutive_years    INTEGER       NOT NULL,
    phase                VARCHAR(32)   NOT NULL,
    exception_allowed    BOOLEAN       NOT NULL,
    request              VARCHAR(2000),
    reason               VARCHAR(2000) NOT NULL,
    decided_by           VARCHAR(64)   NOT NULL,
    decided_at           TIMESTAMP     NOT NULL,
    process_instance_id  VARCHAR(64)
);
CREATE INDEX kyodo_fixation_exception_ix ON kyodo_fixation_exception (organisation_id, department_group, fiscal_year);
