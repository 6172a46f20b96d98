-- ④ 事業の実施 when things go wrong (旭川 Q76 事業失敗時やトラブル時の対応): a serious issue, the partner heard, may
-- suspend the execution (its timers and payments stop), resume it, or terminate it with a settlement — what was done,
-- what is paid or repaid — that the partner agrees to and a manager approves; the record goes on to ⑤ 事業の評価.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_execution DROP CONSTRAINT kyodo_execution_status_ck;
ALTER TABLE kyodo_execution ADD CONSTRAINT kyodo_execution_status_ck
    CHECK (status IN ('RUNNING', 'SUSPENDED', 'COMPLETED', 'TERMINATED'));
ALTER TABLE kyodo_execution ADD COLUMN terminated_at TIMESTAMP;

-- The partner's view of a serious issue, heard before the manager decides, and what the side that raised it did
-- while the execution was suspended (the latest of each; the process history keeps every round).
ALTER TABLE kyodo_execution_issue DROP CONSTRAINT kyodo_execution_issue_status_ck;
ALTER TABLE kyodo_execution_issue ADD CONSTRAINT kyodo_execution_issue_status_ck
    CHECK (status IN ('OPEN', 'WITH_MANAGER', 'SUSPENDED', 'CLOSED', 'TERMINATED'));
ALTER TABLE kyodo_execution_issue ADD COLUMN partner_view VARCHAR(2000);
ALTER TABLE kyodo_execution_issue ADD COLUMN partner_wish VARCHAR(16);
ALTER TABLE kyodo_execution_issue ADD COLUMN partner_view_by VARCHAR(64);
ALTER TABLE kyodo_execution_issue ADD COLUMN partner_view_at TIMESTAMP;
ALTER TABLE kyodo_execution_issue ADD COLUMN measures VARCHAR(2000);
ALTER TABLE kyodo_execution_issue ADD COLUMN measures_by VARCHAR(64);
ALTER TABLE kyodo_execution_issue ADD COLUMN measures_at TIMESTAMP;

-- A suspension by an issue: why, who, when, how many timers it stopped, and when it was resumed.
CREATE TABLE kyodo_execution_suspension (
    issue_id          VARCHAR(64)    NOT NULL PRIMARY KEY REFERENCES kyodo_execution_issue (id),
    agreement_number  VARCHAR(40)    NOT NULL REFERENCES kyodo_execution (agreement_number),
    reason            VARCHAR(2000)  NOT NULL,
    suspended_by      VARCHAR(64)    NOT NULL,
    suspended_at      TIMESTAMP      NOT NULL,
    timers_stopped    INTEGER        NOT NULL,
    resumed_by        VARCHAR(64),
    resumed_at        TIMESTAMP,
    resume_reason     VARCHAR(2000)
);
CREATE INDEX kyodo_execution_suspension_agreement_ix ON kyodo_execution_suspension (agreement_number, suspended_at);

-- The settlement of a terminated execution, one per execution: the decision to terminate, the department's draft,
-- the partner's answer and the manager's 決裁 (the latest round; the process history keeps every round).
CREATE TABLE kyodo_execution_settlement (
    agreement_number     VARCHAR(40)    NOT NULL PRIMARY KEY REFERENCES kyodo_execution (agreement_number),
    issue_id             VARCHAR(64)    NOT NULL REFERENCES kyodo_execution_issue (id),
    termination_reason   VARCHAR(2000)  NOT NULL,
    decided_by           VARCHAR(64)    NOT NULL,
    decided_at           TIMESTAMP      NOT NULL,
    payment_total        BIGINT         NOT NULL,
    paid_before          BIGINT         NOT NULL,
    work_done            VARCHAR(4000),
    pay_amount           BIGINT,
    repay_amount         BIGINT,
    note                 VARCHAR(2000),
    drafted_by           VARCHAR(64),
    drafted_at           TIMESTAMP,
    partner_answer       VARCHAR(16),
    partner_comment      VARCHAR(2000),
    partner_answered_by  VARCHAR(64),
    partner_answered_at  TIMESTAMP,
    approval             VARCHAR(16),
    approval_comment     VARCHAR(2000),
    approved_by          VARCHAR(64),
    approved_at          TIMESTAMP,
    status               VARCHAR(16)    NOT NULL,
    settled_at           TIMESTAMP,
    CONSTRAINT kyodo_execution_settlement_status_ck
        CHECK (status IN ('DECIDED', 'DRAFTED', 'OBJECTED', 'AGREED', 'RETURNED', 'SETTLED')),
    -- the city pays for work done (at most what was left to pay) or the partner repays (at most what it received)
    CONSTRAINT kyodo_execution_settlement_amounts_ck
        CHECK (pay_amount >= 0 AND repay_amount >= 0 AND (pay_amount = 0 OR repay_amount = 0)
            AND pay_amount <= payment_total - paid_before AND repay_amount <= paid_before)
);

-- ④ plan changes change the plan (評価シート 実施段階 3, 関市 V-4 状況の変化に応じた柔軟な対応): a proposal carries the
-- plan as data (JSON of goals, budget lines and income, advance, end of term), what it changes and whether money
-- changes; the other side's answer and, for money, a manager's 決裁; an applied change amends the agreement's tables
-- and is numbered 変更協定 第N号 (kyodo_agreement.amendment_no), with the 協定書 it replaced kept beside it.
ALTER TABLE kyodo_execution_plan_change DROP CONSTRAINT kyodo_execution_plan_change_status_ck;
ALTER TABLE kyodo_execution_plan_change ADD CONSTRAINT kyodo_execution_plan_change_status_ck
    CHECK (status IN ('PROPOSED', 'APPLIED', 'DECLINED', 'REJECTED'));
-- a change of data needs no words beyond its summary and reason: the text of other changes becomes optional
ALTER TABLE kyodo_execution_plan_change ALTER COLUMN details DROP NOT NULL;
ALTER TABLE kyodo_execution_plan_change ADD COLUMN proposed_plan VARCHAR(10000);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN changed_parts VARCHAR(64);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN changes VARCHAR(8000);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN money_changed BOOLEAN;
ALTER TABLE kyodo_execution_plan_change ADD COLUMN answer VARCHAR(16);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN approval VARCHAR(16);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN approval_comment VARCHAR(2000);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN approved_by VARCHAR(64);
ALTER TABLE kyodo_execution_plan_change ADD COLUMN approved_at TIMESTAMP;
ALTER TABLE kyodo_execution_plan_change ADD COLUMN amendment_no INTEGER;

ALTER TABLE kyodo_agreement ADD COLUMN amendment_no INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE kyodo_execution_amendment (
    agreement_number   VARCHAR(40)    NOT NULL REFERENCES kyodo_agreement (agreement_number),
    amendment_no       INTEGER        NOT NULL,
    plan_change_id     VARCHAR(64)    NOT NULL REFERENCES kyodo_execution_plan_change (id),
    summary            VARCHAR(200)   NOT NULL,
    changes            VARCHAR(12000) NOT NULL,
    agreed_on          DATE           NOT NULL,
    approved_by        VARCHAR(64),
    replaced_document  BYTEA,
    document_at        TIMESTAMP,
    PRIMARY KEY (agreement_number, amendment_no),
    CONSTRAINT kyodo_execution_amendment_change_ux UNIQUE (plan_change_id)
);
