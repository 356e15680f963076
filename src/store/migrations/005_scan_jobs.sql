-- Graph scans as jobs (issue 5): any instance claims a queued job (FOR UPDATE SKIP LOCKED), keeps a heartbeat
-- while it runs, and a job whose heartbeat went stale (its instance died) is claimed again. A delegated
-- scan's Graph token is kept encrypted (AES-256-GCM) only while the job is open, so another instance can
-- finish it; it is cleared when the job ends.
create table if not exists scan_jobs (
  id text primary key,
  owner text not null,
  target_kind text not null,
  target_id text not null,
  tenant text,
  lang text not null default 'nl',
  status text not null default 'queued',
  credential text,
  attempts integer not null default 0,
  worker text,
  heartbeat_at timestamptz,
  progress jsonb not null default '{}',
  scan_id text,
  error_code text,
  notes jsonb not null default '[]',
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index if not exists scan_jobs_open on scan_jobs (status, created_at);
-- The delta link and the compact item state (gzip JSON tuples) of each drive, per viewer (a delegated scan
-- sees only what its user may see), so a re-scan reads only the changes.
create table if not exists graph_drive_state (
  key text primary key,
  delta_link text not null,
  item_count integer not null,
  items bytea not null,
  updated_at timestamptz not null default now()
)
