-- 協働事業 (the lifecycle process `collaboration`, 関市 V(2), 旭川 Q51): one row per project, numbered
-- <fiscal year of the proposal>-<serial>, kept up to date at every phase change so that the project list
-- (GET /api/projects) is one indexed query; and every decision of its phases with reason, who and when
-- (DOMAIN.md 原則: every decision keeps its reason and who made it).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE kyodo_project (
    project_number        VARCHAR(16)   NOT NULL PRIMARY KEY,
    proposal_year         INTEGER       NOT NULL,
    serial_no             INTEGER       NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    proposer              VARCHAR(64)   NOT NULL,
    proposer_group        VARCHAR(64),
    department_group      VARCHAR(64),
    department_name       VARCHAR(200),
    partner_group         VARCHAR(64),
    partner_name          VARCHAR(200),
    chosen_form           VARCHAR(32),
    collaboration_domain  INTEGER,
    calendar_pattern      VARCHAR(16),
    phase                 VARCHAR(16)   NOT NULL,
    round_no              INTEGER       NOT NULL,
    fiscal_year           INTEGER,
    phase_started_at      TIMESTAMP,
    phase_due_at          TIMESTAMP,
    overdue_since         TIMESTAMP,
    latest_grade          VARCHAR(1),
    last_decision         VARCHAR(32),
    last_decision_label   VARCHAR(200),
    last_decision_reason  VARCHAR(4000),
    last_decided_by       VARCHAR(64),
    last_decided_at       TIMESTAMP,
    status                VARCHAR(16)   NOT NULL,
    outcome               VARCHAR(32),
    process_instance_id   VARCHAR(64)   NOT NULL,
    opened_at             TIMESTAMP     NOT NULL,
    updated_at            TIMESTAMP     NOT NULL,
    closed_at             TIMESTAMP,
    -- Two proposals numbered at the same moment: the second one fails here and is submitted again.
    CONSTRAINT kyodo_project_serial_uk UNIQUE (proposal_year, serial_no),
    CONSTRAINT kyodo_project_phase_ck CHECK (phase IN ('EXAMINATION', 'SELECTION', 'AGREEMENT', 'EXECUTION',
        'EVALUATION', 'IMPROVEMENT')),
    CONSTRAINT kyodo_project_status_ck CHECK (status IN ('ACTIVE', 'CLOSED')),
    CONSTRAINT kyodo_project_grade_ck CHECK (latest_grade IS NULL OR latest_grade IN ('A', 'B', 'C', 'D'))
);
-- The filters of GET /api/projects and who may see a row (department, partner, proposer).
CREATE INDEX kyodo_project_phase_ix ON kyodo_project (phase, status);
CREATE INDEX kyodo_project_fiscal_year_ix ON kyodo_project (fiscal_year);
CREATE INDEX kyodo_project_department_ix ON kyodo_project (department_group);
CREATE INDEX kyodo_project_partner_ix ON kyodo_project (partner_group);
CREATE INDEX kyodo_project_proposer_ix ON kyodo_project (proposer_group);
CREATE INDEX kyodo_project_opened_ix ON kyodo_project (opened_at);

-- Every decision of the project's phases, in order: the outcome of each phase and the managers' responses to
-- overdue phases.
CREATE TABLE kyodo_project_decision (
    project_number   VARCHAR(16)   NOT NULL REFERENCES kyodo_project (project_number),
    position         INTEGER       NOT NULL,
    phase            VARCHAR(16)   NOT NULL,
    round_no         INTEGER       NOT NULL,
    fiscal_year      INTEGER,
    decision         VARCHAR(32)   NOT NULL,
    decision_label   VARCHAR(200)  NOT NULL,
    reason           VARCHAR(4000),
    decided_by       VARCHAR(64)   NOT NULL,
    decided_at       TIMESTAMP     NOT NULL,
    PRIMARY KEY (project_number, position)
);
