import { randomUUID } from 'node:crypto';
import type { Store } from '../../src/store/index.js';
import { quickcheckRecordStore } from '../../src/store/repositories/quickcheck.js';
import { runCheck, type CheckRecordStore } from '../../src/quickcheck/index.js';
import type { CheckRecordContent } from '../../src/quickcheck/record.js';
import { baseCase } from '../quickcheck/cases.js';
import { auditKey, content as content0 } from '../quickcheck/records.js';

/** Rows as the app writes them, with the moments a retention test needs (tests may use SQL). */
export const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();

/** A check of `who` recorded at `at`: the case and verdict of a real evaluation, appended to the chain with that moment. */
export async function checkAt(store: Store, who: string, at: string, purpose = 'een interne notitie herschrijven') {
  let content: CheckRecordContent | undefined;
  // runCheck builds the record's content; this store only catches it, the real one appends it with the moment.
  const catcher = {
    append: async (c: CheckRecordContent) => {
      content = c;
      return { ...c, seq: 0, prevHash: '', hash: '', scheme: 'hmac-sha256' as const };
    },
  } as unknown as CheckRecordStore;
  await runCheck({
    ruleSet: content0,
    register: content0.register,
    records: catcher,
    who,
    case: { ...baseCase, purpose },
  });
  return quickcheckRecordStore(store, { key: auditKey }).append({ ...content!, at });
}

export async function seedScan(store: Store, owner: string | null, sourceKey: string, finishedAt: string) {
  const id = randomUUID();
  await store.query(
    `insert into housekeeping_scans (id, source_key, owner, source, root, complete, started_at, finished_at,
       files, folders, bytes, graph_requests, score, label, rule_counts, report)
     values ($1, $2, $3, 'filesystem', '/mnt/share', true, $4, $4, 1, 1, 10, 0, 90, 'goed', '{}', '{"findings":[]}')`,
    [id, sourceKey, owner, finishedAt],
  );
  return id;
}

export async function seedJob(store: Store, owner: string, status: string, createdAt: string, targetId = 'drive-1') {
  const id = randomUUID();
  await store.query(
    `insert into scan_jobs (id, owner, target_kind, target_id, status, created_at, finished_at)
     values ($1, $2, 'drive', $3, $4, $5, case when $4 in ('done', 'failed') then $5::timestamptz end)`,
    [id, owner, targetId, status, createdAt],
  );
  return id;
}

export async function seedDrive(store: Store, key: string, updatedAt: string) {
  await store.query(
    "insert into graph_drive_state (key, delta_link, item_count, items, updated_at) values ($1, 'https://graph/delta', 3, '\\x00', $2)",
    [key, updatedAt],
  );
}

export async function seedFeedback(store: Store, createdAt: string, question = 'wat zegt de visie over BSN?') {
  await store.query(
    "insert into vision_feedback (kind, outcome, question, created_at) values ('unanswered', 'abstain', $1, $2)",
    [question, createdAt],
  );
}

export async function seedBotState(store: Store, key: string, value: unknown, updatedAt: string) {
  await store.query("insert into bot_state (key, value, etag, updated_at) values ($1, $2, '*', $3)", [
    key,
    JSON.stringify(value),
    updatedAt,
  ]);
}

/** How many rows a table holds. */
export async function rowCount(store: Store, table: string): Promise<number> {
  const [row] = await store.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return Number(row!.n);
}
