import type { Storage, StoreItems } from 'botbuilder';

/** What the bot's storage needs of the database; src/store/repositories/bot-state.ts implements it. */
export interface BotStateRows {
  read(keys: string[]): Promise<{ key: string; value: Record<string, unknown>; etag: string }[]>;
  upsert(key: string, value: Record<string, unknown>, etag: string): Promise<void>;
  /** False when the row's eTag is no longer `expected`. */
  replaceIfEtag(key: string, value: Record<string, unknown>, etag: string, expected: string): Promise<boolean>;
  remove(keys: string[]): Promise<void>;
}

/**
 * botbuilder Storage in the app's database, so that any instance can serve any turn.
 * eTags give optimistic concurrency: a write with a stale eTag fails, '*' (or none) overwrites.
 */
export class DatabaseStorage implements Storage {
  constructor(private readonly rows: BotStateRows) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const rows = await this.rows.read(keys);
    return Object.fromEntries(rows.map((r) => [r.key, { ...r.value, eTag: r.etag }]));
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const next = String(Date.now()) + Math.random().toString(36).slice(2, 8);
      if (eTag === undefined || eTag === '*') await this.rows.upsert(key, value, next);
      else if (!(await this.rows.replaceIfEtag(key, value, next, eTag)))
        throw new Error(`eTag conflict on bot state ${key}`);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.rows.remove(keys);
  }
}
