-- E-mail (issue 16): a notice that waits for its person's daily digest. Its send_after is the digest hour; the sender
-- claims all due digest rows of one address together and sends them as one mail, whose Message-ID every row keeps.
-- Portable SQL: the same script runs on H2 and PostgreSQL.

ALTER TABLE kyodo_mail_outbox ADD COLUMN digest BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX kyodo_mail_outbox_claim_ix ON kyodo_mail_outbox (claimed_by);
