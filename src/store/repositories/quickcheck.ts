import type { CheckCase } from '../../quickcheck/case.js';
import { recordHash, type CheckRecord, type CheckRecordStore } from '../../quickcheck/record.js';
import type { CheckVerdict, VerdictValue } from '../../quickcheck/verdict.js';
import type { Store } from '../store.js';

interface Row extends Record<string, unknown> {
  seq: number;
  at: Date | string;
  who: string;
  verdict: VerdictValue;
  rules_version: string;
  register_version: string;
  check_case: CheckCase | string;
  result: CheckVerdict | string;
  prev_hash: string;
  hash: string;
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toRecord(r: Row): CheckRecord {
  return {
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    who: r.who,
    verdict: r.verdict,
    rulesVersion: r.rules_version,
    registerVersion: r.register_version,
    case: json(r.check_case),
    result: json(r.result),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

const pageSize = 500;

/** The quick-check records in quickcheck_records (003_quickcheck.sql), chained under a lock on quickcheck_chain_head. */
export function quickcheckRecordStore(store: Store): CheckRecordStore {
  return {
    async append(content) {
      return store.transaction(async (tx) => {
        // The row lock serialises appends across connections and instances (PostgreSQL); PGlite runs one transaction at a time anyway.
        const [head] = await tx.query<{ seq: number; hash: string }>(
          'select seq, hash from quickcheck_chain_head where id = 1 for update',
        );
        if (!head) throw new Error('quickcheck_chain_head is missing; migration 003 did not run');
        const seq = Number(head.seq) + 1;
        const hash = recordHash(seq, content, head.hash);
        await tx.query(
          'insert into quickcheck_records (seq, at, who, verdict, rules_version, register_version, check_case, result, prev_hash, hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
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
          ],
        );
        await tx.query('update quickcheck_chain_head set seq = $1, hash = $2 where id = 1', [seq, hash]);
        return { ...content, seq, prevHash: head.hash, hash };
      });
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
        for (const row of rows) yield toRecord(row);
        if (rows.length < pageSize) return;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    async head() {
      const [head] = await store.query<{ seq: number; hash: string }>(
        'select seq, hash from quickcheck_chain_head where id = 1',
      );
      return head ? { seq: Number(head.seq), hash: head.hash } : { seq: 0, hash: '' };
    },
  };
}
