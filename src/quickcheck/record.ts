import { createHash } from 'node:crypto';
import type { CheckCase } from './case.js';
import type { CheckVerdict, VerdictValue } from './verdict.js';

/**
 * The record of a check: append-only, in a hash chain. Each record's hash covers its canonical JSON content,
 * its sequence number and the previous record's hash, so a changed, removed or reordered record shows.
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

export interface CheckRecord extends CheckRecordContent {
  seq: number;
  prevHash: string;
  hash: string;
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

export function recordHash(seq: number, content: CheckRecordContent, prevHash: string): string {
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
  return createHash('sha256').update(body).digest('hex');
}

export type ChainProblem = 'changed' | 'missing' | 'out-of-order' | 'truncated';

export type ChainCheck =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; seq: number; problem: ChainProblem; message: { nl: string; en: string } };

/**
 * Checks records read in sequence order against the chain head. Reports the first broken record: a changed
 * record (its hash no longer matches), a missing one (a gap in the numbers, or the head points past the end),
 * or one out of order (its link to the previous record does not match).
 */
export async function verifyChain(
  records: AsyncIterable<CheckRecord> | Iterable<CheckRecord>,
  head: { seq: number; hash: string },
): Promise<ChainCheck> {
  let expected = 1;
  let prev = genesisHash;
  let count = 0;
  for await (const record of records) {
    count++;
    if (record.seq !== expected) {
      if (record.seq > expected) {
        return {
          ok: false,
          count,
          seq: expected,
          problem: 'missing',
          message: { nl: `record ${expected} ontbreekt (verwijderd)`, en: `record ${expected} is missing (removed)` },
        };
      }
      return {
        ok: false,
        count,
        seq: record.seq,
        problem: 'out-of-order',
        message: { nl: `record ${record.seq} staat niet op zijn plaats`, en: `record ${record.seq} is out of order` },
      };
    }
    if (record.prevHash !== prev) {
      return {
        ok: false,
        count,
        seq: record.seq,
        problem: 'out-of-order',
        message: {
          nl: `record ${record.seq} sluit niet aan op het vorige record (volgorde veranderd of vorige record vervangen)`,
          en: `record ${record.seq} does not link to the previous record (reordered or previous record replaced)`,
        },
      };
    }
    if (recordHash(record.seq, record, record.prevHash) !== record.hash) {
      return {
        ok: false,
        count,
        seq: record.seq,
        problem: 'changed',
        message: {
          nl: `record ${record.seq} is gewijzigd (de hash klopt niet meer)`,
          en: `record ${record.seq} was changed (its hash no longer matches)`,
        },
      };
    }
    prev = record.hash;
    expected++;
  }
  const last = expected - 1;
  if (head.seq !== last || head.hash !== prev) {
    const seq = head.seq > last ? expected : head.seq + 1;
    return {
      ok: false,
      count,
      seq,
      problem: 'truncated',
      message: {
        nl: `de keten eindigt bij record ${last}, maar het laatst vastgelegde record is ${head.seq}: record ${seq} en later zijn verwijderd of gewijzigd`,
        en: `the chain ends at record ${last}, but the last record written is ${head.seq}: record ${seq} and later were removed or changed`,
      },
    };
  }
  return { ok: true, count, lastHash: prev };
}

export interface CheckListOptions {
  limit: number;
  before?: number;
}

/** Where records are kept; the SQL lives in src/store/repositories/quickcheck.ts. */
export interface CheckRecordStore {
  /** Appends under a lock on the chain head, so that concurrent appends never fork the chain. */
  append(content: CheckRecordContent): Promise<CheckRecord>;
  /** One person's records, newest first. */
  listFor(who: string, options: CheckListOptions): Promise<CheckRecord[]>;
  /** Every record in sequence order, for verification and export. */
  all(): AsyncIterable<CheckRecord>;
  head(): Promise<{ seq: number; hash: string }>;
}
