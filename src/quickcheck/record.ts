import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckCase } from './case.js';
import { erasureMacMatches, isErased, type ChainRecord } from './erasure.js';
import type { CheckVerdict, VerdictValue } from './verdict.js';

/**
 * The record of a check: append-only, in a hash chain. Each record's hash covers its canonical JSON content,
 * its sequence number and the previous record's hash, so a changed, removed or reordered record shows. The hash is
 * an HMAC-SHA256 under AUDIT_KEY, which is kept outside the database: whoever can write the database cannot
 * recompute the chain. Records written before the key (scheme 'sha256') keep their plain SHA-256, and only as the
 * chain's first records: an unkeyed record after a keyed one is a change.
 */
export interface CheckRecordContent {
  /** Pseudonymous id of who ran the check; never a name. */
  who: string;
  /** ISO timestamp, millisecond precision. */
  at: string;
  case: CheckCase;
  verdict: VerdictValue;
  /** The verdict as shown: reasons, conditions, advice, tool. */
  result: CheckVerdict;
  rulesVersion: string;
  registerVersion: string;
}

/** How a record's hash was made: 'sha256' before AUDIT_KEY (migration 008), 'hmac-sha256' since. */
export type ChainScheme = 'sha256' | 'hmac-sha256';

export interface CheckRecord extends CheckRecordContent {
  seq: number;
  prevHash: string;
  hash: string;
  scheme: ChainScheme;
}

/** The chain's head as the database keeps it: mac (HMAC of seq and hash) and keyId are set by the first keyed append. */
export interface ChainHead {
  seq: number;
  hash: string;
  mac?: string | null;
  keyId?: string | null;
  /** When the head record was recorded (null for an empty chain). */
  recordedAt?: string | null;
}

/** The hash before the first record. */
export const genesisHash = '0'.repeat(64);

/** JSON with sorted keys and no whitespace: the same content always gives the same text, whatever the database did to key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The record's hash: HMAC-SHA256 under key when given, else the plain SHA-256 of the records before the key. */
export function recordHash(seq: number, content: CheckRecordContent, prevHash: string, key?: string): string {
  const body = canonicalJson({
    seq,
    prevHash,
    who: content.who,
    at: content.at,
    case: content.case,
    verdict: content.verdict,
    result: content.result,
    rulesVersion: content.rulesVersion,
    registerVersion: content.registerVersion,
  });
  return key === undefined
    ? createHash('sha256').update(body).digest('hex')
    : createHmac('sha256', key).update(body).digest('hex');
}

/** The MAC of the head row (seq and hash), so that a chain cut short and its head moved back shows. */
export function headMac(key: string, head: { seq: number; hash: string }): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ kind: 'ai-wijzer/audit-chain-head', seq: head.seq, hash: head.hash }))
    .digest('hex');
}

/** Names the key without giving it away: the database keeps it, so that verify can say "another key" plainly. */
export function auditKeyId(key: string): string {
  return createHmac('sha256', key).update('ai-wijzer/audit-key-id').digest('hex').slice(0, 16);
}

/** Compares two hex MACs in constant time. */
export function sameMac(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export type ChainProblem = 'changed' | 'missing' | 'out-of-order' | 'truncated' | 'rewritten' | 'wrong-key';

export type ChainCheck =
  | {
      ok: true;
      count: number;
      lastHash: string;
      /** Records from before AUDIT_KEY (plain SHA-256), all at the start of the chain. */
      unkeyed: number;
    }
  | { ok: false; count: number; seq: number; problem: ChainProblem; message: { nl: string; en: string } };

export interface VerifyOptions {
  /** AUDIT_KEY: the key the keyed records and the head were made with. */
  key: string;
  /** A head exported earlier, its signature checked (signed-head.ts): the chain must still hold this hash at this seq. */
  anchor?: { seq: number; hash: string; exportedAt: string };
}

const fail = (count: number, seq: number, problem: ChainProblem, nl: string, en: string): ChainCheck => ({
  ok: false,
  count,
  seq,
  problem,
  message: { nl, en },
});

/**
 * Checks records read in sequence order against the chain head. Reports the first broken record: a changed
 * record (its hash no longer matches, or an unkeyed record after keyed ones), a missing one (a gap in the numbers,
 * or the head points past the end), one out of order (its link to the previous record does not match), or a head
 * whose MAC does not match (the chain cut short and its head moved back). With an anchor (an exported signed head)
 * the record at its seq must still have its hash, which covers every record before it. An erased record (a
 * tombstone, erasure.ts) cannot have its hash recomputed: its erasure MAC under the key is checked instead.
 */
export async function verifyChain(
  records: AsyncIterable<ChainRecord> | Iterable<ChainRecord>,
  head: ChainHead,
  { key, anchor }: VerifyOptions,
): Promise<ChainCheck> {
  if (head.keyId && head.keyId !== auditKeyId(key))
    return fail(
      0,
      0,
      'wrong-key',
      'AUDIT_KEY is niet de sleutel waarmee deze keten is vastgelegd; gebruik de sleutel van de productieomgeving',
      'AUDIT_KEY is not the key this chain was recorded with; use the key of the production environment',
    );
  let expected = 1;
  let prev = genesisHash;
  let count = 0;
  let keyed = false;
  let unkeyed = 0;
  for await (const record of records) {
    count++;
    const seq = record.seq;
    if (seq !== expected) {
      if (seq > expected)
        return fail(
          count,
          expected,
          'missing',
          `record ${expected} ontbreekt (verwijderd)`,
          `record ${expected} is missing (removed)`,
        );
      return fail(
        count,
        seq,
        'out-of-order',
        `record ${seq} staat niet op zijn plaats`,
        `record ${seq} is out of order`,
      );
    }
    if (record.prevHash !== prev)
      return fail(
        count,
        seq,
        'out-of-order',
        `record ${seq} sluit niet aan op het vorige record (volgorde veranderd of vorige record vervangen)`,
        `record ${seq} does not link to the previous record (reordered or previous record replaced)`,
      );
    if (record.scheme === 'hmac-sha256') keyed = true;
    else if (keyed)
      return fail(
        count,
        seq,
        'changed',
        `record ${seq} is gewijzigd (het staat als ongesleuteld, van voor AUDIT_KEY, na gesleutelde records)`,
        `record ${seq} was changed (it is marked unkeyed, from before AUDIT_KEY, after keyed records)`,
      );
    else unkeyed++;
    if (isErased(record)) {
      if (!erasureMacMatches(key, record))
        return fail(
          count,
          seq,
          'changed',
          `record ${seq} is gewijzigd (het staat als gewist, maar niet met AUDIT_KEY of er is daarna iets veranderd)`,
          `record ${seq} was changed (it is marked erased, but not with AUDIT_KEY, or something was changed since)`,
        );
    } else if (recordHash(seq, record, record.prevHash, keyed ? key : undefined) !== record.hash)
      return keyed
        ? fail(
            count,
            seq,
            'changed',
            `record ${seq} is gewijzigd (de hash klopt niet met AUDIT_KEY; of AUDIT_KEY is een andere sleutel dan bij het vastleggen)`,
            `record ${seq} was changed (its hash does not match under AUDIT_KEY; or AUDIT_KEY is not the key it was recorded with)`,
          )
        : fail(
            count,
            seq,
            'changed',
            `record ${seq} is gewijzigd (de hash klopt niet meer)`,
            `record ${seq} was changed (its hash no longer matches)`,
          );
    if (anchor && seq === anchor.seq && record.hash !== anchor.hash)
      return fail(
        count,
        seq,
        'rewritten',
        `record ${seq} is niet meer het record van de ondertekende kop van ${anchor.exportedAt}: dit of een eerder record is herschreven`,
        `record ${seq} is no longer the record of the signed head of ${anchor.exportedAt}: it or an earlier record was rewritten`,
      );
    prev = record.hash;
    expected++;
  }
  const last = expected - 1;
  if (anchor && last < anchor.seq)
    return fail(
      count,
      last + 1,
      'truncated',
      `de keten eindigt bij record ${last}, maar de ondertekende kop van ${anchor.exportedAt} noemt record ${anchor.seq}: record ${last + 1} tot en met ${anchor.seq} zijn verwijderd`,
      `the chain ends at record ${last}, but the signed head of ${anchor.exportedAt} names record ${anchor.seq}: records ${last + 1} to ${anchor.seq} were removed`,
    );
  if (head.seq !== last || head.hash !== prev) {
    const seq = head.seq > last ? expected : head.seq + 1;
    return fail(
      count,
      seq,
      'truncated',
      `de keten eindigt bij record ${last}, maar het laatst vastgelegde record is ${head.seq}: record ${seq} en later zijn verwijderd of gewijzigd`,
      `the chain ends at record ${last}, but the last record written is ${head.seq}: record ${seq} and later were removed or changed`,
    );
  }
  if ((keyed || head.mac) && !sameMac(head.mac, headMac(key, head)))
    return fail(
      count,
      last + 1,
      'truncated',
      `de kop van de keten (record ${last}) is niet met AUDIT_KEY ondertekend: records na ${last} kunnen zijn verwijderd en de kop teruggezet`,
      `the head of the chain (record ${last}) is not signed with AUDIT_KEY: records after ${last} may have been removed and the head moved back`,
    );
  return { ok: true, count, lastHash: prev, unkeyed };
}

export interface CheckListOptions {
  limit: number;
  before?: number;
}

/**
 * The connection to the database was lost while a record was being committed, and the database could not be asked
 * afterwards whether the record is there: it may be recorded or not. The person is told so, not "nothing recorded".
 */
export class RecordOutcomeUnknownError extends Error {
  constructor(
    readonly hash: string,
    options?: { cause?: unknown },
  ) {
    super('the record may or may not have been committed', options);
    this.name = 'RecordOutcomeUnknownError';
  }
}

/** How one append is made. */
export interface AppendOptions {
  /**
   * The client's key for one submission (Idempotency-Key): an append with a key the same person used before records
   * nothing and resolves with that earlier record, so a retry never records twice.
   */
  requestKey?: string;
}

/** Where records are kept; the SQL lives in src/store/repositories/quickcheck.ts. */
export interface CheckRecordStore {
  /**
   * Appends under a lock on the chain head, so that concurrent appends never fork the chain. Resolves only when the
   * record is stored, rejects when it is not; RecordOutcomeUnknownError when that could not be found out.
   */
  append(content: CheckRecordContent, options?: AppendOptions): Promise<CheckRecord>;
  /** One person's records, newest first. */
  listFor(who: string, options: CheckListOptions): Promise<CheckRecord[]>;
  /** Every record in sequence order, for verification and export; erased ones as their tombstone. */
  all(): AsyncIterable<ChainRecord>;
  head(): Promise<ChainHead>;
  /**
   * Erases the personal part (who, case, result) of the records one person made, or of those recorded before a
   * moment, leaving tombstones the chain still verifies (erasure.ts). A record whose hash does not match is left
   * as it is (erasing it would hide the change) and counted as skipped. Returns how many were erased.
   */
  erase(
    selection: { who: string } | { before: string },
    erasedAt: string,
  ): Promise<{ erased: number; skipped: number }>;
}
