-- ⑤ 事業の評価 (関市 V-5, 資料2 協働事業の評価シート): the answers of each side, kept apart until both
-- self-evaluations are in, and the evaluation result recorded for publication (関市 V-5②, 旭川 Q51).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

-- One row per item answered: by the department, by the partner, by a beneficiary or third party
-- (旭川 Q69), and the answers both sides agreed in the joint review.
CREATE TABLE kyodo_evaluation_answer (
    process_instance_id  VARCHAR(64)   NOT NULL,
    side                 VARCHAR(16)   NOT NULL,
    item                 VARCHAR(32)   NOT NULL,
    answer               VARCHAR(8)    NOT NULL,
    answer_comment       VARCHAR(2000),
    answered_by          VARCHAR(64)   NOT NULL,
    answered_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (process_instance_id, side, item),
    CONSTRAINT kyodo_evaluation_answer_side_ck CHECK (side IN ('DEPARTMENT', 'PARTNER', 'THIRD_PARTY', 'AGREED')),
    CONSTRAINT kyodo_evaluation_answer_ck CHECK (answer IN ('YES', 'PARTLY', 'NO'))
);

-- The evaluation result of one project and fiscal year, as both sides confirmed it.
CREATE TABLE kyodo_evaluation (
    id                     VARCHAR(64)   NOT NULL PRIMARY KEY,
    project_number         VARCHAR(32),
    title                  VARCHAR(200)  NOT NULL,
    department_group       VARCHAR(64)   NOT NULL,
    department_name        VARCHAR(200)  NOT NULL,
    partner_group          VARCHAR(64)   NOT NULL,
    partner_name           VARCHAR(200)  NOT NULL,
    fiscal_year            INTEGER       NOT NULL,
    goal_achievement       VARCHAR(8)    NOT NULL,
    goals_met              BOOLEAN       NOT NULL,
    planned_cost           BIGINT        NOT NULL,
    actual_cost            BIGINT        NOT NULL,
    effect_measure         VARCHAR(200)  NOT NULL,
    effect_unit            VARCHAR(20)   NOT NULL,
    planned_effect         BIGINT        NOT NULL,
    actual_effect          BIGINT        NOT NULL,
    efficiency_percent     INTEGER,
    satisfaction_percent   INTEGER,
    survey_respondents     INTEGER,
    sheet_score            INTEGER       NOT NULL,
    differing_items        VARCHAR(500)  NOT NULL,
    third_party_evaluated  BOOLEAN       NOT NULL,
    grade                  VARCHAR(1)    NOT NULL,
    recommendation         VARCHAR(32)   NOT NULL,
    outcome_summary        VARCHAR(4000) NOT NULL,
    shared_findings        VARCHAR(4000) NOT NULL,
    reviewed_by            VARCHAR(64)   NOT NULL,
    confirmed_by           VARCHAR(64)   NOT NULL,
    recorded_at            TIMESTAMP     NOT NULL,
    CONSTRAINT kyodo_evaluation_grade_ck CHECK (grade IN ('A', 'B', 'C', 'D'))
);
CREATE INDEX kyodo_evaluation_department_ix ON kyodo_evaluation (department_group, fiscal_year);
CREATE INDEX kyodo_evaluation_partner_ix ON kyodo_evaluation (partner_group, fiscal_year);

-- Each goal of the agreement and how far it was reached (小金井 ④).
CREATE TABLE kyodo_evaluation_goal (
    evaluation_id     VARCHAR(64)  NOT NULL REFERENCES kyodo_evaluation (id),
    slot_number       INTEGER      NOT NULL,
    goal_id           VARCHAR(32)  NOT NULL,
    goal_description  VARCHAR(200) NOT NULL,
    goal_indicator    VARCHAR(200),
    goal_target       VARCHAR(200),
    goal_result       VARCHAR(8)   NOT NULL,
    goal_actual       VARCHAR(500),
    PRIMARY KEY (evaluation_id, slot_number),
    CONSTRAINT kyodo_evaluation_goal_result_ck CHECK (goal_result IN ('YES', 'PARTLY', 'NO'))
);
