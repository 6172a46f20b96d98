-- 公募 on the public page (issue 16; 関市 ルール4 「機会が公平に開かれている」, 旭川 Q30 公募制度): a call says what it
-- offers and to whom, so that anyone can find it and the organisations registered for its fields are told.
--   budget_frame     予算の枠: the amount in yen the call offers at most (prefilled from the budget the city granted
--                    for the project's year, kyodo_project_year.approved_budget); NULL when the call names none
--   activity_fields  the fields of activity (分野) the call is for, comma-separated codes of
--                    RegistrationProcess.ActivityField, as kyodo_organisation.activity_fields; NULL for calls
--                    published before this version (they name no field)
--   department_name, collaboration_form, other_form_description
--                    who offers it and in which form of collaboration (協働の形態), as ② knew them when it published:
--                    a selection started on its own has no project row to read them from
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_call ADD COLUMN budget_frame BIGINT;
ALTER TABLE kyodo_call ADD COLUMN activity_fields VARCHAR(500);
ALTER TABLE kyodo_call ADD COLUMN department_name VARCHAR(200);
ALTER TABLE kyodo_call ADD COLUMN collaboration_form VARCHAR(32);
ALTER TABLE kyodo_call ADD COLUMN other_form_description VARCHAR(1000);
ALTER TABLE kyodo_call ADD CONSTRAINT kyodo_call_budget_frame_ck CHECK (budget_frame IS NULL OR budget_frame >= 0);
-- The public list and the Atom feed read calls newest first.
CREATE INDEX kyodo_call_published_ix ON kyodo_call (published_at);
