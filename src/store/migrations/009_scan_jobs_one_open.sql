-- One open job per owner and target, kept by the database (issue 16): two starts at the same moment (two
-- instances, a double click) can no longer both insert. The owner is part of the key, as it was in the check
-- before the insert: a delegated scan reads what its owner may see, so one person's job is never another's answer.
-- Open jobs that are already doubled are closed first: the oldest stays open, the others fail with
-- 'duplicate_open_job' (their sealed token is cleared, as for any job that ends).
update scan_jobs set status = 'failed', error_code = 'duplicate_open_job', credential = null, finished_at = now()
where status in ('queued', 'running')
  and exists (
    select 1 from scan_jobs older
    where older.owner = scan_jobs.owner
      and older.target_kind = scan_jobs.target_kind
      and older.target_id = scan_jobs.target_id
      and older.status in ('queued', 'running')
      and (older.created_at < scan_jobs.created_at or (older.created_at = scan_jobs.created_at and older.id < scan_jobs.id))
  );
create unique index if not exists scan_jobs_one_open on scan_jobs (owner, target_kind, target_id)
  where status in ('queued', 'running')
