-- Mag ik dit gebruiken?: every recorded check, append-only, in a hash chain (src/quickcheck/record.ts).
-- who is a pseudonym; the case and the verdict as shown are kept so that the municipality can show later
-- what was decided, under which version of the rules and the tool register.
create table if not exists quickcheck_records (
  seq integer primary key check (seq > 0),
  at timestamptz not null,
  who text not null,
  verdict text not null,
  rules_version text not null,
  register_version text not null,
  check_case jsonb not null,
  result jsonb not null,
  prev_hash text not null,
  hash text not null unique
);
create index if not exists quickcheck_records_who_seq on quickcheck_records (who, seq);
-- The head of the chain: one row, locked (select ... for update) by every append so that appends never fork.
create table if not exists quickcheck_chain_head (
  id integer primary key check (id = 1),
  seq integer not null,
  hash text not null
);
insert into quickcheck_chain_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000') on conflict (id) do nothing;
-- Append-only: ordinary updates and deletes do nothing. Someone with rights to change the table can still
-- do it; the hash chain is what shows that (ai-wijzer audit verify).
create or replace rule quickcheck_records_no_update as on update to quickcheck_records do instead nothing;
create or replace rule quickcheck_records_no_delete as on delete to quickcheck_records do instead nothing
