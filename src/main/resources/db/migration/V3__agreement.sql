-- ③ 協定・契約: the written agreement (東久留米 III-4: always in writing, whatever the form), one per
-- project and fiscal year (旭川 Q31), with its goals, role division, budget lines, payment plan, term,
-- clauses, the decisions that led to it and the generated document (協定書). Portable SQL (H2 and PostgreSQL).

CREATE TABLE kyodo_agreement (
    agreement_number        VARCHAR(40)    NOT NULL PRIMARY KEY,
    fiscal_year             INTEGER        NOT NULL,
    serial_no               INTEGER        NOT NULL,
    project_number          VARCHAR(40),
    title                   VARCHAR(200)   NOT NULL,
    department_group        VARCHAR(64)    NOT NULL,
    department_name         VARCHAR(200)   NOT NULL,
    partner_group           VARCHAR(64)    NOT NULL,
    partner_name            VARCHAR(200)   NOT NULL,
    chosen_form             VARCHAR(32)    NOT NULL,
    cost_estimate           BIGINT,
    main_staff              VARCHAR(64)    NOT NULL,
    deputy_staff            VARCHAR(64)    NOT NULL,
    purpose                 VARCHAR(2000)  NOT NULL,
    final_goal              VARCHAR(1000),
    term_start              DATE           NOT NULL,
    term_end                DATE           NOT NULL,
    report_rhythm           VARCHAR(16)    NOT NULL,
    payment_type            VARCHAR(16)    NOT NULL,
    payment_timing          VARCHAR(24),
    payment_amount          BIGINT         NOT NULL,
    advance_amount          BIGINT         NOT NULL,
    final_amount            BIGINT         NOT NULL,
    payment_terms_note      VARCHAR(500)   NOT NULL,
    expenditure_total       BIGINT         NOT NULL,
    income_own_funds        BIGINT         NOT NULL,
    income_fees             BIGINT         NOT NULL,
    income_other            BIGINT         NOT NULL,
    clause_confidentiality  VARCHAR(2000)  NOT NULL,
    clause_surplus          VARCHAR(2000)  NOT NULL,
    clause_results          VARCHAR(2000)  NOT NULL,
    clause_trouble          VARCHAR(2000)  NOT NULL,
    status                  VARCHAR(16)    NOT NULL,
    approved_by             VARCHAR(64)    NOT NULL,
    approved_at             TIMESTAMP      NOT NULL,
    signed_on               DATE,
    signed_recorded_by      VARCHAR(64),
    exchange_note           VARCHAR(2000),
    process_instance_id     VARCHAR(64),
    CONSTRAINT kyodo_agreement_status_ck CHECK (status IN ('APPROVED', 'CONCLUDED')),
    CONSTRAINT kyodo_agreement_term_ck CHECK (term_start <= term_end),
    CONSTRAINT kyodo_agreement_amounts_ck CHECK (advance_amount + final_amount = payment_amount),
    -- the number is made of fiscal year, department and serial: one serial per department and year
    CONSTRAINT kyodo_agreement_serial_ux UNIQUE (fiscal_year, department_group, serial_no),
    -- each fiscal year gets its own agreement (旭川 Q31): one per project and year
    CONSTRAINT kyodo_agreement_project_year_ux UNIQUE (project_number, fiscal_year)
);
CREATE INDEX kyodo_agreement_partner_ix ON kyodo_agreement (partner_group, fiscal_year);
CREATE INDEX kyodo_agreement_department_ix ON kyodo_agreement (department_group, fiscal_year);

-- Measurable goals: what, measured how, by when (小金井 ④); ids G1, G2, ... are referred to in reports.
CREATE TABLE kyodo_agreement_goal (
    agreement_number  VARCHAR(40)   NOT NULL REFERENCES kyodo_agreement (agreement_number),
    goal_id           VARCHAR(8)    NOT NULL,
    position          INTEGER       NOT NULL,
    description       VARCHAR(200)  NOT NULL,
    indicator         VARCHAR(200)  NOT NULL,
    due_date          DATE          NOT NULL,
    PRIMARY KEY (agreement_number, goal_id)
);

CREATE TABLE kyodo_agreement_role (
    agreement_number  VARCHAR(40)   NOT NULL REFERENCES kyodo_agreement (agreement_number),
    position          INTEGER       NOT NULL,
    task              VARCHAR(200)  NOT NULL,
    party             VARCHAR(16)   NOT NULL,
    PRIMARY KEY (agreement_number, position),
    CONSTRAINT kyodo_agreement_role_party_ck CHECK (party IN ('CITY', 'PARTNER', 'BOTH'))
);

CREATE TABLE kyodo_agreement_budget_line (
    agreement_number  VARCHAR(40)   NOT NULL REFERENCES kyodo_agreement (agreement_number),
    position          INTEGER       NOT NULL,
    item              VARCHAR(100)  NOT NULL,
    amount            BIGINT        NOT NULL,
    bearer            VARCHAR(16)   NOT NULL,
    PRIMARY KEY (agreement_number, position),
    CONSTRAINT kyodo_agreement_budget_amount_ck CHECK (amount >= 0),
    CONSTRAINT kyodo_agreement_budget_bearer_ck CHECK (bearer IN ('CITY_DIRECT', 'CITY_PAYMENT', 'PARTNER'))
);

-- Who confirmed, requested changes or approved, when and why (every decision keeps its reason).
CREATE TABLE kyodo_agreement_decision (
    agreement_number  VARCHAR(40)   NOT NULL REFERENCES kyodo_agreement (agreement_number),
    position          INTEGER       NOT NULL,
    step              VARCHAR(32)   NOT NULL,
    decision          VARCHAR(32)   NOT NULL,
    comment_text      VARCHAR(2000),
    decided_by        VARCHAR(64)   NOT NULL,
    decided_at        TIMESTAMP     NOT NULL,
    PRIMARY KEY (agreement_number, position)
);

-- The 協定書 as generated (PDF bytes), so it survives restarts and is served from any node.
CREATE TABLE kyodo_agreement_document (
    agreement_number  VARCHAR(40)   NOT NULL PRIMARY KEY REFERENCES kyodo_agreement (agreement_number),
    file_name         VARCHAR(100)  NOT NULL,
    content           BYTEA         NOT NULL,
    generated_at      TIMESTAMP     NOT NULL
);
