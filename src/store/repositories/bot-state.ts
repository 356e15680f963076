import type { Queryable } from '../store.js';

/** One row of bot state: a botbuilder storage key, its value (JSON) and the eTag of its last write. */
export type BotStateRow = {
  key: string;
  value: Record<string, unknown>;
  etag: string;
};

/** The bot_state table (001_init.sql), in the shape src/bot/storage.ts needs (BotStateRows). */
export interface BotStateRepository {
  read(keys: string[]): Promise<BotStateRow[]>;
  /** Writes the row whatever its eTag (a new key, or a write with '*'). */
  upsert(key: string, value: Record<string, unknown>, etag: string): Promise<void>;
  /** Writes the row only when its eTag is still `expected`; false when another write came first (or no row). */
  replaceIfEtag(key: string, value: Record<string, unknown>, etag: string, expected: string): Promise<boolean>;
  remove(keys: string[]): Promise<void>;
}

export function botStateRepository(store: Queryable): BotStateRepository {
  return {
    read: (keys) => store.query<BotStateRow>('select key, value, etag from bot_state where key = any($1)', [keys]),
    async upsert(key, value, etag) {
      await store.query(
        `insert into bot_state (key, value, etag) values ($1, $2, $3)
         on conflict (key) do update set value = excluded.value, etag = excluded.etag, updated_at = now()`,
        [key, JSON.stringify(value), etag],
      );
    },
    async replaceIfEtag(key, value, etag, expected) {
      const updated = await store.query(
        'update bot_state set value = $2, etag = $3, updated_at = now() where key = $1 and etag = $4 returning key',
        [key, JSON.stringify(value), etag, expected],
      );
      return updated.length > 0;
    },
    async remove(keys) {
      await store.query('delete from bot_state where key = any($1)', [keys]);
    },
  };
}
