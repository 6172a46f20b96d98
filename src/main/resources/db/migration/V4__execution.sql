-- ④ 事業の実施: one execution per agreement, with its progress reports (and reminders, escalations,
-- reviews), payments (amount and date), issues and troubles, plan changes agreed by both sides, staff
-- handovers with the partner present, the mid-term check, the completion report and its inspection.
-- Evaluation (⑤) reads from here. Portable SQL (H2 and PostgreSQL).

CREATE TABLE kyodo_execution (
    agreement_number          VARCHAR(40)    NOT NULL PRIMARY KEY REFERENCES kyodo_agreement (agreement_number),
    process_instance_id       VARCHAR(64)    NOT NULL,
    status                    VARCHAR(16)    NOT NULL,
    main_staff                VARCHAR(64)    NOT NULL,
    deputy_staff              VARCHAR(64)    NOT NULL,
    started_by                VARCHAR(64)    NOT NULL,
    started_at                TIMESTAMP      NOT NULL,
    midterm_progress          VARCHAR(16),
    midterm_findings          VARCHAR(2000),
    midterm_citizen_voice     VARCHAR(2000),
    midterm_actions           VARCHAR(2000),
    midterm_with_partner      BOOLEAN,
    midterm_by                VARCHAR(64),
    midterm_at                TIMESTAMP,
    completion_summary        VARCHAR(4000),
    completion_goal_notes     VARCHAR(2000),
    completion_expenditure    BIGINT,
    completion_surplus        BIGINT,
    completion_citizen_info   VARCHAR(2000),
    completion_future_issues  VARCHAR(2000),
    completion_by             VARCHAR(64),
    completion_at             TIMESTAMP,
    inspection_result         VARCHAR(16),
    inspection_comment        VARCHAR(2000),
    inspected_on              DATE,
    inspected_by              VARCHAR(64),
    inspected_at              TIMESTAMP,
    completed_at              TIMESTAMP,
    CONSTRAINT kyodo_execution_status_ck CHECK (status IN ('RUNNING', 'COMPLETED'))
);

-- How each goal of the agreement was met, as the completion report states it (for ⑤ evaluation).
CREATE TABLE kyodo_execution_goal_result (
    agreement_number  VARCHAR(40)  NOT NULL REFERENCES kyodo_execution (agreement_number),
    goal_id           VARCHAR(8)   NOT NULL,
    result            VARCHAR(16)  NOT NULL,
    PRIMARY KEY (agreement_number, goal_id),
    CONSTRAINT kyodo_execution_goal_result_ck CHECK (result IN ('ACHIEVED', 'PARTLY', 'NOT_ACHIEVED'))
);

CREATE TABLE kyodo_execution_report (
    agreement_number   VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    report_no          INTEGER        NOT NULL,
    due_on             DATE           NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    summary            VARCHAR(4000),
    goal_progress      VARCHAR(2000),
    issues             VARCHAR(2000),
    citizen_info       VARCHAR(2000),
    submitted_by       VARCHAR(64),
    submitted_at       TIMESTAMP,
    rounds             INTEGER        NOT NULL,
    reminded_at        TIMESTAMP,
    escalated_at       TIMESTAMP,
    late_action        VARCHAR(2000),
    late_action_by     VARCHAR(64),
    review_decision    VARCHAR(16),
    review_comment     VARCHAR(2000),
    reviewed_by        VARCHAR(64),
    reviewed_at        TIMESTAMP,
    PRIMARY KEY (agreement_number, report_no),
    CONSTRAINT kyodo_execution_report_status_ck CHECK (status IN ('DUE', 'SUBMITTED', 'MORE_REQUESTED', 'ACCEPTED'))
);

CREATE TABLE kyodo_execution_payment (
    agreement_number  VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    kind              VARCHAR(24)    NOT NULL,
    scheduled_amount  BIGINT         NOT NULL,
    amount            BIGINT         NOT NULL,
    paid_on           DATE           NOT NULL,
    reduction_reason  VARCHAR(2000),
    recorded_by       VARCHAR(64)    NOT NULL,
    recorded_at       TIMESTAMP      NOT NULL,
    PRIMARY KEY (agreement_number, kind),
    CONSTRAINT kyodo_execution_payment_kind_ck CHECK (kind IN ('ADVANCE', 'AFTER_COMPLETION')),
    CONSTRAINT kyodo_execution_payment_amount_ck CHECK (amount >= 0 AND amount <= scheduled_amount)
);

CREATE TABLE kyodo_execution_issue (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    agreement_number   VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    raised_by          VARCHAR(64)    NOT NULL,
    raised_side        VARCHAR(16)    NOT NULL,
    raised_at          TIMESTAMP      NOT NULL,
    title              VARCHAR(100)   NOT NULL,
    description        VARCHAR(2000)  NOT NULL,
    severity           VARCHAR(16)    NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    response           VARCHAR(2000),
    handled_by         VARCHAR(64),
    handled_at         TIMESTAMP,
    escalated          BOOLEAN,
    manager_decision   VARCHAR(16),
    manager_comment    VARCHAR(2000),
    decided_by         VARCHAR(64),
    decided_at         TIMESTAMP,
    CONSTRAINT kyodo_execution_issue_status_ck CHECK (status IN ('OPEN', 'WITH_MANAGER', 'CLOSED'))
);
CREATE INDEX kyodo_execution_issue_agreement_ix ON kyodo_execution_issue (agreement_number, raised_at);

CREATE TABLE kyodo_execution_plan_change (
    id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
    agreement_number   VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    proposed_by        VARCHAR(64)    NOT NULL,
    proposed_side      VARCHAR(16)    NOT NULL,
    proposed_at        TIMESTAMP      NOT NULL,
    summary            VARCHAR(200)   NOT NULL,
    reason             VARCHAR(2000)  NOT NULL,
    details            VARCHAR(4000)  NOT NULL,
    status             VARCHAR(16)    NOT NULL,
    answer_comment     VARCHAR(2000),
    answered_by        VARCHAR(64),
    answered_at        TIMESTAMP,
    CONSTRAINT kyodo_execution_plan_change_status_ck CHECK (status IN ('PROPOSED', 'APPLIED', 'DECLINED'))
);
CREATE INDEX kyodo_execution_plan_change_agreement_ix ON kyodo_execution_plan_change (agreement_number, proposed_at);

CREATE TABLE kyodo_execution_handover (
    id                     VARCHAR(64)    NOT NULL PRIMARY KEY,
    agreement_number       VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    previous_main          VARCHAR(64)    NOT NULL,
    previous_deputy        VARCHAR(64)    NOT NULL,
    new_main               VARCHAR(64)    NOT NULL,
    new_deputy             VARCHAR(64)    NOT NULL,
    reason                 VARCHAR(200)   NOT NULL,
    requested_by           VARCHAR(64)    NOT NULL,
    requested_at           TIMESTAMP      NOT NULL,
    status                 VARCHAR(16)    NOT NULL,
    held_on                DATE,
    partner_attendee       VARCHAR(100),
    notes                  VARCHAR(2000),
    held_by                VARCHAR(64),
    partner_answer         VARCHAR(16),
    partner_comment        VARCHAR(2000),
    partner_answered_by    VARCHAR(64),
    partner_answered_at    TIMESTAMP,
    completed_at           TIMESTAMP,
    CONSTRAINT kyodo_execution_handover_status_ck CHECK (status IN ('REQUESTED', 'HELD', 'COMPLETED')),
    CONSTRAINT kyodo_execution_handover_staff_ck CHECK (new_main <> new_deputy)
);
CREATE INDEX kyodo_execution_handover_agreement_ix ON kyodo_execution_handover (agreement_number, requested_at);
