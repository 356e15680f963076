import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CheckRecord } from './record.js';

/**
 * A check whose personal part was erased (retention, or an AVG request): who, the case and the result are gone; what
 * the chain needs stays. Its hash can no longer be recomputed, so the erasure MAC, an HMAC under AUDIT_KEY of what
 * was kept and when it was erased, stands in for it: a tombstone made without the key, or a kept field changed
 * since, shows as a changed record. The next record still links to its hash, so the chain and every exported
 * head stay whole.
 */
export interface ErasedCheckRecord extends Omit<CheckRecord, 'who' | 'case' | 'result'> {
  /** When the personal part was erased (ISO, millisecond precision). */
  erasedAt: string;
  erasureMac: string;
}

/** A record as the chain holds it: whole, or erased to its tombstone. */
export type ChainRecord = CheckRecord | ErasedCheckRecord;

/** Whether the record's personal part was erased. */
export function isErased(record: ChainRecord): record is ErasedCheckRecord {
  return 'erasedAt' in record && typeof record.erasedAt === 'string';
}

/** What the erasure MAC covers: every kept field, in a fixed order. */
type Kept = Pick<
  ErasedCheckRecord,
  'seq' | 'at' | 'verdict' | 'rulesVersion' | 'registerVersion' | 'prevHash' | 'hash' | 'scheme' | 'erasedAt'
>;

/** The MAC of a tombstone under AUDIT_KEY. */
export function erasureMac(key: string, kept: Kept): string {
  const body = JSON.stringify([
    'ai-wijzer/audit-erasure',
    kept.seq,
    kept.at,
    kept.verdict,
    kept.rulesVersion,
    kept.registerVersion,
    kept.prevHash,
    kept.hash,
    kept.scheme,
    kept.erasedAt,
  ]);
  return createHmac('sha256', key).update(body).digest('hex');
}

/** Whether a tombstone's MAC is the one AUDIT_KEY gives for what it kept (constant time). */
export function erasureMacMatches(key: string, record: ErasedCheckRecord): boolean {
  const expected = erasureMac(key, record);
  if (typeof record.erasureMac !== 'string' || record.erasureMac.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(record.erasureMac), Buffer.from(expected));
}
