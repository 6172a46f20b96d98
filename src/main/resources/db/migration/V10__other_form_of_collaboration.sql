-- 小金井 第2章(4): the forms of collaboration are not limited to the traditional ones. A project or agreement whose
-- form is OTHER keeps what that form is beside the code; null for every listed form. Portable SQL (H2 and PostgreSQL).

ALTER TABLE kyodo_project ADD COLUMN other_form_description VARCHAR(1000);
ALTER TABLE kyodo_agreement ADD COLUMN other_form_description VARCHAR(1000);
