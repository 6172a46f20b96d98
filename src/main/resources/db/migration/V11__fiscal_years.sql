-- Each fiscal year of a project runs as its own process instance (collaboration-year), so that next year's budget
-- request and ③ run while this year's ⑤ and ⑥ are still open (旭川 Q52: a continued project signs in April).
-- kyodo_project_year is the office's list of those years: how each started, whether it runs, how it ended, and its
-- budget request (予算要求, 旭川 Q50 / Q52 「11～12月 積算に基づき予算要求」) — what the department asked for, on
-- what basis, and what the city's budget granted, with who and when. A project has at most one year per fiscal year
-- that is running or ended with work; a year stopped by ⑥ (STOPPED) may be followed by another of the same fiscal year.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE kyodo_project_year (
    project_number        VARCHAR(16)   NOT NULL REFERENCES kyodo_project (project_number),
    fiscal_year           INTEGER       NOT NULL,
    year_mode             VARCHAR(16)   NOT NULL,
    status                VARCHAR(16)   NOT NULL,
    outcome               VARCHAR(32),
    process_instance_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    started_at            TIMESTAMP     NOT NULL,
    ended_at              TIMESTAMP,
    department_group      VARCHAR(64),
    requested_budget      BIGINT,
    budget_basis          VARCHAR(4000),
    budget_requested_by   VARCHAR(64),
    budget_requested_at   TIMESTAMP,
    budget_decision       VARCHAR(16),
    approved_budget       BIGINT,
    budget_comment        VARCHAR(4000),
    budget_decided_by     VARCHAR(64),
    budget_decided_at     TIMESTAMP,
    next_year_plan        VARCHAR(16),
    next_year_note        VARCHAR(4000),
    CONSTRAINT kyodo_project_year_mode_ck CHECK (year_mode IN ('FIRST', 'CONTINUE', 'RECALL')),
    CONSTRAINT kyodo_project_year_status_ck CHECK (status IN ('RUNNING', 'ENDED', 'STOPPED')),
    CONSTRAINT kyodo_project_year_budget_ck CHECK (budget_decision IS NULL
        OR budget_decision IN ('APPROVED', 'CUT', 'REFUSED')),
    CONSTRAINT kyodo_project_year_amount_ck CHECK ((requested_budget IS NULL OR requested_budget >= 0)
        AND (approved_budget IS NULL OR approved_budget >= 0))
);
CREATE INDEX kyodo_project_year_project_ix ON kyodo_project_year (project_number, fiscal_year);
-- The office's list of budget requests of a fiscal year.
CREATE INDEX kyodo_project_year_fiscal_year_ix ON kyodo_project_year (fiscal_year, status);

-- The project's phase now includes the budget request between ② and ③.
ALTER TABLE kyodo_project DROP CONSTRAINT kyodo_project_phase_ck;
ALTER TABLE kyodo_project ADD CONSTRAINT kyodo_project_phase_ck CHECK (phase IN ('EXAMINATION', 'SELECTION', 'BUDGET',
    'AGREEMENT', 'EXECUTION', 'EVALUATION', 'IMPROVEMENT'));
