-- ③ 協定・契約 starts from what ② chose and is negotiated with the partner (旭川 Q51: 「選定された団体の提案内容をベース
-- に…協議・調整しながら決定」; 関市 V-3①: a concrete plan both sides agree):
--   work_plan         事業の内容と進め方, prefilled from the winning application (or ①'s role idea) and agreed by both;
--   selection_number  the selection of ② the agreement rests on (null for a year continued without one).
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_agreement ADD COLUMN work_plan VARCHAR(4000);
ALTER TABLE kyodo_agreement ADD COLUMN selection_number VARCHAR(32);

-- The partner proposes its own terms and the department answers, round by round (旭川 Q51 協議・調整): a round's
-- decision keeps what the proposal changed, one field per line (「役割2の担い手: 市 → 団体」); null for the other steps.
ALTER TABLE kyodo_agreement_decision ADD COLUMN details VARCHAR(10000);
