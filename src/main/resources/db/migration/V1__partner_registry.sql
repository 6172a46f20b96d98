-- The partner registry (団体登録, 旭川 Q42): organisations, the partner users who act for them, and
-- which organisation held which department's collaboration in which fiscal year (千葉 ② fixation).
-- Portable SQL: the same script runs on H2 and PostgreSQL. Camunda's own tables are the engine's.

CREATE TABLE kyodo_organisation (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    name               VARCHAR(200)  NOT NULL,
    organisation_type  VARCHAR(32)   NOT NULL,
    representative     VARCHAR(100)  NOT NULL,
    contact_email      VARCHAR(254),
    contact_phone      VARCHAR(32),
    address            VARCHAR(300),
    activity_fields    VARCHAR(500)  NOT NULL,
    activity_record    VARCHAR(4000),
    financial_state    VARCHAR(4000),
    status             VARCHAR(16)   NOT NULL,
    status_reason      VARCHAR(2000),
    status_decided_by  VARCHAR(64),
    status_decided_at  TIMESTAMP,
    created_at         TIMESTAMP     NOT NULL,
    updated_at         TIMESTAMP     NOT NULL,
    CONSTRAINT kyodo_organisation_status_ck CHECK (status IN ('APPLIED', 'REGISTERED', 'REFUSED', 'SUSPENDED'))
);
CREATE UNIQUE INDEX kyodo_organisation_name_ux ON kyodo_organisation (name);
CREATE INDEX kyodo_organisation_status_ix ON kyodo_organisation (status, name);

CREATE TABLE kyodo_organisation_member (
    organisation_id  VARCHAR(64) NOT NULL REFERENCES kyodo_organisation (id),
    user_id          VARCHAR(64) NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX kyodo_organisation_member_user_ix ON kyodo_organisation_member (user_id);

CREATE TABLE kyodo_partnership (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    organisation_id      VARCHAR(64)  NOT NULL REFERENCES kyodo_organisation (id),
    department_group     VARCHAR(64)  NOT NULL,
    project_title        VARCHAR(200) NOT NULL,
    fiscal_year          INTEGER      NOT NULL,
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP    NOT NULL,
    CONSTRAINT kyodo_partnership_ux UNIQUE (organisation_id, department_group, project_title, fiscal_year)
);
CREATE INDEX kyodo_partnership_department_ix ON kyodo_partnership (department_group, organisation_id, fiscal_year);
