import type { Storage, StoreItems } from 'botbuilder';
import type { Store } from '../store/index.js';

/**
 * botbuilder Storage in the app's database, so that any instance can serve any turn.
 * eTags give optimistic concurrency: a write with a stale eTag fails, '*' (or none) overwrites.
 */
export class DatabaseStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.store.query<{ key: string; value: Record<string, unknown>; etag: string }>(
      'select key, value, etag from bot_state where key = any($1)',
      [keys],
    );
    return Object.fromEntries(rows.map((r) => [r.key, { ...r.value, eTag: r.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const next = String(Date.now()) + Math.random().toString(36).slice(2, 8);
      if (eTag === undefined || eTag === '*') {
        await this.store.query(
          `insert into bot_state (key, value, etag) values ($1, $2, $3)
           on conflict (key) do update set value = excluded.value, etag = excluded.etag, updated_at = now()`,
          [key, JSON.stringify(value), next],
        );
      } else {
        const updated = await this.store.query(
          'update bot_state set value = $2, etag = $3, updated_at = now() where key = $1 and etag = $4 returning key',
          [key, JSON.stringify(value), next, eTag],
        );
        if (updated.length === 0) throw new Error(`eTag conflict on bot state ${key}`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.store.query('delete from bot_state where key = any($1)', [keys]);
  }
}
