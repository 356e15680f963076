import type { Queryable } from '../store.js';

/**
 * Where the bot can reach a person later (a scan that finished): their personal chat's conversation reference, by
 * pseudonym. Kept in the bot_state table (001_init.sql) under `reference/<pseudonym>`, so every instance sees it and
 * a restart loses nothing. Only what a proactive message needs is stored: no names.
 */
export interface StoredReference {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string; tenantId?: string; conversationType?: string };
  bot: { id: string };
  user: { id: string; aadObjectId?: string };
  locale?: string;
}

export interface ConversationReferences {
  remember(owner: string, reference: StoredReference): Promise<void>;
  find(owner: string): Promise<StoredReference | undefined>;
}

const key = (owner: string) => `reference/${owner}`;

export function conversationReferences(store: Queryable): ConversationReferences {
  return {
    async remember(owner, reference) {
      await store.query(
        `insert into bot_state (key, value, etag) values ($1, $2, '*')
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [key(owner), JSON.stringify(reference)],
      );
    },
    async find(owner) {
      const rows = await store.query<{ value: StoredReference | string }>(
        'select value from bot_state where key = $1',
        [key(owner)],
      );
      const value = rows[0]?.value;
      return typeof value === 'string' ? (JSON.parse(value) as StoredReference) : value;
    },
  };
}
