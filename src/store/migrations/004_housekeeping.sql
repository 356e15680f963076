-- Data-readiness scans (issue 5): one row per finished scan with its statistics and the whole report
-- (findings already masked), so the trend against the previous scan of the same source can be shown.
create table if not exists housekeeping_scans (
  id text primary key,
  seq bigint generated always as identity,
  source_key text not null,
  owner text,
  source text not null,
  root text not null,
  complete boolean not null,
  incomplete_reason text,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  files bigint not null,
  folders bigint not null,
  bytes bigint not null,
  graph_requests integer not null,
  score integer not null,
  label text not null,
  rule_counts jsonb not null,
  report jsonb not null,
  created_at timestamptz not null default now()
);
create index if not exists housekeeping_scans_source_seq on housekeeping_scans (source_key, seq)
