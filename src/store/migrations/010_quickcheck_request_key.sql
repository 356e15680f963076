-- A check sent again with the same request key (the Idempotency-Key a client sends with POST /api/checks, the same
-- for a retry of one submission) is recorded once: the retry gets the record of the first. The key is a random value
-- of the client's, per person; it is not part of the record's hash, so the chain verifies as before.
alter table quickcheck_records add column if not exists request_key text;
create unique index if not exists quickcheck_records_who_request_key on quickcheck_records (who, request_key) where request_key is not null
