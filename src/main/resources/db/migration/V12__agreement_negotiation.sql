-- ③ 協定・契約: what the agreement rests on, how it was negotiated, and how it is paid. Portable SQL (H2 and PostgreSQL).
--
-- It starts from what ② chose and is negotiated with the partner (旭川 Q51: 「選定された団体の提案内容をベース
-- に…協議・調整しながら決定」; 関市 V-3①: a concrete plan both sides agree):
--   work_plan         事業の内容と進め方, prefilled from the winning application (or ①'s role idea) and agreed by both;
--   selection_number  the selection of ② the agreement rests on (null for a year continued without one).

ALTER TABLE kyodo_agreement ADD COLUMN work_plan VARCHAR(4000);
ALTER TABLE kyodo_agreement ADD COLUMN selection_number VARCHAR(32);

-- The partner proposes its own terms and the department answers, round by round (旭川 Q51 協議・調整): a round's
-- decision keeps what the proposal changed, one field per line (「役割2の担い手: 市 → 団体」); null for the other steps.
ALTER TABLE kyodo_agreement_decision ADD COLUMN details VARCHAR(10000);

-- The payment schedule as data, so that ④ pays instalment by instalment (関市 V-3③: 「月払いの委託契約、補助金の一括前払い」;
-- 旭川 Q51: a commission 「原則として」 after completion, each payment after the work is checked):
--   kyodo_agreement_instalment  one row per payment: what it waits for (kind), the day from which it is due, the amount;
--   grant_decision_ref          the grant decision (交付決定) that allows a subsidy's partial advance, when it does.
-- Agreements made before this version get the schedule their amounts already said: the advance at the start of the
-- term, the rest after completion at its end.
ALTER TABLE kyodo_agreement ADD COLUMN grant_decision_ref VARCHAR(200);

CREATE TABLE kyodo_agreement_instalment (
    agreement_number  VARCHAR(40)  NOT NULL REFERENCES kyodo_agreement (agreement_number),
    instalment_no     INTEGER      NOT NULL,
    kind              VARCHAR(24)  NOT NULL,
    due_on            DATE         NOT NULL,
    amount            BIGINT       NOT NULL,
    PRIMARY KEY (agreement_number, instalment_no),
    CONSTRAINT kyodo_agreement_instalment_kind_ck CHECK (kind IN ('ADVANCE', 'MONTHLY', 'STAGE', 'AFTER_COMPLETION')),
    CONSTRAINT kyodo_agreement_instalment_amount_ck CHECK (amount > 0)
);

INSERT INTO kyodo_agreement_instalment (agreement_number, instalment_no, kind, due_on, amount)
    SELECT agreement_number, 1, 'ADVANCE', term_start, advance_amount FROM kyodo_agreement WHERE advance_amount > 0;
INSERT INTO kyodo_agreement_instalment (agreement_number, instalment_no, kind, due_on, amount)
    SELECT agreement_number, CASE WHEN advance_amount > 0 THEN 2 ELSE 1 END, 'AFTER_COMPLETION', term_end, final_amount
    FROM kyodo_agreement WHERE final_amount > 0;
