import type { CheckCase } from '../../quickcheck/case.js';
import { erasureMac, type ChainRecord } from '../../quickcheck/erasure.js';
import {
  auditKeyId,
  headMac,
  recordHash,
  RecordOutcomeUnknownError,
  type ChainScheme,
  type CheckRecord,
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

/**
 * The quick-check records in quickcheck_records (003_quickcheck.sql, 008_audit_key.sql), chained under a lock on
 * quickcheck_chain_head.
 */
export function quickcheckRecordStore(store: Store, { key }: QuickcheckRecordOptions): CheckRecordStore {
  const keyId = auditKeyId(key);
  return {
    async append(content, options = {}) {
      // The record as this append wrote it (set once its insert went through), or the earlier one of the same request
      // key: after an error from there on (the connection lost around COMMIT), the database is asked whether the
      // record is there after all.
      let written: CheckRecord | undefined;
      try {
        return await store.transaction(async (tx) => {
          // The row lock serialises appends across connections and instances (PostgreSQL); PGlite runs one transaction at a time anyway.
          const [head] = await tx.query<HeadRow>(
            'select seq, hash, mac, key_id from quickcheck_chain_head where id = 1 for update',
          );
          if (!head) throw new Error('quickcheck_chain_head is missing; migration 003 did not run');
          if (head.key_id !== null && head.key_id !== keyId) throw new AuditKeyMismatchError();
          // A retry of a submission already recorded (under the head's lock, so two retries at once find each other).
          if (options.requestKey !== undefined) {
            const [earlier] = await tx.query<Row>(
              'select * from quickcheck_records where who = $1 and request_key = $2',
              [content.who, options.requestKey],
            );
            // Set as written too: should this transaction fail, the lookup below finds the earlier record.
            if (earlier) return (written = toRecord(earlier));
          }
          const seq = Number(head.seq) + 1;
          const hash = recordHash(seq, content, head.hash, key);
          await tx.query(
            'insert into quickcheck_records (seq, at, who, verdict, rules_version, register_version, check_case, result, prev_hash, hash, chain_scheme, request_key) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
            [
              seq,
              content.at,
              content.who,
              content.verdict,
              content.rulesVersion,
              content.registerVersion,
              JSON.stringify(content.case),
              JSON.stringify(content.result),
              head.hash,
              hash,
              'hmac-sha256',
              options.requestKey ?? null,
            ],
          );
          written = { ...content, seq, prevHash: head.hash, hash, scheme: 'hmac-sha256' as const };
          await tx.query('update quickcheck_chain_head set seq = $1, hash = $2, mac = $3, key_id = $4 where id = 1', [
            seq,
            hash,
            headMac(key, { seq, hash }),
            keyId,
          ]);
          return written;
        });
      } catch (error) {
        if (!written) throw error;
        if (await isRecorded(store, written.hash, error)) return written;
        throw error;
      }
    },
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
