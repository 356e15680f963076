-- The audit chain keyed with AUDIT_KEY (HMAC-SHA256, src/quickcheck/record.ts), a key kept outside the database.
-- Records written before it keep their plain SHA-256: chain_scheme says per record how its hash was made, and
-- every record already here is 'sha256'. New records always name their scheme (no default).
alter table quickcheck_records add column if not exists chain_scheme text not null default 'sha256' check (chain_scheme in ('sha256', 'hmac-sha256'));
alter table quickcheck_records alter column chain_scheme drop default;
-- The head's MAC (HMAC of seq and hash under AUDIT_KEY) and which key that is (key_id, an HMAC of a fixed text):
-- both set by the first keyed append, so that a chain cut short with its head moved back, or another key, shows.
alter table quickcheck_chain_head add column if not exists mac text;
alter table quickcheck_chain_head add column if not exists key_id text
