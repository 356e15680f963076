-- Beheer: the tool register kept in the database and edited by admins (src/app/admin.ts). The YAML file
-- (TOOL_REGISTER_PATH, else the shipped example) is the starting content: it is copied in the first time the
-- register is read and tool_register_head is empty; from then on this is the register the checks use.
-- The head: one row, where the register started and how often it was changed since. Every change locks it
-- (select ... for update), so that two admins on two instances never both build on the same register.
create table if not exists tool_register_head (
  id integer primary key check (id = 1),
  start_version text not null,
  example boolean not null,
  revision integer not null check (revision >= 0),
  seeded_at timestamptz not null,
  changed_at timestamptz
);
-- The current register, one row per tool: the entry exactly as the register's schema parsed it (JSON), and its
-- place in the register's order (the order alternatives are offered in when all else is equal).
create table if not exists tool_register (
  id text primary key,
  position integer not null,
  entry jsonb not null
);
-- Every change, with who (a pseudonym) and when, the entry before and after (null when added or removed), and
-- the revision of the register it made. Kept; nothing here is ever updated.
create table if not exists tool_register_changes (
  seq bigserial primary key,
  revision integer not null unique,
  at timestamptz not null,
  who text not null,
  tool_id text not null,
  action text not null check (action in ('added', 'changed', 'removed')),
  old_entry jsonb,
  new_entry jsonb
);
create or replace rule tool_register_changes_no_update as on update to tool_register_changes do instead nothing;
create or replace rule tool_register_changes_no_delete as on delete to tool_register_changes do instead nothing
