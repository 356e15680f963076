-- Retention and AVG requests (issue 16): a check's personal part (who, the case with its typed purpose, the result
-- as shown) can be erased while its record stays in the chain as a tombstone. The tombstone keeps seq, at, the
-- verdict, the versions, prev_hash and hash, so the next record still links to it and every exported head stays
-- valid; erasure_mac (an HMAC under AUDIT_KEY of what is kept and erased_at, src/quickcheck/erasure.ts) shows that
-- the erasure was made with the key and that nothing kept was changed since. Records are still never deleted.
alter table quickcheck_records add column if not exists erased_at timestamptz;
alter table quickcheck_records add column if not exists erasure_mac text;
alter table quickcheck_records alter column who drop not null;
alter table quickcheck_records alter column check_case drop not null;
alter table quickcheck_records alter column result drop not null;
-- The one update the table allows: erasing the personal part of a record not erased yet, everything else kept.
-- Any other update still does nothing (as in 003); deletes still do nothing.
create or replace rule quickcheck_records_no_update as on update to quickcheck_records
  where not (
    old.erased_at is null and new.erased_at is not null and new.erasure_mac is not null
    and new.who is null and new.check_case is null and new.result is null
    and new.seq = old.seq and new.at = old.at and new.verdict = old.verdict
    and new.rules_version = old.rules_version and new.register_version = old.register_version
    and new.prev_hash = old.prev_hash and new.hash = old.hash and new.chain_scheme = old.chain_scheme
  )
  do instead nothing;
-- What the scheduled clean-up looks for: records not erased yet by age, and each table's old rows.
create index if not exists quickcheck_records_unerased_at on quickcheck_records (at) where erased_at is null;
create index if not exists housekeeping_scans_finished on housekeeping_scans (finished_at);
create index if not exists housekeeping_scans_owner on housekeeping_scans (owner);
create index if not exists scan_jobs_owner on scan_jobs (owner);
create index if not exists scan_jobs_finished on scan_jobs (finished_at);
create index if not exists vision_feedback_created on vision_feedback (created_at);
create index if not exists bot_state_updated on bot_state (updated_at);
create index if not exists graph_drive_state_updated on graph_drive_state (updated_at)
