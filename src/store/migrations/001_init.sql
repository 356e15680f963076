-- Bot conversation state (botbuilder Storage), kept in the database so any instance can serve any turn.
create table if not exists bot_state (
  key text primary key,
  value jsonb not null,
  etag text not null,
  updated_at timestamptz not null default now()
)
