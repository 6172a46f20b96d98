-- ② パートナーの選定: the selection record kept for publication (関市 ルール4, 旭川 Q43: criteria, scores,
-- ranking, decision and reasons), the public calls (公募) with their applications, the reviewers'
-- conflict-of-interest declarations and scores. Portable SQL for H2 and PostgreSQL.

CREATE TABLE kyodo_selection (
    selection_number     VARCHAR(32)   NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64)   NOT NULL,
    project_number       VARCHAR(32),
    project_title        VARCHAR(200)  NOT NULL,
    department_group     VARCHAR(64)   NOT NULL,
    fiscal_year          INTEGER       NOT NULL,
    method               VARCHAR(16),
    outcome              VARCHAR(32),
    organisation_id      VARCHAR(64)   REFERENCES kyodo_organisation (id),
    reason               VARCHAR(4000),
    proposed_by          VARCHAR(64),
    decided_by           VARCHAR(64),
    decided_at           TIMESTAMP,
    created_at           TIMESTAMP     NOT NULL,
    CONSTRAINT kyodo_selection_instance_ux UNIQUE (process_instance_id),
    CONSTRAINT kyodo_selection_method_ck CHECK (method IS NULL OR method IN ('PUBLIC_CALL', 'SOLE_SOURCE'))
);
CREATE INDEX kyodo_selection_department_ix ON kyodo_selection (department_group, fiscal_year);

CREATE TABLE kyodo_call (
    call_number          VARCHAR(32)   NOT NULL PRIMARY KEY,
    selection_number     VARCHAR(32)   NOT NULL REFERENCES kyodo_selection (selection_number),
    purpose              VARCHAR(4000) NOT NULL,
    eligibility          VARCHAR(4000) NOT NULL,
    criteria_json        VARCHAR(4000) NOT NULL,
    deadline_at          TIMESTAMP     NOT NULL,
    quorum               INTEGER       NOT NULL,
    reviewers            VARCHAR(1000) NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    published_by         VARCHAR(64)   NOT NULL,
    published_at         TIMESTAMP     NOT NULL,
    result_published_at  TIMESTAMP,
    CONSTRAINT kyodo_call_status_ck CHECK (status IN ('OPEN', 'CLOSED', 'DECIDED')),
    CONSTRAINT kyodo_call_quorum_ck CHECK (quorum >= 1)
);
CREATE INDEX kyodo_call_status_ix ON kyodo_call (status, deadline_at);
CREATE INDEX kyodo_call_selection_ix ON kyodo_call (selection_number);

CREATE TABLE kyodo_application (
    application_id       VARCHAR(40)   NOT NULL PRIMARY KEY,
    call_number          VARCHAR(32)   NOT NULL REFERENCES kyodo_call (call_number),
    organisation_id      VARCHAR(64)   NOT NULL REFERENCES kyodo_organisation (id),
    process_instance_id  VARCHAR(64)   NOT NULL,
    submitted_by         VARCHAR(64)   NOT NULL,
    submitted_at         TIMESTAMP     NOT NULL,
    proposal_title       VARCHAR(100)  NOT NULL,
    proposal             VARCHAR(4000) NOT NULL,
    budget_plan          VARCHAR(2000) NOT NULL,
    eligible             BOOLEAN,
    screening_reason     VARCHAR(2000),
    screened_by          VARCHAR(64),
    screened_at          TIMESTAMP,
    weighted_score       DECIMAL(6, 3),
    review_count         INTEGER,
    quorum_met           BOOLEAN,
    ranking              INTEGER,
    tied                 BOOLEAN,
    result               VARCHAR(16),
    CONSTRAINT kyodo_application_once_ux UNIQUE (call_number, organisation_id),
    CONSTRAINT kyodo_application_result_ck CHECK (result IS NULL OR result IN ('SELECTED', 'NOT_SELECTED', 'INELIGIBLE'))
);
CREATE INDEX kyodo_application_organisation_ix ON kyodo_application (organisation_id);

CREATE TABLE kyodo_conflict_declaration (
    application_id       VARCHAR(40)   NOT NULL REFERENCES kyodo_application (application_id),
    reviewer_id          VARCHAR(64)   NOT NULL,
    conflicted           BOOLEAN       NOT NULL,
    note                 VARCHAR(2000),
    declared_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
CREATE INDEX kyodo_conflict_reviewer_ix ON kyodo_conflict_declaration (reviewer_id);

CREATE TABLE kyodo_review (
    application_id       VARCHAR(40)   NOT NULL REFERENCES kyodo_application (application_id),
    reviewer_id          VARCHAR(64)   NOT NULL,
    scores_json          VARCHAR(1000) NOT NULL,
    review_comment       VARCHAR(2000) NOT NULL,
    reviewed_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (application_id, reviewer_id)
);
