-- 担当者の交代 (processes/staff-handover.bpmn): the department's main and deputy staff of a project change at
-- whatever phase the project is in — in April as a rule, while a continued project signs its ③ and evaluates last
-- year in ⑤ (旭川 Q52, Q57). One row per handover a manager confirmed: who handed over to whom, why, the handover
-- meeting held with the partner present (千葉県 マニュアル 3(1)④; no partner attends before one is chosen), where the
-- project stood, and how many open tasks went to the successors. ④'s own handover stays in kyodo_execution_handover.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

CREATE TABLE kyodo_staff_handover (
    -- The handover's process instance: one row per handover, however often its last step runs.
    id                  VARCHAR(64)    NOT NULL PRIMARY KEY,
    project_number      VARCHAR(16)    NOT NULL REFERENCES kyodo_project (project_number),
    department_group    VARCHAR(64)    NOT NULL,
    phase               VARCHAR(16)    NOT NULL,
    round_no            INTEGER        NOT NULL,
    fiscal_year         INTEGER,
    previous_main       VARCHAR(64)    NOT NULL,
    previous_deputy     VARCHAR(64)    NOT NULL,
    new_main            VARCHAR(64)    NOT NULL,
    new_deputy          VARCHAR(64)    NOT NULL,
    reason              VARCHAR(200)   NOT NULL,
    held_on             DATE           NOT NULL,
    partner_attendee    VARCHAR(100),
    notes               VARCHAR(2000)  NOT NULL,
    requested_by        VARCHAR(64)    NOT NULL,
    recorded_by         VARCHAR(64)    NOT NULL,
    confirmed_by        VARCHAR(64)    NOT NULL,
    confirmed_at        TIMESTAMP      NOT NULL,
    tasks_reassigned    INTEGER        NOT NULL,
    CONSTRAINT kyodo_staff_handover_two_ck CHECK (new_main <> new_deputy),
    CONSTRAINT kyodo_staff_handover_change_ck CHECK (new_main <> previous_main OR new_deputy <> previous_deputy),
    CONSTRAINT kyodo_staff_handover_phase_ck CHECK (phase IN ('EXAMINATION', 'SELECTION', 'BUDGET', 'AGREEMENT',
        'EXECUTION', 'EVALUATION', 'IMPROVEMENT'))
);
CREATE INDEX kyodo_staff_handover_project_ix ON kyodo_staff_handover (project_number, confirmed_at);
