import type { CheckCase } from '../../quickcheck/case.js';
import { erasureMac, type ChainRecord } from '../../quickcheck/erasure.js';
import {
  auditKeyId,
  headMac,
  recordHash,
  RecordOutcomeUnknownError,
  type ChainScheme,
  type CheckRecord,
  type CheckRecordContent,
  type CheckRecordStore,
} from '../../quickcheck/record.js';
import type { CheckVerdict, VerdictValue } from '../../quickcheck/verdict.js';
import type { Store } from '../store.js';

interface Row extends Record<string, unknown> {
  seq: number;
  at: Date | string;
  who: string | null;
  verdict: VerdictValue;
  rules_version: string;
  register_version: string;
  check_case: CheckCase | string | null;
  result: CheckVerdict | string | null;
  prev_hash: string;
  hash: string;
  chain_scheme: ChainScheme;
  erased_at: Date | string | null;
  erasure_mac: string | null;
}

interface HeadRow extends Record<string, unknown> {
  seq: number;
  hash: string;
  mac: string | null;
  key_id: string | null;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A row as the chain holds it: a whole record, or the tombstone of an erased one (migration 011). */
function toChainRecord(r: Row): ChainRecord {
  const kept = {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    verdict: r.verdict,
    rulesVersion: r.rules_version,
    registerVersion: r.register_version,
    prevHash: r.prev_hash,
    hash: r.hash,
    scheme: r.chain_scheme,
  };
  if (r.erased_at !== null || r.who === null || r.check_case === null || r.result === null)
    return {
      ...kept,
      erasedAt: r.erased_at === null ? '' : new Date(r.erased_at).toISOString(),
      erasureMac: r.erasure_mac ?? '',
    };
  return { ...kept, who: r.who, case: json(r.check_case), result: json(r.result) };
}

/** A person's own record (never a tombstone: those name no one). */
function toRecord(r: Row): CheckRecord {
  const record = toChainRecord(r);
  if (!('who' in record)) throw new Error(`record ${r.seq} is erased`);
  return record;
}

const pageSize = 500;

/**
 * Whether the record with this hash is in the chain, asked after its transaction failed. The lock on the head waits
 * for a COMMIT that is still under way on the lost connection; when the database cannot be asked (still away, or the
 * lock not free within 5 s) the outcome is unknown, and RecordOutcomeUnknownError says so.
 */
async function isRecorded(store: Store, hash: string, cause: unknown): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.transaction(async (tx) => {
        await tx.query("set local lock_timeout = '5s'");
        await tx.query('select seq from quickcheck_chain_head where id = 1 for update');
        return (await tx.query('select seq from quickcheck_records where hash = $1', [hash])).length > 0;
      });
    } catch {
      if (attempt >= 3) throw new RecordOutcomeUnknownError(hash, { cause });
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** Refused append: the chain was started under another AUDIT_KEY, and records under this one would break it. */
export class AuditKeyMismatchError extends Error {
  constructor() {
    super(
      'AUDIT_KEY is niet de sleutel waarmee de auditketen is vastgelegd; er is niets vastgelegd. / ' +
        'AUDIT_KEY is not the key the audit chain was recorded with; nothing was recorded.',
    );
    this.name = 'AuditKeyMismatchError';
  }
}

export interface QuickcheckRecordOptions {
  /** AUDIT_KEY: each new record's hash is an HMAC-SHA256 under it (scheme 'hmac-sha256'), and so is the head's MAC. */
  key: string;
}

/** An append waiting for its turn, and how to answer it. */
interface PendingAppend {
  content: CheckRecordContent;
  requestKey: string | undefined;
  resolve: (record: CheckRecord) => void;
  reject: (error: unknown) => void;
}

/** At most this many checks go into the chain in one transaction. */
const batchLimit = 64;

/**
 * The appends of one process to one store: while one transaction appends, the checks that arrive meanwhile wait here
 * (without a pooled connection) and then go in together, in one transaction under the head's row lock: one lock, one
 * insert and one commit for all of them, each record still chained to the one before it. Under load that lifts the
 * limit the lock set (one transaction of round trips per check: about 100 checks a second on the load bench, which
 * held every connection of the pool meanwhile). Each check is recorded once or not at all: a batch is one transaction;
 * should the database refuse it (an SQLSTATE), each of its checks is tried on its own, so one person's check never
 * fails another's.
 */
class AppendQueue {
  private readonly waiting: PendingAppend[] = [];
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly key: string,
  ) {}

  add(content: CheckRecordContent, requestKey: string | undefined): Promise<CheckRecord> {
    return new Promise<CheckRecord>((resolve, reject) => {
      this.waiting.push({ content, requestKey, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, batchLimit);
        try {
          const records = await appendBatch(this.store, this.key, batch);
          batch.forEach((p, i) => p.resolve(records[i]!));
        } catch (error) {
          if (batch.length > 1 && isDatabaseRefusal(error)) {
            // Refused as a whole: each on its own, so that the refusal reaches only the check it concerns.
            for (const p of batch) await appendBatch(this.store, this.key, [p]).then(([r]) => p.resolve(r!), p.reject);
          } else for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const queues = new WeakMap<Store, Map<string, AppendQueue>>();

function appendsOf(store: Store, key: string): AppendQueue {
  let byKey = queues.get(store);
  if (!byKey) queues.set(store, (byKey = new Map()));
  let queue = byKey.get(key);
  if (!queue) byKey.set(key, (queue = new AppendQueue(store, key)));
  return queue;
}

/** The database's own refusal of a statement (it has an SQLSTATE), as opposed to a lost connection. */
function isDatabaseRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

const recordColumns =
  'seq, at, who, verdict, rules_version, register_version, check_case, result, prev_hash, hash, chain_scheme, request_key';
const recordColumnCount = recordColumns.split(',').length;

/** One submission of one person (a request key is the caller's own, so it is unique per person). */
const submission = (who: string, requestKey: string) => `${who}\u0000${requestKey}`;

/**
 * Appends a batch in one transaction under a lock on the chain head; the records in the batch's order. A check whose
 * request key (the API's Idempotency-Key) was recorded before, or earlier in the same batch, is answered with that
 * record and recorded no more. After an error from the insert on (the connection lost around COMMIT), the database
 * is asked whether the batch is there after all (all of it or none: one transaction).
 */
async function appendBatch(store: Store, key: string, batch: PendingAppend[]): Promise<CheckRecord[]> {
  const keyId = auditKeyId(key);
  let written: CheckRecord[] | undefined;
  let last: string | undefined;
  try {
    return await store.transaction(async (tx) => {
      // The row lock serialises appends across connections and instances (PostgreSQL); PGlite runs one transaction at a time anyway.
      const [head] = await tx.query<HeadRow>(
        'select seq, hash, mac, key_id from quickcheck_chain_head where id = 1 for update',
      );
      if (!head) throw new Error('quickcheck_chain_head is missing; migration 003 did not run');
      if (head.key_id !== null && head.key_id !== keyId) throw new AuditKeyMismatchError();
      // Retries of submissions already recorded (under the head's lock, so two retries at once find each other).
      const keyed = batch.filter((p) => p.requestKey !== undefined);
      const earlier = new Map<string, CheckRecord>();
      if (keyed.length > 0) {
        const rows = await tx.query<Row & { request_key: string }>(
          'select * from quickcheck_records where (who, request_key) in (select * from unnest($1::text[], $2::text[]))',
          [keyed.map((p) => p.content.who), keyed.map((p) => p.requestKey)],
        );
        for (const row of rows) earlier.set(submission(row.who!, row.request_key), toRecord(row));
      }
      let seq = Number(head.seq);
      let prevHash = head.hash;
      const records: CheckRecord[] = [];
      const values: unknown[] = [];
      for (const { content, requestKey } of batch) {
        const id = requestKey === undefined ? undefined : submission(content.who, requestKey);
        const before = id === undefined ? undefined : earlier.get(id);
        if (before) {
          records.push(before);
          continue;
        }
        seq += 1;
        const hash = recordHash(seq, content, prevHash, key);
        const record = { ...content, seq, prevHash, hash, scheme: 'hmac-sha256' as const };
        if (id !== undefined) earlier.set(id, record);
        records.push(record);
        values.push(
          seq,
          content.at,
          content.who,
          content.verdict,
          content.rulesVersion,
          content.registerVersion,
          JSON.stringify(content.case),
          JSON.stringify(content.result),
          prevHash,
          hash,
          'hmac-sha256',
          requestKey ?? null,
        );
        prevHash = hash;
      }
      if (values.length === 0) return records;
      const placeholders = Array.from(
        { length: values.length / recordColumnCount },
        (_, r) =>
          `(${Array.from({ length: recordColumnCount }, (_, c) => `$${r * recordColumnCount + c + 1}`).join(', ')})`,
      ).join(', ');
      await tx.query(`insert into quickcheck_records (${recordColumns}) values ${placeholders}`, values);
      written = records;
      last = prevHash;
      await tx.query('update quickcheck_chain_head set seq = $1, hash = $2, mac = $3, key_id = $4 where id = 1', [
        seq,
        prevHash,
        headMac(key, { seq, hash: prevHash }),
        keyId,
      ]);
      return records;
    });
  } catch (error) {
    if (!written || last === undefined) throw error;
    if (await isRecorded(store, last, error)) return written;
    throw error;
  }
}

/**
 * The quick-check records in quickcheck_records (003_quickcheck.sql, 008_audit_key.sql), chained under a lock on
 * quickcheck_chain_head, appended in batches (AppendQueue).
 */
export function quickcheckRecordStore(store: Store, { key }: QuickcheckRecordOptions): CheckRecordStore {
  return {
    // Appends of this process wait their turn and go in together (AppendQueue); across instances the head's row
    // lock decides.
    append: (content, options = {}) => appendsOf(store, key).add(content, options.requestKey),
    async listFor(who, options) {
      const rows = options.before
        ? await store.query<Row>(
            'select * from quickcheck_records where who = $1 and seq < $2 order by seq desc limit $3',
            [who, options.before, options.limit],
          )
        : await store.query<Row>('select * from quickcheck_records where who = $1 order by seq desc limit $2', [
            who,
            options.limit,
          ]);
      return rows.map(toRecord);
    },
    async *all() {
      let after = 0;
      for (;;) {
        const rows = await store.query<Row>('select * from quickcheck_records where seq > $1 order by seq limit $2', [
          after,
          pageSize,
        ]);
        for (const row of rows) yield toChainRecord(row);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    async head() {
      const [head] = await store.query<HeadRow & { at: Date | string | null }>(
        'select h.seq, h.hash, h.mac, h.key_id, r.at from quickcheck_chain_head h left join quickcheck_records r on r.seq = h.seq where h.id = 1',
      );
      if (!head) return { seq: 0, hash: '', recordedAt: null };
      return {
        seq: Number(head.seq),
        hash: head.hash,
        mac: head.mac,
        keyId: head.key_id,
        recordedAt: head.at === null ? null : new Date(head.at).toISOString(),
      };
    },
    erase: (selection, erasedAt) => eraseRecords(store, key, selection, erasedAt),
  };
}

/**
 * Erases page by page: each record's hash checked first (a changed record is left for audit verify to name), then
 * its personal columns cleared and its erasure MAC set, in one statement per page. The table's rule (010) lets
 * only this update through.
 */
async function eraseRecords(
  store: Store,
  key: string,
  selection: { who: string } | { before: string },
  erasedAt: string,
): Promise<{ erased: number; skipped: number }> {
  let after = 0;
  let erased = 0;
  let skipped = 0;
  for (;;) {
    const rows =
      'who' in selection
        ? await store.query<Row>(
            'select * from quickcheck_records where who = $1 and erased_at is null and seq > $2 order by seq limit $3',
            [selection.who, after, pageSize],
          )
        : await store.query<Row>(
            'select * from quickcheck_records where at < $1::timestamptz and erased_at is null and seq > $2 order by seq limit $3',
            [selection.before, after, pageSize],
          );
    const seqs: number[] = [];
    const macs: string[] = [];
    for (const row of rows) {
      const record = toChainRecord(row);
      if (!('who' in record)) continue;
      const keyed = record.scheme === 'hmac-sha256' ? key : undefined;
      if (recordHash(record.seq, record, record.prevHash, keyed) !== record.hash) {
        skipped++;
        continue;
      }
      seqs.push(record.seq);
      macs.push(erasureMac(key, { ...record, erasedAt }));
    }
    if (seqs.length > 0) {
      await store.query(
        `update quickcheck_records set who = null, check_case = null, result = null, erased_at = $1::timestamptz, erasure_mac = m.mac
           from (select unnest($2::int[]) as seq, unnest($3::text[]) as mac) m
          where quickcheck_records.seq = m.seq and quickcheck_records.erased_at is null`,
        [erasedAt, seqs, macs],
      );
      const [done] = await store.query<{ n: number }>(
        'select count(*)::int as n from quickcheck_records where seq = any($1::int[]) and erased_at = $2::timestamptz',
        [seqs, erasedAt],
      );
      erased += Number(done?.n ?? 0);
    }
    if (rows.length < pageSize) return { erased, skipped };
    after = Number(rows[rows.length - 1]!.seq);
  }
}
